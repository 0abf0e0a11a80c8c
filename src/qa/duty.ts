import { foldDiacritics } from './normalise.ts';
import type { QuestionType } from './question-type.ts';

/**
 * Questions about the duty period ("Trực Tết kết thúc lúc mấy giờ?", "trực từ ngày nào đến ngày nào") are
 * worded like deadline questions, but the report deadline is not the duty period: they are answered from the
 * clause that sets the duty period, and declined when the letter sets none.
 */

// "trực" the duty, not "trực tiếp", "trực tuyến", "trực thuộc", nor the duty office's phone ("trực ban"); nor
// "trục" the backbone, which folds alike: "cáp quang trục", "tuyến trục", "đường trục".
const DUTY = /(?<! (?:quang|tuyen|duong)) truc (?!tiep |tuyen |thuoc |quan |ban )/;
// A date claimed after "từ" or "đến" ("trực Tết từ 25/1 phải ko") is a claim about the period too.
const PERIOD_WORDS =
  / (bat dau|ket thuc|keo dai|tu ngay|den ngay|den het|tu bao gio|den bao gio|tu may gio|den may gio|den mung|tu mung|thoi gian truc|tu \d{1,2} \d{1,2}|den \d{1,2} \d{1,2}) /;
// Sending the duty roster, reporting, a deadline: a date about the roster, not the period itself. Hours "một
// ngày", "mỗi ngày", "mấy tiếng": how long each day, answered by "24/24 giờ".
const NOT_PERIOD =
  / (gui|nop|bao cao|danh sach|han|ai|nguoi|bao nhieu nguoi|(mot|moi) ngay|(may|bao nhieu) tieng) /;

// "trong thời gian trực cần duy trì tổ gì": what is kept during the duty, not when ("ngày gì", "giờ gì" are when).
const ASKS_WHAT = / (?<!(?:ngay|gio|hom|thu) )gi /;

/** Whether folded, abbreviation-expanded tokens ask when duty starts, ends or how long it lasts. */
export function asksDutyPeriod(tokens: readonly string[], questionType: QuestionType): boolean {
  const text = ` ${tokens.join(' ')} `;
  if (!DUTY.test(text) || NOT_PERIOD.test(text) || ASKS_WHAT.test(text)) return false;
  return questionType === 'time' || PERIOD_WORDS.test(text);
}

