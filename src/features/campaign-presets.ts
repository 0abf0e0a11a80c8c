import { DateTime } from 'luxon';
import { addDays, VN_ZONE } from '../clock.ts';
import type { NewCampaign } from '../db/queries/campaigns.ts';
import { type DutyPeriod, findDutyPeriod } from '../directive/duty-period.ts';
import type { Letter } from '../directive/letter.ts';
import { canChiOfYear, tetFirstDay } from '../directive/lunar.ts';
import { t } from '../texts/index.ts';

/** The directive's own campaign: Tết Giáp Thìn, mùng 1 = 10/02/2024, final report before 9:00 on mùng 4 (13/02). */
export function tet2024(): NewCampaign {
  return tetCampaign({
    name: t.campaignTet2024,
    firstDayOfTet: '2024-02-10',
    directive: t.campaignDirective2024,
  });
}

/**
 * A Tết campaign from the date of mùng 1: reports from two days before Tết to mùng 5, the consolidated report due
 * at 9:00 on mùng 4, as in the 2024 directive.
 */
export function tetCampaign(params: {
  name: string;
  firstDayOfTet: string;
  directive?: string;
  dailyDeadline?: string;
  finalTime?: string;
  /** The letter's own deadline, when it names one for this Tết. */
  final?: { at: Date; label: string };
  /** The letter's duty period, when it sets one: the days officers report. */
  days?: { from: string; to: string };
}): NewCampaign {
  const tet = params.firstDayOfTet;
  const finalDeadline =
    params.final?.at ??
    DateTime.fromISO(`${addDays(tet, 3)}T${params.finalTime ?? '09:00'}`, { zone: VN_ZONE }).toJSDate();
  const finalDay = DateTime.fromJSDate(finalDeadline, { zone: VN_ZONE }).toISODate()!;
  // Dates compare as ISO strings: the campaign runs to mùng 5 or to the final deadline's day, whichever is later.
  const lastDay = params.days?.to ?? [addDays(tet, 4), finalDay].sort().at(-1)!;
  return {
    name: params.name,
    directive: params.directive ?? t.campaignDirectiveDefault,
    timeZone: VN_ZONE,
    firstDay: params.days?.from ?? addDays(tet, -2),
    lastDay,
    dailyDeadline: params.dailyDeadline ?? '17:00',
    finalDeadline,
    finalDeadlineLabel: params.final?.label ?? t.lunarTetDay(4),
  };
}

/**
 * Next Tết from its year: mùng 1 from the lunar calendar, the name from the year's stem and branch, and the final
 * deadline, daily report time and days of duty from the active letter when the letter is about that Tết.
 */
export function tetCampaignForYear(params: { year: number; letter: Letter | null; dailyDeadline?: string }): {
  campaign: NewCampaign;
  fromLetter: boolean;
  /** The letter's duty period the days were taken from. */
  duty: DutyPeriod | null;
} {
  const first = tetFirstDay(params.year);
  const { letter } = params;
  const matches = letter?.holiday?.tetFirstDay === first;
  const duty = matches && letter ? findDutyPeriod(letter) : null;
  const daily =
    matches && letter?.dailyReport ? hhmm(letter.dailyReport.hour, letter.dailyReport.minute) : undefined;
  const d = letter?.deadline;
  return {
    fromLetter: matches,
    duty,
    campaign: tetCampaign({
      name: t.tetHolidayOf(`${canChiOfYear(params.year)} ${params.year}`),
      firstDayOfTet: first,
      ...(matches && letter?.subject
        ? { directive: t.campaignDirectiveOfLetter(letter.number, letter.subject) }
        : {}),
      dailyDeadline: params.dailyDeadline ?? daily ?? '17:00',
      ...(matches && d
        ? { final: { at: new Date(d.at), label: d.lunarDay ? t.lunarTetDay(d.lunarDay) : d.date } }
        : {}),
      ...(duty ? { days: { from: duty.from, to: duty.to } } : {}),
    }),
  };
}

const hhmm = (h: number, m: number): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
