import { and, eq, inArray, sql } from 'drizzle-orm';
import { formatVnDateTime, vnTime } from '../clock.ts';
import { tj } from '../conversation/texts.ts';
import type { Db } from '../db/client.ts';
import { type Incident, resolveIncident } from '../db/queries/incidents.ts';
import { enqueueMessages } from '../db/queries/outbox.ts';
import { listRecipients } from '../db/queries/people.ts';
import { countInSlidingStart } from '../db/queries/rate-limits.ts';
import { outbox } from '../db/schema.ts';
import type { Channel } from '../messages.ts';
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
  return `${kindLabel(i.kind)}${area} (báo lúc ${vnTime(i.openedAt).toFormat('HH:mm dd/MM')})`;
}

/** One line for /status and history: kind, area, scale, state with times. */
export function incidentLine(i: Incident & { enterpriseName?: string }, now: Date): string {
  const parts = [kindLabel(i.kind)];
  if (i.area) parts.push(i.area);
  const scale = scaleText(i);
  if (scale) parts.push(`ảnh hưởng ${scale}`);
  parts.push(
    i.resolvedAt
      ? `✅ đã khắc phục lúc ${formatVnDateTime(i.resolvedAt)} (sau ${durationText(i.openedAt, i.resolvedAt)})`
      : `⏳ đang xử lý từ ${formatVnDateTime(i.openedAt)} (${durationText(i.openedAt, now)})`,
  );
  const d = i.description?.replace(/\s+/g, ' ');
  const note = d ? ` — ${d.length > 80 ? `${d.slice(0, 79)}…` : d}` : '';
  return `• ${i.enterpriseName ? `${i.enterpriseName}: ` : ''}${parts.join(', ')}${note}`;
}

/**
 * One message to every reachable staff member, with the enterprise's history a tap away; once per key. With
 * `notBefore`, the message waits until then, and calling again with the same key while it waits replaces its text.
 */
async function tellStaff(
  db: Db,
  params: { text: string; enterpriseCode: string; key: string; notBefore?: Date },
): Promise<number> {
  const staff = (await listRecipients(db, { roles: ['staff', 'admin'] })).filter((s) => !s.unreachable);
  const messages = staff.map((s) => ({
    channel: s.channel as Channel,
    chatId: s.chatId,
    text: params.text,
    buttons: [{ label: tj.btnHistory, action: `st:${params.enterpriseCode}` }],
    dedupeKey: `${params.key}:${s.channel}:${s.chatId}`,
    ...(params.notBefore ? { notBefore: params.notBefore } : {}),
  }));
  const queued = await enqueueMessages(db, messages);
  if (params.notBefore && messages.length > queued) {
    await retextPending(
      db,
      messages.map((m) => m.dedupeKey),
      params.text,
    );
  }
  return queued;
}

/** The text of outbox messages not yet claimed by a worker, by their dedupe keys. */
async function retextPending(db: Db, dedupeKeys: string[], text: string): Promise<void> {
  await db
    .update(outbox)
    .set({ payload: sql`jsonb_set(${outbox.payload}, '{text}', to_jsonb(${text}::text))` })
    .where(and(inArray(outbox.dedupeKey, dedupeKeys), eq(outbox.status, 'pending')));
}

/**
 * Incidents one enterprise reports within this long of the alert for its first one do not alert staff each: they are
 * counted into one update alert, sent when this time is up ("Cập nhật: … thêm N báo cáo sự cố"). Every incident is
 * still recorded and listed in /status.
 */
export const ALERT_MERGE_MINUTES = 10;

const alertMoreText = (p: {
  enterprise: string;
  code: string;
  count: number;
  since: Date;
  latest: Incident;
}): string =>
  [
    `🔄 Cập nhật: ${p.enterprise} gửi thêm ${p.count} báo cáo sự cố sau cảnh báo lúc ${formatVnDateTime(p.since)}.`,
    `Gần nhất: ${kindLabel(p.latest.kind)}${p.latest.area ? `, ${p.latest.area}` : ''} lúc ${formatVnDateTime(p.latest.openedAt)}.`,
    `Xem đủ các sự cố: /status ${p.code}`,
  ].join('\n');

/**
 * Tells every staff member about a new incident, in the transaction that records it: at once for the enterprise's
 * first incident in ALERT_MERGE_MINUTES, merged into one delayed update alert for the ones after it.
 */
export async function alertIncidentOpened(
  db: Db,
  params: { incident: Incident; enterpriseName: string; enterpriseCode: string; amended: boolean },
): Promise<number> {
  const { incident } = params;
  const windowMs = ALERT_MERGE_MINUTES * 60_000;
  const window = await countInSlidingStart(db, {
    key: `incident-alerts:${incident.enterpriseId}`,
    at: incident.openedAt,
    windowMs,
  });
  if (window.repeats > 0) {
    const text = alertMoreText({
      enterprise: params.enterpriseName,
      code: params.enterpriseCode,
      count: window.repeats,
      since: window.windowStart,
      latest: incident,
    });
    return tellStaff(db, {
      text,
      enterpriseCode: params.enterpriseCode,
      key: `alert:inc-more:${incident.enterpriseId}:${window.windowStart.getTime()}`,
      notBefore: new Date(window.windowStart.getTime() + windowMs),
    });
  }
  const text = tj.alert({
    enterprise: params.enterpriseName,
    kind: kindLabel(incident.kind),
    area: incident.area ?? undefined,
    affected: scaleText(incident) ?? undefined,
    ongoing: incident.resolvedAt === null,
    note: incident.description,
    at: formatVnDateTime(incident.openedAt),
    amended: params.amended,
  });
  return tellStaff(db, { text, enterpriseCode: params.enterpriseCode, key: `alert:inc:${incident.id}` });
}

/** Closes an incident and tells staff "✅ Đã khắc phục"; null when it was already closed. */
export async function closeIncident(
  db: Db,
  params: { id: number; personId: number; at: Date; enterpriseName: string; enterpriseCode: string },
): Promise<Incident | null> {
  const incident = await resolveIncident(db, { id: params.id, personId: params.personId, at: params.at });
  if (!incident) return null;
  const text = tj.alertResolved({
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
