import { weekdayOf } from '../directive/facts.ts';
import { addDays, canChiOfYear, lunarOfSolar, solarOfLunar, tetDay } from '../directive/lunar.ts';
import { NUMBER_WORDS } from './deadline-check.ts';
import type { Directive } from './directive.ts';
import { foldDiacritics } from './normalise.ts';
import { otherTet } from './off-topic.ts';

// "bao nhiêu" alone asks the date ("giao thừa là bao nhiêu"), not with a thing counted ("kéo dài bao nhiêu phút").
const ASKS_DATE =
  /ngay (may|nao|bao nhieu|bn|gi)|duong lich|\bdl\b|thu may|thu gi|la ngay|vao ngay|trung ngay|bao nhieu(?! (phut|gio|tieng|giay|lau|nguoi|lan|qua|tram|cai|chiec|tien))/;
const ASKS_LUNAR =
  /mung may|mong may|am lich|\bal\b|ngay may tet|tet may|la mung|mung bao nhieu|(ngay|mung) (may|bao nhieu|nao) am\b/;
const ABOUT_DEADLINE = /\b(han|nop|bao cao|bc|gui|deadline)\b/;

const dmy = (iso: string): string => iso.split('-').reverse().join('/');

// Officers and letters name the two lunar months around Tết, not number them: "18 tháng Chạp", "13 tháng Giêng".
const LUNAR_MONTH_NAMES: Readonly<Record<number, string>> = { 1: 'Giêng', 12: 'Chạp' };

/** "mùng 4 Tết (mùng 4 tháng Giêng)", "ngày 18 tháng Chạp (tháng 12 âm lịch)", "mùng 3 tháng 11 âm lịch". */
export function lunarDayLabel(day: number, month: number): string {
  const name = LUNAR_MONTH_NAMES[month];
  const prefix = day <= 10 ? 'mùng' : 'ngày';
  if (month === 1 && day <= 10) return `mùng ${day} Tết (mùng ${day} tháng Giêng)`;
  return name
    ? `${prefix} ${day} tháng ${name} (tháng ${month} âm lịch)`
    : `${prefix} ${day} tháng ${month} âm lịch`;
}

// The sixty year names, folded as an officer types them without diacritics: "canh tuat" → "Canh Tuất".
const YEAR_NAMES: ReadonlyMap<string, string> = new Map(
  Array.from({ length: 60 }, (_, i) => canChiOfYear(2000 + i)).map((name) => [foldDiacritics(name), name]),
);
// "tết 2030 là tết Giáp Tuất phải ko", "tết này là tết canh tuất à": the year's name claimed.
const YEAR_NAME_CLAIM_RE =
  /\btet (?:nguyen dan )?(?:nam )?(\d{4}|nay|nam nay)? ?(?:la|co phai la|phai la) (?:tet )?([a-z]+ [a-z]+)\b/;
const TET_DAY_RE =
  /\b(?:mung|mong|ngay) ?(\d{1,2}|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi) tet\b|\b(?:mung|mong) ?(\d{1,2}|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi)\b/;

const TET_DAY_IS_DATE_RE =
  /\b(?:mung|mong) ?(?:\d{1,2}|[a-z]+) (?:tet )?(?:(?:nam nay|nay) )?(?:la|=|roi vao|vao|nham|trung) (?:ngay |thu [a-z0-9]+ )?\d{1,2}[/.-]\d{1,2}/;

// A day of the two lunar months around Tết named by its month: "26 tháng Chạp", "15 tháng Giêng", "20 tháng 12 âm".
const NAMED_LUNAR_DAY_RE = /\b(\d{1,2}) (?:thang )?(chap|gieng)\b|\b(\d{1,2}) thang (12|1) (?:am|al)\b/;
// …asked for as a solar date: "là ngày bao nhiêu dương", "là ngày mấy", "vào thứ mấy", "dương lịch".
const ASKS_SOLAR_RE =
  /\b(?:la|vao|roi vao|nham|=) (?:ngay |thu |hom )?(?:may|nao|bao nhieu|bn|gi)\b|duong lich|\bdl\b|\b(?:may|bao nhieu|bn) duong\b|thu may/;

/**
 * "26 tháng Chạp là ngày bao nhiêu dương?": the solar date of a named lunar day; tháng Chạp is the last month of the
 * year before Tết, tháng Giêng the first of Tết's year.
 */
function namedLunarDay(text: string, tetYear: number): string | null {
  const m = NAMED_LUNAR_DAY_RE.exec(text);
  if (!m || !ASKS_SOLAR_RE.test(text.slice(m.index))) return null;
  const day = Number(m[1] ?? m[3]);
  const month = m[2] === 'chap' || m[4] === '12' ? 12 : 1;
  try {
    const iso = solarOfLunar(day, month, month === 12 ? tetYear - 1 : tetYear);
    return `Theo lịch âm, ${lunarDayLabel(day, month)} là ${weekdayOf(iso)}, ngày ${dmy(iso)} dương lịch.`;
  } catch {
    return null;
  }
}

/** The Tết day "mùng n" names in the folded question, if it names one from 1 to 10. */
function tetDayNamed(text: string): number | undefined {
  const m = TET_DAY_RE.exec(text);
  const word = m?.[1] ?? m?.[2];
  const n = word ? (/^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word]) : undefined;
  return n && n >= 1 && n <= 10 ? n : undefined;
}

