import type {
  Clause,
  DailyReport,
  Deadline,
  DeadlinePhrase,
  Holiday,
  Hotline,
  LegalBasis,
} from './letter.ts';
import {
  canChiOfYear,
  lunarOfSolar,
  normalizeCanChi,
  solarOfLunar,
  tetFirstDay,
  tetYearOfCanChi,
} from './lunar.ts';

const pad = (n: number): string => String(n).padStart(2, '0');
const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;

export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function weekdayOf(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]!;
}

const ABBREVIATION_BEFORE_DOT = /(?:^|[\s(])(?:TP|Tp|TX|Q|P|TT|ThS|TS|PGS|GS|Th|v\.v|St|Đ\/c|đ\/c)$/u;

/** Sentences of a clause; a dot after "TP" or inside an e-mail address does not end one. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?](?:\/\.)?\s+(?=[\p{Lu}(“"])|\n+/gu)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && ABBREVIATION_BEFORE_DOT.test(text.slice(start, m.index))) continue;
    const sentence = text.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out;
}

// ---- times, dates, lunar days -------------------------------------------------------------

interface Token {
  start: number;
  end: number;
  text: string;
}
interface TimeToken extends Token {
  hour: number;
  minute: number;
}
interface DateToken extends Token {
  day: number;
  month: number;
  year: number | null;
}
interface LunarToken extends Token {
  day: number;
  month: number;
  canChi: string | null;
}

const TIME_RE =
  /(?<![\d/.,:\p{L}])(\d{1,2})\s*(?:h|giờ|g|:)(?:\s*(\d{2})(?![\d/.-]))?(?:\s*phút|')?(?:\s+(sáng|trưa|chiều|tối))?(?![\p{L}\d])/gu;

function findTimes(s: string): TimeToken[] {
  const out: TimeToken[] = [];
  for (const m of s.matchAll(TIME_RE)) {
    let hour = Number(m[1]);
    const minute = m[2] ? Number(m[2]) : 0;
    if ((m[3] === 'chiều' || m[3] === 'tối') && hour < 12) hour += 12;
    if (hour > 23 || minute > 59) continue;
    // "trong 2 giờ", "sau 4 giờ" are durations, not moments.
    if (/(?:trong|vòng|sau|mỗi|khoảng|từ|đủ)\s*$/u.test(s.slice(Math.max(0, m.index - 8), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0].trim(), hour, minute });
  }
  return out;
}

const DATE_NUM_RE = /(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*\2\s*(\d{4}))?(?![\d/.-]?\d)/gu;
const DATE_WORD_RE = /(?<![\p{L}])ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/gu;

function findDates(s: string): DateToken[] {
  const out: DateToken[] = [];
  for (const m of s.matchAll(DATE_NUM_RE)) {
    const day = Number(m[1]);
    const month = Number(m[3]);
    const year = m[4] ? Number(m[4]) : null;
    // A date without a year must follow "ngày", or "trực 24/7" would be 24 July.
    if (year === null && !/ngày\s*$/u.test(s.slice(Math.max(0, m.index - 6), m.index))) continue;
    if (!isoDate(year ?? 2024, month, day)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], day, month, year });
  }
  for (const m of s.matchAll(DATE_WORD_RE)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (!isoDate(Number(m[3] ?? 2024), month, day)) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    out.push({ start, end: m.index + m[0].length, text: m[0], day, month, year: m[3] ? Number(m[3]) : null });
  }
  return out.sort((a, b) => a.start - b.start);
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
};
const CAN_CHI_WORDS = String.raw`\p{Lu}\p{Ll}*\s+\p{Lu}\p{Ll}*`;
const LUNAR_RE = new RegExp(
  String.raw`(?<![\p{L}\d/])(?:ngày\s+)?(?:(?:mùng|mồng)\s+(\d{1,2}|một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười)|(\d{1,2}))\s+` +
    String.raw`(?:(?:Tết|tết|TẾT)|tháng\s+(Giêng|giêng|Chạp|chạp|1|01|12)(?:\s+âm\s+lịch)?)` +
    String.raw`(?:\s+(?:năm\s+)?(${CAN_CHI_WORDS}))?`,
  'gu',
);

function findLunars(s: string): LunarToken[] {
  const out: LunarToken[] = [];
  for (const m of s.matchAll(LUNAR_RE)) {
    const raw = m[1] ?? m[2]!;
    const day = NUMBER_WORDS[raw] ?? Number(raw);
    const monthWord = m[3]?.toLocaleLowerCase('vi');
    const month = monthWord ? (monthWord === 'chạp' || monthWord === '12' ? 12 : 1) : day >= 20 ? 12 : 1;
    if (day < 1 || day > 30) continue;
    const canChi = m[4] ? normalizeCanChi(m[4]) : null;
    // "mùng 4 Tết Nguyên đán": the words after Tết are not a year name, so they are not part of the day.
    const text = m[4] && !canChi ? m[0].slice(0, m[0].length - m[4].length).trimEnd() : m[0];
    out.push({ start: m.index, end: m.index + text.length, text, day, month, canChi });
  }
  return out;
}

// ---- report moments -----------------------------------------------------------------------

// "bưu gửi" is a postal item, not a sending.
const REPORT_WORDS = /báo cáo|(?<!bưu\s)gửi|nộp|tổng hợp|cập nhật/iu;
const DAILY_WORDS = /(?:hằng|hàng|mỗi)\s+ngày|định kỳ|lần\s*\/\s*ngày|lần\s+(?:một|1)\s+ngày/iu;
const GAP_TIME_DATE =
  /^[\s,\-–—(]*(?:(?:sáng|trưa|chiều|tối)\s*)?[\s,]*(?:(?:thứ\s+\p{L}+|chủ\s+nhật)[\s,]*)?(?:ngày\s*)?$/iu;
const GAP_DATE_LUNAR = /^[\s,\-–—(]*(?:(?:tức|nhằm|là)\s*(?:là\s*)?)?(?:ngày\s*)?$/iu;
const GAP_LUNAR_DATE = /^[\s,\-–—(]*(?:(?:tức|nhằm|là)\s*)?(?:ngày\s*)?$/iu;
const GAP_DATE_TIME = /^[\s,]*(?:(?:lúc|vào lúc|vào)\s*)?$/iu;
const WEEKDAY_RE = /thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật/iu;
const WEEKDAY_NUMBERS: Readonly<Record<string, number>> = { hai: 1, ba: 2, tư: 3, năm: 4, sáu: 5, bảy: 6 };

function phraseBefore(text: string): DeadlinePhrase {
  const before = text
    .slice(-48)
    .toLocaleLowerCase('vi')
    .replace(/\s*ngày\s*$/u, '');
  if (/chậm nhất(?:\s+(?:là|vào|lúc|trước))*\s*:?\s*$/u.test(before)) return 'cham-nhat';
  if (/(?:trước|không muộn hơn|không quá)(?:\s+(?:lúc|thời điểm))?\s*$/u.test(before)) return 'truoc';
  if (/hạn(?:\s+(?:chót|cuối|nộp|gửi))?(?:\s+(?:là|vào|lúc))*\s*:?\s*$/u.test(before)) return 'han';
  if (/(?:lúc|vào)\s*$/u.test(before)) return 'luc';
  return 'khac';
}

export interface MomentContext {
  /** Year of the Tết the letter is about, to place "mùng 6 Tết" and "ngày 13/02". */
  tetYear: number | null;
  letterYear: number | null;
}

