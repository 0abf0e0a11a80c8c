import { and, asc, eq, sql } from 'drizzle-orm';
import type { IncomingMessage } from '../../messages.ts';
import type { Db } from '../client.ts';
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
  const rows = await db
    .insert(inboundEvents)
    .values({
      channel: params.channel,
      eventKey: params.eventKey,
      chatId: params.message.chatId,
      message: params.message,
      ...(params.handledAt ? { status: 'done' as const, processedAt: params.handledAt } : {}),
    })
    .onConflictDoNothing({ target: [inboundEvents.channel, inboundEvents.eventKey] })
    .returning({ id: inboundEvents.id });
  return rows.length > 0;
}

/**
 * The oldest pending event of one chat, row-locked (the caller holds the chat's advisory lock), and whether another
 * one waits behind it, so the caller need not open a transaction only to find nothing.
 */
export async function nextPendingForChat(
  db: Db,
  channel: string,
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
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`chat:${channel}:${chatId}`}, 0))`);
}

/** Marks an event processed and drops its text: only the key is needed from now on, and texts carry invite codes. */
export async function markInboundDone(db: Db, id: number, at: Date): Promise<void> {
  await db
    .update(inboundEvents)
    .set({ status: 'done', processedAt: at, message: sql`${inboundEvents.message} - 'text'` })
    .where(eq(inboundEvents.id, id));
}

/** Counts a failed attempt; after `maxAttempts` the event is parked as failed so the chat moves on. */
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
    .where(eq(inboundEvents.id, params.id))
    .returning({ status: inboundEvents.status });
  return { gaveUp: row?.status === 'failed' };
}

/** Chats with pending events (after a crash or a missed wake-up). */
export async function listChatsWithPending(
  db: Db,
  limit: number,
): Promise<{ channel: string; chatId: string }[]> {
  return db
    .selectDistinct({ channel: inboundEvents.channel, chatId: inboundEvents.chatId })
    .from(inboundEvents)
    .where(eq(inboundEvents.status, 'pending'))
    .limit(limit);
}
