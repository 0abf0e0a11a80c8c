import { DateTime } from 'luxon';
import { formatDay, formatVnDateTime, formatVnTime, VN_ZONE, vnTime } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { getActiveCampaign } from '../db/queries/campaigns.ts';
import {
  getDayReporting,
  listUnreachableEnterprises,
  type MissingEnterprise,
} from '../db/queries/day-status.ts';
import type { Enterprise } from '../db/queries/enterprises.ts';
import {
  type IncidentWithEnterprise,
  listIncidentsDuring,
  listIncidentsOfEnterprise,
} from '../db/queries/incidents.ts';
import { type DayReport, getEnterpriseHistory } from '../db/queries/reports.ts';
import { reportRef, t } from '../texts/index.ts';
import { kindLabel } from './incident-kinds.ts';
import { incidentLine } from './incidents.ts';
import { dailyDeadline, inCampaign } from './reports.ts';

/** Names listed per section of /status: a phone screen, not a register (the full lists are in /export). */
export const STATUS_LIST_LIMIT = 60;

export interface DayStatus {
  day: string;
  total: number;
  reportedCount: number;
  /** Every incident open at some time that day, open ones first; the first STATUS_LIST_LIMIT with the count. */
  incidents: IncidentWithEnterprise[];
  incidentCount: number;
  missing: MissingEnterprise[];
  missingCount: number;
  unreachable: Enterprise[];
  unreachableCount: number;
}

/**
 * One day's reporting state, counted in SQL: at 10,000 enterprises the database counts and picks the first names
 * far faster than shipping every row to Node.
 */
export async function getDayStatus(db: Db, day: string, limit = STATUS_LIST_LIMIT): Promise<DayStatus> {
  const from = DateTime.fromISO(day, { zone: VN_ZONE });
  const [reporting, incidents, unreachable] = await Promise.all([
    getDayReporting(db, day, limit),
    listIncidentsDuring(db, { from: from.toJSDate(), to: from.plus({ days: 1 }).toJSDate(), limit }),
    listUnreachableEnterprises(db, limit),
  ]);
  return {
    day,
    total: reporting.total,
    reportedCount: reporting.reported,
    incidents: incidents.rows,
    incidentCount: incidents.count,
    missing: reporting.missing,
    missingCount: reporting.total - reporting.reported,
    unreachable: unreachable.rows,
    unreachableCount: unreachable.count,
  };
}

/** A report's own line in the history: its incident snapshot as the officer gave it. */
function reportSummary(r: DayReport): string {
  const i = r.incident;
  if (r.status !== 'incident' || !i) return t.historyNormal;
  const parts = [kindLabel(i.kind)];
  if (i.area) parts.push(i.area);
  if (i.affected) parts.push(t.affectedBy(i.affected));
  return t.historyIncident(parts.join(', '));
}

/**
 * /status fits one chat message (Telegram's 4,096 characters, with room to spare): a staff member reads it on a
 * phone, and a second part would arrive a round trip later. When the names do not fit, the lists are shortened
 * from the end, the missing ones first, and "… và N doanh nghiệp khác" points to /export for the rest.
 */
export const STATUS_TEXT_BUDGET = 3900;

