import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jobRuns } from '../db/schema.ts';

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

export async function countJobs(db: Db, prefix: string): Promise<number> {
  const result = await db.execute(
    sql`select count(*)::int as n from ${jobRuns} where ${jobRuns.key} like ${`${prefix}%`}`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return rows[0]?.n ?? 0;
}
