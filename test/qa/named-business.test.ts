import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { engineFor, SMALL_LETTER_FOOT, smallLetter } from '../helpers/small-letter.ts';

// Addressed to "các doanh nghiệp viễn thông", the letter names each business in the clause for its group.
const text = smallLetter(`
1. Đề nghị các doanh nghiệp viễn thông (VNPT Bắc Kạn, Viettel Bắc Kạn, FPT Telecom Bắc Kạn) thực hiện:
- Tổ chức trực 24/24 giờ từ ngày 04/02/2027 đến hết ngày 10/02/2027.
- Kiểm tra máy phát điện, ắc quy tại các trạm BTS vùng cao.

2. Đề nghị Bưu điện tỉnh Bắc Kạn phát kịp thời báo Đảng, công văn trong dịp Tết.

3. Báo cáo kết quả thực hiện gửi về Sở chậm nhất là 16h ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn.
`);

describe('a business the letter names in a clause, not in "Kính gửi"', () => {
  const engine = engineFor(text);

  test('asked whether it is addressed, the clause listing it in its group answers', () => {
    const r = engine.ask('FPT co phai lam theo cv nay ko');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /FPT Telecom Bắc Kạn/);
  });

  test('asked what it must do, the clause naming it answers with its items', () => {
    const r = engine.ask('Viettel cần làm gì dịp Tết');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Tổ chức trực 24\/24 giờ/);
  });
});

test('which company of a brand or a kind the letter is addressed to is answered by the "Kính gửi" line', () => {
  const letter = `UBND TỈNH BẮC KẠN
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 12/SKHCN-BCVT
Bắc Kạn, ngày 10 tháng 01 năm 2027
V/v bảo đảm thông tin liên lạc dịp Tết Nguyên đán Đinh Mùi 2027

Kính gửi:
- Viễn thông Bắc Kạn (VNPT Bắc Kạn);
- Công ty Dịch vụ MobiFone Khu vực 1;
- Công ty TNHH MTV Truyền hình cáp Thăng Long.

1. Đối với doanh nghiệp truyền hình cáp: bảo đảm tín hiệu truyền hình ổn định trong đêm giao thừa.
2. Doanh nghiệp viễn thông kiểm tra, bảo dưỡng toàn bộ trạm BTS trước ngày 01/02/2027.
3. Báo cáo kết quả gửi về Sở trước 16h00 ngày 17/02/2027.

${SMALL_LETTER_FOOT}
`;
  const engine = engineFor(letter);
  for (const [q, expected] of [
    ['mobifone nao duoc gui', /Công ty Dịch vụ MobiFone Khu vực 1/],
    ['MobiFone thì gửi cho cty nào', /Công ty Dịch vụ MobiFone Khu vực 1/],
    ['cty truyen hinh cap nao', /Truyền hình cáp Thăng Long/],
  ] as const) {
    const r = engine.ask(q);
    assert.equal(r.kind, 'answer', q);
    assert.match(r.text, expected, q);
  }
  // What a kind of business must do is still the clause's.
  assert.match(engine.ask('doanh nghiệp viễn thông nào phải kiểm tra trạm BTS').text, /bảo dưỡng/);
});
