import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const body = `1. Bố trí lực lượng trực 24/24 giờ từ ngày 04/02/2027 đến hết ngày 11/02/2027 (tức mùng 6 Tết).
2. Phối hợp với Công ty Điện lực Bắc Kạn để nắm lịch cắt điện.
3. Tăng cường dung lượng mạng di động tại quảng trường tỉnh và các điểm bắn pháo hoa đêm Giao thừa.
4. Khi xảy ra sự cố mất liên lạc, doanh nghiệp báo ngay bằng điện thoại cho Phòng Bưu chính, Viễn thông, sau đó gửi báo cáo bằng văn bản.
5. Phòng, chống triều cường; bảo vệ tuyến cáp tại các khu vực thường xuyên bị ngập.
6. Bảo đảm tỷ lệ cuộc gọi bị rơi không vượt quá 2% trong đêm Giao thừa.
7. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`;

const foot = `Nơi nhận:
- Như trên;
- Bộ KH&CN (Cục Viễn thông) (để b/c);
- Lưu: VT, BCVT.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Lý Thị Hoa`;

const engine = engineFor(smallLetter(body, foot));

test('a body named only in "Nơi nhận" is no topic the letter leaves out', () => {
  const r = engine.ask('cv co gui len cuc vien thong ko');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /Cục Viễn thông/);
});

test('"24/24" is round the clock, not a day to convert to the lunar calendar', () => {
  const r = engine.ask('trực 24/24 tới mùng mấy thì thôi');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /mùng 6 Tết/);
});

test('"bên điện lực nào" asks which body, not when', () => {
  const r = engine.ask('phoi hop ben dien luc nao de biet lich cat dien');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /Công ty Điện lực Bắc Kạn/);
});

test('the officer’s words reach the letter’s: "tăng sóng", "gọi điện", "nước lớn", "phần trăm"', () => {
  const cases: Array<[string, RegExp]> = [
    ['phao hoa giao thua co can tang song k', /Tăng cường dung lượng/],
    ['goi dien bao roi co can gui van ban nua k', /bằng văn bản/],
    ['nuoc lon ngap thi can lam j', /triều cường/],
    ['tỷ lệ rớt cuộc gọi tối đa bao nhiêu phần trăm', /không vượt quá 2%/],
  ];
  for (const [q, expected] of cases) {
    const r = engine.ask(q);
    assert.equal(r.kind, 'answer', q);
    assert.match(r.text, expected, q);
  }
});

test('the phone of someone the letter names without giving theirs is declined', () => {
  const contact = engineFor(
    smallLetter(`1. Khi có sự cố, liên hệ bà Huỳnh Ngọc Trâm, chuyên viên Phòng Bưu chính, Viễn thông (điện thoại: 0939 416 258).
2. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`),
  );
  assert.equal(contact.ask('sdt cua pho giam doc Ly Thi Hoa').kind, 'out_of_scope');
  assert.equal(contact.ask('zalo chi Hoa').kind, 'out_of_scope');
  const reachable = contact.ask('sdt chi Tram');
  assert.equal(reachable.kind, 'answer');
  assert.match(reachable.text, /0939 416 258/);
});

test('the e-mail answer quotes the sentence giving the address, which may say how else reports go', () => {
  const engine = engineFor(
    smallLetter(`1. Báo cáo tổng kết: trước 16h00 ngày 17/02/2027, báo cáo tổng kết công tác dịp Tết.

Các báo cáo gửi về Sở Khoa học và Công nghệ theo địa chỉ email: bcvt.skhcn@backan.gov.vn, đồng thời gửi qua Hệ thống quản lý văn bản và điều hành của tỉnh.`),
  );
  const r = engine.ask('gui bc qua email nao');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /bcvt\.skhcn@backan\.gov\.vn/);
  assert.match(r.text, /Hệ thống quản lý văn bản/);
});

test('the deadline is worded as the letter words it: "chậm nhất"', () => {
  const engine = engineFor(smallLetter('1. Báo cáo kết quả gửi về Sở chậm nhất 16h00 ngày 17/02/2027.'));
  assert.match(engine.ask('han bc?').text, /chậm nhất 16h00 ngày 17\/02\/2027/);
});

