import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEngine } from '../../src/qa/engine.ts';
import { evaluate, loadEvalCases, missedTargets } from '../../src/qa/evaluate.ts';
import { scoreLetter } from '../../src/qa/evaluate-letter.ts';

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

test("a letter's score counts a question the chat takes for a report as a wrong first reply", async () => {
  const { engineFor, smallLetter } = await import('../helpers/small-letter.ts');
  const engine = engineFor(
    smallLetter(
      '1. Báo cáo kết quả về Sở trước 16 giờ 00 ngày 12/02/2027 qua thư điện tử bcvt@backan.gov.vn.',
    ),
  );
  const cases = [{ question: 'hạn nộp báo cáo là khi nào', expect: ['12/02/2027'], noDiacritics: false }];
  assert.equal(scoreLetter(engine, cases, '2027-02-12').firstReplyRight, 1);
  const taken = scoreLetter(engine, cases, '2027-02-12', () => 'incident');
  assert.equal(taken.firstReplyRight, 0);
  assert.equal(taken.takenByChat, 1);
  assert.match(taken.misses[0]!.got, /taken for incident/);
});
