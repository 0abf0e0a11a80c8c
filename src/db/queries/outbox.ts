import { sql } from 'drizzle-orm';
import type { Envelope } from '../../messages.ts';
import type { Db } from '../client.ts';
import { LANE_BULK, LANE_REPLY, outbox } from '../schema.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export interface Enqueue extends Envelope {
  lane?: 'reply' | 'bulk';
  /** A unique key for scheduled messages: the same key is never enqueued twice. */
  dedupeKey?: string;
  notBefore?: Date;
}

/** Returns how many rows were newly enqueued (rows with a known dedupe key are skipped). */
export async function enqueueMessages(db: Db, messages: Enqueue[]): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = messages.map(({ lane, dedupeKey, notBefore, ...envelope }) => ({
    channel: envelope.channel,
    chatId: envelope.chatId,
    payload: envelope,
    lane: lane === 'bulk' ? LANE_BULK : LANE_REPLY,
    dedupeKey: dedupeKey ?? null,
    ...(notBefore ? { nextAttemptAt: notBefore } : {}),
  }));
  let inserted = 0;
  // Chunks keep one statement's parameters well under PostgreSQL's 65,535 limit.
  for (let i = 0; i < rows.length; i += 1000) {
    const done = await db
      .insert(outbox)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .returning({ id: outbox.id });
    inserted += done.length;
  }
  return inserted;
}

/**
 * Claims due messages for sending, replies before bulk, oldest first. A chat whose earlier message is being sent or
 * waits for a retry is skipped, so one chat's messages leave in order; several of one chat may be claimed together
 * (the worker sends them one after another). Safe with several workers (SKIP LOCKED).
 */
export async function claimDueMessages(
  db: Db,
  params: { limit: number; now: Date; lockMs: number; channels: string[] },
): Promise<OutboxRow[]> {
  if (params.limit <= 0 || params.channels.length === 0) return [];
  const now = params.now.toISOString();
  const lockedUntil = new Date(params.now.getTime() + params.lockMs).toISOString();
  const channels = sql.join(
    params.channels.map((c) => sql`${c}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    update ${outbox} set status = 'sending', locked_until = ${lockedUntil}, attempts = ${outbox.attempts} + 1
    where ${outbox.id} in (
      select o.id from ${outbox} o
      where o.status = 'pending' and o.next_attempt_at <= ${now} and o.channel in (${channels})
        and not exists (
          select 1 from ${outbox} e
          where e.channel = o.channel and e.chat_id = o.chat_id and e.id < o.id
            and e.status in ('pending', 'sending') and (e.status = 'sending' or e.next_attempt_at > ${now})
          -- OFFSET 0 keeps this a per-row index probe on (channel, chat_id); as an anti-join, a planner without
          -- statistics (PGlite has no autovacuum) scans the whole outbox once per candidate.
          offset 0
        )
      order by o.lane, o.id
      limit ${params.limit}
      for update skip locked
    )
    returning *`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];
  return rows
    .map((r) => ({
      id: Number(r.id),
      channel: String(r.channel),
      chatId: String(r.chat_id),
      payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
      lane: Number(r.lane),
      status: 'sending' as const,
      attempts: Number(r.attempts),
      partsSent: Number(r.parts_sent ?? 0),
      nextAttemptAt: new Date(r.next_attempt_at as string),
      lockedUntil: new Date(r.locked_until as string),
      lastError: (r.last_error as string | null) ?? null,
      dedupeKey: (r.dedupe_key as string | null) ?? null,
      createdAt: new Date(r.created_at as string),
      sentAt: null,
    }))
    .sort((a, b) => a.lane - b.lane || a.id - b.id);
}

/** Claims whose worker died mid-send go back to pending (a crash, a killed replica). */
export async function releaseStaleClaims(db: Db, now: Date): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', lockedUntil: null })
    .where(sql`${outbox.status} = 'sending' and ${outbox.lockedUntil} < ${now.toISOString()}`)
    .returning({ id: outbox.id });
  return rows.length;
}

/** Sent and failed messages older than the retention are deleted (the outbox is a queue, not an archive). */
export async function purgeOutbox(db: Db, olderThan: Date): Promise<number> {
  const rows = await db
    .delete(outbox)
    .where(sql`${outbox.status} in ('sent', 'failed') and ${outbox.createdAt} < ${olderThan.toISOString()}`)
    .returning({ id: outbox.id });
  return rows.length;
}

/**
 * What a worker holds while it sends a claimed message. A claim is fenced by its `attempts` and `lockedUntil`:
 * every claim raises `attempts` (only the owner's own releaseClaim lowers it again, after which the owner writes
 * nothing more) and sets a new `lockedUntil`, so once the claim lapsed and another worker took the row, or the row
 * was finished, the updates below with the old claim change nothing and answer false.
 */
export type OutboxClaim = Pick<OutboxRow, 'id' | 'attempts' | 'lockedUntil'>;

function stillClaimed(claim: OutboxClaim) {
  if (!claim.lockedUntil) return sql`false`;
  return sql`${outbox.id} = ${claim.id} and ${outbox.status} = 'sending' and ${outbox.attempts} = ${claim.attempts}
    and ${outbox.lockedUntil} = ${claim.lockedUntil.toISOString()}`;
}

/** True when the claim still held and the update applied; false for a stale claim (nothing changed). */
export async function markPartsSent(db: Db, claim: OutboxClaim, partsSent: number): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ partsSent })
    .where(stillClaimed(claim))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export async function markSent(
  db: Db,
  claim: OutboxClaim,
  at: Date,
  options: { erase?: boolean } = {},
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({
      status: 'sent',
      sentAt: at,
      lockedUntil: null,
      ...(options.erase ? { payload: sql`jsonb_set(${outbox.payload}, '{text}', '"[đã xóa]"')` } : {}),
    })
    .where(stillClaimed(claim))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export async function markRetry(
  db: Db,
  claim: OutboxClaim,
  params: { at: Date; error: string },
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', nextAttemptAt: params.at, lastError: params.error, lockedUntil: null })
    .where(stillClaimed(claim))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export async function markFailed(db: Db, claim: OutboxClaim, error: string): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'failed', lastError: error, lockedUntil: null })
    .where(stillClaimed(claim))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** Puts a claimed message back untouched (the worker is stopping, or gives up a claim it waited too long on). */
export async function releaseClaim(db: Db, claim: OutboxClaim): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', attempts: sql`greatest(${outbox.attempts} - 1, 0)`, lockedUntil: null })
    .where(stillClaimed(claim))
    .returning({ id: outbox.id });
  return rows.length > 0;
}