interface Found {
  deadline: Deadline;
  score: number;
  warnings: string[];
}

export interface Moments {
  deadlines: Deadline[];
  deadline: Deadline | null;
  dailyReport: DailyReport | null;
  /** A report date seen without an hour, to say precisely what is missing. */
  dateWithoutTime: string | null;
  warnings: string[];
}

function resolveYear(date: DateToken, ctx: MomentContext): number | null {
  if (date.year !== null) return date.year;
  return ctx.tetYear ?? ctx.letterYear;
}

/**
 * A deadline from a time and a date (or a lunar day). Without a time ("trước ngày 18/02/2027", "chậm nhất ngày …"),
 * `time` is empty and the moment is the start of that day for "trước" (before it begins) and its end otherwise.
 */
function buildDeadline(
  time: TimeToken | null,
  date: DateToken | null,
  lunar: LunarToken | null,
  sentence: string,
  clause: Clause,
  ctx: MomentContext,
  warnings: string[],
): Deadline | null {
  let iso: string | null = null;
  if (date) {
    const year = resolveYear(date, ctx);
    iso = year === null ? null : isoDate(year, date.month, date.day);
  } else if (lunar) {
    const year = lunar.canChi
      ? tetYearOfCanChi(lunar.canChi, ctx.tetYear ?? ctx.letterYear ?? undefined)
      : ctx.tetYear;
    if (year === null) return null;
    try {
      iso = solarOfLunar(lunar.day, lunar.month, lunar.month === 12 ? year - 1 : year);
    } catch {
      return null;
    }
    warnings.push(
      `Hạn báo cáo chỉ ghi theo âm lịch ("${lunar.text}"); ngày dương lịch ${iso.split('-').reverse().join('/')} được tính theo lịch âm Việt Nam.`,
    );
  }
  if (!iso) return null;
  const [y, m, d] = iso.split('-');
  const dateText = `${d}/${m}/${y}`;
  let lunarDay: Deadline['lunar'] = null;
  try {
    lunarDay = lunarOfSolar(iso);
  } catch {
    lunarDay = null;
  }
  if (date && lunar && lunarDay && (lunarDay.day !== lunar.day || lunarDay.month !== lunar.month)) {
    warnings.push(
      `Ngày ${dateText} là ngày ${lunarDay.day} tháng ${lunarDay.month} âm lịch, không khớp với "${lunar.text}" ghi trong công văn.`,
    );
  }
  if (
    lunar?.canChi &&
    lunarDay &&
    canChiOfYear(lunar.month === 12 ? lunarDay.year + 1 : lunarDay.year) !== lunar.canChi
  ) {
    warnings.push(`"${lunar.text}" không thuộc năm ${canChiOfYear(lunarDay.year)} của ngày ${dateText}.`);
  }
  const weekday = weekdayOf(iso);
  const first = time?.start ?? date?.start ?? lunar?.start ?? 0;
  const start = Math.min(first, date?.start ?? first, lunar?.start ?? first);
  const end = Math.max(time?.end ?? 0, date?.end ?? 0, lunar?.end ?? 0);
  const written = WEEKDAY_RE.exec(sentence.slice(start, end));
  if (written) {
    const key = written[1]?.toLocaleLowerCase('vi');
    const expected = key === undefined ? 0 : (WEEKDAY_NUMBERS[key] ?? Number(key) - 1);
    if (expected !== new Date(`${iso}T00:00:00Z`).getUTCDay()) {
      warnings.push(`Ngày ${dateText} là ${weekday}, không phải "${written[0]}" như công văn ghi.`);
    }
  }
  const phrase = phraseBefore(sentence.slice(0, start));
  const [hour, minute] = time ? [time.hour, time.minute] : phrase === 'truoc' ? [0, 0] : [23, 59];
  return {
    at: `${iso}T${pad(hour)}:${pad(minute)}:00+07:00`,
    time: time?.text ?? '',
    hour,
    minute,
    date: dateText,
    weekday,
    lunarDay: lunarDay?.month === 1 && !lunarDay.leap ? lunarDay.day : null,
    lunar: lunarDay,
    lunarText: lunar?.text ?? null,
    phrase,
    clauseId: clause.id,
    sentence,
  };
}