/** "tết 2030 là tết Giáp Tuất phải ko": the name of the letter's Tết year, checked; null for another year's. */
function yearNameClaim(text: string, year: number, first: string): string | null {
  const m = YEAR_NAME_CLAIM_RE.exec(text);
  const claimed = m ? YEAR_NAMES.get(m[2]!) : undefined;
  if (!m || !claimed || (m[1] && /^\d+$/.test(m[1]) && Number(m[1]) !== year)) return null;
  const name = canChiOfYear(year);
  const verdict = claimed === name ? 'Đúng.' : 'Không đúng.';
  return `${verdict} Tết Nguyên đán năm ${year} là Tết ${name}; mùng 1 Tết là ${weekdayOf(first)}, ngày ${dmy(first)}.`;
}

/** "mùng 4 Tết là ngày nào?", "giao thừa là ngày mấy?", "13/2 là mùng mấy?": from the lunar calendar, any year. */
export function tetDayAnswer(question: string, directive: Directive): string | null {
  const text = ` ${foldDiacritics(question)
    .replace(/[?.!,]/g, ' ')
    .replace(/\s+/g, ' ')} `;
  const { deadline } = directive.dispatch.report;
  const first = deadline.tetFirstDay;
  if (!first) return null;
  const year = Number(first.slice(0, 4));
  const holiday = directive.dispatch.holiday;
  const onDeadline = (iso: string): string =>
    iso === `${deadline.date.slice(6)}-${deadline.date.slice(3, 5)}-${deadline.date.slice(0, 2)}`
      ? ` Đó cũng là hạn gửi báo cáo kết quả theo công văn: trước ${deadline.time ? `${deadline.time} ` : ''}ngày ${deadline.date}${deadline.lunarOfficial ? ` (công văn ghi "${deadline.lunarOfficial}")` : ''}.`
      : '';

  const named = yearNameClaim(text, year, first);
  if (named) return named;
  const solar = /[^\d/](\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?[^\d/]/.exec(text);
  // "trực 24/24 tới mùng mấy": round the clock, not a day of the year.
  const isDate = solar !== null && Number(solar[2]) >= 1 && Number(solar[2]) <= 12 && Number(solar[1]) >= 1;
  // "mùng 1 Tết là 3/2 đúng ko": a Tết day said to fall on a date, checked against the calendar.
  // Only the day said to be that date ("mùng 1 Tết là 3/2"), not a span ("trực từ 30/1 đến mùng 4").
  const claimedDay =
    solar && isDate && !ABOUT_DEADLINE.test(text) && TET_DAY_IS_DATE_RE.test(text)
      ? tetDayNamed(text)
      : undefined;
  if (claimedDay !== undefined && solar) {
    const iso = tetDay(year, claimedDay);
    const said = `${solar[1]!.padStart(2, '0')}/${solar[2]!.padStart(2, '0')}`;
    const verdict = dmy(iso).startsWith(said) ? 'Đúng.' : 'Không đúng.';
    return `${verdict} Theo lịch âm, mùng ${claimedDay} Tết là ${weekdayOf(iso)}, ngày ${dmy(iso)} dương lịch.`;
  }
  if (solar && isDate && ASKS_LUNAR.test(text)) {
    const y = solar[3] ? (solar[3].length === 2 ? 2000 + Number(solar[3]) : Number(solar[3])) : year;
    const iso = `${y}-${solar[2]!.padStart(2, '0')}-${solar[1]!.padStart(2, '0')}`;
    try {
      const lunar = lunarOfSolar(iso);
      return `Theo lịch âm, ${weekdayOf(iso)}, ngày ${dmy(iso)} là ${lunarDayLabel(lunar.day, lunar.month)}.${onDeadline(iso)}`;
    } catch {
      return null;
    }
  }
  // "giao thừa đêm nào": the eve is asked by its night.
  const asksEve = /giao thua/.test(text) && /\bdem (nao|may|bao nhieu|bn|gi)\b/.test(text);
  if (ABOUT_DEADLINE.test(text) || !(ASKS_DATE.test(text) || asksEve)) return null;
  // "mùng 1 Tết 2028 là ngày nào", "mùng 1 Tết Tân Hợi" asked of the 2027 letter: another Tết's days are another
  // letter's, and answering with this Tết's would mislead.
  if (otherTet(question, year)) return null;
  const lunarDay = namedLunarDay(text, year);
  if (lunarDay) return lunarDay;
  if (/giao thua|30 tet|29 tet|tat nien/.test(text)) {
    const eve = addDays(first, -1);
    return `Theo lịch âm, đêm giao thừa ${holiday} là tối ${weekdayOf(eve)}, ngày ${dmy(eve)} (ngày cuối cùng của năm âm lịch cũ); mùng 1 Tết là ${weekdayOf(first)}, ngày ${dmy(first)}.`;
  }
  const n = tetDayNamed(text);
  if (!n) return null;
  const iso = tetDay(year, n);
  const name = holiday.replace(/^Tết(?: Nguyên đán)?\s*/i, '');
  return `Theo lịch âm, mùng ${n} Tết ${name} là ${weekdayOf(iso)}, ngày ${dmy(iso)} dương lịch.${onDeadline(iso)}`;
}