test('the number or date of a document the letter rests on comes from the basis, not the letter’s own', () => {
  const engine = engineFor(
    smallLetter(`Thực hiện Công văn số 5120/BKHCN-CVT ngày 27/12/2026 của Bộ Khoa học và Công nghệ về bảo đảm thông tin liên lạc dịp Tết, Sở đề nghị:
1. Bố trí trực 24/24 giờ trong dịp Tết.
2. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`),
  );
  for (const q of ['cv 5120 ky ngay nao', 'cv của bộ số bao nhiêu, ký ngày nào']) {
    const r = engine.ask(q);
    assert.equal(r.kind, 'answer', q);
    assert.match(r.text, /5120\/BKHCN-CVT ngày 27\/12\/2026/, q);
  }
  assert.match(engine.ask('cv nay so may').text, /12\/SKHCN-BCVT/);
});

test('a date asked of a clause is answered only by the part of it saying what is asked about', () => {
  const engine = engineFor(
    smallLetter(`1. Các doanh nghiệp bưu chính phát hết bưu gửi đã chấp nhận trước ngày 23/01/2027; thông báo công khai lịch nghỉ Tết và thời gian mở cửa lại của các bưu cục.
2. Bưu điện tỉnh duy trì ít nhất 01 bưu cục mở cửa trong các ngày nghỉ Tết; mở cửa trở lại toàn bộ mạng lưới bưu cục từ ngày 09/02/2027 (mùng 4 Tết).
3. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`),
  );
  const reopening = engine.ask('buu cuc mo cua lai ngay nao');
  assert.equal(reopening.kind, 'answer');
  assert.match(reopening.text, /09\/02\/2027/);
  const undated = engineFor(
    smallLetter(`1. Các doanh nghiệp bưu chính phát hết bưu gửi đã chấp nhận trước ngày 23/01/2027; thông báo công khai lịch nghỉ Tết và thời gian mở cửa lại của các bưu cục.
2. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`),
  );
  assert.equal(undated.ask('bưu cục mở cửa lại ngày nào').kind, 'out_of_scope');
});

test('a task whose end is said after a semicolon ("…; hoàn thành trước ngày 24/01/2027") is dated by it', () => {
  const engine = engineFor(
    smallLetter(`1. Kiểm tra hệ thống báo cháy, bình chữa cháy tại tổng đài, nhà trạm; hoàn thành trước ngày 24/01/2027.
2. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`),
  );
  const r = engine.ask('kiểm tra báo cháy ở tổng đài phải xong trước ngày nào');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /24\/01\/2027/);
});

test('who to work with, asked of a threat one item names, is the item of the same section naming the body', () => {
  const engine = engineFor(
    smallLetter(`1. Bảo đảm an toàn thông tin mạng
a) Tăng cường giám sát, ngăn chặn tấn công mạng, mã độc, tấn công từ chối dịch vụ (DDoS) vào hệ thống của doanh nghiệp.
b) Sao lưu dữ liệu quan trọng trước ngày 01/02/2027.
c) Phối hợp với Công an tỉnh (PA05) xử lý sự cố khi có yêu cầu.
2. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`),
  );
  const r = engine.ask('bị ddos thì phối hợp với ai');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /Công an tỉnh \(PA05\)/);
});

test('the customer who acts, "từng cái", "hôm nào" frame a question: they are no word the clause must hold', () => {
  const engine = engineFor(
    smallLetter(`1. Các doanh nghiệp bưu chính tăng cường kiểm soát bưu gửi, kiên quyết không chấp nhận pháo, vật liệu nổ và hàng cấm.
2. Báo cáo hằng ngày: trước 15h00 hằng ngày, từ ngày 06/02/2027 (mùng 1 Tết) đến ngày 11/02/2027 (mùng 6 Tết), báo cáo tình hình mạng lưới.
3. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`),
  );
  const fireworks = engine.ask('khach gui phao qua buu dien dc ko');
  assert.equal(fireworks.kind, 'answer');
  assert.match(fireworks.text, /không chấp nhận pháo/);
});

