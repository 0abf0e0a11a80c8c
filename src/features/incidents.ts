import { actions } from '../actions.ts';
import { formatVnDateTime } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { getEnterpriseById } from '../db/queries/enterprises.ts';
import { addIncidentUpdate, type Incident, resolveIncident } from '../db/queries/incidents.ts';
import { enqueueMessages, toEachChat } from '../db/queries/outbox.ts';
import { listRecipients } from '../db/queries/people.ts';
import { countInSlidingWindow, takeClosedWindows } from '../db/queries/rate-limits.ts';
import { t } from '../texts/index.ts';
import { durationText as formatDuration } from './duration.ts';
import { kindLabel } from './incident-kinds.ts';

/** What an officer said about an incident, before it is recorded. */
export interface IncidentInput {
  kind: string;
  area: string | null;
  scaleCount: number | null;
  scaleUnit: string | null;
  scaleBucket: string | null;
  description: string | null;
  resolved: boolean;
}

type Scaled = Pick<Incident, 'scaleCount' | 'scaleUnit' | 'scaleBucket'>;

/** "12 trạm", "3.000 thuê bao", "101–1.000" (a tapped bucket), or null. */
export function scaleText(i: Scaled): string | null {
  if (i.scaleCount !== null) {
    const n = i.scaleCount.toLocaleString('vi-VN');
    return i.scaleUnit ? `${n} ${i.scaleUnit}` : n;
  }
  return i.scaleBucket;
}

/** How long from one moment to another, for people: "3 giờ 20 phút". */
export function durationText(from: Date, to: Date): string {
  return formatDuration(to.getTime() - from.getTime());
}

export function incidentTitle(i: Pick<Incident, 'kind' | 'area' | 'openedAt'>): string {
  const area = i.area ? `, ${i.area}` : '';
  return t.incidentTitle(`${kindLabel(i.kind)}${area}`, formatVnDateTime(i.openedAt).slice(0, 11));
}

/** One line for /status and history: kind, area, scale, state with times. */
export function incidentLine(i: Incident & { enterpriseName?: string }, now: Date): string {
  const parts = [kindLabel(i.kind)];
  if (i.area) parts.push(i.area);
  const scale = scaleText(i);
  if (scale) parts.push(t.affectedBy(scale));
  parts.push(
    i.resolvedAt
      ? t.incidentFixedAt(formatVnDateTime(i.resolvedAt), durationText(i.openedAt, i.resolvedAt))
      : t.incidentOngoingSince(formatVnDateTime(i.openedAt), durationText(i.openedAt, now)),
  );
  const d = i.description?.replace(/\s+/g, ' ');
  const note = d ? ` — ${d.length > 80 ? `${d.slice(0, 79)}…` : d}` : '';
  return `• ${i.enterpriseName ? `${i.enterpriseName}: ` : ''}${parts.join(', ')}${note}`;
}

/** One message to every reachable staff member, with the enterprise's history a tap away; once per key. */
async function tellStaff(
  db: Db,
  params: { text: string; enterpriseCode: string; key: string },
): Promise<number> {
  const staff = await listRecipients(db, { roles: ['staff', 'admin'] });
  return enqueueMessages(
    db,
    toEachChat(staff, params.key, () => ({
      text: params.text,
      buttons: [{ label: t.btnHistory, action: actions.history(params.enterpriseCode) }],
    })),
  );
}

/**
 * The incidents one enterprise reports within this long of the alert for its first one do not alert staff each: they
 * are counted, and one update alert says how many when the time is up ("Cập nhật: … thêm N báo cáo sự cố"). Every
 * incident is still recorded, and /status lists each.
 */
export const ALERT_MERGE_MINUTES = 10;
const ALERT_WINDOW_PREFIX = 'incident-alerts:';

/** Sends the update alert of each merge window closed by `now`; the scheduler calls it on every tick. */
export async function flushIncidentAlerts(db: Db, now: Date): Promise<number> {
  const closed = await takeClosedWindows(db, {
    prefix: ALERT_WINDOW_PREFIX,
    cutoff: new Date(now.getTime() - ALERT_MERGE_MINUTES * 60_000),
    now,
  });
  let queued = 0;
  for (const window of closed) queued += await alertMerged(db, window);
  return queued;
}

