/**
 * Every user-facing text of the bot, in Vietnamese: one file per feature, merged here for the code that speaks to
 * people. A leaf: texts import nothing of the bot, so features, jobs and channels take them without running back up
 * the layers. test/texts.test.ts fails on a key nobody uses and on a key defined twice.
 */
import { adminTexts } from './admin.ts';
import { boardTexts } from './board.ts';
import { campaignsTexts } from './campaigns.ts';
import { channelsTexts } from './channels.ts';
import { commonTexts } from './common.ts';
import { exportTexts } from './export.ts';
import { incidentsTexts } from './incidents.ts';
import { jobsTexts } from './jobs.ts';
import { qaTexts } from './qa.ts';
import { registrationTexts } from './registration.ts';
import { reportsTexts } from './reports.ts';
import { startupTexts } from './startup.ts';
import { statusTexts } from './status.ts';
import { summaryTexts } from './summary.ts';
import { webTexts } from './web.ts';
import { workbookTexts } from './workbook.ts';

export const TEXT_FILES = {
  common: commonTexts,
  registration: registrationTexts,
  reports: reportsTexts,
  incidents: incidentsTexts,
  status: statusTexts,
  jobs: jobsTexts,
  qa: qaTexts,
  web: webTexts,
  channels: channelsTexts,
  export: exportTexts,
  workbook: workbookTexts,
  summary: summaryTexts,
  campaigns: campaignsTexts,
  board: boardTexts,
  admin: adminTexts,
  startup: startupTexts,
} as const;

export const t = {
  ...commonTexts,
  ...registrationTexts,
  ...reportsTexts,
  ...incidentsTexts,
  ...statusTexts,
  ...jobsTexts,
  ...qaTexts,
  ...webTexts,
  ...channelsTexts,
  ...exportTexts,
  ...workbookTexts,
  ...summaryTexts,
  ...campaignsTexts,
  ...boardTexts,
  ...adminTexts,
  ...startupTexts,
};

export { COMMAND_TEXTS, helpTexts } from './help.ts';
export { REF_PREFIX, reportRef } from './reports.ts';
