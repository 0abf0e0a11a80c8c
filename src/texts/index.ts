/**
 * Every user-facing text of the bot, in Vietnamese: one file per feature, merged here for the code that speaks to
 * people. A leaf: texts import nothing of the bot, so features, jobs and channels take them without running back up
 * the layers. test/texts.test.ts fails on a key nobody uses and on a key defined twice.
 */
import { channelsTexts } from './channels.ts';
import { commonTexts } from './common.ts';
import { exportTexts } from './export.ts';
import { incidentsTexts } from './incidents.ts';
import { jobsTexts } from './jobs.ts';
import { qaTexts } from './qa.ts';
import { registrationTexts } from './registration.ts';
import { reportsTexts } from './reports.ts';
import { statusTexts } from './status.ts';
import { webTexts } from './web.ts';

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
};

export { COMMAND_TEXTS, helpTexts } from './help.ts';
export { REF_PREFIX, reportRef } from './reports.ts';
