import { sql } from 'drizzle-orm';
import type { Channel, Envelope } from '../../messages.ts';
import type { Db } from '../client.ts';
import { rawStatement, runRaw, toChannel } from '../raw.ts';
import { LANE_ANSWER, LANE_BULK, LANE_REPLY, outbox } from '../schema.ts';
import type { LastStatement } from '../transaction.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export interface Enqueue extends Envelope {
  /** 'answer': the turn's reply to its own chat (see LANE_ANSWER); 'reply' (the default); 'bulk'. */
  lane?: 'answer' | 'reply' | 'bulk';
  /** A unique key for scheduled messages: the same key is never enqueued twice. */
  dedupeKey?: string;
  notBefore?: Date;
}

/**
 * One message to each reachable chat of `recipients`, under the dedupe key `<key>:<channel>:<chatId>`: sent at most
 * once per chat however often the job or the command runs. Chats marked unreachable are skipped.
 */
export function toEachChat<R extends { channel: Channel; chatId: string; unreachable?: boolean }>(
  recipients: readonly R[],
  key: string,
  message: (recipient: R) => Omit<Enqueue, 'channel' | 'chatId' | 'dedupeKey'>,
): Enqueue[] {
  return recipients
    .filter((r) => !r.unreachable)
    .map((r) => ({
      ...message(r),
      channel: r.channel,
      chatId: r.chatId,
      dedupeKey: `${key}:${r.channel}:${r.chatId}`,
    }));
}

const rowOf = ({ lane, dedupeKey, notBefore, ...envelope }: Enqueue) => ({
  channel: envelope.channel,
  chatId: envelope.chatId,
  payload: envelope,
  lane: lane === 'bulk' ? LANE_BULK : lane === 'answer' ? LANE_ANSWER : LANE_REPLY,
  dedupeKey: dedupeKey ?? null,
  ...(notBefore ? { nextAttemptAt: notBefore } : {}),
});

/** Claims the answers a turn enqueues in the statement that writes them (see enqueueStatement). */
export interface AnswerClaim {
  /** The claim's length, as the worker's own claims have it: the rows are locked until now + lockMs. */
  lockMs: number;
  /** The rows claimed, once the transaction has committed: the caller hands them to its delivery worker. */
  onClaimed(rows: OutboxRow[]): void;
}

/**
 * The insert of a few messages (a turn's replies), unexecuted, for the end of a transaction; null for none. At most
 * 1,000: more go through enqueueMessages.
 *
 * With `claim`, each answer (LANE_ANSWER, due now) is written already claimed ('sending', attempt 1, locked for
 * `claim.lockMs` from when the statement is built) unless an earlier answer to its chat is still pending or being
 * sent, and the claimed rows reach `claim.onClaimed` after COMMIT: the worker sends them without a claim of its own
 * (one round trip and one synchronous commit fewer per answer). A claim is a claim: if the process dies before
 * sending, it lapses and any worker sends the row. The transaction must commit synchronously (no reply may leave
 * before its turn is durable).
 */
export function enqueueStatement(db: Db, messages: Enqueue[], claim?: AnswerClaim): LastStatement | null {
  if (messages.length === 0) return null;
  if (messages.length > 1000) throw new Error('enqueueStatement: at most 1,000 messages');
  const rows = messages.map((m) => {
    const r = rowOf(m);
    return {
      channel: r.channel,
      chat_id: r.chatId,
      payload: r.payload,
      lane: r.lane,
      dedupe_key: r.dedupeKey,
      next_attempt_at: r.nextAttemptAt?.toISOString() ?? null,
    };
  });
  if (!claim || !rows.some((r) => r.lane === LANE_ANSWER && r.next_attempt_at === null)) {
    return rawStatement(db, ENQUEUE, [JSON.stringify(rows)]);
  }
  const statement = rawStatement(db, ENQUEUE_CLAIMING, [
    JSON.stringify(rows),
    new Date(Date.now() + claim.lockMs).toISOString(),
  ]);
  statement.onCommitted = (claimed) => {
    if (claimed.length > 0) claim.onClaimed(claimed.map(outboxRowOf).sort((a, b) => a.id - b.id));
  };
  return statement;
}

