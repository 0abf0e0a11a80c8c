import { weekdayOf } from '../directive/facts.ts';
import { addDays, lunarOfSolar, solarOfLunar, tetDay } from '../directive/lunar.ts';
import { NUMBER_WORDS } from './deadline-check.ts';
import { foldDiacritics } from './normalise.ts';
import { readTableRow, rowPerson, rowPhone, rowTitle, type TableRow } from './table-row.ts';

/**
 * A letter's tables of people (a duty roster: "Nguyễn Thị Thu Trang; chức vụ: Chuyên viên; điện thoại: 0979 318
 * 652; ngày trực: 24/01/2031 (mùng 2)."), asked by the day ("mùng 2 ai trực", "25/1 ai trực", "đêm giao thừa ai
 * trực") or by the person ("sđt anh Khánh", "chị Trang trực ngày nào", "anh Đức chức vụ gì"). A day is matched on
 * the calendar, whichever way it is written on either side: "mùng 2" and "24/01" are the same day of Tết.
 */
export interface RosterRow {
  itemId: string;
  label: string;
  text: string;
  row: TableRow;
  /** Who the row is about; `lead` when the first cell names them (a roster of people, not of days). */
  person?: { name: string; syllables: string[]; accented: string[]; lead: boolean };
  title?: string;
  phone?: string;
  /** The days the row is for, ISO. */
  days: string[];
  /** The row folded, its column names with it: "lãnh đạo" asked is looked for here. */
  folded: string;
}

