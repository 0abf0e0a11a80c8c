/**
 * A "KẾ HOẠCH" rather than a công văn, and a letter marked "HỎA TỐC": the kind and the mark are header lines of their
 * own, not the issuer's name; the plan is asked of as "kế hoạch này", "kh này"; its span answers "bắt đầu, kết thúc".
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLetter } from '../../src/directive/parse.ts';
import { engineFor, SMALL_LETTER_FOOT, SMALL_LETTER_HEAD, smallLetter } from '../helpers/small-letter.ts';

const PLAN = `UBND TỈNH BẮC KẠN
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 12/KH-SKHCN
Bắc Kạn, ngày 10 tháng 01 năm 2027

KẾ HOẠCH
Bảo đảm thông tin liên lạc dịp Tết Nguyên đán Đinh Mùi 2027

Căn cứ Kế hoạch số 341/KH-UBND ngày 27/12/2026 của Ủy ban nhân dân tỉnh về phục vụ Nhân dân đón Tết;

Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Thời gian thực hiện: từ 07 giờ 00 ngày 03/02/2027 đến 17 giờ 00 ngày 12/02/2027.

II. CHẾ ĐỘ BÁO CÁO
- Các doanh nghiệp gửi báo cáo về Sở trước 16 giờ 00 ngày 12/02/2027.

${SMALL_LETTER_FOOT}
`;

describe('a plan', () => {
  const { letter } = parseLetter(PLAN);

  test('the kind is no part of the issuer, and the title under it is the subject', () => {
    assert.equal(letter.issuer, 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn');
    assert.equal(letter.kind, 'Kế hoạch');
    assert.equal(letter.subject, 'Bảo đảm thông tin liên lạc dịp Tết Nguyên đán Đinh Mùi 2027');
  });

  const engine = engineFor(PLAN);
  test('"kế hoạch này", "kh này" is the plan itself; "kế hoạch 341" the one it rests on', () => {
    assert.match(engine.ask('số hiệu kế hoạch này là gì').text, /12\/KH-SKHCN/);
    assert.match(engine.ask('ai ký kh này').text, /Lý Thị Hoa/);
    assert.match(engine.ask('kế hoạch 341 ngày nào').text, /27\/12\/2026/);
  });

  test('when it starts and ends, asked of nothing else, is the span it sets', () => {
    assert.match(engine.ask('bắt đầu từ mấy giờ').text, /07 giờ 00 ngày 03\/02\/2027/);
    assert.match(engine.ask('ket thuc luc nao').text, /17 giờ 00 ngày 12\/02\/2027/);
  });
});

describe('a letter marked "HỎA TỐC"', () => {
  const text = smallLetter('1. Các doanh nghiệp gửi báo cáo về Sở trước 16 giờ 00 ngày 12/02/2027.').replace(
    SMALL_LETTER_HEAD,
    SMALL_LETTER_HEAD.replace('\n\nKính gửi', '\n\nHỎA TỐC\n\nKính gửi'),
  );

  test("the mark is the letter's urgency, not its issuer's name, and is answered", () => {
    const { letter } = parseLetter(text);
    assert.equal(letter.urgency, 'Hỏa tốc');
    assert.equal(letter.issuer, 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn');
    assert.match(engineFor(text).ask('cv này có hỏa tốc ko').text, /hỏa tốc/);
  });
});
