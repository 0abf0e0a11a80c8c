import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLetter } from '../../src/directive/parse.ts';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

/** A letter without numbered parts: paragraphs headed "Về …", the deadline on a line of its own, names in brackets
 * under "Kính gửi", signed by a head of division for the director. */
const LETTER = `UBND TỈNH BẮC KẠN
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 12/SKHCN-BCVT
Bắc Kạn, ngày 10 tháng 01 năm 2027
V/v bảo đảm thông tin liên lạc dịp Tết Nguyên đán Đinh Mùi 2027

Kính gửi: Các doanh nghiệp bưu chính, viễn thông trên địa bàn tỉnh
(Viễn thông Bắc Kạn; Viettel Bắc Kạn; Bưu điện tỉnh Bắc Kạn).

Thực hiện Chỉ thị số 03/CT-UBND ngày 05/01/2027 của Chủ tịch Ủy ban nhân dân tỉnh về tổ chức đón Tết Nguyên đán Đinh Mùi năm 2027, Sở Khoa học và Công nghệ đề nghị các doanh nghiệp thực hiện tốt các việc sau đây:

Về viễn thông: bảo đảm mạng lưới hoạt động an toàn, thông suốt trong dịp Tết; kiểm tra máy phát điện tại các trạm BTS.

Về báo cáo: khi xảy ra sự cố mất liên lạc trên diện rộng, doanh nghiệp thông báo ngay qua đường dây nóng 0209 3870 123 và gửi báo cáo bằng văn bản về Sở trong ngày. Kết thúc đợt trực, doanh nghiệp tổng hợp kết quả bảo đảm thông tin liên lạc và lưu lượng viễn thông dịp Tết.
Thời hạn gửi báo cáo: trước ngày 15/02/2027 (mùng 10 tháng Giêng), gửi qua thư điện tử bcvt@backan.gov.vn.

Đề nghị các doanh nghiệp nghiêm túc thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT, BCVT.

TL. GIÁM ĐỐC
TRƯỞNG PHÒNG BƯU CHÍNH, VIỄN THÔNG

Hoàng Văn Nam`;

describe('a letter of unnumbered paragraphs', () => {
  const { letter } = parseLetter(LETTER);
  const engine = engineFor(LETTER);

  test('the names in brackets under "Kính gửi" are the addressee\'s, and the opening is "Thực hiện …"', () => {
    assert.deepEqual(letter.addressees, [
      'Các doanh nghiệp bưu chính, viễn thông trên địa bàn tỉnh (Viễn thông Bắc Kạn; Viettel Bắc Kạn; Bưu điện tỉnh Bắc Kạn)',
    ]);
    assert.match(letter.clauses[0]!.text, /^Thực hiện Chỉ thị số 03\/CT-UBND/);
    assert.equal(letter.legalBasis[0]?.number, '03/CT-UBND');
    const r = engine.ask('can cu van ban nao');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /03\/CT-UBND/);
  });

  test("what the report holds is said in the paragraph on reports above the deadline's line", () => {
    const r = engine.ask('bc tong hop gom nhung gi');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /tổng hợp kết quả bảo đảm thông tin liên lạc và lưu lượng viễn thông/);
  });

  test('"trong bao lâu" is answered by a span in words ("trong ngày")', () => {
    const r = engine.ask('bc su co bang van ban gui trong bao lau');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /về Sở trong ngày/);
  });

  test('the signer\'s title named short ("trưởng phòng") is the signer\'s', () => {
    const r = engine.ask('ong nam lam truong phong nao');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Trưởng phòng Bưu chính, Viễn thông Hoàng Văn Nam/);
    assert.equal(engine.ask('ai là giám đốc sở').kind, 'out_of_scope');
  });

  test("the year asked by its number is named by the letter's Tết; the animal of a named year is not said", () => {
    const r = engine.ask('tết năm 2027 là năm con gì');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Đinh Mùi/);
    assert.equal(engine.ask('Đinh Mùi là năm con gì').kind, 'out_of_scope');
  });

  test("a day of another Tết is declined, not answered with this Tết's", () => {
    for (const q of ['mung 1 tet 2028 la ngay nao', 'mùng 1 Tết Mậu Thân là ngày mấy'])
      assert.equal(engine.ask(q).kind, 'out_of_scope', q);
    assert.match(engine.ask('mùng 1 tết 2027 là ngày mấy').text, /06\/02\/2027/);
  });
});

describe('a point whose sentences end with a colon over bullets ("… Nội dung báo cáo gồm:")', () => {
  const text = smallLetter(`
1. Tổ chức trực Tết 24/24 giờ.

2. Báo cáo kết quả gửi về Sở trước 16 giờ 30 ngày 15/02/2027. Nội dung báo cáo gồm:
- Tình hình mạng lưới, số trạm BTS lưu động đã lắp đặt;
- Kết quả ngăn chặn tin nhắn rác, cuộc gọi rác;
- Khó khăn, vướng mắc và đề xuất, kiến nghị.
`);
  const { letter } = parseLetter(text);
  const engine = engineFor(text);

  test("is the point's text, not its heading", () => {
    const point = letter.clauses.find((c) => c.id === '2')!;
    assert.equal(point.heading, null);
    assert.match(point.text, /Nội dung báo cáo gồm:$/);
  });

  test('what the report holds is the list under it', () => {
    const r = engine.ask('báo cáo cần những nội dung gì');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Tình hình mạng lưới[\s\S]*tin nhắn rác[\s\S]*kiến nghị/);
  });

  test('a bullet is found by the words of what introduces it', () => {
    const asked = [
      ['tin nhắn rác có phải đưa vào report không', /Kết quả ngăn chặn tin nhắn rác/],
      ['có đc ghi kiến nghị trong bc k', /đề xuất, kiến nghị/],
    ] as const;
    for (const [q, said] of asked) {
      const r = engine.ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, said, q);
    }
  });

  test('"giao thừa đêm nào" is the eve\'s date', () => {
    assert.match(engine.ask('giao thừa đêm nào').text, /05\/02\/2027/);
  });
});

describe('a contact person opening the sentence, a daily report asked in English', () => {
  const text = smallLetter(`
1. Báo cáo nhanh hằng ngày trước 15 giờ, từ ngày 03/02/2027 đến ngày 10/02/2027, gửi qua thư điện tử bcvt@backan.gov.vn.

2. Báo cáo tổng hợp kết quả gửi về Sở chậm nhất ngày 15/02/2027.

3. Đầu mối liên hệ
Ông Hoàng Văn Nam, chuyên viên Phòng Bưu chính, Viễn thông; điện thoại di động: 0912 345 678.
`);
  const { letter } = parseLetter(text);
  const engine = engineFor(text);

  test("the person before a semicolon is the first number's", () => {
    assert.equal(letter.hotline?.person, 'Hoàng Văn Nam');
    const r = engine.ask('can bo dau moi ten j');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Hoàng Văn Nam/);
  });

  test('"daily report deadline mấy h" is the daily report\'s hour, though the final report has none', () => {
    const r = engine.ask('daily report deadline mấy h vậy');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /15 giờ/);
    assert.equal(engine.ask('hạn bc tổng hợp mấy giờ').kind, 'out_of_scope');
  });
});
