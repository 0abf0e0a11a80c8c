import { readFileSync } from 'node:fs';
import { fold } from '../fold.ts';
import type { QaEngine } from './types.ts';

/** One question about a letter: the snippets a right answer must state, or null when the letter does not cover it. */
export interface LetterCase {
  question: string;
  expect: string[] | null;
  noDiacritics: boolean;
}

export interface LetterReport {
  cases: number;
  inScope: number;
  /** In scope: the first reply is an answer that states every expected snippet. */
  firstReplyRight: number;
  noDiacritics: { cases: number; right: number };
  suggested: number;
  refusedInScope: number;
  outOfScope: number;
  declined: number;
  /** Out of scope yet answered with the deadline: the one wrong answer that costs a report. */
  answeredWithDeadline: number;
  /** Never reached the Q&A: the chat took them for a report, a command or a code (each a wrong first reply). */
  takenByChat: number;
  p50Ms: number;
  p99Ms: number;
  /** What a wrong reply was: the snippets expected (none when out of scope) and what came back. */
  misses: { question: string; expected: string; got: string }[];
}

const key = (s: string): string => fold(s.normalize('NFC')).replace(/\s+/g, ' ').trim();

export function loadLetterCases(path: string): LetterCase[] {
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1);
  return lines
    .filter((line) => line.trim())
    .map((line) => {
      const [expect = '', question = ''] = line.split('\t');
      return {
        question,
        expect:
          expect.trim() === 'none'
            ? null
            : expect
                .split(' | ')
                .map((s) => s.trim())
                .filter(Boolean),
        noDiacritics: fold(question) === question.toLowerCase(),
      };
    });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/**
 * What the chat does with a message before the Q&A sees it: null when it is asked of the letter, else what it was
 * taken for ("incident", a report, a code). An officer's first reply is the chat's, not the engine's.
 */
export type ChatRouting = (text: string) => string | null;

export function scoreLetter(
  engine: QaEngine,
  cases: LetterCase[],
  deadlineDate: string,
  chatTakes: ChatRouting = () => null,
): LetterReport {
  const times: number[] = [];
  const report: LetterReport = {
    cases: cases.length,
    inScope: 0,
    firstReplyRight: 0,
    noDiacritics: { cases: 0, right: 0 },
    suggested: 0,
    refusedInScope: 0,
    outOfScope: 0,
    declined: 0,
    answeredWithDeadline: 0,
    takenByChat: 0,
    p50Ms: 0,
    p99Ms: 0,
    misses: [],
  };
  for (const c of cases) {
    const taken = chatTakes(c.question);
    const result: { kind: string; text: string } = taken
      ? { kind: 'taken', text: `(taken for ${taken})` }
      : engine.ask(c.question);
    if (taken) report.takenByChat++;
    // Timed over repeated runs: one run's p99 over ~70 questions is the slowest garbage collection, not the engine.
    for (let run = 0; run < 20; run++) {
      const t0 = performance.now();
      engine.ask(c.question);
      times.push(performance.now() - t0);
    }
    const text = key(result.text);
    if (c.expect) {
      report.inScope++;
      const right = result.kind === 'answer' && c.expect.every((snippet) => text.includes(key(snippet)));
      if (right) report.firstReplyRight++;
      if (c.noDiacritics) {
        report.noDiacritics.cases++;
        if (right) report.noDiacritics.right++;
      }
      if (result.kind === 'suggest') report.suggested++;
      if (result.kind === 'out_of_scope') report.refusedInScope++;
      if (!right)
        report.misses.push({
          question: c.question,
          expected: c.expect.join(' | '),
          got: `${result.kind}: ${result.text.slice(0, 120)}`,
        });
    } else {
      report.outOfScope++;
      if (result.kind === 'out_of_scope') report.declined++;
      else
        report.misses.push({
          question: c.question,
          expected: 'out of scope',
          got: `${result.kind}: ${result.text.slice(0, 120)}`,
        });
      if (result.kind === 'answer' && text.includes(key(deadlineDate))) report.answeredWithDeadline++;
    }
  }
  times.sort((a, b) => a - b);
  report.p50Ms = percentile(times, 0.5);
  report.p99Ms = percentile(times, 0.99);
  return report;
}
