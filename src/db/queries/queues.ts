import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from '../raw.ts';

export interface QueueDepths {
  /** Inbound events recorded and not yet processed. */
  inboxPending: number;
  /** Outbox messages waiting to be sent (including those waiting for a retry), and being sent now. */
  outboxPending: number;
  outboxSending: number;
}

/** How much work is queued, in one statement (each count reads a partial index of the unfinished rows only). */
export async function getQueueDepths(db: Db): Promise<QueueDepths> {
  const result = await db.execute(sql`
    select (select count(*) from inbound_events where status = 'pending')::int as inbox_pending,
           (select count(*) from outbox where status = 'pending')::int as outbox_pending,
           (select count(*) from outbox where status = 'sending')::int as outbox_sending`);
  const [row] = rowsOf(result);
  return {
    inboxPending: Number(row?.inbox_pending ?? 0),
    outboxPending: Number(row?.outbox_pending ?? 0),
    outboxSending: Number(row?.outbox_sending ?? 0),
  };
}
