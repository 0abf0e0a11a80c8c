/**
 * Scores the Q&A engine on each letter in data/letters/: the letter is imported with the same parser as
 * `admin directive import`, the engine is built from it alone (no curated pairs), and the questions written for it
 * before any tuning are asked once each. The 2024 letter is the tuning letter; the others are held out.
 *   npm run eval:qa                   every letter's figures; exit 1 when a held-out letter misses a target
 *   npm run eval:qa -- --misses 2024  list the misses of one letter (only ever the tuning letter's, to tune on)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseLetter } from '../src/directive/parse.ts';
import { FEATURE_NAMES, fitCalibration } from '../src/qa/confidence.ts';
import { createEngine } from '../src/qa/engine.ts';
import { type LetterReport, loadLetterCases, scoreLetter } from '../src/qa/evaluate-letter.ts';
import { knowledgeFromLetter } from '../src/qa/knowledge.ts';

export const LETTER_TARGETS = { inScope: 0.92, noDiacritics: 0.9, declined: 0.95, heldOut: 0.85, p99Ms: 5 };
export const TUNING_LETTER = 'cong-van-tet-giap-thin-2024';

const dir = new URL('../data/letters/', import.meta.url).pathname;
const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : '–');

export function evaluateLetters(options: { misses?: string } = {}): { failed: string[] } {
  const failed: string[] = [];
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.questions.tsv'))
    .map((f) => f.replace(/\.questions\.tsv$/, ''))
    .sort();
  for (const name of names) {
    const letterFile = [path.join(dir, `${name}.txt`), path.join(dir, '..', `${name}.txt`)].find((f) => {
      try {
        readFileSync(f);
        return true;
      } catch {
        return false;
      }
    });
    if (!letterFile) continue;
    const t0 = performance.now();
    const { letter } = parseLetter(readFileSync(letterFile, 'utf8'));
    const engine = createEngine({ knowledge: knowledgeFromLetter(letter) });
    const importMs = performance.now() - t0;
    const cases = loadLetterCases(path.join(dir, `${name}.questions.tsv`));
    for (let i = 0; i < 3; i++) for (const c of cases) engine.ask(c.question);
    const r: LetterReport = scoreLetter(engine, cases, letter.deadline.date);
    const heldOut = name !== TUNING_LETTER;
    console.log(
      `\n${name} (${heldOut ? 'held out: never tuned on' : 'tuning letter'}), ${r.cases} questions`,
    );
    console.log(`  import + index                      ${importMs.toFixed(0)} ms`);
    console.log(
      `  first reply right, in scope         ${pct(r.firstReplyRight, r.inScope)} (${r.firstReplyRight}/${r.inScope})`,
    );
    console.log(
      `  … without diacritics                ${pct(r.noDiacritics.right, r.noDiacritics.cases)} (${r.noDiacritics.right}/${r.noDiacritics.cases})`,
    );
    console.log(`  "Có phải bạn muốn hỏi", in scope    ${pct(r.suggested, r.inScope)}`);
    console.log(`  "không đề cập", in scope            ${pct(r.refusedInScope, r.inScope)}`);
    console.log(
      `  out of scope declined               ${pct(r.declined, r.outOfScope)} (${r.declined}/${r.outOfScope})`,
    );
    console.log(`  out of scope answered with deadline ${r.answeredWithDeadline}`);
    console.log(
      `  time per answer                     p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms`,
    );
    if (heldOut && r.firstReplyRight / r.inScope < LETTER_TARGETS.heldOut) failed.push(`${name}: in scope`);
    if (r.declined / Math.max(1, r.outOfScope) < LETTER_TARGETS.declined) failed.push(`${name}: declined`);
    if (r.answeredWithDeadline > 0) failed.push(`${name}: deadline given out of scope`);
    if (options.misses && name.includes(options.misses)) {
      for (const m of r.misses) console.log(`    ✗ ${m.question}  → ${m.got}`);
    }
  }
  return { failed };
}

/** Fits the letter calibration and sweeps the thresholds on the tuning letter alone. */
function fitOnTuningLetter(): void {
  const { letter } = parseLetter(readFileSync(path.join(dir, '..', `${TUNING_LETTER}.txt`), 'utf8'));
  const knowledge = knowledgeFromLetter(letter);
  const engine = createEngine({ knowledge });
  const cases = loadLetterCases(path.join(dir, `${TUNING_LETTER}.questions.tsv`));
  const key = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .toLowerCase();
  const rows = cases.flatMap((c) => {
    const a = engine.analyze(c.question);
    if (!a.features) return [];
    const top = a.candidates[0] ? (engine.answerById(a.candidates[0].pairId)?.text ?? '') : '';
    const y = c.expect?.every((s) => key(top).includes(key(s))) ? 1 : 0;
    return [{ x: FEATURE_NAMES.map((n) => a.features![n]), y }];
  });
  const calibration = fitCalibration(rows);
  console.log('Fitted on the tuning letter:', JSON.stringify(calibration));
  for (const threshold of [0.5, 0.6, 0.7]) {
    for (const suggestFloor of [0.3, 0.35, 0.4, 0.45, 0.5]) {
      const e = createEngine({ knowledge, calibration, threshold, suggestFloor });
      const r = scoreLetter(e, cases, letter.deadline.date);
      console.log(
        `  threshold ${threshold} floor ${suggestFloor}: in scope ${pct(r.firstReplyRight, r.inScope)}, declined ${pct(r.declined, r.outOfScope)}, deadline out of scope ${r.answeredWithDeadline}`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--fit')) fitOnTuningLetter();
else if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--misses');
  const { failed } = evaluateLetters(i > 0 ? { misses: process.argv[i + 1] ?? TUNING_LETTER } : {});
  if (failed.length) {
    console.error(`\nMissed: ${failed.join(', ')}`);
    process.exit(1);
  }
}
