import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const text = smallLetter(
  `
1. Tổ chức trực Tết 24/24 giờ. Khi mất liên lạc diện rộng, doanh nghiệp báo ngay về đường dây nóng của Sở: 0209.3870.111.

2. Các doanh nghiệp gửi báo cáo về Sở trước 16 giờ 00 ngày 12/02/2027, bản điện tử gửi qua địa chỉ thư điện tử: bcvt@backan.gov.vn.

Thông tin chi tiết xin liên hệ: ông Hoàng Văn Nam, chuyên viên Phòng Bưu chính, Viễn thông, điện thoại 0912.345.678.
`,
  `Nơi nhận:
- Như trên;
- Lưu: VT, BCVT.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Lý Thị Hoa`,
);

describe('a contact person named apart from the hotline', () => {
  const engine = engineFor(text);

  test('the contact answer names them, and their name is no longer "not in the letter"', () => {
    const r = engine.ask('nguoi lien he ben so ten gi');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Hoàng Văn Nam/);
    assert.match(r.text, /0912\.345\.678/);
  });
});

describe('a middle name names no one', () => {
  const withBasis = text
    .replace('Ông Hoàng Văn Nam', 'bà Phan Thị Diệu Linh')
    .replace('ông Hoàng Văn Nam', 'bà Phan Thị Diệu Linh')
    .replace(
      'Kính gửi: Các doanh nghiệp viễn thông trên địa bàn tỉnh.\n',
      'Kính gửi: Các doanh nghiệp viễn thông trên địa bàn tỉnh.\n\nCăn cứ Chỉ thị số 02/CT-UBND ngày 16/01/2027 của Chủ tịch Ủy ban nhân dân tỉnh về tổ chức đón Tết Nguyên đán Đinh Mùi 2027;\n',
    );
  const engine = engineFor(withBasis);

  test('"chỉ thị 02" is the directive, not "chị Thị" the contact', () => {
    const r = engine.ask('chi thi 02 ky ngay nao');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /16\/01\/2027/);
  });

  test('the contact is still found by her given name', () => {
    const r = engine.ask('sdt cua chi Linh');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Diệu Linh/);
  });
});

describe('a contact person in a clause headed "Đầu mối liên hệ"', () => {
  const engine = engineFor(
    smallLetter(`
I. CHẾ ĐỘ BÁO CÁO

1. Báo cáo đột xuất: khi mất liên lạc diện rộng, doanh nghiệp báo ngay qua đường dây nóng của Sở: 0209.3870.111.

2. Báo cáo kết quả gửi về Sở trước 16 giờ 00 ngày 12/02/2027 qua địa chỉ thư điện tử: bcvt@backan.gov.vn.

3. Đầu mối liên hệ: ông Hoàng Văn Nam, Trưởng phòng Bưu chính, Viễn thông, điện thoại 0912.345.678.
`),
  );

  test('the heading says "liên hệ" for its sentence: the contact answer names them beside the hotline', () => {
    const r = engine.ask('đầu mối liên hệ là ai, sđt bao nhiêu');
    assert.match(r.text, /Hoàng Văn Nam/);
    assert.match(r.text, /0912\.345\.678/);
  });
});

describe('a contact sentence too long to quote, with a second number', () => {
  const engine = engineFor(
    smallLetter(`
1. Báo cáo kết quả gửi về Sở trước 16 giờ 00 ngày 12/02/2027 qua địa chỉ thư điện tử: bcvt@backan.gov.vn.

2. Báo cáo nhanh: ngay khi xảy ra sự cố làm mất liên lạc tại một xã, phường trở lên, đứt cáp quang vượt sông, sự cố mạng tại khu vực cửa khẩu, tấn công mạng hoặc sự cố ảnh hưởng tới hoạt động của các đài thông tin, trạm phát sóng phục vụ lễ hội đầu xuân và các khu vực tập trung đông người, doanh nghiệp gọi điện hoặc nhắn Zalo cho ông Hoàng Văn Nam, Phó Trưởng phòng Bưu chính, Viễn thông (điện thoại/Zalo: 0912.345.678) hoặc gọi số trực của Sở 0209.3870.111; sau đó bổ sung bằng văn bản.
`),
  );

  test('the contact answer still gives the other number, and the title leaves out "(điện thoại/Zalo:"', () => {
    const r = engine.ask('số trực của Sở là số nào');
    assert.match(r.text, /0209\.3870\.111/);
    assert.match(r.text, /Phó Trưởng phòng Bưu chính, Viễn thông Hoàng Văn Nam/);
  });
});

describe('the department’s named contacts after a hotline in a long paragraph', () => {
  const engine = engineFor(
    smallLetter(`
1. Tổ chức trực Tết 24/24 giờ từ ngày 04/02/2027 đến hết ngày 11/02/2027.

2. Khi xảy ra sự cố nghiêm trọng (mất liên lạc trên diện rộng, đứt tuyến cáp quang trục, sự cố tại khu vực bắn pháo hoa) doanh nghiệp phải báo cáo ngay bằng điện thoại cho Phòng Bưu chính - Viễn thông qua đường dây nóng 0209 3852 641, sau đó gửi báo cáo bằng văn bản chậm nhất 02 giờ kể từ khi xảy ra sự cố. Thông tin liên hệ: ông Lê Đình Thắng, Trưởng phòng Bưu chính - Viễn thông, ĐT: 0913 472 158; bà Hoàng Thị Thu Hà, chuyên viên, ĐT: 0982 615 307.

3. Báo cáo kết quả thực hiện gửi về Sở chậm nhất là 16h ngày 12/02/2027 qua hộp thư điện tử bcvt@backan.gov.vn.
`),
  );

  test('each number is said with the person it belongs to', () => {
    const r = engine.ask('chuyen vien lien he la ai sdt');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /bà Hoàng Thị Thu Hà, chuyên viên, ĐT 0982 615 307/);
    const head = engine.ask('trưởng phòng BC-VT tên gì, sđt bn');
    assert.equal(head.kind, 'answer');
    assert.match(head.text, /ông Lê Đình Thắng, Trưởng phòng Bưu chính - Viễn thông, ĐT 0913 472 158/);
  });
});