const fold = (s: string): string =>
  ` ${foldDiacritics(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

// "trực 24/24 giờ từ ngày 04/02/2027 đến hết ngày 11/02/2027", "từ 07 giờ 00 ngày 30/01/2030 đến 17 giờ…", "từ
// 07h00 ngày 10/02/2029 (tức ngày 27 tháng Chạp) đến 17h00 …", or
// in lunar days: "trực tại chỗ … từ 29 tháng Chạp đến mùng 4 Tết".
const PERIOD =
  / truc (?!tiep |tuyen |thuoc )(?:\S+ ){0,20}?tu (?:(?:\d{1,2} gio (?:\d{1,2} (?:phut )?)?|\d{1,2}h(?:\d{2})? |\d{1,2} \d{2} )?ngay \d{1,2} \d{1,2}|\d{1,2} thang (?:chap|gieng)|(?:mung|mong) \d{1,2}) (?:\S+ ){0,12}?den /;

/** Whether a clause's own text sets the duty period: "trực" and a span of dates in one sentence. */
export function setsDutyPeriod(clauseText: string): boolean {
  return clauseText.split(/;|\.\s/).some((sentence) => PERIOD.test(fold(sentence)));
}

// Duty kept through the holiday ("trực … trong suốt thời gian nghỉ Tết"), whose dates another clause sets ("thời gian
// nghỉ Tết từ ngày 14/02/2026 … đến hết ngày 22/02/2026"): the duty period is the holiday's.
const THROUGH_HOLIDAY =
  / truc (?!tiep |tuyen |thuoc )(?:\S+ ){0,20}?(?:trong|suot) (?:suot )?(?:thoi gian|nhung ngay|cac ngay|dip) nghi tet /;
const HOLIDAY_PERIOD = / nghi tet (?:\S+ ){0,3}?tu (?:ngay )?\d{1,2} \d{1,2} (?:\S+ ){0,12}?den /;

/** Whether a clause keeps duty through the holiday without dates of its own. */
export function dutyThroughHoliday(clauseText: string): boolean {
  return clauseText.split(/;|\.\s/).some((sentence) => THROUGH_HOLIDAY.test(fold(sentence)));
}

/** Whether a clause sets the dates of the holiday: "thời gian nghỉ Tết từ ngày … đến hết ngày …". */
export function setsHolidayPeriod(clauseText: string): boolean {
  return clauseText.split(/;|\.\s/).some((sentence) => HOLIDAY_PERIOD.test(fold(sentence)));
}

// "Thời gian bảo đảm: Từ 07h00 ngày 20/01/2031 đến 17h00 ngày 28/01/2031", "Thời gian thực hiện: từ 07 giờ 00 ngày
// 28/01/2030 đến …": the span the whole letter (a plan) runs, set without the word "trực".
const OPERATION_PERIOD =
  / thoi gian (?:\S+ ){0,3}?tu (?:(?:\d{1,2} gio (?:\d{1,2} (?:phut )?)?|\d{1,2}h(?:\d{2})? |\d{1,2} \d{2} )?ngay \d{1,2} \d{1,2}|\d{1,2} thang (?:chap|gieng)|(?:mung|mong) \d{1,2}) (?:\S+ ){0,12}?den /;

/** Whether a clause sets the span the letter's measures run: "Thời gian thực hiện: từ … đến …". */
export function setsOperationPeriod(clauseText: string): boolean {
  return clauseText.split(/;|\.\s/).some((sentence) => OPERATION_PERIOD.test(fold(sentence)));
}

// "bắt đầu từ mấy giờ", "kết thúc lúc nào", "kết thúc mùng 10 à": when it starts or ends, asked of nothing else.
const BARE_PERIOD_WORDS: ReadonlySet<string> = new Set([
  'bat',
  'dau',
  'ket',
  'thuc',
  'tu',
  'den',
  'luc',
  'vao',
  'may',
  'gio',
  'ngay',
  'nao',
  'khi',
  'bao',
  'hom',
  'mung',
  'mong',
  'tet',
  'la',
  'a',
  'ha',
  'ak',
  'phai',
  'khong',
  'dung',
  'vay',
  'the',
  'thi',
]);

/** Whether folded tokens ask only when something starts or ends: of a letter, the span it sets. */
export function asksBarePeriod(tokens: readonly string[]): boolean {
  const text = ` ${tokens.join(' ')} `;
  if (!/ (bat dau|ket thuc) /.test(text)) return false;
  return tokens.every((t) => BARE_PERIOD_WORDS.has(t) || /^\d+$/.test(t));
}

// How an officer may think duty is kept, against the letter's "24/24": office hours, by day, from home.
const DUTY_HOURS =
  / (gio hanh chinh|hanh chinh|ban ngay|ban dem|ca dem|buoi dem|buoi toi|ngoai gio|cuoi tuan|o nha|tai nha)(?= )/g;

/**
 * "chỉ cần trực giờ hành chính thôi đúng không": the hours claimed for the duty are what the clause setting the
 * duty answers ("trực 24/24 giờ"), not words to look for. Returns the positions of that claim.
 */
export function dutyHoursClaim(tokens: readonly string[]): number[] {
  const text = ` ${tokens.join(' ')} `;
  if (!DUTY.test(text)) return [];
  const positions: number[] = [];
  for (const m of text.matchAll(DUTY_HOURS)) {
    // The match's offset in words: spaces before it, less the leading one.
    const at = text.slice(0, m.index + 1).split(' ').length - 2;
    const words = m[1]!.split(' ').length;
    for (let j = 0; j < words; j++) positions.push(at + j);
  }
  return positions;
}
