import { DateTime } from 'luxon';
import { formatDay, formatVnDateTime, formatVnTime, VN_ZONE, vnTime } from '../clock.ts';
import { reportRef, t } from '../conversation/texts.ts';
import type { Db } from '../db/client.ts';
import { getActiveCampaign } from '../db/queries/campaigns.ts';
import { type Enterprise, listEnterprises } from '../db/queries/enterprises.ts';
import { listRecipients } from '../db/queries/people.ts';
import { type DayReport, getEnterpriseHistory, getLatestReportsForDay } from '../db/queries/reports.ts';
import { kindLabel } from './incident-kinds.ts';
import { dailyDeadline, inCampaign } from './reports.ts';

export interface DayStatus {
  day: string;
  total: number;
  reported: DayReport[];
  missing: Enterprise[];
  incidents: DayReport[];
  unreachable: Enterprise[];
  noOfficer: Set<number>;
}

export async function getDayStatus(db: Db, day: string): Promise<DayStatus> {
  const [all, reports, officers] = await Promise.all([
    listEnterprises(db),
    getLatestReportsForDay(db, day),
    listRecipients(db, { roles: ['officer'] }),
  ]);
  const reportedIds = new Set(reports.map((r) => r.enterpriseId));
  const reachability = new Map<number, { any: number; reachable: number }>();
  for (const o of officers) {
    if (o.enterpriseId === null) continue;
    const entry = reachability.get(o.enterpriseId) ?? { any: 0, reachable: 0 };
    entry.any++;
    if (!o.unreachable) entry.reachable++;
    reachability.set(o.enterpriseId, entry);
  }
  return {
    day,
    total: all.length,
    reported: reports,
    missing: all.filter((e) => !reportedIds.has(e.id)),
    incidents: reports.filter((r) => r.status === 'incident'),
    unreachable: all.filter((e) => {
      const r = reachability.get(e.id);
      return r !== undefined && r.any > 0 && r.reachable === 0;
    }),
    noOfficer: new Set(all.filter((e) => !reachability.has(e.id)).map((e) => e.id)),
  };
}

export function incidentLine(r: DayReport): string {
  const i = r.incident;
  const parts = [i ? kindLabel(i.kind) : 'Sự cố'];
  if (i?.area) parts.push(i.area);
  if (i?.affected) parts.push(`ảnh hưởng ${i.affected}`);
  parts.push(i?.ongoing === false ? 'đã khắc phục' : 'đang xử lý');
  const note = r.note ? ` — ${r.note.length > 80 ? `${r.note.slice(0, 79)}…` : r.note}` : '';
  return `• ${r.enterpriseName}: ${parts.join(', ')}${note}`;
}

export async function renderDayStatus(db: Db, day: string, now: Date): Promise<string> {
  const status = await getDayStatus(db, day);
  if (status.total === 0) return t.statusNoEnterprises;
  const campaign = await getActiveCampaign(db);
  const lines = [
    t.statusTitle(formatDay(day), formatVnTime(now)),
    t.statusCounts(status.reported.length, status.total),
  ];
  if (campaign && inCampaign(campaign, day)) {
    lines.push(t.statusDeadline(formatVnDateTime(dailyDeadline(campaign, day))));
  }
  if (status.incidents.length > 0) {
    lines.push('', t.statusIncidents(status.incidents.length), ...status.incidents.map(incidentLine));
  }
  if (status.missing.length > 0) {
    lines.push(
      '',
      t.statusMissing(status.missing.length),
      ...status.missing.map(
        (e) => `• ${e.name} (${e.code})${status.noOfficer.has(e.id) ? ' — chưa có cán bộ đăng ký' : ''}`,
      ),
    );
  } else {
    lines.push('', t.statusAllReported);
  }
  if (status.unreachable.length > 0) {
    lines.push(
      '',
      t.statusUnreachable(status.unreachable.length),
      ...status.unreachable.map((e) => `• ${e.name} (${e.code})`),
    );
  }
  return lines.join('\n');
}

export async function renderHistory(db: Db, enterprise: Enterprise): Promise<string> {
  const history = await getEnterpriseHistory(db, enterprise.id, 30);
  if (history.length === 0) return t.statusHistoryEmpty(enterprise.name);
  const byDay = new Map<string, DayReport[]>();
  for (const r of history) byDay.set(r.reportDay, [...(byDay.get(r.reportDay) ?? []), r]);
  const lines = [t.statusHistoryTitle(enterprise.name, enterprise.code)];
  for (const [day, revisions] of [...byDay].slice(0, 10)) {
    const latest = revisions[0]!;
    const summary =
      latest.status === 'incident' ? incidentLine(latest).replace(/^• [^:]+: /, '⚠️ ') : '✅ Bình thường';
    const amended = revisions.length > 1 ? ` (${t.statusAmended(revisions.length - 1)})` : '';
    lines.push(
      `${formatDay(day)}: ${summary}${amended} — ${reportRef(latest.id)}, ${latest.reporterName}, ${formatVnDateTime(latest.createdAt)}`,
    );
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
