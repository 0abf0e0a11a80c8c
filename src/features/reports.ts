import { formatDay, formatVnDateTime, formatVnTime, vnInstant } from '../clock.ts';
import type { Db } from '../db/client.ts';
import type { Campaign } from '../db/queries/campaigns.ts';
import { getActiveCampaign } from '../db/queries/campaigns.ts';
import { createIncident, type Incident, listOpenIncidents } from '../db/queries/incidents.ts';
import { type Report, recordReport } from '../db/queries/reports.ts';
import { fold } from '../fold.ts';
import type { Channel } from '../messages.ts';
import { reportRef, t } from '../texts/index.ts';
import { kindLabel } from './incident-kinds.ts';
import { alertIncidentOpened, type IncidentInput, scaleText } from './incidents.ts';

export const NOTE_MAX = 1000;

export type OneLine = { status: 'normal' } | { status: 'incident'; note: string } | { status: 'invalid' };

/** `/baocao ok`, `/baocao bình thường`, `/baocao sự cố: mất sóng ở Lục Ngạn` (with or without diacritics). */
export function parseOneLine(raw: string): OneLine {
  // NFC first: folding strips combining marks, so slicing the decomposed text by the folded length would garble it.
  const args = raw.normalize('NFC');
  const folded = fold(args).trim();
  if (/^(ok|oke|okay|binh thuong|bt|on|on dinh|tot)\.?!?$/.test(folded)) return { status: 'normal' };
  const m = /^(su co|suco|sc|incident)\s*[:\-–—]?\s*/.exec(folded);
  if (m) {
    const note = args.trim().slice(m[0].length).trim();
    return note ? { status: 'incident', note } : { status: 'invalid' };
  }
  return { status: 'invalid' };
}

export { fold } from '../fold.ts';

export interface SubmitReport {
  enterpriseId: number;
  enterpriseName: string;
  enterpriseCode: string;
  reporterId: number;
  channel: Channel;
  day: string;
  incident: IncidentInput | null;
  note: string | null;
  now: Date;
  /** The enterprise's open incidents before this report, when the caller has them (else they are read). */
  open?: Incident[];
  /** The active campaign, when the caller has it (a cached read); else it is read. */
  campaign?: Campaign | null;
}

export function summarize(report: Pick<Report, 'status' | 'incident'>): string {
  if (report.status === 'normal' || !report.incident) return t.summaryNormal;
  return t.summaryIncident(kindLabel(report.incident.kind), report.incident.ongoing);
}

/**
 * Records a report (a new revision when the day already has one) and returns its receipt. An incident becomes its
 * own record and alerts staff; the enterprise's other open incidents stay open, whatever this report says.
 */
export async function submitReport(
  db: Db,
  params: SubmitReport,
): Promise<{
  report: Report;
  previous: Pick<Report, 'id'> | null;
  receipt: string;
  incident: Incident | null;
  open: Incident[];
}> {
  const input = params.incident;
  const { report, previous } = await recordReport(db, {
    enterpriseId: params.enterpriseId,
    reportDay: params.day,
    status: input ? 'incident' : 'normal',
    incident: input
      ? {
          kind: input.kind,
          ongoing: !input.resolved,
          ...(input.area ? { area: input.area } : {}),
          ...(scaleText(input) ? { affected: scaleText(input)! } : {}),
        }
      : null,
    note: params.note,
    reporterId: params.reporterId,
    channel: params.channel,
    at: params.now,
  });
  let incident: Incident | null = null;
  if (input) {
    incident = await createIncident(db, {
      ...input,
      enterpriseId: params.enterpriseId,
      reportId: report.id,
      reportDay: params.day,
      description: input.description ?? params.note,
      personId: params.reporterId,
      at: params.now,
    });
    await alertIncidentOpened(db, {
      incident,
      enterpriseName: params.enterpriseName,
      enterpriseCode: params.enterpriseCode,
      amended: false,
    });
  }
  const open = (params.open ?? (await listOpenIncidents(db, params.enterpriseId))).filter(
    (i) => i.id !== incident?.id,
  );
  const campaign = params.campaign !== undefined ? params.campaign : await getActiveCampaign(db);
  const receipt = t.receipt({
    enterprise: params.enterpriseName,
    day: formatDay(params.day),
    summary: summarize(report),
    ref: reportRef(report.id),
    at: formatVnDateTime(params.now),
    revision: report.revision,
    previousRef: previous ? reportRef(previous.id) : undefined,
    deadlineNote: campaign ? deadlineNote(campaign, params.day, params.now) : undefined,
  });
  return { report, previous, receipt, incident, open };
}

export function dailyDeadline(campaign: Campaign, day: string): Date {
  return vnInstant(day, campaign.dailyDeadline);
}

export function inCampaign(campaign: Campaign, day: string): boolean {
  return day >= campaign.firstDay && day <= campaign.lastDay;
}

function deadlineNote(campaign: Campaign, day: string, now: Date): string {
  if (!inCampaign(campaign, day)) return t.outsideCampaignNote(campaign.name);
  const deadline = dailyDeadline(campaign, day);
  const label = t.deadlineLabel(formatVnTime(deadline), formatDay(day));
  return now > deadline ? t.lateNote(label) : t.onTimeNote(label);
}
