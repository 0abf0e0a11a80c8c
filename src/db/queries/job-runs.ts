import { count, like } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jobRuns } from '../schema.ts';

/**
 * Claims a job occurrence by its unique key inside the caller's transaction: true for exactly one caller, ever,
 * across replicas and restarts. The work done in the same transaction commits or rolls back with the claim.
 */
export async function claimJob(db: Db, key: string): Promise<boolean> {
  const rows = await db
    .insert(jobRuns)
    .values({ key })
    .onConflictDoNothing({ target: jobRuns.key })
    .returning({ key: jobRuns.key });
  return rows.length > 0;
}

/** How many job occurrences were claimed with keys starting with `prefix` (a LIKE pattern: `%` and `_` match). */
export async function countJobs(db: Db, prefix: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(jobRuns)
    .where(like(jobRuns.key, `${prefix}%`));
  return row?.n ?? 0;
}
