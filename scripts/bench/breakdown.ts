/**
 * Where the service's time goes, from its own timestamps: inbound_events (received_at: webhook insert,
 * processed_at: end of the chat's transaction) and outbox (created_at: start of that transaction,
 * sent_at: after the Bot API call). Medians and p95 in ms over the rows written between `since` and `until`.
 */
import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/raw.ts';

export interface Breakdown {
  /** Webhook insert → end of processing (queueing for the chat's turn + the conversation transaction). */
  inbound: { p50: number; p95: number; n: number };
  /** Reply enqueued (transaction start) → sent (commit, claim, send, markSent), to officers' chats. */
  outbound: { p50: number; p95: number; n: number };
  /** The same to staff chats: /status replies queue behind incident alerts (a chat's messages go in order). */
  staff: { p50: number; p95: number; n: number };
  /** Webhook insert → end of processing for staff chats' updates (/status). */
  staffInbound: { p50: number; p95: number; n: number };
}

export async function breakdown(
  db: Db,
  since: Date,
  until: Date,
  staffChatIds: string[],
): Promise<Breakdown> {
  const from = since.toISOString();
  const to = until.toISOString();
  const staffIn = sql.join(
    ['', ...staffChatIds].map((id) => sql`${id}`),
    sql`, `,
  );
  const inbounds = rowsOf(
    await db.execute(sql`
      select staff, percentile_cont(0.5) within group (order by ms) as p50,
             percentile_cont(0.95) within group (order by ms) as p95, count(*)::int as n
      from (select chat_id in (${staffIn}) as staff,
              extract(epoch from processed_at - received_at) * 1000 as ms
            from inbound_events
            where received_at >= ${from} and received_at < ${to} and status = 'done') x
      group by staff`),
  );
  const lanes = rowsOf(
    await db.execute(sql`
      select staff, percentile_cont(0.5) within group (order by ms) as p50,
             percentile_cont(0.95) within group (order by ms) as p95, count(*)::int as n
      from (select chat_id in (${staffIn}) as staff, extract(epoch from sent_at - created_at) * 1000 as ms
            from outbox where created_at >= ${from} and created_at < ${to} and status = 'sent') x
      group by staff`),
  );
  const pick = (r: Record<string, unknown> | undefined) => ({
    p50: Number(r?.p50 ?? Number.NaN),
    p95: Number(r?.p95 ?? Number.NaN),
    n: Number(r?.n ?? 0),
  });
  return {
    inbound: pick(inbounds.find((r) => r.staff === false)),
    staffInbound: pick(inbounds.find((r) => r.staff === true)),
    outbound: pick(lanes.find((r) => r.staff === false)),
    staff: pick(lanes.find((r) => r.staff === true)),
  };
}

/**
 * The outbox at the end: all rows (sent rows are kept), those still waiting, sent and failed for good, and
 * the retries (claims beyond each row's first).
 */
export async function outboxStats(
  db: Db,
): Promise<{ rows: number; waiting: number; sent: number; failed: number; retried: number }> {
  const [row] = rowsOf(
    await db.execute(sql`
      select count(*)::int as rows,
             (count(*) filter (where status in ('pending', 'sending')))::int as waiting,
             (count(*) filter (where status = 'sent'))::int as sent,
             (count(*) filter (where status = 'failed'))::int as failed,
             coalesce(sum(greatest(attempts - 1, 0)), 0)::int as retried
      from outbox`),
  );
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    rows: n('rows'),
    waiting: n('waiting'),
    sent: n('sent'),
    failed: n('failed'),
    retried: n('retried'),
  };
}

/**
 * TCP segments process `pid` has sent so far on its connections to `port` (the database), from the kernel's
 * tcp_info (`ss -ti`, data_segs_out). On loopback one segment is about one socket write (Nagle may merge a
 * pipelined one): a proxy for statements sent, BEGIN and COMMIT included. Connections closed since are not
 * counted. NaN when ss is missing.
 */
export function dbSegmentsSent(pid: number, port: number): number {
  let out: string;
  try {
    out = execFileSync('ss', ['-tinpH', 'state', 'established', `( dport = :${port} )`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return Number.NaN;
  }
  let total = 0;
  let ours = false;
  for (const line of out.split('\n')) {
    if (line.trim() === '') continue;
    if (!/^\s/.test(line)) ours = line.includes(`pid=${pid},`);
    else if (ours) total += Number(/\bdata_segs_out:(\d+)/.exec(line)?.[1] ?? 0);
  }
  return total;
}
