import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLetter } from '../../src/directive/parse.ts';
import { engineFor, SMALL_LETTER_FOOT, SMALL_LETTER_HEAD } from '../helpers/small-letter.ts';

// A letter without numbered clauses: one paragraph of duties split by semicolons, the report in a paragraph of its
// own, the businesses named one by one in the opening.
const text = `${SMALL_LETTER_HEAD}

Thực hiện Công văn số 85/BKHCN-CVT ngày 08 tháng 01 năm 2027 của Bộ Khoa học và Công nghệ, Sở Khoa học và Công nghệ đề nghị VNPT Bắc Kạn, Viettel Bắc Kạn, Bưu điện tỉnh Bắc Kạn và Viettel Post Bắc Kạn thực hiện các nội dung sau:

Tổ chức trực 24/24 giờ từ ngày 01/02/2027 đến hết ngày 10/02/2027; bảo đảm thông tin thông suốt phục vụ chỉ đạo, điều hành của Tỉnh ủy, Ủy ban nhân dân tỉnh; tăng dung lượng tại Ga Bắc Kạn, Cảng hàng không Bắc Kạn trong đêm giao thừa; dự phòng máy phát điện, nhiên liệu tại các trạm viễn thông vùng sâu; các bưu cục mở cửa phục vụ đến 17 giờ 00 ngày 05/02/2027; không chấp nhận bưu gửi chứa pháo, hàng cấm.

Báo cáo kết quả gửi về Sở Khoa học và Công nghệ trước 10 giờ 00 ngày 12/02/2027 qua thư điện tử bcvt@backan.gov.vn.

${SMALL_LETTER_FOOT}
`;

describe('one paragraph of duties split by semicolons', () => {
  const engine = engineFor(text);

  test('a paragraph of duties that bars "bưu gửi" is no report paragraph', () => {
    const { letter } = parseLetter(text);
    const duties = letter.clauses.find((c) => c.text.startsWith('Tổ chức trực'));
    assert.notEqual(duties?.label, 'đoạn báo cáo kết quả');
  });

  test('a question on one duty is answered by that duty', () => {
    const r = engine.ask('sân bay có phải tăng dung lượng không');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Cảng hàng không Bắc Kạn/);
    assert.doesNotMatch(r.text, /bưu gửi chứa pháo/);
  });

  test('the businesses the opening names are whom the letter is for', () => {
    const r = engine.ask('viettel post co trong cv k');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Viettel Post Bắc Kạn/);
  });
});

describe('the daily report', () => {
  const engine = engineFor(
    `${SMALL_LETTER_HEAD}

1. Tổ chức trực Tết 24/24 giờ.

2. CHẾ ĐỘ BÁO CÁO
a) Trước 9 giờ 00 hằng ngày, doanh nghiệp gửi báo cáo tình hình ngày hôm trước qua thư điện tử bcvt@backan.gov.vn.
b) Báo cáo tổng hợp gửi về Sở trước 16 giờ 00 ngày 12/02/2027.

${SMALL_LETTER_FOOT}
`,
  );

  test("cites its own clause, not the final report's", () => {
    const r = engine.ask('báo cáo hằng ngày gửi lúc mấy giờ');
    assert.match(r.text, /mục 2, điểm a/);
    assert.doesNotMatch(r.text, /điểm b/);
  });
});
