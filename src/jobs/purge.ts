import type { Db } from '../db/client.ts';
import { purgeInbox } from '../db/queries/inbox.ts';
import { purgeOutbox } from '../db/queries/outbox.ts';

const DAY_MS = 86_400_000;

export interface Retention {
  outboxDays: number;
  inboxDays: number;
}

/**
 * Deletes sent outbox messages older than `outboxDays` and processed inbound events older than `inboxDays`, in
 * batches of `batch` rows (each its own short statement, so no long lock or transaction), at most `maxBatches` of
 * each per run: a backlog is worked off over several runs. Nothing pending is ever deleted. Several replicas may run
 * it at once (SKIP LOCKED).
 */
export async function purgeOld(
  db: Db,
  params: Retention & { now: Date; batch?: number; maxBatches?: number },
): Promise<{ outbox: number; inbox: number }> {
  const batch = params.batch ?? 1000;
  const maxBatches = params.maxBatches ?? 50;
  const run = async (purge: (db: Db, olderThan: Date, limit: number) => Promise<number>, days: number) => {
    const olderThan = new Date(params.now.getTime() - days * DAY_MS);
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await purge(db, olderThan, batch);
      total += n;
      if (n < batch) break;
    }
    return total;
  };
  return {
    outbox: await run(purgeOutbox, params.outboxDays),
    inbox: await run(purgeInbox, params.inboxDays),
  };
}
