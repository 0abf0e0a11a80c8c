import { getLunarDate, getSolarDate } from '@dqcai/vn-lunar';

export interface LunarDay {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

// The library's tables cover these lunar years; outside them it returns zeros or wrong dates.
const FIRST_YEAR = 1800;
const LAST_YEAR = 2199;

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const BRANCHES = [
  'Tý',
  'Sửu',
  'Dần',
  'Mão',
  'Thìn',
  'Tỵ',
  'Ngọ',
  'Mùi',
  'Thân',
  'Dậu',
  'Tuất',
  'Hợi',
] as const;
const BRANCH_VARIANTS: Readonly<Record<string, string>> = { tị: 'Tỵ', mẹo: 'Mão', tí: 'Tý' };

const pad = (n: number): string => String(n).padStart(2, '0');
const isoOf = (d: { day: number; month: number; year: number }): string =>
  `${d.year}-${pad(d.month)}-${pad(d.day)}`;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`Năm ${year} nằm ngoài khoảng lịch âm hỗ trợ (${FIRST_YEAR}–${LAST_YEAR}).`);
  }
}

function parseIso(iso: string): { day: number; month: number; year: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`Ngày không hợp lệ: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Shifts an ISO date by whole days in UTC, so no local time zone can move it. */
export function addDays(iso: string, days: number): string {
  const { year, month, day } = parseIso(iso);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

// The library takes milliseconds per conversion; a letter asks for the same few days again and again.
const lunarCache = new Map<string, LunarDay>();
const solarCache = new Map<string, string | RangeError>();
const CACHE_LIMIT = 2000;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

export function lunarOfSolar(iso: string): LunarDay {
  const { year, month, day } = parseIso(iso);
  checkYear(year);
  const key = isoOf({ year, month, day });
  const cached = lunarCache.get(key);
  if (cached) return { ...cached };
  const lunar = getLunarDate(day, month, year);
  return {
    ...remember(lunarCache, key, { day: lunar.day, month: lunar.month, year: lunar.year, leap: lunar.leap }),
  };
}

/** ISO solar date of a lunar date; the library silently overflows, so the round trip must agree. */
export function solarOfLunar(day: number, month: number, year: number, leap = false): string {
  checkYear(year);
  const key = `${year}-${month}-${day}-${leap}`;
  const result = solarCache.get(key) ?? remember(solarCache, key, convertLunar(day, month, year, leap));
  if (result instanceof RangeError) throw result;
  return result;
}

function convertLunar(day: number, month: number, year: number, leap: boolean): string | RangeError {
  const solar = getSolarDate(day, month, year, leap);
  const iso = solar.year > 0 ? isoOf(solar) : null;
  const back = iso ? lunarOfSolar(iso) : null;
  if (!iso || !back || back.day !== day || back.month !== month || back.year !== year || back.leap !== leap) {
    return new RangeError(`Không có ngày ${day} tháng ${month}${leap ? ' nhuận' : ''} năm âm lịch ${year}.`);
  }
  return iso;
}

/** Mùng 1 Tết by Vietnam's calendar (UTC+7 new moons), e.g. 2030 → 2030-02-02 where China has 02-03. */
export function tetFirstDay(year: number): string {
  return solarOfLunar(1, 1, year);
}

/** Mùng n Tết of the lunar year that starts in `year`. */
export function tetDay(year: number, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 30) throw new RangeError(`Không có ngày mùng ${n} Tết.`);
  return solarOfLunar(n, 1, year);
}

export function canChiOfYear(year: number): string {
  if (!Number.isInteger(year)) throw new RangeError(`Năm không hợp lệ: ${year}`);
  const stem = STEMS[(((year + 6) % 10) + 10) % 10]!;
  const branch = BRANCHES[(((year + 8) % 12) + 12) % 12]!;
  return `${stem} ${branch}`;
}

/** "giáp  thìn", "Ất Tị" → "Giáp Thìn", "Ất Tỵ"; null when it is not one of the sixty names. */
export function normalizeCanChi(text: string): string | null {
  const words = text.normalize('NFC').trim().toLocaleLowerCase('vi').split(/\s+/);
  if (words.length !== 2) return null;
  const stem = STEMS.find((s) => s.toLocaleLowerCase('vi') === words[0]);
  const rawBranch = words[1]!;
  const branch = BRANCH_VARIANTS[rawBranch] ?? BRANCHES.find((b) => b.toLocaleLowerCase('vi') === rawBranch);
  if (!stem || !branch) return null;
  const stemIndex = STEMS.indexOf(stem);
  const branchIndex = BRANCHES.indexOf(branch as (typeof BRANCHES)[number]);
  // Only stems and branches of the same parity pair up (Giáp Tý, never Giáp Sửu).
  if (stemIndex % 2 !== branchIndex % 2) return null;
  return `${stem} ${branch}`;
}

/** The year, nearest to `near`, whose Tết bears this name; null for an unknown name. */
export function tetYearOfCanChi(canChi: string, near: number = new Date().getFullYear()): number | null {
  const name = normalizeCanChi(canChi);
  if (!name) return null;
  for (let offset = 0; offset <= 30; offset++) {
    if (canChiOfYear(near + offset) === name) return near + offset;
    if (canChiOfYear(near - offset) === name) return near - offset;
  }
  return null;
}