// Written out once (see raw.ts): one statement for any number of rows, inserted in the order given (ids, and so
// the order of one chat's messages, follow it).
const ENQUEUE = `
  insert into outbox (channel, chat_id, payload, lane, dedupe_key, next_attempt_at)
  select m->>'channel', m->>'chat_id', m->'payload', (m->>'lane')::smallint, m->>'dedupe_key',
    coalesce((m->>'next_attempt_at')::timestamptz, now())
  from jsonb_array_elements($1::jsonb) with ordinality as r(m, n)
  order by r.n
  on conflict (dedupe_key) do nothing`;

// The same, answers claimed as they are written (see enqueueStatement); $2 the claim's end. Returns the claimed rows.
// An earlier answer to the chat still pending or being sent keeps the new ones pending (answers leave in order);
// the answers of this one statement to one chat are all claimed together and sent in id order.
const ENQUEUE_CLAIMING = `
  with written as (
    insert into outbox (channel, chat_id, payload, lane, dedupe_key, next_attempt_at, status, attempts, locked_until)
    select m->>'channel', m->>'chat_id', m->'payload', (m->>'lane')::smallint, m->>'dedupe_key',
      coalesce((m->>'next_attempt_at')::timestamptz, now()),
      case when c.claimed then 'sending' else 'pending' end,
      case when c.claimed then 1 else 0 end,
      case when c.claimed then $2::timestamptz end
    from jsonb_array_elements($1::jsonb) with ordinality as r(m, n)
    cross join lateral (
      select (m->>'lane')::smallint < 0 and m->>'next_attempt_at' is null and not exists (
        select 1 from outbox e
        where e.channel = m->>'channel' and e.chat_id = m->>'chat_id' and e.lane < 0
          and e.status in ('pending', 'sending')
      ) as claimed
    ) c
    order by r.n
    on conflict (dedupe_key) do nothing
    returning *
  )
  select * from written where status = 'sending'`;

/** Databases and transactions enqueueMessages wrote to (see enqueuedOn). */
const written = new WeakSet<object>();

/**
 * Whether enqueueMessages wrote on this transaction: the inbox wakes the delivery worker after a turn only when the
 * turn wrote messages it did not claim itself (an incident's alerts to staff, say).
 */
export const enqueuedOn = (db: Db): boolean => written.has(db);

/** Returns how many rows were newly enqueued (rows with a known dedupe key are skipped). */
export async function enqueueMessages(db: Db, messages: Enqueue[]): Promise<number> {
  if (messages.length === 0) return 0;
  written.add(db);
  const rows = messages.map(rowOf);
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
 * Claims due messages for sending, answers first, then replies, then bulk, oldest first. A chat whose earlier message
 * is being sent or waits for a retry is skipped, so one chat's messages leave in order; an answer only waits for the
 * chat's earlier answers (it passes alerts and reminders still queued). Several of one chat may be claimed together
 * (the worker sends them one after another, in lane order). Safe with several workers (SKIP LOCKED).
 */
export async function claimDueMessages(
  db: Db,
  params: { limit: number; now: Date; lockMs: number; channels: Channel[] },
): Promise<OutboxRow[]> {
  if (params.limit <= 0 || params.channels.length === 0) return [];
  const now = params.now.toISOString();
  const lockedUntil = new Date(params.now.getTime() + params.lockMs).toISOString();
  const rows = await runRaw(db, CLAIM, [lockedUntil, now, JSON.stringify(params.channels), params.limit]);
  return rows.map(outboxRowOf).sort((a, b) => a.lane - b.lane || a.id - b.id);
}

/** An outbox row read raw (a claim's RETURNING): timestamps and 64-bit ids as either driver gives them. */
function outboxRowOf(r: Record<string, unknown>): OutboxRow {
  const at = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    id: Number(r.id),
    channel: toChannel(r.channel),
    chatId: String(r.chat_id),
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    lane: Number(r.lane),
    status: 'sending' as const,
    attempts: Number(r.attempts),
    partsSent: Number(r.parts_sent ?? 0),
    nextAttemptAt: at(r.next_attempt_at)!,
    lockedUntil: at(r.locked_until),
    lastError: (r.last_error as string | null) ?? null,
    dedupeKey: (r.dedupe_key as string | null) ?? null,
    createdAt: at(r.created_at)!,
    sentAt: null,
  };
}