async function alertMerged(
  db: Db,
  window: { key: string; windowStart: Date; count: number },
): Promise<number> {
  const enterprise = await getEnterpriseById(db, Number(window.key.slice(ALERT_WINDOW_PREFIX.length)));
  if (!enterprise) return 0;
  const text = t.alertMerged({
    enterprise: enterprise.name,
    code: enterprise.code,
    count: window.count,
    minutes: ALERT_MERGE_MINUTES,
    since: formatVnDateTime(window.windowStart),
  });
  return tellStaff(db, {
    text,
    enterpriseCode: enterprise.code,
    key: `alert:inc-more:${enterprise.id}:${window.windowStart.getTime()}`,
  });
}

/**
 * Tells every staff member about a new incident, in the transaction that records it: at once for the enterprise's
 * first incident in ALERT_MERGE_MINUTES; the ones after it are counted into one update alert (flushIncidentAlerts).
 */
export async function alertIncidentOpened(
  db: Db,
  params: { incident: Incident; enterpriseName: string; enterpriseCode: string; amended: boolean },
): Promise<number> {
  const { incident } = params;
  const key = `${ALERT_WINDOW_PREFIX}${incident.enterpriseId}`;
  const windowMs = ALERT_MERGE_MINUTES * 60_000;
  let queued = 0;
  // A window that closed before the scheduler flushed it: its update goes first, so no count is lost.
  const cutoff = new Date(incident.openedAt.getTime() - windowMs);
  for (const closed of await takeClosedWindows(db, { key, cutoff, now: incident.openedAt }))
    queued += await alertMerged(db, closed);
  const window = await countInSlidingWindow(db, { key, at: incident.openedAt, windowMs });
  if (window.repeats > 0) return queued;
  const text = t.alert({
    enterprise: params.enterpriseName,
    kind: kindLabel(incident.kind),
    area: incident.area ?? undefined,
    affected: scaleText(incident) ?? undefined,
    ongoing: incident.resolvedAt === null,
    note: incident.description,
    at: formatVnDateTime(incident.openedAt),
    amended: params.amended,
  });
  return (
    queued +
    (await tellStaff(db, { text, enterpriseCode: params.enterpriseCode, key: `alert:inc:${incident.id}` }))
  );
}

/** Closes an incident and tells staff "✅ Đã khắc phục"; null when it was already closed. */
/**
 * How an open incident is going, in the officer's words ("đã khôi phục được 8/12 trạm"): kept in its history, and
 * staff are told. It stays open until someone says it is fixed.
 */
export async function noteIncidentProgress(
  db: Db,
  params: {
    incident: Incident;
    personId: number;
    at: Date;
    note: string;
    enterpriseName: string;
    enterpriseCode: string;
  },
): Promise<void> {
  const { incident } = params;
  await addIncidentUpdate(db, {
    incidentId: incident.id,
    kind: 'update',
    personId: params.personId,
    at: params.at,
    text: params.note,
  });
  const text = t.alertProgress({
    enterprise: params.enterpriseName,
    kind: kindLabel(incident.kind),
    area: incident.area ?? undefined,
    openedAt: formatVnDateTime(incident.openedAt),
    at: formatVnDateTime(params.at),
    note: params.note,
  });
  await tellStaff(db, {
    text,
    enterpriseCode: params.enterpriseCode,
    key: `progress:inc:${incident.id}:${params.at.getTime()}`,
  });
}

export async function closeIncident(
  db: Db,
  params: { id: number; personId: number; at: Date; enterpriseName: string; enterpriseCode: string },
): Promise<Incident | null> {
  const incident = await resolveIncident(db, { id: params.id, personId: params.personId, at: params.at });
  if (!incident) return null;
  const text = t.alertResolved({
    enterprise: params.enterpriseName,
    kind: kindLabel(incident.kind),
    area: incident.area ?? undefined,
    openedAt: formatVnDateTime(incident.openedAt),
    resolvedAt: formatVnDateTime(params.at),
    duration: durationText(incident.openedAt, params.at),
  });
  await tellStaff(db, { text, enterpriseCode: params.enterpriseCode, key: `resolved:inc:${incident.id}` });
  return incident;
}