export async function renderDayStatus(db: Db, day: string, now: Date): Promise<string> {
  const [status, campaign] = await Promise.all([getDayStatus(db, day), getActiveCampaign(db)]);
  if (status.total === 0) return t.statusNoEnterprises;
  const head = [
    t.statusTitle(formatDay(day), formatVnTime(now)),
    t.statusCounts(status.reportedCount, status.total),
  ];
  if (campaign && inCampaign(campaign, day)) {
    head.push(t.statusDeadline(formatVnDateTime(dailyDeadline(campaign, day))));
  }
  const incidents = status.incidents.map((i) => incidentLine(i, now));
  const missing = status.missing.map((e) => t.statusMissingLine(e.name, e.code, e.hasOfficer));
  const unreachable = status.unreachable.map((e) => `• ${e.name} (${e.code})`);
  const shown = { incidents: incidents.length, missing: missing.length, unreachable: unreachable.length };
  /** A titled list, its first `n` lines, and how many more there are. */
  const section = (title: string, all: string[], n: number, count: number, rest: (k: number) => string) =>
    count > 0 ? ['', title, ...all.slice(0, n), ...(count > n ? [rest(count - n)] : [])] : [];
  const render = () =>
    [
      ...head,
      ...section(
        t.statusIncidents(status.incidentCount),
        incidents,
        shown.incidents,
        status.incidentCount,
        t.statusMoreIncidents,
      ),
      ...(status.missingCount > 0
        ? section(
            t.statusMissing(status.missingCount),
            missing,
            shown.missing,
            status.missingCount,
            t.statusMore,
          )
        : ['', t.statusAllReported]),
      ...section(
        t.statusUnreachable(status.unreachableCount),
        unreachable,
        shown.unreachable,
        status.unreachableCount,
        t.statusMore,
      ),
    ].join('\n');
  let text = render();
  // Names go from the end of the least urgent list first; incidents are cut last, down to a few.
  for (const list of ['missing', 'unreachable', 'incidents'] as const) {
    const floor = list === 'incidents' ? 3 : 5;
    while (text.length > STATUS_TEXT_BUDGET && shown[list] > floor) {
      const lines = list === 'missing' ? missing : list === 'incidents' ? incidents : unreachable;
      const over = text.length - STATUS_TEXT_BUDGET;
      // Drop about as many lines as the text is over, then check again.
      let cut = 0;
      let chars = 0;
      while (chars < over && shown[list] - cut > floor)
        chars += (lines[shown[list] - ++cut]?.length ?? 0) + 1;
      shown[list] -= Math.max(1, cut);
      text = render();
    }
  }
  return text;
}

export async function renderHistory(db: Db, enterprise: Enterprise, now: Date): Promise<string> {
  const [history, incidents] = await Promise.all([
    getEnterpriseHistory(db, enterprise.id, 30),
    listIncidentsOfEnterprise(db, enterprise.id, 10),
  ]);
  if (history.length === 0) return t.statusHistoryEmpty(enterprise.name);
  const byDay = new Map<string, DayReport[]>();
  for (const r of history) byDay.set(r.reportDay, [...(byDay.get(r.reportDay) ?? []), r]);
  const lines = [t.statusHistoryTitle(enterprise.name, enterprise.code)];
  for (const [day, revisions] of [...byDay].slice(0, 10)) {
    const latest = revisions[0]!;
    const summary = reportSummary(latest);
    // A later "bình thường" does not hide that the day had an incident: the revision it replaced says so.
    const earlier = revisions.slice(1).filter((r) => r.status === 'incident');
    const notes = [
      ...(revisions.length > 1 ? [t.statusAmended(revisions.length - 1)] : []),
      ...(latest.status !== 'incident' && earlier.length > 0
        ? [t.statusEarlierIncident(earlier.map((r) => formatVnTime(r.createdAt)).reverse())]
        : []),
    ];
    const amended = notes.length > 0 ? ` (${notes.join('; ')})` : '';
    lines.push(
      `${formatDay(day)}: ${summary}${amended} — ${reportRef(latest.id)}, ${latest.reporterName}, ${formatVnDateTime(latest.createdAt)}`,
    );
  }
  if (incidents.length > 0) {
    lines.push('', t.statusIncidentHistory, ...incidents.map((i) => incidentLine(i, now)));
  }
  return lines.join('\n');
}

/** "10/02", "10/2/2024" → yyyy-mm-dd; the year is the active campaign's when it covers the date, else this year. */
export function parseDayArg(
  arg: string,
  now: Date,
  campaign: { firstDay: string; lastDay: string } | null,
): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(arg.trim());
  if (!m) return null;
  const [, d, mo, y] = m;
  const candidates: number[] = [];
  if (y) candidates.push(y.length === 2 ? 2000 + Number(y) : Number(y));
  else {
    if (campaign)
      candidates.push(Number(campaign.firstDay.slice(0, 4)), Number(campaign.lastDay.slice(0, 4)));
    candidates.push(vnTime(now).year);
  }
  for (const year of candidates) {
    const dt = DateTime.fromObject({ year, month: Number(mo), day: Number(d) }, { zone: VN_ZONE });
    if (!dt.isValid) return null;
    const iso = dt.toISODate()!;
    if (y || !campaign || (iso >= campaign.firstDay && iso <= campaign.lastDay)) return iso;
  }
  const dt = DateTime.fromObject(
    { year: vnTime(now).year, month: Number(mo), day: Number(d) },
    { zone: VN_ZONE },
  );
  return dt.isValid ? dt.toISODate() : null;
}
