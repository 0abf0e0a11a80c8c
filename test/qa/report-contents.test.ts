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

1. Tổ chức trực Tết 24/24 giờ.

2. Báo cáo kết quả thực hiện (tình hình mạng lưới, sự cố phát sinh và biện pháp khắc phục, lưu lượng dịch vụ) gửi về Sở chậm nhất là 16h ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.

Nơi nhận:
- Như trên;
- UBND tỉnh (b/c);
- Lưu: VT, BCVT.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Lý Thị Hoa
`;

describe('what a report holds', () => {
  const engine = createEngine({ knowledge: knowledgeFromLetter(parseLetter(text).letter) });

  test('is the reporting sentence, not the list of recipients (whose "b/c" is also "báo cáo")', () => {
    for (const q of ['báo cáo gồm những nội dung gì', 'bc gom nhung noi dung gi']) {
      const r = engine.ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, /sự cố phát sinh và biện pháp khắc phục/, q);
    }
  });
});
