import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const text = smallLetter(`
1. Tổ chức trực Tết 24/24 giờ.

2. Báo cáo kết quả thực hiện (tình hình mạng lưới, sự cố phát sinh và biện pháp khắc phục, lưu lượng dịch vụ) gửi về Sở chậm nhất là 16h ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
`);

describe('what a report holds', () => {
  const engine = engineFor(text);

  test('is the reporting sentence, not the list of recipients (whose "b/c" is also "báo cáo")', () => {
    for (const q of ['báo cáo gồm những nội dung gì', 'bc gom nhung noi dung gi']) {
      const r = engine.ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, /sự cố phát sinh và biện pháp khắc phục/, q);
    }
  });
});

describe('what a report holds, said in a sentence after the reporting one', () => {
  const engine = engineFor(
    smallLetter(`
1. Tổ chức trực Tết 24/24 giờ.

2. Đề nghị các doanh nghiệp báo cáo về Sở trước 16h00 ngày 12/02/2027 qua thư điện tử bcvt@backan.gov.vn. Nội dung báo cáo gồm: tình hình mạng lưới, lưu lượng, khó khăn, kiến nghị.
`),
  );

  test('is quoted with the reporting sentence', () => {
    const r = engine.ask('nội dung bc gồm những gì');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Nội dung báo cáo gồm: tình hình mạng lưới, lưu lượng, khó khăn, kiến nghị/);
  });
});

describe('several kinds of report, one named in the question', () => {
  const engine = engineFor(
    smallLetter(`
1. Chế độ báo cáo:
- Báo cáo nhanh: ngay khi xảy ra sự cố làm mất liên lạc tại một xã trở lên, doanh nghiệp gọi điện hoặc nhắn Zalo cho ông Hoàng Văn Nam (điện thoại/Zalo: 0912.345.678); sau đó bổ sung bằng văn bản.
- Báo cáo hằng ngày: trước 09 giờ 00 mỗi ngày, từ ngày 05/02/2027 đến ngày 11/02/2027, doanh nghiệp gửi số liệu của ngày hôm trước qua e-mail bcvt@backan.gov.vn.
- Báo cáo tổng hợp toàn đợt: gửi về Sở trước 16 giờ 00 ngày 15/02/2027 qua e-mail bcvt@backan.gov.vn.
`),
  );

  test('"báo cáo nhanh khi nào" is answered by the quick report, not the daily one', () => {
    for (const q of ['bao cao nhanh khi nao', 'bc nhanh bang cach nao']) {
      const r = engine.ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, /ngay khi xảy ra sự cố/, q);
    }
  });
});
