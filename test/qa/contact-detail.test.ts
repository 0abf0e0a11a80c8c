import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const engine = engineFor(
  smallLetter(`
1. Gửi danh sách cán bộ trực (họ tên, chức vụ, số điện thoại di động) về Sở trước ngày 01/02/2027.

2. Đài Thông tin duyên hải trực canh 24/24 giờ trên các tần số cấp cứu, phối hợp với Trung tâm tìm kiếm cứu nạn hàng hải.

3. Bảo đảm kết nối liên tục, miễn phí tới các số khẩn cấp 113, 114, 115.

4. Báo cáo kết quả gửi về Sở chậm nhất 16h ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn. Đầu mối liên hệ: Phòng Bưu chính, Viễn thông, điện thoại 0209.3870.123.
`),
);

test('a number or a mailbox asked of a body the letter gives none for is declined, not answered by a clause naming it', () => {
  for (const q of [
    'số điện thoại trung tâm tìm kiếm cứu nạn hàng hải',
    'so zalo cua giam doc so',
    'email cua ubnd tinh bac kan',
  ])
    assert.equal(engine.ask(q).kind, 'out_of_scope', q);
});

test('a number the letter gives, and a clause that names the number as a thing asked for, still answer', () => {
  assert.match(engine.ask('sdt lien he cua so').text, /0209\.3870\.123/);
  assert.match(engine.ask('danh sach truc co ghi so dien thoai khong').text, /số điện thoại di động/);
  assert.match(engine.ask('hotline cua so').text, /0209\.3870\.123/);
});