function nextOf<T extends Token>(tokens: T[], after: number): T | undefined {
  return tokens.find((t) => t.start >= after);
}

function momentsOfSentence(
  sentence: string,
  clause: Clause,
  underReportHeading: boolean,
  ctx: MomentContext,
  found: Found[],
): { daily: DailyReport | null; dateOnly: string | null } {
  const times = findTimes(sentence);
  const dates = findDates(sentence);
  const lunars = findLunars(sentence);
  const reporting = underReportHeading || REPORT_WORDS.test(sentence) || clause.kind === 'report';
  let daily: DailyReport | null = null;
  const usedDates = new Set<DateToken>();
  const usedLunars = new Set<LunarToken>();
  for (const time of times) {
    let date: DateToken | null = null;
    let lunar: LunarToken | null = null;
    const nextDate = nextOf(dates, time.end);
    const nextLunar = nextOf(lunars, time.end);
    if (nextDate && GAP_TIME_DATE.test(sentence.slice(time.end, nextDate.start))) date = nextDate;
    else if (nextLunar && GAP_TIME_DATE.test(sentence.slice(time.end, nextLunar.start))) lunar = nextLunar;
    else {
      const before = dates.filter((d) => d.end <= time.start).at(-1);
      if (before && GAP_DATE_TIME.test(sentence.slice(before.end, time.start))) date = before;
    }
    if (date && !lunar) {
      const after = nextOf(lunars, date.end);
      if (after && GAP_DATE_LUNAR.test(sentence.slice(date.end, after.start))) lunar = after;
    } else if (lunar && !date) {
      const after = nextOf(dates, lunar.end);
      if (after && GAP_LUNAR_DATE.test(sentence.slice(lunar.end, after.start))) date = after;
    }
    if (date || lunar) {
      if (date) usedDates.add(date);
      if (lunar) usedLunars.add(lunar);
      const warnings: string[] = [];
      const deadline = buildDeadline(time, date, lunar, sentence, clause, ctx, warnings);
      if (!deadline || !reporting) continue;
      const score =
        2 +
        (deadline.phrase === 'khac' || deadline.phrase === 'luc' ? 0 : 1) +
        (clause.kind === 'report' ? 1 : 0) +
        (/báo cáo/iu.test(sentence) ? 1 : 0);
      found.push({ deadline, score, warnings });
      continue;
    }
    const near = sentence.slice(Math.max(0, time.start - 40), time.end + 40);
    if (!daily && reporting && DAILY_WORDS.test(near)) {
      // "báo cáo 02 lần/ngày, trước 08 giờ 00 và trước 16 giờ 00": every hour of the day, said together.
      let text = time.text;
      let end = time.end;
      for (const other of times.filter((t) => t.start >= end)) {
        if (!/^[\s,]*(?:và|,)\s*(?:trước|lúc|vào)?\s*$/u.test(sentence.slice(end, other.start))) break;
        text = `${text} và ${other.text}`;
        end = other.end;
      }
      daily = { time: text, hour: time.hour, minute: time.minute, clauseId: clause.id, sentence };
    }
  }
  const lone = dates.find((d) => !usedDates.has(d));
  const dateOnly = reporting && lone && /trước|chậm nhất|hạn/iu.test(sentence) ? lone.text : null;
  // A report due on a day with no hour ("gửi về Sở trước ngày 18/02/2027"): a deadline all the same, below any
  // with an hour.
  if (reporting && lone) {
    const phrase = phraseBefore(sentence.slice(0, lone.start));
    if (phrase === 'truoc' || phrase === 'cham-nhat' || phrase === 'han') {
      const after = nextOf(lunars, lone.end);
      const lunar = after && GAP_DATE_LUNAR.test(sentence.slice(lone.end, after.start)) ? after : null;
      const warnings: string[] = [];
      const deadline = buildDeadline(null, lone, lunar, sentence, clause, ctx, warnings);
      if (deadline) {
        const score = 1 + (clause.kind === 'report' ? 1 : 0) + (/báo cáo/iu.test(sentence) ? 1 : 0);
        found.push({ deadline, score, warnings });
      }
    }
  }
  // Due on a lunar day with no hour and no solar date: "gửi về Sở trước ngày mùng 8 tháng Giêng năm Tân Hợi".
  const loneLunar = lunars.find((l) => !usedLunars.has(l));
  if (reporting && !lone && loneLunar) {
    const phrase = phraseBefore(sentence.slice(0, loneLunar.start));
    if (phrase === 'truoc' || phrase === 'cham-nhat' || phrase === 'han') {
      const warnings: string[] = [];
      const deadline = buildDeadline(null, null, loneLunar, sentence, clause, ctx, warnings);
      if (deadline) {
        const score = 1 + (clause.kind === 'report' ? 1 : 0) + (/báo cáo/iu.test(sentence) ? 1 : 0);
        found.push({ deadline, score, warnings });
      }
    }
  }
  return { daily, dateOnly };
}

