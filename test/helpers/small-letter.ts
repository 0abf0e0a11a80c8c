import { parseLetter } from '../../src/directive/parse.ts';
import { createEngine } from '../../src/qa/engine.ts';
import { knowledgeFromLetter } from '../../src/qa/knowledge.ts';

/** The head of a short made-up letter (Sở KH&CN Bắc Kạn, Tết Đinh Mùi 2027): a rule's test supplies the body. */
export const SMALL_LETTER_HEAD = `UBND TỈNH BẮC KẠN
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 12/SKHCN-BCVT
Bắc Kạn, ngày 10 tháng 01 năm 2027
V/v bảo đảm thông tin liên lạc dịp Tết Nguyên đán Đinh Mùi 2027

Kính gửi: Các doanh nghiệp viễn thông trên địa bàn tỉnh.`;

/** The recipients and the signature block, one column each. */
export const SMALL_LETTER_FOOT = `Nơi nhận:
- Như trên;
- UBND tỉnh (b/c);
- Lưu: VT, BCVT.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Lý Thị Hoa`;

/** A short letter around `body` (its numbered clauses), as a department writes one. */
export const smallLetter = (body: string, foot = SMALL_LETTER_FOOT): string =>
  `${SMALL_LETTER_HEAD}\n\n${body.trim()}\n\n${foot}\n`;

/** The Q&A engine built from that letter alone, as an import would build it. */
export const engineFor = (text: string) =>
  createEngine({ knowledge: knowledgeFromLetter(parseLetter(text).letter) });
