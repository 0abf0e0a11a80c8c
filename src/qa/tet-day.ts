import { weekdayOf } from '../directive/facts.ts';
import { addDays, lunarOfSolar, tetDay } from '../directive/lunar.ts';
import { NUMBER_WORDS } from './deadline-check.ts';
import type { Directive } from './directive.ts';
import { foldDiacritics } from './normalise.ts';

const ASKS_DATE =
  /ngay (may|nao|bao nhieu|bn|gi)|duong lich|\bdl\b|thu may|thu gi|la ngay|vao ngay|trung ngay|bao nhieu/;
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

  const solar = /[^\d/](\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?[^\d/]/.exec(text);
  // "trực 24/24 tới mùng mấy": round the clock, not a day of the year.
  const isDate = solar !== null && Number(solar[2]) >= 1 && Number(solar[2]) <= 12 && Number(solar[1]) >= 1;
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
  if (ABOUT_DEADLINE.test(text) || !ASKS_DATE.test(text)) return null;
  if (/giao thua|30 tet|29 tet|tat nien/.test(text)) {
    const eve = addDays(first, -1);
    return `Theo lịch âm, đêm giao thừa ${holiday} là tối ${weekdayOf(eve)}, ngày ${dmy(eve)} (ngày cuối cùng của năm âm lịch cũ); mùng 1 Tết là ${weekdayOf(first)}, ngày ${dmy(first)}.`;
  }
  const m =
    /\b(?:mung|mong|ngay) ?(\d{1,2}|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi) tet\b|\b(?:mung|mong) ?(\d{1,2}|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi)\b/.exec(
      text,
    );
  const word = m?.[1] ?? m?.[2];
  const n = word ? (/^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word]) : undefined;
  if (!n || n < 1 || n > 10) return null;
  const iso = tetDay(year, n);
  const name = holiday.replace(/^Tết Nguyên đán\s*/i, '');
  return `Theo lịch âm, mùng ${n} Tết ${name} là ${weekdayOf(iso)}, ngày ${dmy(iso)} dương lịch.${onDeadline(iso)}`;
}