export function findMoments(clauses: Clause[], ctx: MomentContext): Moments {
  const found: Found[] = [];
  let dailyReport: DailyReport | null = null;
  let dateWithoutTime: string | null = null;
  const byId = new Map(clauses.map((c) => [c.id, c]));
  // "2. Chế độ báo cáo" makes "- Hằng ngày trước 15 giờ;" below it a report time.
  const underReport = (clause: Clause): boolean => {
    for (let c: Clause | undefined = clause; c; c = c.parentId ? byId.get(c.parentId) : undefined) {
      if (c.heading && REPORT_WORDS.test(c.heading)) return true;
    }
    return false;
  };
  for (const clause of clauses) {
    const context = underReport(clause);
    for (const sentence of [...sentences(clause.heading ?? ''), ...sentences(clause.text)]) {
      const { daily, dateOnly } = momentsOfSentence(sentence, clause, context, ctx, found);
      dailyReport ??= daily;
      dateWithoutTime ??= dateOnly;
    }
  }
  const deadlines = found.map((f) => f.deadline).sort((a, b) => a.at.localeCompare(b.at));
  // The highest-scoring report moment wins; among equals the latest, which is the final report.
  const best = [...found].sort((a, b) => b.score - a.score || b.deadline.at.localeCompare(a.deadline.at))[0];
  return {
    deadlines,
    deadline: best?.deadline ?? null,
    dailyReport,
    dateWithoutTime,
    warnings: best?.warnings ?? [],
  };
}

// ---- legal basis --------------------------------------------------------------------------

