/** Q&A: time per question, engine built once as the service does. */
import { performance } from 'node:perf_hooks';
import { createQa } from '../../src/qa/index.ts';
import { type Distribution, distribution } from './stats.ts';

export interface QaResult {
  asks: number;
  distinctQuestions: number;
  buildMs: number;
  perAsk: Distribution;
  kinds: Record<string, number>;
}

export function benchQa(questions: string[], asks: number): QaResult {
  const built = performance.now();
  const qa = createQa();
  const buildMs = performance.now() - built;
  for (let i = 0; i < Math.min(100, asks); i++) qa.ask(questions[i % questions.length]!); // warm-up
  const times: number[] = [];
  const kinds: Record<string, number> = {};
  for (let i = 0; i < asks; i++) {
    const question = questions[i % questions.length]!;
    const started = performance.now();
    const result = qa.ask(question);
    times.push(performance.now() - started);
    kinds[result.kind] = (kinds[result.kind] ?? 0) + 1;
  }
  return { asks, distinctQuestions: questions.length, buildMs, perAsk: distribution(times), kinds };
}
