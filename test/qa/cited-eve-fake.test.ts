import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { engineFor, SMALL_LETTER_FOOT, SMALL_LETTER_HEAD } from '../helpers/small-letter.ts';

const engine = engineFor(
  `${SMALL_LETTER_HEAD.replace(
    'Kính gửi: Các doanh nghiệp viễn thông trên địa bàn tỉnh.',
    'Kính gửi: Các doanh nghiệp viễn thông trên địa bàn tỉnh.\n\nThực hiện Công văn số 85/BKHCN-CVT ngày 08 tháng 01 năm 2027 của Bộ Khoa học và Công nghệ về việc bảo đảm thông tin liên lạc phục vụ Tết Nguyên đán Đinh Mùi năm 2027, Sở đề nghị các doanh nghiệp thực hiện các nội dung sau:',
  )}

1. Đặc biệt bảo đảm thông tin thông suốt trong thời điểm giao thừa (từ 22 giờ 00 ngày 05/02/2027 đến 02 giờ 00 ngày 06/02/2027).

2. Chủ động ngăn chặn tin nhắn rác, cuộc gọi lừa đảo chúc Tết, khuyến mại giả mạo.

3. Các doanh nghiệp gửi báo cáo về Sở trước 16 giờ 00 ngày 12/02/2027 qua địa chỉ bcvt@backan.gov.vn.

${SMALL_LETTER_FOOT}
`,
);

describe('the document the letter rests on, asked by its number', () => {
  test('"cv 85 là của cơ quan nào" is answered by the basis, not the letter\'s own issuer', () => {
    const r = engine.ask('cv 85 la cua co quan nao');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Bộ Khoa học và Công nghệ/);
    assert.match(r.text, /85\/BKHCN-CVT/);
  });

  test('its date is said as the letter writes it, and in short', () => {
    const r = engine.ask('cv 85 cua bo ngay bao nhieu');
    assert.match(r.text, /08 tháng 01 năm 2027/);
    assert.match(r.text, /08\/01\/2027/);
  });

  test('what that document requires is not asked of the letter', () => {
    assert.notEqual(engine.ask('cv 85 cua bo yeu cau toc do 4g toi thieu bao nhieu').kind, 'answer');
  });
});

describe('the hour of the eve', () => {
  test('"giao thừa đảm bảo từ mấy giờ" is answered by the clause giving the hour, not the calendar', () => {
    const r = engine.ask('giao thua dam bao tu may gio ngay nao');
    assert.match(r.text, /22 giờ 00/);
  });

  test('"giao thừa là ngày nào" is still the calendar\'s', () => {
    assert.match(engine.ask('giao thừa là ngày nào').text, /Theo lịch âm/);
  });
});

describe('a topic the letter names only as a fake to block', () => {
  test("a business's own promotions are not the letter's", () => {
    assert.equal(engine.ask('viettel khuyen mai tet gi').kind, 'out_of_scope');
  });

  test('the fake promotions are', () => {
    const r = engine.ask('khuyến mại giả mạo xử lý sao');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /khuyến mại giả mạo/);
  });
});
