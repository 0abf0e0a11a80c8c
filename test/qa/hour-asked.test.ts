import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const text = smallLetter(`
1. Trực 24/24 giờ từ ngày 04/02/2027 đến hết ngày 11/02/2027 (mùng 6 Tết); duy trì mạng lưới thông suốt tại quảng trường trung tâm, bến tàu khách ra đảo và các điểm bắn pháo hoa đêm giao thừa.

2. Khi xảy ra sự cố nghiêm trọng (mất liên lạc từ 01 xã trở lên; đứt cáp quang trục), doanh nghiệp báo cáo trong vòng 02 giờ kể từ khi phát hiện.

3. Báo cáo nhanh giữa kỳ
+ Tình hình mạng lưới từ ngày 04/02/2027 đến hết mùng 3 Tết: gửi trước 09h00 ngày 10/02/2027.

4. Báo cáo kết quả thực hiện gửi về Sở chậm nhất là 16h ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn.
`);

test('an hour asked is answered only by the part of a clause that names what is asked about', () => {
  const engine = engineFor(text);
  // The hours of the clause are the duty's, not the fireworks' nor the ferry's.
  assert.equal(engine.ask('phao hoa ban luc may h o quang truong').kind, 'out_of_scope');
  assert.equal(engine.ask('chuong trinh ban phao hoa o dau may gio').kind, 'out_of_scope');
  // A case listed in brackets is no stretch of its own: the hour of the sentence answers it.
  const incident = engine.ask('su co nghiem trong bao trong may tieng');
  assert.equal(incident.kind, 'answer');
  assert.match(incident.text, /02 giờ/);
  // A heading is said of the bullets under it.
  const interim = engine.ask('bc nhanh giữa kỳ gửi trước mấy giờ');
  assert.equal(interim.kind, 'answer');
  assert.match(interim.text, /09h00/);
  const duty = engine.ask('trực tết mấy giờ');
  assert.equal(duty.kind, 'answer');
});

test('a day of Tết named in a question on pay is no date asked for', () => {
  const engine = engineFor(text);
  assert.equal(engine.ask('tiền trực đêm giao thừa được bao nhiêu').kind, 'out_of_scope');
  assert.equal(engine.ask('đêm giao thừa là ngày nào').kind, 'answer');
});

test('"báo cáo ngày" then when it goes is the daily report; "báo cáo ngay" is at once', () => {
  const engine = engineFor(
    smallLetter(`
1. Trực 24/24 giờ từ ngày 04/02/2027 đến hết ngày 11/02/2027.

2. Báo cáo hằng ngày: trước 9 giờ sáng mỗi ngày trong thời gian trực, doanh nghiệp gửi báo cáo tình hình ngày hôm trước qua thư điện tử bcvt@backan.gov.vn.

3. Báo cáo kết quả thực hiện gửi về Sở chậm nhất là 16h ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn.
`),
  );
  assert.match(engine.ask('bc ngày gửi trước mấy giờ').text, /9 giờ sáng mỗi ngày/);
  assert.deepEqual(engine.analyze('bc ngay nop truoc 10h dung ko').tokens.slice(0, 4), [
    'bao',
    'cao',
    'hang',
    'ngay',
  ]);
  assert.deepEqual(engine.analyze('mat song co phai bc ngay ko').tokens.slice(-3), ['cao', 'ngay', 'khong']);
  assert.match(engine.ask('bao cao ngay nao').text, /12\/02\/2027/);
});
