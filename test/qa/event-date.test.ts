import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const text = smallLetter(`
1. Tổ chức trực Tết 24/24 giờ từ ngày 04/02/2027 đến hết ngày 11/02/2027; tăng cường dung lượng mạng tại các điểm tổ chức lễ hội đầu xuân.

2. Báo cáo kết quả thực hiện gửi về Sở chậm nhất là 16h ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn.
`);

test('when an event is held is answered only by a clause naming the event', () => {
  const engine = engineFor(text);
  assert.equal(engine.ask('hoi lim nam nay to chuc ngay nao').kind, 'out_of_scope');
  assert.equal(engine.ask('hội chợ xuân diễn ra khi nào').kind, 'out_of_scope');
  const duty = engine.ask('trực Tết tổ chức từ ngày nào');
  assert.equal(duty.kind, 'answer');
  assert.match(duty.text, /04\/02\/2027/);
});
