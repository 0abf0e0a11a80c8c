import type { Dispatch } from './directive.ts';
import { foldDiacritics } from './normalise.ts';

type Deadline = Dispatch['report']['deadline'];

/** What a question asserts about a moment: "trước 12h", "ngày 15/2", "mùng 5", "thứ 4". */
export interface MomentClaim {
  hour?: number;
  day?: number;
  month?: number;
  lunarDay?: number;
  weekday?: number; // 2 = thứ Hai … 7 = thứ Bảy, 8 = Chủ nhật
}

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
};

const toNumber = (word: string): number | undefined =>
  /^\d+$/.test(word) ? Number.parseInt(word, 10) : NUMBER_WORDS[word];

export function parseMomentClaim(question: string): MomentClaim {
  const text = ` ${foldDiacritics(question).replace(/\s+/g, ' ')} `;
  const claim: MomentClaim = {};
  const hour = /[^\d/](\d{1,2}) ?(?:h|gio|g)(?:\d{2})?\b/.exec(text);
  if (hour) claim.hour = Number.parseInt(hour[1]!, 10);
  const date =
    /[^\d/](\d{1,2}) ?[/.-] ?(\d{1,2})(?: ?[/.-] ?\d{2,4})?[^\d/]/.exec(text) ??
    /ngay (\d{1,2}) thang (\d{1,2})/.exec(text);
  if (date) {
    claim.day = Number.parseInt(date[1]!, 10);
    claim.month = Number.parseInt(date[2]!, 10);
  }
  const lunar =
    /\b(?:mung|mong) ?(\d{1,2}|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi)\b/.exec(text) ??
    /\bm(\d{1,2})\b/.exec(text) ??
    /\b(\d{1,2}) tet\b/.exec(text);
  const lunarDay = lunar ? toNumber(lunar[1]!) : undefined;
  if (lunarDay !== undefined) claim.lunarDay = lunarDay;
  if (/\b(chu nhat|cn)\b/.test(text)) claim.weekday = 8;
  const weekday = /\b(?:thu ?|t)(hai|ba|tu|nam|sau|bay|[2-7])\b/.exec(text);
  if (weekday) claim.weekday = weekday[1]! === 'tu' ? 4 : toNumber(weekday[1]!);
  return claim;
}

export type DeadlineVerdict =
  | 'confirmed'
  | 'wrong_deadline'
  | 'in_time'
  | 'in_time_if_before_hour'
  | 'late'
  | 'none';

const WEEKDAY_NUMBER: Readonly<Record<string, number>> = {
  'thứ Hai': 2,
  'thứ Ba': 3,
  'thứ Tư': 4,
  'thứ Năm': 5,
  'thứ Sáu': 6,
  'thứ Bảy': 7,
  'Chủ nhật': 8,
};

/**
 * Judges a yes/no question about the deadline. "Hạn là 15/2 à?" asserts a deadline (wrong_deadline);
 * "nộp ngày 12/2 được không?" proposes a submission moment (in_time / late).
 */
export function judgeDeadlineClaim(question: string, deadline: Deadline): DeadlineVerdict {
  const claim = parseMomentClaim(question);
  if (Object.keys(claim).length === 0) return 'none';
  const text = ` ${foldDiacritics(question)} `;
  const proposesSubmission =
    /\b(nop|gui)\b/.test(text) && !/\b(han|deadline|het han|thoi han|truoc)\b/.test(text);
  const order = proposesSubmission ? compareToDeadline(claim, deadline) : undefined;
  if (order !== undefined) {
    if (order < 0) return 'in_time';
    return order === 0 ? 'in_time_if_before_hour' : 'late';
  }
  const checks: boolean[] = [];
  if (claim.hour !== undefined) checks.push(claim.hour === deadline.hour);
  if (claim.day !== undefined) checks.push(claim.day === deadline.day && claim.month === deadline.month);
  if (claim.lunarDay !== undefined) checks.push(claim.lunarDay === deadline.lunarDay);
  if (claim.weekday !== undefined) checks.push(claim.weekday === WEEKDAY_NUMBER[deadline.weekday]);
  return checks.every(Boolean) ? 'confirmed' : 'wrong_deadline';
}

/** -1 before the deadline, 0 on its day with no hour given, 1 after; undefined when the claim has no day. */
function compareToDeadline(claim: MomentClaim, deadline: Deadline): number | undefined {
  let dayOffset: number | undefined;
  if (claim.day !== undefined && claim.month === deadline.month) dayOffset = claim.day - deadline.day;
  else if (claim.lunarDay !== undefined) dayOffset = claim.lunarDay - deadline.lunarDay;
  if (dayOffset === undefined) return undefined;
  if (dayOffset !== 0) return Math.sign(dayOffset);
  if (claim.hour === undefined) return 0;
  return claim.hour < deadline.hour ? -1 : 1;
}
