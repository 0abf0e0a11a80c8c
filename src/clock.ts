import { DateTime } from 'luxon';

export const VN_ZONE = 'Asia/Ho_Chi_Minh';

/** The one source of "now": injected everywhere so tests can freeze or move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(
  start: Date | string,
): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export function vnTime(at: Date): DateTime {
  return DateTime.fromJSDate(at, { zone: VN_ZONE });
}

/**
 * Vietnam has kept UTC+7, without daylight saving, since 13 June 1975: from then on, Vietnam time is UTC shifted by
 * seven hours, computed here without the time zone database (luxon's zone lookups cost more than a report's SQL).
 * Earlier instants go through luxon.
 */
const UTC7_SINCE = Date.UTC(1975, 5, 12, 17, 0);
const SEVEN_HOURS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The Vietnam wall-clock fields of an instant (UTC+7), or null before 1975 (luxon then). */
function utc7(at: Date): Date | null {
  const t = at.getTime();
  return t >= UTC7_SINCE ? new Date(t + SEVEN_HOURS) : null;
}

/** The Vietnam calendar day (yyyy-mm-dd) an instant belongs to. */
export function vnDay(at: Date): string {
  const v = utc7(at);
  if (!v) return vnTime(at).toISODate()!;
  return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
}

/** "HH:mm dd/MM/yyyy" in Vietnam time. */
export function formatVnDateTime(at: Date): string {
  const v = utc7(at);
  if (!v) return vnTime(at).toFormat('HH:mm dd/MM/yyyy');
  return `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())} ${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}

export function formatVnTime(at: Date): string {
  const v = utc7(at);
  if (!v) return vnTime(at).toFormat('HH:mm');
  return `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
}

/** yyyy-mm-dd → dd/mm/yyyy */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** The instant of a local "HH:mm" on a Vietnam calendar day. */
export function vnInstant(day: string, hhmm: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (d && t) {
    const at = Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +t[1]!, +t[2]!) - SEVEN_HOURS;
    // Out-of-range fields (31/02, 24:00) and pre-1975 days are luxon's to judge, as before.
    const back = new Date(at + SEVEN_HOURS);
    const same =
      back.getUTCMonth() === +d[2]! - 1 && back.getUTCDate() === +d[3]! && back.getUTCHours() === +t[1]!;
    if (at >= UTC7_SINCE && same) return new Date(at);
  }
  return DateTime.fromISO(`${day}T${hhmm}`, { zone: VN_ZONE }).toJSDate();
}

export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: VN_ZONE }).plus({ days }).toISODate()!;
}
