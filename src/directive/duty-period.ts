import type { Letter } from './letter.ts';
import { solarOfLunar, tetDay, tetFirstDay } from './lunar.ts';

/** The days a letter keeps enterprises on duty: "trực 24/24 giờ từ ngày 04/02/2027 đến hết ngày 13/02/2027". */
export interface DutyPeriod {
  /** ISO dates, first and last day of duty. */
  from: string;
  to: string;
  /** The sentence that sets them, to show the admin. */
  sentence: string;
}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

// A day as letters write it: "ngày 04/02/2027", "04/02", "29 tháng Chạp", "mùng 4 Tết", "mùng 8 tháng Giêng".
const DAY =
  '(?:ngay )?(?:(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{4}))?|(\\d{1,2}) thang chap|(?:mung|mong) (\\d{1,2})(?: tet| thang gieng)?)';
// "trực" the duty (not "trực tiếp", "trực tuyến", "trực thuộc"), or the time of the letter's measures ("Thời gian bảo
// đảm: từ …", "Thời gian thực hiện: từ …"), then a "từ" and a "đến" in one sentence, each with a day; a time before
// the day ("từ 07 giờ 00 ngày …", "từ 7h00 ngày …") is passed over.
const PERIOD = new RegExp(
  `(?:^|[^a-z])(?:truc(?![a-z])(?! (?:tiep|tuyen|thuoc))|thoi gian (?:bao dam|dam bao|thuc hien|cao diem))[^]{0,160}?(?:^|[^a-z])tu (?:[^]{0,24}?)${DAY}[^]{0,80}?(?:^|[^a-z])den (?:het )?(?:[^]{0,24}?)${DAY}`,
);

type DayMatch = (string | undefined)[];

function isoOf(m: DayMatch, tetYear: number, first: string): string | null {
  const [d, mo, y, chap, mung] = m;
  try {
    if (chap) return solarOfLunar(Number(chap), 12, tetYear - 1);
    if (mung) return tetDay(tetYear, Number(mung));
    if (!d || !mo) return null;
    const month = Number(mo);
    // A day without its year: December and January before Tết belong to the years around mùng 1.
    const year = y ? Number(y) : month >= 11 && Number(first.slice(5, 7)) <= 2 ? tetYear - 1 : tetYear;
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(Number(d)).padStart(2, '0')}`;
    const check = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso ? null : iso;
  } catch {
    return null;
  }
}

/**
 * The duty period a letter sets for the Tết it is about, from the sentences that keep duty "từ … đến …" (a heading
 * "Thời gian trực Tết:" with its text counts as one): the widest, since a narrower one is a part's own ("trực tại
 * chỗ ở vùng sâu từ 29 tháng Chạp đến mùng 4 Tết"). Null when none does, or its days are not around that Tết (a
 * month either side of mùng 1).
 */
export function findDutyPeriod(letter: Pick<Letter, 'clauses' | 'holiday'>): DutyPeriod | null {
  const tetYear = letter.holiday?.year;
  if (!tetYear) return null;
  const first = tetFirstDay(tetYear);
  const near = (iso: string): boolean => Math.abs(Date.parse(iso) - Date.parse(first)) <= 31 * 86_400_000;
  let widest: DutyPeriod | null = null;
  const span = (p: DutyPeriod): number => Date.parse(p.to) - Date.parse(p.from);
  for (const clause of letter.clauses) {
    const text = clause.heading ? `${clause.heading}: ${clause.text}` : clause.text;
    for (const sentence of text.split(/(?<=[.;])\s+/)) {
      const m = PERIOD.exec(fold(sentence));
      if (!m) continue;
      const from = isoOf(m.slice(1, 6), tetYear, first);
      const to = isoOf(m.slice(6, 11), tetYear, first);
      if (!from || !to || from > to || !near(from) || !near(to)) continue;
      const found = { from, to, sentence: sentence.trim() };
      if (!widest || span(found) > span(widest)) widest = found;
    }
  }
  return widest;
}
