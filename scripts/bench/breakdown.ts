/**
 * Where the service's time goes, from its own timestamps: inbound_events (received_at: webhook insert,
 * processed_at: end of the chat's transaction) and outbox (created_at: start of that transaction,
 * sent_at: after the Bot API call). Medians and p95 in ms over the rows written between `since` and `until`.
 */
import { Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';

export interface Breakdown {
  /** Webhook insert → end of processing (queueing for the chat's turn + the conversation transaction). */
  inbound: { p50: number; p95: number; n: number };
  /** Reply enqueued (transaction start) → sent (commit, claim, send, markSent), to officers' chats. */
  outbound: { p50: number; p95: number; n: number };
  /** The same to staff chats: /status replies queue behind incident alerts (a chat's messages go in order). */
  staff: { p50: number; p95: number; n: number };
}

const rowsOf = (result: unknown) =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];

export async function breakdown(
  db: Db,
  since: Date,
  until: Date,
  staffChatIds: string[],
): Promise<Breakdown> {
  const from = since.toISOString();
  const to = until.toISOString();
  const [inbound] = rowsOf(
    await db.execute(sql`
      select percentile_cont(0.5) within group (order by ms) as p50,
             percentile_cont(0.95) within group (order by ms) as p95, count(*)::int as n
      from (select extract(epoch from processed_at - received_at) * 1000 as ms
            from inbound_events
            where received_at >= ${from} and received_at < ${to} and status = 'done') x`),
  );
  const lanes = rowsOf(
    await db.execute(sql`
      select staff, percentile_cont(0.5) within group (order by ms) as p50,
             percentile_cont(0.95) within group (order by ms) as p95, count(*)::int as n
      from (select chat_id in (${sql.join(
        ['', ...staffChatIds].map((id) => sql`${id}`),
        sql`, `,
      )}) as staff, extract(epoch from sent_at - created_at) * 1000 as ms
            from outbox where created_at >= ${from} and created_at < ${to} and status = 'sent') x
      group by staff`),
  );
  const pick = (r: Record<string, unknown> | undefined) => ({
    p50: Number(r?.p50 ?? Number.NaN),
    p95: Number(r?.p95 ?? Number.NaN),
    n: Number(r?.n ?? 0),
  });
  return {
    inbound: pick(inbound),
    outbound: pick(lanes.find((r) => r.staff === false)),
    staff: pick(lanes.find((r) => r.staff === true)),
  };
}

/** Outbox rows: all of them (sent rows are kept) and those still waiting. */
export async function outboxSize(db: Db): Promise<{ rows: number; waiting: number }> {
  const [row] = rowsOf(
    await db.execute(sql`
      select count(*)::int as rows, (count(*) filter (where status in ('pending', 'sending')))::int as waiting
      from outbox`),
  );
  return { rows: Number(row?.rows ?? 0), waiting: Number(row?.waiting ?? 0) };
}

/**
 * Counts writes to sockets connected to `port` (the database): each is a send() system call, one or more per
 * statement (a transaction's BEGIN and COMMIT included). A wrapper on net.Socket.prototype.write, in this
 * benchmark process only.
 */
export function countSocketWrites(port: number): { readonly writes: number } {
  const counter = { writes: 0 };
  const original = Socket.prototype.write;
  Socket.prototype.write = function (this: Socket, ...args: Parameters<typeof original>) {
    if (this.remotePort === port) counter.writes++;
    return original.apply(this, args);
  } as typeof original;
  return counter;
}
