import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDirective } from '../../src/qa/data.ts';
import { judgeDeadlineClaim, parseMomentClaim } from '../../src/qa/deadline-check.ts';

const { deadline } = loadDirective().dispatch.report;

test('moments are read from hours, dates, lunar days and weekdays', () => {
  assert.deepEqual(parseMomentClaim('trước 9h00 ngày 13/02/2024'), { hour: 9, day: 13, month: 2 });
  assert.deepEqual(parseMomentClaim('nộp lúc 10 giờ'), { hour: 10 });
  assert.deepEqual(parseMomentClaim('ngay 13 thang 2'), { day: 13, month: 2 });
  assert.deepEqual(parseMomentClaim('mùng 4 Tết'), { lunarDay: 4 });
  assert.deepEqual(parseMomentClaim('mung bon'), { lunarDay: 4 });
  assert.deepEqual(parseMomentClaim('ngày 04 Tết'), { lunarDay: 4 });
  assert.deepEqual(parseMomentClaim('thứ Ba'), { weekday: 3 });
  assert.deepEqual(parseMomentClaim('thu 4'), { weekday: 4 });
  assert.deepEqual(parseMomentClaim('hạn nộp khi nào'), {});
});

test('a claimed deadline is confirmed or contradicted', () => {
  assert.equal(judgeDeadlineClaim('hạn là 9h ngày 13/2 đúng không', deadline), 'confirmed');
  assert.equal(judgeDeadlineClaim('han nop la mung 4 tet dung ko', deadline), 'confirmed');
  assert.equal(judgeDeadlineClaim('hạn là thứ Ba phải không', deadline), 'confirmed');
  assert.equal(judgeDeadlineClaim('hạn là 15/2 phải không', deadline), 'wrong_deadline');
  assert.equal(judgeDeadlineClaim('han nop truoc 12h a', deadline), 'wrong_deadline');
  assert.equal(judgeDeadlineClaim('hạn là thứ Tư à', deadline), 'wrong_deadline');
});

test('a proposed submission moment is in time or late', () => {
  assert.equal(judgeDeadlineClaim('nộp ngày 12/2 được không', deadline), 'in_time');
  assert.equal(judgeDeadlineClaim('gui bc luc 8h mung 4 dc ko', deadline), 'in_time');
  assert.equal(judgeDeadlineClaim('nộp ngày 13/2 được không', deadline), 'in_time_if_before_hour');
  assert.equal(judgeDeadlineClaim('nop bc luc 10h mung 4 co kip ko', deadline), 'late');
  assert.equal(judgeDeadlineClaim('nộp ngày 14/2 được không', deadline), 'late');
  assert.equal(judgeDeadlineClaim('nộp báo cáo được không', deadline), 'none');
});
