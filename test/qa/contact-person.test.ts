import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLetter } from '../../src/directive/parse.ts';
import { createEngine } from '../../src/qa/engine.ts';
import { knowledgeFromLetter } from '../../src/qa/knowledge.ts';

const text = `UBND TỈNH BẮC KẠN
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 12/SKHCN-BCVT
Bắc Kạn, ngày 10 tháng 01 năm 2027
V/v bảo đảm thông tin liên lạc dịp Tết Nguyên đán Đinh Mùi 2027

Kính gửi: Các doanh nghiệp viễn thông trên địa bàn tỉnh.

1. Tổ chức trực Tết 24/24 giờ. Khi mất liên lạc diện rộng, doanh nghiệp báo ngay về đường dây nóng của Sở: 0209.3870.111.

2. Các doanh nghiệp gửi báo cáo về Sở trước 16 giờ 00 ngày 12/02/2027, bản điện tử gửi qua địa chỉ thư điện tử: bcvt@backan.gov.vn.

Thông tin chi tiết xin liên hệ: ông Hoàng Văn Nam, chuyên viên Phòng Bưu chính, Viễn thông, điện thoại 0912.345.678.

Nơi nhận:
- Như trên;
- Lưu: VT, BCVT.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Lý Thị Hoa
`;

describe('a contact person named apart from the hotline', () => {
  const engine = createEngine({ knowledge: knowledgeFromLetter(parseLetter(text).letter) });

  test('the contact answer names them, and their name is no longer "not in the letter"', () => {
    const r = engine.ask('nguoi lien he ben so ten gi');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Hoàng Văn Nam/);
    assert.match(r.text, /0912\.345\.678/);
  });
});
