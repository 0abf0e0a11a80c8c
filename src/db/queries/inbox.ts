import { and, asc, eq, sql } from 'drizzle-orm';
import type { Channel, IncomingMessage } from '../../messages.ts';
import type { Db } from '../client.ts';
import { rawStatement, runRaw } from '../raw.ts';
import { inboundEvents } from '../schema.ts';

export type InboundEvent = typeof inboundEvents.$inferSelect;

/**
 * Records an inbound event once; false when its key was seen before (a redelivery). `handledAt` records an event
 * whose effect the caller applies in the same transaction, so the inbox processor never picks it up.
 */
export async function recordInbound(
  db: Db,
  params: { channel: string; eventKey: string; message: IncomingMessage; handledAt?: Date },
): Promise<boolean> {
  const rows = await runRaw(db, INSERT_EVENT, [
    params.channel,
    params.eventKey,
    params.message.chatId,
    JSON.stringify(params.message),
    params.handledAt ? 'done' : 'pending',
    params.handledAt?.toISOString() ?? null,
  ]);
  return rows.length > 0;
}

// Every webhook runs this: written out once (see raw.ts).
const INSERT_EVENT = `insert into inbound_events (channel, event_key, chat_id, message, status, processed_at)
  values ($1::text, $2::text, $3::text, $4::jsonb, $5::text, $6::timestamptz)
  on conflict (channel, event_key) do nothing
  returning id`;

/**
 * Records several inbound events in one statement (webhooks that arrived together), in the order given, and says
 * for each whether it is new. A key given twice is new the first time only.
 */
export async function recordInboundMany(
  db: Db,
  events: { channel: string; eventKey: string; message: IncomingMessage }[],
): Promise<boolean[]> {
  if (events.length === 0) return [];
  const rows = await runRaw(db, INSERT_EVENTS, [
    JSON.stringify(
      events.map((e) => ({
        channel: e.channel,
        event_key: e.eventKey,
        chat_id: e.message.chatId,
        message: e.message,
      })),
    ),
  ]);
  const inserted = new Set(rows.map((r) => `${r.channel}\u0000${r.event_key}`));
  return events.map((e) => inserted.delete(`${e.channel}\u0000${e.eventKey}`));
}

// Written out once (see raw.ts); ids follow the order given, so one chat's events keep their order.
const INSERT_EVENTS = `insert into inbound_events (channel, event_key, chat_id, message)
  select m->>'channel', m->>'event_key', m->>'chat_id', m->'message'
  from jsonb_array_elements($1::jsonb) with ordinality as r(m, n)
  order by r.n
  on conflict (channel, event_key) do nothing
  returning channel, event_key`;

/**
 * The oldest pending event of one chat, row-locked (the caller holds the chat's advisory lock), and whether another
 * one waits behind it, so the caller need not open a transaction only to find nothing.
 */
export async function nextPendingForChat(
  db: Db,
  channel: Channel,
  chatId: string,
): Promise<{ event: InboundEvent; more: boolean } | null> {
  const rows = await db
    .select()
    .from(inboundEvents)
    .where(
      and(
        eq(inboundEvents.channel, channel),
        eq(inboundEvents.chatId, chatId),
        eq(inboundEvents.status, 'pending'),
      ),
    )
    .orderBy(asc(inboundEvents.id))
    .limit(2)
    .for('update', { skipLocked: true });
  return rows[0] ? { event: rows[0], more: rows.length > 1 } : null;
}

export async function lockChat(db: Db, channel: string, chatId: string): Promise<void> {
  await runRaw(db, 'select pg_advisory_xact_lock(hashtextextended($1::text, 0))', [
    `chat:${channel}:${chatId}`,
  ]);
}

/**
 * Takes several chats' locks (a batch of turns), in one order everyone uses (by lock key), so two replicas locking
 * overlapping sets wait for each other instead of deadlocking.
 */
export async function lockChats(db: Db, chats: { channel: string; chatId: string }[]): Promise<void> {
  await runRaw(
    db,
    `select count(pg_advisory_xact_lock(k)) from (
       select distinct hashtextextended(c, 0) as k from jsonb_array_elements_text($1::jsonb) as c order by 1) s`,
    [JSON.stringify(chats.map((c) => `chat:${c.channel}:${c.chatId}`))],
  );
}

/** Marks an event processed and drops its text: only the key is needed from now on, and texts carry invite codes. */
export async function markInboundDone(db: Db, id: number, at: Date): Promise<void> {
  await markInboundDoneStatement(db, id, at);
}

/** markInboundDone's statement, unexecuted (the inbox runs it last in the event's transaction). */
export function markInboundDoneStatement(db: Db, id: number, at: Date) {
  return rawStatement(
    db,
    `update inbound_events set status = 'done', processed_at = $2::timestamptz, message = message - 'text'
     where id = $1::bigint`,
    [id, at.toISOString()],
  );
}

/** markInboundDoneStatement for several events at once (a batch of turns). */
export function markInboundsDoneStatement(db: Db, ids: number[], at: Date) {
  return rawStatement(
    db,
    `update inbound_events set status = 'done', processed_at = $2::timestamptz, message = message - 'text'
     where id = any (array(select jsonb_array_elements_text($1::jsonb)::bigint))`,
    [JSON.stringify(ids), at.toISOString()],
  );
}

/**
 * Counts a failed attempt; after `maxAttempts` the event is parked as failed so the chat moves on. Only a pending
 * event: when the failure was the COMMIT's answer getting lost, the event may be done after all, and stays so.
 */
export async function markInboundAttemptFailed(
  db: Db,
  params: { id: number; error: string; maxAttempts: number; at: Date },
): Promise<{ gaveUp: boolean }> {
  const [row] = await db
    .update(inboundEvents)
    .set({
      attempts: sql`${inboundEvents.attempts} + 1`,
      lastError: params.error.slice(0, 500),
      status: sql`case when ${inboundEvents.attempts} + 1 >= ${params.maxAttempts} then 'failed' else 'pending' end`,
      processedAt: params.at,
    })
    .where(and(eq(inboundEvents.id, params.id), eq(inboundEvents.status, 'pending')))
    .returning({ status: inboundEvents.status });
  return { gaveUp: row?.status === 'failed' };
}

/**
 * Deletes up to `limit` processed (done or given-up) events processed before `olderThan`, oldest first; pending
 * ones are never touched. Their keys are what makes a redelivery harmless, so the retention must be far longer than
 * any redelivery (Telegram gives up within a day). Returns how many.
 */
export async function purgeInbox(db: Db, olderThan: Date, limit = 1000): Promise<number> {
  const rows = await runRaw(
    db,
    `delete from inbound_events where id in (
       select id from inbound_events
       where status in ('done', 'failed') and processed_at < $1::timestamptz
       order by id limit $2::int
       for update skip locked)
     returning id`,
    [olderThan.toISOString(), limit],
  );
  return rows.length;
}

/** Chats with pending events (after a crash or a missed wake-up). */
export async function listChatsWithPending(
  db: Db,
  limit: number,
): Promise<{ channel: Channel; chatId: string }[]> {
  return db
    .selectDistinct({ channel: inboundEvents.channel, chatId: inboundEvents.chatId })
    .from(inboundEvents)
    .where(eq(inboundEvents.status, 'pending'))
    .limit(limit);
}
