import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const text = smallLetter(`
1. Tổ chức trực Tết 24/24 giờ từ ngày 04/02/2027 đến hết ngày 11/02/2027.

2. Báo cáo kết quả thực hiện gửi về Sở chậm nhất là 16h ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn.
`);

test('a deadline said to have moved is answered with the deadline the letter sets', () => {
  const engine = engineFor(text);
  for (const q of ['hạn báo cáo lùi lại rồi đúng không', 'nghe noi han bc keo dai sang thang 3 ha']) {
    const r = engine.ask(q);
    assert.equal(r.kind, 'answer', q);
    assert.match(r.text, /12\/02\/2027/, q);
  }
  assert.equal(engine.ask('han bc nam sau co keo dai khong').kind, 'out_of_scope');
});