const DOC_KINDS =
  'Chỉ thị|Công văn|Văn bản|Kế hoạch|Quyết định|Thông báo|Công điện|Nghị quyết|Thông tư|Nghị định|Hướng dẫn|Chương trình|Kết luận|Luật';
const DOC_RE = new RegExp(
  String.raw`(?<![\p{L}])(${DOC_KINDS})\s+(?:số\s*:?\s*)?(\d+[\p{L}\d]*(?:\/[\p{L}\d]+(?:-[\p{L}\d]+)*)+)` +
    String.raw`(?:\s*,?\s*ngày\s+(\d{1,2})\s*(?:\/|\s+tháng\s+)(\d{1,2})\s*(?:\/|\s+năm\s+)(\d{4}))?`,
  'gu',
);
const STRONG_STARTERS = /^(?:Thực hiện|Căn cứ|Triển khai|Tiếp theo|Tiếp tục thực hiện)(?=\s|$)/u;
const ANY_STARTER = /(?:^|\s)(?:thực hiện|căn cứ|triển khai|theo|trên cơ sở|tiếp theo)\s/iu;
const ISSUER_END = new RegExp(
  String.raw`\s+về\s|,|;|\.(?:\s|\/|$)|\s\(|\s+và\s+(?:${DOC_KINDS})|\s+(?:hướng dẫn|yêu cầu|chỉ đạo|quy định)(?=\s|$)`,
  'u',
);

const ABOUT_END = new RegExp(String.raw`[;]|\.(?:\s|\/|$)|,\s+(?=\p{Lu})|\s+và\s+(?:${DOC_KINDS})`, 'u');

function basisText(sentence: string): string {
  const cut = /,\s+(?=(?:Sở|UBND|Ủy ban|Phòng|Ban|Trung tâm|Cục|Bộ|Văn phòng|để|nhằm)\s)/u.exec(sentence);
  return (cut ? sentence.slice(0, cut.index) : sentence).replace(/[\s,;:]+$/u, '').replace(/\.\/\.$/u, '.');
}

function documentsOf(text: string): Omit<LegalBasis, 'text'>[] {
  const matches = [...text.matchAll(DOC_RE)];
  return matches.map((m, i) => {
    const end = matches[i + 1]?.index ?? text.length;
    let cursor = m.index + m[0].length;
    let issuedBy: string | null = null;
    let about: string | null = null;
    const rest = text.slice(cursor, end);
    const of = /^\s+của\s+/u.exec(rest);
    if (of) {
      const tail = rest.slice(of[0].length);
      const stop = ISSUER_END.exec(tail);
      issuedBy = (stop ? tail.slice(0, stop.index) : tail).trim() || null;
      cursor += of[0].length + (issuedBy?.length ?? 0);
    }
    const re = /^\s+(?:về việc|về|V\/v)\s+/u.exec(text.slice(cursor, end));
    if (re) {
      const tail = text.slice(cursor + re[0].length, end);
      const stop = ABOUT_END.exec(tail);
      about = (stop ? tail.slice(0, stop.index) : tail).trim().replace(/[.,]$/u, '') || null;
    }
    const date = m[3] && m[4] && m[5] ? isoDate(Number(m[5]), Number(m[4]), Number(m[3])) : null;
    const document = `${m[0]}${issuedBy ? ` của ${issuedBy}` : ''}`.replace(/\s+/gu, ' ');
    return { document, kind: m[1]!, number: m[2]!, date, issuedBy, about };
  });
}

/** The documents the letter implements ("Thực hiện Chỉ thị số 14/CT-UBND ngày 22/12/2023 của …"). */
export function findLegalBasis(intro: string): LegalBasis[] {
  const out: LegalBasis[] = [];
  // "Căn cứ A; Thực hiện B, …" cites two documents, each with its own sentence.
  const parts = sentences(intro).flatMap((s) =>
    s.split(/;\s+(?=(?:Thực hiện|Căn cứ|Triển khai|Tiếp theo)\s)/u),
  );
  for (const sentence of parts) {
    const strong = STRONG_STARTERS.test(sentence);
    if (!strong && !ANY_STARTER.test(sentence)) continue;
    const text = basisText(sentence);
    const docs = documentsOf(text);
    if (docs.length === 0 && strong) {
      out.push({ text, document: null, kind: null, number: null, date: null, issuedBy: null, about: null });
    }
    for (const doc of docs) out.push({ text, ...doc });
  }
  return out;
}

// ---- holiday ------------------------------------------------------------------------------

