import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sendingPart } from '../../src/qa/facts.ts';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const body = `1. Bố trí lực lượng trực 24/24 giờ trong thời gian từ ngày 04/02/2027 đến hết ngày 11/02/2027.
2. Báo cáo nhanh hằng ngày trước 15 giờ, từ ngày 05/02/2027 đến ngày 10/02/2027, về tình hình mạng lưới.
3. Báo cáo kết quả bảo đảm thông tin liên lạc, hoạt động bưu chính trong dịp Tết (gồm tình hình mạng lưới, sự cố và biện pháp khắc phục, lưu lượng thoại, tin nhắn, dữ liệu so với cùng kỳ năm trước, số trạm BTS lưu động đã lắp đặt, số bưu gửi đã chấp nhận và phát, kiến nghị, đề xuất) gửi về Sở Khoa học và Công nghệ (qua Phòng Bưu chính, Viễn thông) trước 14 giờ 00 ngày 17/02/2027, bằng văn bản và qua thư điện tử bcvt.skhcn@backan.gov.vn để tổng hợp, báo cáo Bộ Khoa học và Công nghệ và Ủy ban nhân dân tỉnh.
4. Đầu mối liên hệ: Ông Trần Minh Khoa, Phó Trưởng phòng Bưu chính, Viễn thông; điện thoại cơ quan: 0209.3822.415, di động: 0918.347.262.`;

const engine = engineFor(smallLetter(body));

test('"báo cáo cuối cùng" is the report at the end', () => {
  for (const q of ['hạn báo cáo cuối cùng', 'deadline bao cao cuoi cung la khi nao']) {
    const r = engine.ask(q);
    assert.equal(r.kind, 'answer', q);
    assert.match(r.text, /17\/02\/2027/, q);
  }
});

test('"bắt đầu từ ngày nào đến ngày nào" asks a span: "bắt đầu" is no word the clause must hold', () => {
  const r = engine.ask('bc nhanh bat dau tu ngay nao den ngay nao');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /từ ngày 05\/02\/2027 đến ngày 10\/02\/2027/);
});

test('"so sánh với năm ngoái" is the letter’s "so với cùng kỳ", and "cùng kỳ" is no signing', () => {
  const r = engine.ask('luu luong co can so sanh voi nam ngoai ko');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /so với cùng kỳ năm trước/);
});

test('a contact line opening with "Ông" names that person: their mobile is asked by name', () => {
  const r = engine.ask('Số di động anh Khoa?');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /0918\.347\.262/);
});

test('a date claimed after "từ" of the duty is checked against the duty period', () => {
  const r = engine.ask('Trực tết từ 25/1 phải ko');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /04\/02\/2027/);
});

test('how and where a report goes is quoted from the "gửi về" of a long reporting sentence', () => {
  const r = engine.ask('bc gui bang hinh thuc nao');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /bằng văn bản/);
  assert.match(r.text, /qua Phòng Bưu chính, Viễn thông/);
  assert.equal(sendingPart('Báo cáo gửi về Sở bằng văn bản.'), 'Báo cáo gửi về Sở bằng văn bản.');
  assert.equal(sendingPart(`Báo cáo ${'x '.repeat(300)}`), undefined);
});

test('"acquy" typed as one word is the letter’s "ắc quy"', () => {
  const battery = engineFor(
    smallLetter(`1. Dự phòng máy phát điện, nhiên liệu và ắc quy tại các trạm; bảo đảm thời gian lưu điện tối thiểu 04 giờ khi mất điện lưới.
2. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`),
  );
  const r = battery.ask('acquy lưu điện bao lâu');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /tối thiểu 04 giờ/);
});