const fold = (text: string): string =>
  ` ${foldDiacritics(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
const accentedSyllables = (text: string): string[] =>
  text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean);

// The columns that say when: "Ngày trực", "Thời gian", "Ca trực", "Lịch trực".
const DAY_COLUMN_RE = /^(?:ngày|thời gian|ca|buổi|lịch|thứ)/u;
const SOLAR_RE = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2,4}))?(?![\d/])/g;
const SPAN_RE =
  /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*\d{2,4})?\s*(?:-|–|đến|tới|den|toi)\s*(?:hết\s*|het\s*)?(?:ngày\s*|ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})/giu;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The ISO day of "25/1", "25/01/2031": in Tết's year, or the year before for a day of its last months. */
function solarDay(day: number, month: number, year: string | undefined, tetYear: number): string | null {
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  const y = year
    ? year.length === 2
      ? 2000 + Number(year)
      : Number(year)
    : month >= 10
      ? tetYear - 1
      : tetYear;
  const iso = `${y}-${pad(month)}-${pad(day)}`;
  return addDays(iso, 0) === iso ? iso : null;
}

/** The days of Tết a folded text names by the lunar calendar: "mùng 2", "mồng hai", "30 Tết", "giao thừa". */
function lunarDays(folded: string, tetYear: number): string[] {
  const out: string[] = [];
  const first = tetDay(tetYear, 1);
  for (const m of folded.matchAll(/ (?:mung|mong) (\d{1,2}|[a-z]+)(?= )/g)) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!];
    if (n && n >= 1 && n <= 10) out.push(tetDay(tetYear, n));
  }
  for (const m of folded.matchAll(/ (\d{1,2}) (?:thang )?(chap|gieng|tet)(?= )/g)) {
    const n = Number(m[1]);
    try {
      if (m[2] === 'gieng' && n >= 1 && n <= 30) out.push(solarOfLunar(n, 1, tetYear));
      // "29 Tết", "30 Tết", "28 tháng Chạp": the last days of the old year.
      else if (m[2] !== 'gieng' && n >= 20 && n <= 30) out.push(solarOfLunar(n, 12, tetYear - 1));
      else if (m[2] === 'tet' && n >= 1 && n <= 10) out.push(tetDay(tetYear, n));
    } catch {
      // "30 Tết" of a year whose tháng Chạp has 29 days: the eve below.
    }
  }
  if (/ giao thua | tat nien /.test(folded)) out.push(addDays(first, -1));
  return out;
}

/** The days a text names: solar dates and spans of them, else the days of Tết it names. */
export function daysNamed(text: string, tetYear: number): string[] {
  const days = new Set<string>();
  for (const m of text.matchAll(SPAN_RE)) {
    const from = solarDay(Number(m[1]), Number(m[2]), undefined, tetYear);
    const to = solarDay(Number(m[3]), Number(m[4]), undefined, tetYear);
    if (!from || !to || to < from) continue;
    for (let d = from, n = 0; d <= to && n < 31; d = addDays(d, 1), n++) days.add(d);
  }
  for (const m of text.matchAll(SOLAR_RE)) {
    const iso = solarDay(Number(m[1]), Number(m[2]), m[3], tetYear);
    if (iso) days.add(iso);
  }
  if (days.size === 0) for (const d of lunarDays(fold(text), tetYear)) days.add(d);
  return [...days].sort();
}

/** The rows of the letter's tables, with who each is about and the days it is for. */
export function rosterOf(
  items: Iterable<{ id: string; label: string; text: string }>,
  tetYear: number,
): RosterRow[] {
  const out: RosterRow[] = [];
  for (const item of items) {
    for (const line of item.text.split('\n')) {
      const row = readTableRow(line);
      if (!row) continue;
      const person = rowPerson(row);
      const title = rowTitle(row, person);
      const phone = rowPhone(row);
      const when = [row.lead, ...row.fields.filter((f) => DAY_COLUMN_RE.test(f.name)).map((f) => f.value)];
      const days = daysNamed(when.join(' ; '), tetYear);
      out.push({
        itemId: item.id,
        label: item.label,
        text: line.trim(),
        row,
        ...(person
          ? {
              person: {
                name: person.name,
                syllables: fold(person.name).trim().split(' '),
                accented: accentedSyllables(person.name),
                lead: person.column === null,
              },
            }
          : {}),
        ...(title ? { title } : {}),
        ...(phone ? { phone } : {}),
        days,
        folded: fold(line),
      });
    }
  }
  return out;
}

// How an officer names someone, as typed: "anh Khánh", "chị Trang", "a Tuấn", "c Hương", "ông Sơn", "cô Hạnh"
// ("có" is no honorific, though it folds alike).
const HONORIFICS: ReadonlySet<string> = new Set(
  ['anh', 'chị', 'a', 'c', 'ông', 'bà', 'cô', 'chú', 'bác', 'em', 'đc'].flatMap((w) => [
    w,
    foldDiacritics(w),
  ]),
);

/**
 * Whether the question names the row's person: the whole name, its last two syllables ("Thu Trang"), or the given
 * name after an honorific ("anh Khánh", "a tuan"). A syllable typed with diacritics must be the name's own: "Đức"
 * is not "Dục".
 */
function namesPerson(
  words: readonly string[],
  typed: readonly string[],
  person: RosterRow['person'],
): boolean {
  if (!person) return false;
  const { syllables, accented } = person;
  const same = (i: number, k: number): boolean =>
    words[i] === syllables[k] && (typed[i] === words[i] || typed[i] === accented[k]);
  const runAt = (i: number, from: number): boolean => {
    for (let k = from; k < syllables.length; k++) if (!same(i + k - from, k)) return false;
    return true;
  };
  const given = syllables.length - 1;
  for (let i = 0; i < words.length; i++) {
    if (runAt(i, 0)) return true;
    if (syllables.length >= 3 && runAt(i, given - 1)) return true;
    if (same(i, given) && HONORIFICS.has(typed[i - 1] ?? '')) return true;
  }
  return false;
}

// What is asked of someone: the number, the title, the day.
const ASKS_PHONE_RE =
  / (sdt|so dien thoai|dien thoai|so dt|dt|so may|so lien he|zalo|goi|lien he|lien lac) |^ so /;
const ASKS_TITLE_RE = / (chuc vu|chuc danh|lam chuc|vi tri) /;
const ASKS_DAY_RE =
  / (ngay nao|hom nao|khi nao|bao gio|ngay may|mung may|nhung ngay|may ngay|ngay gi|lich truc|truc ngay|truc hom) /;
// Who is on duty: "ai trực", "trực là ai", "người trực", "ai phụ trách".
const ASKS_WHO_RE = / (ai|nguoi nao|nguoi truc|can bo nao|ten gi|la ai) /;
const DUTY_RE = / truc (?!tiep |tuyen |thuoc )/;
// Roles an officer may ask by: a row that never says the role is not the one asked for.
const ROLES = ['lanh dao', 'chuyen vien', 'cong chuc', 'ki thuat', 'can bo', 'nhan vien', 'dau moi'];

export interface RosterReply {
  rows: RosterRow[];
  text: string;
}

const dmy = (iso: string): string => iso.split('-').reverse().join('/');

function dayLabel(iso: string): string {
  try {
    const lunar = lunarOfSolar(iso);
    const next = lunarOfSolar(addDays(iso, 1));
    const tet =
      lunar.month === 1 && lunar.day <= 10
        ? ` (mùng ${lunar.day} Tết)`
        : next.month === 1 && next.day === 1
          ? ' (đêm giao thừa)'
          : '';
    return `${weekdayOf(iso)}, ngày ${dmy(iso)}${tet}`;
  } catch {
    return `ngày ${dmy(iso)}`;
  }
}

// A row about one person is said as the person; a row of a day, or of a body, with its people, as written.
const describe = (row: RosterRow): string =>
  row.person?.lead
    ? `${row.person.name}${row.title ? `, ${row.title}` : ''}${row.phone ? `, điện thoại ${row.phone}` : ''}`
    : row.text.replace(/\.$/u, '');

/**
 * The answer from the letter's tables, or null when the question asks none of them: who is on the day named, or
 * what the table says of the person named.
 */
export function rosterAnswer(
  question: string,
  roster: readonly RosterRow[],
  tetYear: number,
): RosterReply | null {
  if (roster.length === 0) return null;
  const typed = accentedSyllables(question);
  const words = typed.map((w) => foldDiacritics(w));
  const text = ` ${words.join(' ')} `;
  // "sdt anh Khanh": the abbreviation typed as one word.
  const asked = text.replace(/ sdt /g, ' so dien thoai ').replace(/ ldao /g, ' lanh dao ');
  const roles = ROLES.filter((r) => asked.includes(` ${r} `));
  const fits = (row: RosterRow): boolean => roles.every((r) => row.folded.includes(` ${r} `));
  const named = roster.filter((row) => namesPerson(words, typed, row.person));
  const days = daysNamed(question, tetYear);
  const onDay = (row: RosterRow): boolean => row.days.some((d) => days.includes(d));
  // A person named asks something of them; "bao" after "có" in "có bao nhiêu" names no one.
  const asksOfPerson = [ASKS_PHONE_RE, ASKS_TITLE_RE, ASKS_DAY_RE, ASKS_WHO_RE, DUTY_RE].some((re) =>
    re.test(asked),
  );
  if (named.length > 0 && asksOfPerson) {
    const narrowed = days.length > 0 && named.some(onDay) ? named.filter(onDay) : named;
    const rows = narrowed.slice(0, 3);
    const first = rows[0]!;
    const quote = rows.map((row) => `"${row.text.replace(/\.$/u, '')}"`).join('; ');
    let lead: string;
    if (ASKS_PHONE_RE.test(asked) && rows.every((row) => row.phone))
      lead = rows
        .map(
          (row) =>
            `số điện thoại của ${row.person!.name}${row.title ? `, ${row.title}` : ''} là ${row.phone}`,
        )
        .join('; ');
    else if (ASKS_TITLE_RE.test(asked) && rows.every((row) => row.title))
      lead = rows.map((row) => `${row.person!.name} là ${row.title}`).join('; ');
    else if (ASKS_DAY_RE.test(asked) && rows.every((row) => row.days.length > 0))
      lead = rows.map((row) => `${row.person!.name} trực ${row.days.map(dayLabel).join(' và ')}`).join('; ');
    else lead = rows.map(describe).join('; ');
    return { rows, text: `Theo ${first.label} của công văn, ${lead}. Công văn ghi: ${quote}.` };
  }
  if (days.length === 0 || !DUTY_RE.test(asked) || !ASKS_WHO_RE.test(asked)) return null;
  const rows = roster.filter((row) => onDay(row) && fits(row)).slice(0, 4);
  if (rows.length === 0) return null;
  const when = days.filter((d) => rows.some((row) => row.days.includes(d)));
  const quote = rows.map((row) => `"${row.text.replace(/\.$/u, '')}"`).join('; ');
  return {
    rows,
    text: `Theo ${rows[0]!.label} của công văn, ${when.map(dayLabel).join(' và ')} trực: ${rows.map(describe).join('; ')}. Công văn ghi: ${quote}.`,
  };
}
