import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const text = `${smallLetter(`
1. Tổ chức trực Tết 24/24 giờ từ ngày 04/02/2027 đến hết ngày 11/02/2027.

2. Đảm bảo an toàn mạng lưới: chuẩn bị đầy đủ máy phát điện dự phòng, ắc quy và nhiên liệu cho các trạm BTS tại các huyện vùng cao Pác Nặm, Ba Bể.

3. Báo cáo tổng kết: các doanh nghiệp gửi báo cáo kết quả theo đề cương tại Phụ lục 2 về Sở trước 16 giờ 00 ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn.
`)}

PHỤ LỤC 1: DANH SÁCH ĐẦU MỐI LIÊN HỆ
- VNPT Bắc Kạn: ông Phạm Quốc Khánh, Phó Giám đốc, ĐT: 0913 290 586
- Viettel Bắc Kạn: ông Mai Xuân Trường, Phó Giám đốc kỹ thuật, ĐT: 0983 117 402

PHỤ LỤC 2: ĐỀ CƯƠNG BÁO CÁO
I. Công tác chuẩn bị: kế hoạch, lực lượng trực, phương tiện, máy phát điện dự phòng.
II. Tình hình hoạt động mạng lưới: lưu lượng thoại, SMS, dữ liệu di động trong dịp Tết so với ngày thường.
III. Sự cố và công tác ứng cứu: thời gian, địa điểm, nguyên nhân, thời gian khắc phục.
IV. Đánh giá chung, khó khăn, vướng mắc và kiến nghị, đề xuất.
`;

test('a part of an appendix is named by the appendix’s title or number and its own number', () => {
  const engine = engineFor(text);
  const outline = engine.ask('đề cương mục III');
  assert.equal(outline.kind, 'answer');
  assert.match(outline.text, /Sự cố và công tác ứng cứu/);
  assert.match(engine.ask('muc IV de cuong gom gi').text, /kiến nghị, đề xuất/);
  assert.match(engine.ask('phụ lục 1 ý 2').text, /Viettel Bắc Kạn/);
  // Without the appendix named, "mục 3" is the letter's own.
  assert.match(engine.ask('mục 3 nói gì').text, /Báo cáo tổng kết/);
});

test('a clause sending to an appendix for what is asked yields to the appendix’s part that says it', () => {
  const engine = engineFor(text);
  assert.match(engine.ask('bc tong ket can neu luu luong gi').text, /lưu lượng thoại, SMS/);
  // The outline says what to report, not where to act.
  assert.match(engine.ask('may phat dien du phong cho bts vung nao').text, /Pác Nặm/);
});
