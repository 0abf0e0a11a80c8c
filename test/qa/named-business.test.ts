import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

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
