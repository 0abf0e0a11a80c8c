import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLetter } from '../../src/directive/parse.ts';

const letter = `UBND TỈNH BẮC KẠN
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 12/SKHCN-BCVT
Bắc Kạn, ngày 10 tháng 01 năm 2027
V/v bảo đảm thông tin liên lạc dịp Tết Nguyên đán Đinh Mùi 2027

Kính gửi: Các doanh nghiệp viễn thông trên địa bàn tỉnh.

1. Tổ chức trực Tết 24/24 giờ.

2. Các doanh nghiệp gửi báo cáo về Sở trước 16 giờ 00 ngày 12/02/2027, bản điện tử gửi qua địa chỉ thư điện tử: bcvt@backan.gov.vn.

Nơi nhận:                                              KT. GIÁM ĐỐC
- Như trên;                                            PHÓ GIÁM ĐỐC
- UBND tỉnh (b/c);
- Lưu: VT, BCVT.                                       Hoàng Văn Nam
`;

describe('Nơi nhận and the signature side by side', () => {
  it('reads the name beside the last item as the signer, not as a recipient', () => {
    const { letter: parsed } = parseLetter(letter);
    assert.equal(parsed.signer?.name, 'Hoàng Văn Nam');
    assert.equal(parsed.signer?.title, 'Phó Giám đốc');
    assert.ok(parsed.recipients.every((r) => !r.includes('Hoàng Văn Nam')));
  });
});