test('sending something by post is no question on sending the report', () => {
  const engine = engineFor(
    smallLetter(`1. Không chấp nhận bưu gửi chứa pháo, vật liệu nổ, hàng cấm.
2. Báo cáo kết quả gửi về Sở qua email bcvt.skhcn@backan.gov.vn trước 16h00 ngày 17/02/2027.`),
  );
  const r = engine.ask('pháo gửi qua bưu điện đc ko');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /Không chấp nhận bưu gửi chứa pháo/);
  assert.match(engine.ask('gui bc qua email nao').text, /bcvt\.skhcn@backan\.gov\.vn/);
});

test('"Nơi nhận" answers who got the letter, not a question that only names someone it lists', () => {
  const engine = engineFor(
    smallLetter(`1. Bố trí trực 24/24 giờ trong dịp Tết.
2. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`),
  );
  assert.notEqual(
    engine.ask('bưu điện có phát thư chúc tết của lãnh đạo tỉnh không').text.slice(0, 30),
    'Theo phần Nơi nhận, công văn g',
  );
  assert.match(engine.ask('cv co gui ubnd tinh ko').text, /Nơi nhận/);
});

test('where something happens is not said by a clause naming it only as a place to act ("khu vực bắn pháo hoa")', () => {
  const engine = engineFor(
    smallLetter(`1. Tăng cường dung lượng mạng tại các khu vực tổ chức bắn pháo hoa đêm Giao thừa và các điểm du lịch.
2. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`),
  );
  assert.equal(engine.ask('pháo hoa bắn ở đâu').kind, 'out_of_scope');
  assert.match(engine.ask('tăng dung lượng mạng ở đâu').text, /khu vực tổ chức bắn pháo hoa/);
});

test('which people ("mỗi ca trực phải có những ai") is the clause counting them by role', () => {
  const engine = engineFor(
    smallLetter(`1. Người trực phải giữ liên lạc thông suốt, không tắt điện thoại trong ca trực.
2. Bố trí lịch trực 24/24 giờ; mỗi ca trực có ít nhất 01 cán bộ lãnh đạo và 01 cán bộ kỹ thuật.
3. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`),
  );
  const r = engine.ask('mỗi ca trực phải có những ai');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /01 cán bộ lãnh đạo và 01 cán bộ kỹ thuật/);
});

test('a clause pointing to another item for who ("đầu mối nêu tại mục 3") is answered with that item', () => {
  const engine = engineFor(
    smallLetter(`1. Trực 24/24 giờ; khi mất liên lạc trên diện rộng phải báo ngay cho đầu mối của Sở nêu tại mục 3.
2. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.
3. Đầu mối liên hệ của Sở: ông Trần Văn Bình, điện thoại 0209.3870.123.`),
  );
  const r = engine.ask('mất liên lạc diện rộng thì báo cho ai');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /Mục 3 ghi: "Đầu mối liên hệ của Sở: ông Trần Văn Bình/);
});

test('"tuyến đường nào" is a route, "QL279" a national road, "truyền hình cáp" pay TV, "duty period" the duty', () => {
  const engine = engineFor(
    smallLetter(`1. Bố trí lực lượng ứng cứu thông tin túc trực tại các điểm có nguy cơ sạt lở trên Quốc lộ 3, Quốc lộ 279 và Quốc lộ 3B.
2. Đối với doanh nghiệp truyền hình trả tiền: bảo đảm tín hiệu các kênh thời sự, chương trình đón Giao thừa.
3. Thời gian trực Tết: từ ngày 04/02/2027 đến hết ngày 11/02/2027.
4. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.`),
  );
  assert.match(engine.ask('nhung tuyen duong nao co nguy co sat lo can truc ung cuu').text, /Quốc lộ 279/);
  assert.match(engine.ask('QL279 co trong ds diem sat lo ko').text, /Quốc lộ 279/);
  assert.match(engine.ask('truyen hinh cap can luu y gi dip tet').text, /chương trình đón Giao thừa/);
  assert.match(engine.ask('duty period tet dinh mui?').text, /04\/02\/2027/);
});
