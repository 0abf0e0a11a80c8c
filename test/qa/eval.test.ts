import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEngine } from '../../src/qa/engine.ts';
import { evaluate, loadEvalCases, missedTargets } from '../../src/qa/evaluate.ts';

const cases = loadEvalCases();

test('the evaluation set is large, mixed and split in two', () => {
  assert.ok(cases.length >= 150, `${cases.length} questions`);
  const outOfScope = cases.filter((c) => c.expect === 'none').length;
  assert.ok(outOfScope / cases.length >= 0.2, `${outOfScope} out of scope`);
  const heldOut = cases.filter((c) => c.split === 'test');
  assert.ok(heldOut.length >= 75 && heldOut.some((c) => c.expect === 'none'));
  const questions = cases.map((c) => c.question);
  assert.equal(new Set(questions).size, questions.length, 'no question appears twice');
});

test('the held-out half meets every target', () => {
  const engine = createEngine();
  for (const c of cases) engine.ask(c.question);
  const report = evaluate(
    engine,
    cases.filter((c) => c.split === 'test'),
  );
  assert.deepEqual(missedTargets(report), [], JSON.stringify({ ...report, failures: undefined }));
});
