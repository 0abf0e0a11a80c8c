import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from '../raw.ts';
import { rateLimits } from '../schema.ts';

/** Each call is one atomic statement on the key's row: concurrent chats of one sender or enterprise count once each. */

/** Until when the key is blocked, or null. */
export async function getBlockedUntil(db: Db, key: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ blockedUntil: rateLimits.blockedUntil })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  return row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
}

/**
 * Counts one failure; the `max`-th blocks the key until `blockUntil` and starts the count again. Returns the block's
 * end when this failure set it.
 */
export async function countFailureAndMaybeBlock(
  db: Db,
  params: { key: string; now: Date; max: number; blockUntil: Date },
): Promise<Date | null> {
  const { key, now, max, blockUntil } = params;
  const first = 1 >= max;
  const [row] = await db
    .insert(rateLimits)
    .values({
      key,
      windowStart: now,
      count: first ? 0 : 1,
      blockedUntil: first ? blockUntil : null,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.count} + 1 >= ${max} then 0 else ${rateLimits.count} + 1 end`,
        blockedUntil: sql`case when ${rateLimits.count} + 1 >= ${max} then ${blockUntil.toISOString()}::timestamptz else ${rateLimits.blockedUntil} end`,
        updatedAt: now,
      },
    })
    .returning({ blockedUntil: rateLimits.blockedUntil });
  return row?.blockedUntil && row.blockedUntil.getTime() === blockUntil.getTime() ? blockUntil : null;
}

/** Forgets the key's failures (a block in force stays). */
export async function resetFailures(db: Db, key: string, now: Date): Promise<void> {
  await db.update(rateLimits).set({ count: 0, updatedAt: now }).where(eq(rateLimits.key, key));
}

/**
 * Counts one event in the window that starts at `windowStart` (a new start resets the count). Returns the count
 * including this event.
 */
export async function countInFixedWindow(
  db: Db,
  params: { key: string; windowStart: Date; now: Date },
): Promise<number> {
  const { key, windowStart, now } = params;
  const start = windowStart.toISOString();
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = ${start}::timestamptz then ${rateLimits.count} + 1 else 1 end`,
        windowStart,
        updatedAt: now,
      },
    })
    .returning({ count: rateLimits.count });
  return row!.count;
}

/**
 * A window of `windowMs` that opens at the first event after the previous one closed. Returns when the current window
 * opened and how many events came after the one that opened it (0: this event opened it). Take a closed window's
 * count (takeClosedWindows) before counting the event that reopens it, or that count is lost.
 */
export async function countInSlidingWindow(
  db: Db,
  params: { key: string; at: Date; windowMs: number },
): Promise<{ windowStart: Date; repeats: number }> {
  const { key, at, windowMs } = params;
  const open = sql`(${rateLimits.windowStart} > ${new Date(at.getTime() - windowMs).toISOString()}::timestamptz and ${rateLimits.windowStart} <= ${at.toISOString()}::timestamptz)`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: at, count: 0, updatedAt: at })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        // Every right-hand side reads the row as it was before this update.
        count: sql`case when ${open} then ${rateLimits.count} + 1 else 0 end`,
        windowStart: sql`case when ${open} then ${rateLimits.windowStart} else ${at.toISOString()}::timestamptz end`,
        updatedAt: at,
      },
    })
    .returning({ windowStart: rateLimits.windowStart, count: rateLimits.count });
  return { windowStart: row!.windowStart, repeats: row!.count };
}

/**
 * Windows (one `key`, or every key starting with `prefix`) that opened at or before `cutoff` and still hold a count:
 * each is returned once with its count, which is set back to 0. Rows another transaction is taking are skipped.
 */
export async function takeClosedWindows(
  db: Db,
  params: ({ key: string } | { prefix: string }) & { cutoff: Date; now: Date; limit?: number },
): Promise<{ key: string; windowStart: Date; count: number }[]> {
  const match =
    'key' in params
      ? sql`key = ${params.key}`
      : sql`key like ${`${params.prefix.replace(/[\\%_]/g, '\\$&')}%`}`;
  const result = await db.execute(sql`
    update ${rateLimits} r set count = 0, updated_at = ${params.now.toISOString()}::timestamptz
    from (
      select key, count as taken from ${rateLimits}
      where ${match} and count > 0 and window_start <= ${params.cutoff.toISOString()}::timestamptz
      order by key
      limit ${params.limit ?? 500}
      for update skip locked
    ) closed
    where r.key = closed.key
    returning r.key as key, r.window_start as window_start, closed.taken as taken`);
  return rowsOf(result).map((r) => ({
    key: String(r.key),
    windowStart: new Date(r.window_start as string),
    count: Number(r.taken),
  }));
}

/**
 * Deletes counters nobody has touched since `olderThan` whose window opened before it and whose block, if any, is
 * over: wrong-code counts, strangers' question counts and alert windows of past days. Returns how many.
 */
export async function purgeRateLimits(db: Db, olderThan: Date, now: Date, limit = 1000): Promise<number> {
  const result = await db.execute(sql`
    delete from ${rateLimits} where key in (
      select key from ${rateLimits}
      where updated_at < ${olderThan.toISOString()}::timestamptz
        and window_start < ${olderThan.toISOString()}::timestamptz
        and (blocked_until is null or blocked_until < ${now.toISOString()}::timestamptz)
      order by key limit ${limit}
      for update skip locked)
    returning key`);
  return rowsOf(result).length;
}
