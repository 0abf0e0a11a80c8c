import type { Db } from '../db/client.ts';
import { purgeInbox } from '../db/queries/inbox.ts';
import { purgeOutbox } from '../db/queries/outbox.ts';
import { purgeRateLimits } from '../db/queries/rate-limits.ts';

const DAY_MS = 86_400_000;
/** Counters (wrong codes, strangers' questions, alert windows) are about today: two days is plenty. */
export const RATE_LIMIT_RETENTION_DAYS = 2;

export interface Retention {
  outboxDays: number;
  inboxDays: number;
}

/**
 * Deletes sent outbox messages older than `outboxDays`, processed inbound events older than `inboxDays` and
 * counters untouched for RATE_LIMIT_RETENTION_DAYS, in
 * batches of `batch` rows (each its own short statement, so no long lock or transaction), at most `maxBatches` of
 * each per run: a backlog is worked off over several runs. Nothing pending is ever deleted. Several replicas may run
 * it at once (SKIP LOCKED).
 */
export async function purgeOld(
  db: Db,
  params: Retention & { now: Date; batch?: number; maxBatches?: number },
): Promise<{ outbox: number; inbox: number; rateLimits: number }> {
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
    rateLimits: await run(
      (d, olderThan, limit) => purgeRateLimits(d, olderThan, params.now, limit),
      RATE_LIMIT_RETENTION_DAYS,
    ),
  };
}
