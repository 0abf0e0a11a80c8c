import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Engine } from './engine.ts';

export type EvalSplit = 'tune' | 'test';

export interface EvalCase {
  split: EvalSplit;
  /** The pair id that should answer, or 'none' when the directive does not cover the question. */
  expect: string;
  question: string;
}

export interface EvalReport {
  cases: number;
  inScope: number;
  outOfScope: number;
  /** Best-ranked pair is the expected one, over in-scope questions. */
  top1: number;
  noDiacritics: { cases: number; top1: number };
  /** Out-of-scope questions that still got an answer. */
  falseAnswerRate: number;
  /** In-scope questions answered (not suggested or refused) at the threshold. */
  coverage: number;
  /** In-scope questions answered with the wrong pair at the threshold. */
  wrongAnswerRate: number;
  /** In-scope questions wrongly told the directive does not cover them. */
  refusedInScope: number;
  /** Out-of-scope questions given the honest "not covered" reply (the rest got suggestions or answers). */
  refusedOutOfScope: number;
  /** Time per answer: each question's best of `repeats` runs, so a preempted run does not count. */
  p50Ms: number;
  p99Ms: number;
  /** p99 over every run, preemptions and garbage collections included: the tail a busy host adds. */
  wallP99Ms: number;
  failures: Array<{ question: string; expect: string; got: string; confidence: number }>;
}

export const TARGETS = { top1: 0.9, noDiacriticsTop1: 0.85, falseAnswerRate: 0.05, p99Ms: 5 };

export function loadEvalCases(file = new URL('../../data/qa-eval.tsv', import.meta.url)): EvalCase[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n');
  if (header !== 'split\texpect\tquestion') throw new Error(`qa-eval.tsv: unexpected header ${header}`);
  return lines
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const [split, expect, question] = line.split('\t');
      if ((split !== 'tune' && split !== 'test') || !expect || question === undefined) {
        throw new Error(`qa-eval.tsv line ${i + 2}: expected split, expect, question`);
      }
      return { split, expect, question };
    });
}

const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

export function evaluate(engine: Engine, cases: readonly EvalCase[], repeats = 20): EvalReport {
  let top1 = 0;
  let asciiCases = 0;
  let asciiTop1 = 0;
  let falseAnswers = 0;
  let answered = 0;
  let wrongAnswers = 0;
  let refusedIn = 0;
  let refusedOut = 0;
  const failures: EvalReport['failures'] = [];
  for (const { question, expect } of cases) {
    const best = engine.analyze(question).candidates[0]?.pairId ?? 'none';
    const result = engine.ask(question);
    const got = result.kind === 'answer' ? result.id : result.kind;
    if (expect === 'none') {
      if (result.kind === 'out_of_scope') refusedOut++;
      if (result.kind === 'answer') {
        falseAnswers++;
        failures.push({ question, expect, got, confidence: result.confidence });
      }
      continue;
    }
    const hit = best === expect;
    if (hit) top1++;
    if (isAscii(question)) {
      asciiCases++;
      if (hit) asciiTop1++;
    }
    if (result.kind === 'out_of_scope') refusedIn++;
    if (result.kind === 'answer') {
      answered++;
      if (result.id !== expect) wrongAnswers++;
    }
    if (!hit || result.kind !== 'answer') {
      failures.push({
        question,
        expect,
        got: hit ? got : `${got} (top ${best})`,
        confidence: result.confidence,
      });
    }
  }

  // Steady state, as in the running bot: the first pass pays for JIT compilation.
  for (const { question } of cases) engine.ask(question);
  const timings: number[] = [];
  const perQuestion = cases.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < repeats; round++) {
    cases.forEach(({ question }, i) => {
      const start = performance.now();
      engine.ask(question);
      const elapsed = performance.now() - start;
      timings.push(elapsed);
      perQuestion[i] = Math.min(perQuestion[i]!, elapsed);
    });
  }
  timings.sort((a, b) => a - b);
  perQuestion.sort((a, b) => a - b);

  const inScope = cases.filter((c) => c.expect !== 'none').length;
  const outOfScope = cases.length - inScope;
  return {
    cases: cases.length,
    inScope,
    outOfScope,
    top1: rate(top1, inScope),
    noDiacritics: { cases: asciiCases, top1: rate(asciiTop1, asciiCases) },
    falseAnswerRate: rate(falseAnswers, outOfScope),
    coverage: rate(answered, inScope),
    wrongAnswerRate: rate(wrongAnswers, inScope),
    refusedInScope: rate(refusedIn, inScope),
    refusedOutOfScope: rate(refusedOut, outOfScope),
    p50Ms: percentile(perQuestion, 0.5),
    p99Ms: percentile(perQuestion, 0.99),
    wallP99Ms: percentile(timings, 0.99),
    failures,
  };
}

/** The targets the held-out half missed, empty when it meets them all. */
export function missedTargets(report: EvalReport): string[] {
  const missed: string[] = [];
  if (report.top1 < TARGETS.top1) missed.push('top-1 in scope');
  if (report.noDiacritics.top1 < TARGETS.noDiacriticsTop1) missed.push('top-1 without diacritics');
  if (report.falseAnswerRate > TARGETS.falseAnswerRate) missed.push('false answers out of scope');
  if (report.p99Ms >= TARGETS.p99Ms) missed.push('p99 time per answer');
  return missed;
}
