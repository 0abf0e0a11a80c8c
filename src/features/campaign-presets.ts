import { DateTime } from 'luxon';
import { addDays, VN_ZONE } from '../clock.ts';
import type { NewCampaign } from '../db/queries/campaigns.ts';

export const DIRECTIVE_2024 =
  'Công văn của Sở TT&TT Bắc Giang về đảm bảo thông tin liên lạc dịp Tết Nguyên đán Giáp Thìn 2024';

/** The directive's own campaign: Tết Giáp Thìn, mùng 1 = 10/02/2024, final report before 9:00 on mùng 4 (13/02). */
export function tet2024(): NewCampaign {
  return tetCampaign({
    name: 'Tết Nguyên đán Giáp Thìn 2024',
    firstDayOfTet: '2024-02-10',
    directive: DIRECTIVE_2024,
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
}): NewCampaign {
  const tet = params.firstDayOfTet;
  const finalDay = addDays(tet, 3);
  return {
    name: params.name,
    directive: params.directive ?? 'Công văn đảm bảo thông tin liên lạc dịp Tết Nguyên đán',
    timeZone: VN_ZONE,
    firstDay: addDays(tet, -2),
    lastDay: addDays(tet, 4),
    dailyDeadline: params.dailyDeadline ?? '17:00',
    finalDeadline: DateTime.fromISO(`${finalDay}T${params.finalTime ?? '09:00'}`, {
      zone: VN_ZONE,
    }).toJSDate(),
    finalDeadlineLabel: 'mùng 4 Tết',
  };
}