// Written out once (see raw.ts). $1 locked until, $2 now, $3 the channels (JSON), $4 how many at most.
const CLAIM = `
  update outbox set status = 'sending', locked_until = $1::timestamptz, attempts = attempts + 1
  where id in (
    select o.id from outbox o
    where o.status = 'pending' and o.next_attempt_at <= $2::timestamptz
      and o.channel = any (array(select jsonb_array_elements_text($3::jsonb)))
      and not exists (
        select 1 from outbox e
        where e.channel = o.channel and e.chat_id = o.chat_id and e.id < o.id
          and (o.lane >= 0 or e.lane < 0)
          and e.status in ('pending', 'sending') and (e.status = 'sending' or e.next_attempt_at > $2::timestamptz)
        -- OFFSET 0 keeps this a per-row index probe on (channel, chat_id); as an anti-join, a planner without
        -- statistics (PGlite has no autovacuum) scans the whole outbox once per candidate.
        offset 0
      )
    order by o.lane, o.id
    limit $4::int
    for update skip locked
  )
  returning *`;

/** Claims whose worker died mid-send go back to pending (a crash, a killed replica). */
export async function releaseStaleClaims(db: Db, now: Date): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', lockedUntil: null })
    .where(sql`${outbox.status} = 'sending' and ${outbox.lockedUntil} < ${now.toISOString()}`)
    .returning({ id: outbox.id });
  return rows.length;
}

/**
 * Deletes up to `limit` sent or given-up messages created before `olderThan`, oldest first (the outbox is a queue,
 * not an archive; sent exports hold whole files). Pending and sending messages are never touched. Returns how many.
 */
export async function purgeOutbox(db: Db, olderThan: Date, limit = 1000): Promise<number> {
  const rows = await runRaw(
    db,
    `delete from outbox where id in (
       select id from outbox
       where status in ('sent', 'failed') and created_at < $1::timestamptz
       order by id limit $2::int
       for update skip locked)
     returning id`,
    [olderThan.toISOString(), limit],
  );
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

/**
 * markSent for many claims in one statement (the delivery worker batches the sends that finished together). Returns
 * the ids whose claim still held and were marked; a stale claim changes nothing, as with markSent.
 */
export async function markSentMany(
  db: Db,
  sent: { claim: OutboxClaim; erase?: boolean }[],
  at: Date,
): Promise<Set<number>> {
  const rows = sent.flatMap(({ claim, erase }) =>
    claim.lockedUntil
      ? [
          {
            id: claim.id,
            attempts: claim.attempts,
            locked_until: claim.lockedUntil.toISOString(),
            erase: !!erase,
          },
        ]
      : [],
  );
  if (rows.length === 0) return new Set();
  const applied = await runRaw(db, MARK_SENT_MANY, [at.toISOString(), JSON.stringify(rows)]);
  return new Set(applied.map((r) => Number(r.id)));
}

// Written out once (see raw.ts): one statement for any number of rows.
// The id list first, so the rows are found by primary key (not by hashing every row being sent).
const MARK_SENT_MANY = `
  update outbox o set status = 'sent', sent_at = $1::timestamptz, locked_until = null,
    payload = case when v.erase then jsonb_set(o.payload, '{text}', '"[đã xóa]"') else o.payload end
  from jsonb_to_recordset($2::jsonb) as v(id bigint, attempts integer, locked_until timestamptz, erase boolean)
  where o.id = any (array(select (e->>'id')::bigint from jsonb_array_elements($2::jsonb) e))
    and o.id = v.id and o.status = 'sending' and o.attempts = v.attempts and o.locked_until = v.locked_until
  returning o.id`;

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
