/**
 * Measures the Q&A engine on data/qa-eval.tsv: tune on the 'tune' half, report on the held-out 'test' half.
 *   npm run eval:qa                 held-out and tuning figures; exit 1 when the held-out half misses a target
 *   npm run eval:qa -- --failures   also list the tuning half's misses (never tune on the held-out half)
 *   npm run eval:qa -- --fit        refit the confidence calibration and sweep thresholds on the tuning half
 */
import { type Calibration, FEATURE_NAMES, fitCalibration } from '../src/qa/confidence.ts';
import { createEngine, DEFAULT_THRESHOLD } from '../src/qa/engine.ts';
import { type EvalReport, evaluate, loadEvalCases, missedTargets, TARGETS } from '../src/qa/evaluate.ts';

const args = new Set(process.argv.slice(2));
const cases = loadEvalCases();
const tune = cases.filter((c) => c.split === 'tune');
const test = cases.filter((c) => c.split === 'test');
const engine = createEngine();

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function print(name: string, report: EvalReport): void {
  console.log(
    `\n${name}: ${report.cases} questions (${report.inScope} in scope, ${report.outOfScope} out of scope)`,
  );
  console.log(`  top-1 accuracy, in scope          ${pct(report.top1)}   (target ≥ ${pct(TARGETS.top1)})`);
  console.log(
    `  top-1 accuracy, no diacritics     ${pct(report.noDiacritics.top1)}   (${report.noDiacritics.cases} questions, target ≥ ${pct(TARGETS.noDiacriticsTop1)})`,
  );
  console.log(
    `  false answers, out of scope       ${pct(report.falseAnswerRate)}   (target ≤ ${pct(TARGETS.falseAnswerRate)})`,
  );
  console.log(
    `  coverage at threshold ${DEFAULT_THRESHOLD}       ${pct(report.coverage)}   (in scope, answered)`,
  );
  console.log(
    `  wrong answers at threshold        ${pct(report.wrongAnswerRate)}   (in scope, answered wrongly)`,
  );
  console.log(`  "not covered" replies, in scope   ${pct(report.refusedInScope)}`);
  console.log(
    `  "not covered" replies, out of sc. ${pct(report.refusedOutOfScope)}   (the others got suggestions)`,
  );
  console.log(
    `  time per answer                   p50 ${report.p50Ms.toFixed(3)} ms, p99 ${report.p99Ms.toFixed(3)} ms (target p99 < ${TARGETS.p99Ms} ms)`,
  );
  console.log(
    `  p99 over all ${report.cases * 20} timed runs        ${report.wallP99Ms.toFixed(3)} ms (preemption and GC included)`,
  );
}

function fit(): Calibration {
  const rows = tune.flatMap((c) => {
    const analysis = engine.analyze(c.question);
    if (!analysis.features) return [];
    const x = FEATURE_NAMES.map((name) => analysis.features![name]);
    const y = c.expect !== 'none' && analysis.candidates[0]?.pairId === c.expect ? 1 : 0;
    return [{ x, y }];
  });
  const calibration = fitCalibration(rows);
  console.log('Fitted on the tuning half:', JSON.stringify(calibration));
  return calibration;
}

function sweep(calibration: Calibration): void {
  console.log('\nThreshold sweep on the tuning half (fitted calibration):');
  for (const threshold of [0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]) {
    const report = evaluate(createEngine({ threshold, calibration }), tune, 1);
    console.log(
      `  ${threshold.toFixed(2)}  coverage ${pct(report.coverage)}  wrong ${pct(report.wrongAnswerRate)}  ` +
        `false OOS ${pct(report.falseAnswerRate)}`,
    );
  }
  console.log('Suggestion floor sweep (threshold as configured):');
  for (const suggestFloor of [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4]) {
    const report = evaluate(createEngine({ suggestFloor, calibration }), tune, 1);
    console.log(
      `  ${suggestFloor.toFixed(2)}  "not covered" in scope ${pct(report.refusedInScope)}  ` +
        `out of scope ${pct(report.refusedOutOfScope)}`,
    );
  }
}

if (args.has('--fit')) {
  sweep(fit());
}

// A running bot has answered many questions before this one: time it once the JIT has settled.
for (let round = 0; round < 3; round++) for (const c of cases) engine.ask(c.question);
const heldOut = evaluate(engine, test);
const tuning = evaluate(engine, tune);
print('Held-out half (test)', heldOut);
print('Tuning half (for reference)', tuning);

if (args.has('--failures')) {
  console.log('\nTuning-half misses:');
  for (const f of tuning.failures) {
    console.log(`  [${f.confidence.toFixed(2)}] ${f.question}  → ${f.got} (expected ${f.expect})`);
  }
}

const missed = missedTargets(heldOut);
if (missed.length > 0) {
  console.error(`\nHeld-out half misses: ${missed.join(', ')}`);
  process.exit(1);
}
console.log('\nHeld-out half meets every target.');