const HOLIDAY_RE = new RegExp(
  String.raw`(?:Tết\s+Nguyên\s+[đĐ]án(?:\s+(${CAN_CHI_WORDS}))?|(?:Tết|Xuân)\s+(${CAN_CHI_WORDS}))(?:\s+(?:năm\s+)?(\d{4}))?`,
  'gu',
);

interface HolidayMention {
  name: string;
  canChi: string | null;
  year: number | null;
  /** Tết Nguyên đán 2, Tết 1, Xuân 0: the name shown is the most official one. */
  rank: number;
}

function holidayMentions(text: string): HolidayMention[] {
  const out: HolidayMention[] = [];
  for (const m of text.matchAll(HOLIDAY_RE)) {
    const rawCanChi = m[1] ?? m[2];
    const canChi = rawCanChi ? normalizeCanChi(rawCanChi) : null;
    if (m[2] && !canChi) continue;
    let name = m[0];
    if (rawCanChi && !canChi) name = name.slice(0, name.indexOf(rawCanChi)).trimEnd();
    const year = m[3] && (canChi || !rawCanChi) ? Number(m[3]) : null;
    if (!year && /\d{4}$/u.test(name)) name = name.replace(/\s+(?:năm\s+)?\d{4}$/u, '');
    const rank = m[0].startsWith('Xuân') ? 0 : /Nguyên/u.test(m[0]) ? 2 : 1;
    out.push({ name: name.replace(/\s+/gu, ' '), canChi, year, rank });
  }
  return out;
}

export function findHoliday(texts: string[], letterYear: number | null, warnings: string[]): Holiday | null {
  const mentions = texts.flatMap(holidayMentions);
  const complete = (h: HolidayMention): number => h.rank * 4 + (h.canChi ? 2 : 0) + (h.year ? 1 : 0);
  const best = [...mentions].sort((a, b) => complete(b) - complete(a))[0];
  if (!best) return null;
  let canChi =
    best.canChi ?? mentions.find((h) => h.canChi && (!best.year || h.year === best.year))?.canChi ?? null;
  let year = best.year ?? mentions.find((h) => h.year && (!canChi || h.canChi === canChi))?.year ?? null;
  if (canChi && year && canChiOfYear(year) !== canChi) {
    warnings.push(`Năm ${year} là năm ${canChiOfYear(year)}, không phải ${canChi} như công văn ghi.`);
  }
  if (!year && canChi) year = tetYearOfCanChi(canChi, letterYear ?? undefined);
  if (!canChi && year) canChi = canChiOfYear(year);
  let first: string | null = null;
  try {
    first = year ? tetFirstDay(year) : null;
  } catch {
    first = null;
  }
  return { name: best.name, canChi, year, tetFirstDay: first };
}

