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

/** The Vietnam calendar day (yyyy-mm-dd) an instant belongs to. */
export function vnDay(at: Date): string {
  return vnTime(at).toISODate()!;
}

/** "HH:mm dd/MM/yyyy" in Vietnam time. */
export function formatVnDateTime(at: Date): string {
  return vnTime(at).toFormat('HH:mm dd/MM/yyyy');
}

export function formatVnTime(at: Date): string {
  return vnTime(at).toFormat('HH:mm');
}

/** yyyy-mm-dd → dd/mm/yyyy */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** The instant of a local "HH:mm" on a Vietnam calendar day. */
export function vnInstant(day: string, hhmm: string): Date {
  return DateTime.fromISO(`${day}T${hhmm}`, { zone: VN_ZONE }).toJSDate();
}

export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: VN_ZONE }).plus({ days }).toISODate()!;
}