// ---- contacts -----------------------------------------------------------------------------

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PHONE_RE = /(?<![\d\p{L}])(?:\+84|\(?0\d{1,3}\)?)(?:[\s.-]?\d){6,10}(?![\d])/gu;
const NAME = String.raw`\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}`;
const PERSON_RE = new RegExp(
  String.raw`(?<!\p{L})(?:đồng chí|Đồng chí|đ\/c|Đ\/c|ông|Ông|bà|Bà|anh|chị)\s+(${NAME})|liên hệ(?:\s+với)?\s+(?!(?:Sở|Phòng|Văn|Trung|Ban|Cục|Bộ|UBND|Ủy|Đường)\s)(${NAME})`,
  'gu',
);
// "điện thoại: ", "(điện thoại/Zalo: ": the words that lead up to the number, not the person's title.
const PHONE_WORDS =
  /\(?(?:số\s+)?(?:điện\s+thoại|ĐT|SĐT|sđt|di\s+động|Đường\s+dây\s+nóng|đường\s+dây\s+nóng|hotline|Zalo)(?:\s*\/\s*(?:Zalo|điện\s+thoại))?\s*:?\s*$/u;

export function findEmails(texts: string[]): string[] {
  const all = texts.flatMap((t) =>
    [...t.matchAll(EMAIL_RE)].map((m) => m[0].replace(/\.$/u, '').toLowerCase()),
  );
  return [...new Set(all)];
}

function personBefore(segment: string): { person?: string; title?: string } {
  const matches = [...segment.matchAll(PERSON_RE)];
  const m = matches.at(-1);
  if (!m) return {};
  const person = (m[1] ?? m[2]!).trim();
  const title = segment
    .slice(m.index + m[0].length)
    .replace(PHONE_WORDS, '')
    .replace(/^[\s,\-–(:]+|[\s,\-–():;]+$/gu, '')
    .trim();
  return title ? { person, title } : { person };
}

const TABLE_ROW_RE = /(?: \| [^|]*){2}|^[^:;]{1,80}(?:; [^:;]{1,40}: [^;]+){2}/u;

/** The hotline, else the contact phone, with the person it names. */
export function findHotline(clauses: Clause[]): Hotline | null {
  let first: Hotline | null = null;
  let row: Hotline | null = null;
  for (const clause of clauses) {
    for (const sentence of sentences(clause.text)) {
      for (const m of sentence.matchAll(PHONE_RE)) {
        const digits = m[0].replace(/\D/gu, '');
        if (digits.length < 9 || digits.length > 11) continue;
        const before = sentence.slice(0, m.index);
        const segment = before.slice(Math.max(before.lastIndexOf(';'), before.search(/liên hệ/iu), 0));
        // "… 0204.3 882 123 (đ/c Ngô Văn Tùng - Chánh Văn phòng)": the person may follow the number.
        const after = /^\s*\(([^)]*)\)/u.exec(sentence.slice(m.index + m[0].length));
        // "Ông Trần Minh Khoa, chuyên viên …; điện thoại di động: 0905 318 462": the sentence opens with the person
        // whose first number this is, a semicolon before it.
        const opening = m.index === sentence.search(PHONE_RE) ? personBefore(before) : {};
        const own = personBefore(segment);
        const person = own.person ? own : opening.person ? { person: opening.person } : own;
        const contact = person.person || !after ? person : personBefore(after[1]!);
        const hotline: Hotline = { phone: m[0].trim(), digits, ...contact, clauseId: clause.id };
        if (/đường dây nóng|hotline/iu.test(before.slice(-60))) return hotline;
        // A row of a table ("1 | Nguyễn Văn Hùng | Phó Giám đốc | 0912 345 678 | 05/02", or from a .docx "Nguyễn Văn
        // Hùng; chức vụ: …; điện thoại: …") is one person on a roster, the letter's contact only when it names no other.
        if (TABLE_ROW_RE.test(sentence)) row ??= hotline;
        else first ??= hotline;
      }
    }
  }
  return first ?? row;
}

const ORG_WORDS = '(?:Sở|Phòng|Văn phòng|UBND|Ủy ban nhân dân|Ban|Trung tâm|Cục|Bộ|Thanh tra|Chi cục)';
const REPORT_TO_RE = new RegExp(
  String.raw`(?:gửi|nộp|báo cáo)[^.;]*?\s(?:về|cho|tới|đến)\s+(${ORG_WORDS}\s[^,;()]*?)(?=\s*(?:trước|chậm nhất|qua|theo|để|trong|hạn|bằng|vào|[(,;.]|$))`,
  'u',
);

/** Whom reports go to, from the first of `candidates` (the deadline sentence first) that says. */
export function findReportTo(candidates: string[]): string | null {
  for (const s of candidates) {
    const m = REPORT_TO_RE.exec(s);
    if (m) return m[1]!.trim();
  }
  return null;
}

const ISSUER_VERB_RE = /\s(?:yêu cầu|đề nghị|thông báo|hướng dẫn|chỉ đạo|kính đề nghị|trân trọng)\s/gu;
const ISSUER_AT_END_RE = new RegExp(`(?:^|\\s)(${ORG_WORDS}\\s.+)$`, 'u');

/** "…, Sở Thông tin và Truyền thông yêu cầu …" → "Sở Thông tin và Truyền thông". */
export function issuerFromBody(intro: string): string | null {
  for (const sentence of sentences(intro)) {
    for (const verb of sentence.matchAll(ISSUER_VERB_RE)) {
      const head = sentence.slice(0, verb.index);
      const m = ISSUER_AT_END_RE.exec(head.slice(head.lastIndexOf(',') + 1));
      if (m) return m[1]!.trim();
    }
  }
  return null;
}

// ---- Vietnamese capitalisation of names, bodies and offices --------------------------------

const ACRONYMS = new Set([
  'UBND',
  'HĐND',
  'MTTQ',
  'TTTT',
  'TT&TT',
  'BCVT',
  'CNTT',
  'ATTT',
  'KGVX',
  'VNPT',
  'TP',
]);
const ORG_TYPES = [
  'VĂN PHÒNG',
  'TRUNG TÂM',
  'TỔNG CỤC',
  'CHI CỤC',
  'THANH TRA',
  'BƯU ĐIỆN',
  'SỞ',
  'PHÒNG',
  'BAN',
  'CỤC',
  'BỘ',
  'VỤ',
  'ĐÀI',
] as const;
const ADMIN_UNIT_RE = /(?:^|\s)(THÀNH PHỐ|TỈNH|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+(\S.*)$/u;
const SPECIAL_NAMES: Readonly<Record<string, string>> = { 'CÔNG THƯƠNG': 'Công Thương' };
export const CENTRAL_CITIES = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];

const lower = (s: string): string => s.toLocaleLowerCase('vi');
const capitalize = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

export function isAllCaps(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && line === line.toLocaleUpperCase('vi') && line !== lower(line);
}

/** "NGUYỄN GIA PHONG", "bắc giang" → "Nguyễn Gia Phong", "Bắc Giang". */
export function titleWords(text: string): string {
  return text
    .trim()
    .split(/\s+/u)
    .map((w) => (ACRONYMS.has(w) ? w : capitalize(lower(w))))
    .join(' ');
}

/** "THÔNG TIN VÀ TRUYỀN THÔNG" → "Thông tin và Truyền thông": each joined name starts with a capital. */
function conjunctCase(text: string): string {
  const special = SPECIAL_NAMES[text.trim()];
  if (special) return special;
  return text
    .trim()
    .split(/(\s+VÀ\s+|\s*,\s*|\s+[-–]\s+)/u)
    .map((part, i) => {
      if (i % 2 === 1) return lower(part);
      const words = part.split(/\s+/u).filter(Boolean);
      return words.map((w, j) => (ACRONYMS.has(w) ? w : j === 0 ? capitalize(lower(w)) : lower(w))).join(' ');
    })
    .join('');
}

/** Capitals of an issuing body: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" → "Sở Thông tin và Truyền thông". */
export function orgCase(caps: string): string {
  const text = caps.replace(/\s+/gu, ' ').trim();
  const unit = ADMIN_UNIT_RE.exec(text);
  if (unit) {
    const head = text.slice(0, unit.index).trim();
    const place = `${lower(unit[1]!)} ${titleWords(unit[2]!)}`;
    return head ? `${orgCase(head)} ${place}` : capitalize(place);
  }
  if (/^(?:ỦY|UỶ) BAN NHÂN DÂN$/u.test(text)) return 'Ủy ban nhân dân';
  if (text === 'HỘI ĐỒNG NHÂN DÂN') return 'Hội đồng nhân dân';
  const type = ORG_TYPES.find((t) => text === t || text.startsWith(`${t} `));
  if (type) {
    const rest = text.slice(type.length).trim();
    return rest ? `${capitalize(lower(type))} ${conjunctCase(rest)}` : capitalize(lower(type));
  }
  return conjunctCase(text);
}

/** An office in capitals: "PHÓ GIÁM ĐỐC" → "Phó Giám đốc", "CHÁNH VĂN PHÒNG" → "Chánh Văn phòng". */
export function officeCase(caps: string): string {
  const text = caps.replace(/\s+/gu, ' ').trim();
  const prefix = /^(PHÓ|TỔNG|QUYỀN)\s+(.+)$/u.exec(text);
  if (prefix) return `${capitalize(lower(prefix[1]!))} ${capitalize(officeCase(prefix[2]!))}`;
  const chief = /^(CHÁNH|TRƯỞNG PHÒNG|TRƯỞNG BAN)(?:\s+(.+))?$/u.exec(text);
  if (chief) {
    const head = capitalize(lower(chief[1]!));
    if (!chief[2]) return head;
    return `${head} ${chief[1] === 'CHÁNH' ? orgCase(chief[2]) : conjunctCase(chief[2])}`;
  }
  if (ORG_TYPES.some((t) => text.startsWith(`${t} `)) || /^(?:ỦY|UỶ) BAN/u.test(text)) return orgCase(text);
  const words = text.split(' ');
  return words.map((w, i) => (ACRONYMS.has(w) ? w : i === 0 ? capitalize(lower(w)) : lower(w))).join(' ');
}

/** A heading in capitals made readable: "I. MỤC ĐÍCH, YÊU CẦU" → "Mục đích, yêu cầu". */
export function sentenceCase(text: string): string {
  if (!isAllCaps(text)) return text;
  const words = text.split(/\s+/u).map((w) => (ACRONYMS.has(w.replace(/[^\p{L}&]/gu, '')) ? w : lower(w)));
  return capitalize(words.join(' '))
    .replace(/(?<!\p{L})tết(?!\p{L})/gu, 'Tết')
    .replace(/việt nam/gu, 'Việt Nam')
    .replace(/\binternet\b/gu, 'Internet');
}

export function provinceLabel(province: string): string {
  return CENTRAL_CITIES.includes(province) ? `thành phố ${province}` : `tỉnh ${province}`;
}
