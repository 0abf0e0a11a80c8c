/** /status over a large data set: renderDayStatus timed, its queries timed apart, the main one's plan. */
import { performance } from 'node:perf_hooks';
import { desc, eq } from 'drizzle-orm';
import { connectPostgres, openDatabase } from '../../src/db/client.ts';
import { listEnterprises } from '../../src/db/queries/enterprises.ts';
import { listRecipients } from '../../src/db/queries/people.ts';
import { getLatestReportsForDay } from '../../src/db/queries/reports.ts';
import { enterprises, people, reports } from '../../src/db/schema.ts';
import { renderDayStatus } from '../../src/features/status.ts';
import { createThrowawayDatabase, seedStatus } from './database.ts';
import { type Distribution, distribution } from './stats.ts';

export interface StatusResult {
  enterprises: number;
  days: number;
  reports: number;
  seedMs: number;
  render: Distribution;
  replyChars: number;
  /** Median ms of each query /status runs (they run concurrently inside renderDayStatus). */
  queries: Record<string, number>;
  plan: string[];
}

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

export async function benchStatus(params: {
  baseUrl: string;
  enterprises: number;
  days: number;
  day: string;
  now: Date;
  runs: number;
}): Promise<StatusResult> {
  const throwaway = await createThrowawayDatabase(params.baseUrl);
  try {
    const database = await openDatabase({ url: throwaway.url, maxConnections: 5 });
    try {
      const { db } = database;
      const seedStarted = performance.now();
      const { reports: count } = await seedStatus(db, {
        enterprises: params.enterprises,
        days: params.days,
        lastDay: params.day,
      });
      const seedMs = performance.now() - seedStarted;

      let replyChars = 0;
      await timeIt(3, async () => {
        replyChars = (await renderDayStatus(db, params.day, params.now)).length;
      });
      const render = distribution(
        await timeIt(params.runs, () => renderDayStatus(db, params.day, params.now)),
      );
      const median = async (fn: () => Promise<unknown>) => distribution(await timeIt(params.runs, fn)).p50;
      const queries = {
        listEnterprises: await median(() => listEnterprises(db)),
        getLatestReportsForDay: await median(() => getLatestReportsForDay(db, params.day)),
        listRecipients: await median(() => listRecipients(db, { roles: ['officer'] })),
      };

      // The same query as getLatestReportsForDay, built with the same driver settings, to EXPLAIN it.
      const { sql: text, params: values } = db
        .selectDistinctOn([reports.enterpriseId], {
          report: reports,
          enterpriseName: enterprises.name,
          enterpriseCode: enterprises.code,
          reporterName: people.displayName,
        })
        .from(reports)
        .innerJoin(enterprises, eq(enterprises.id, reports.enterpriseId))
        .innerJoin(people, eq(people.id, reports.reporterId))
        .where(eq(reports.reportDay, params.day))
        .orderBy(reports.enterpriseId, desc(reports.revision))
        .toSQL();
      const client = connectPostgres(throwaway.url, { max: 1 });
      let plan: string[];
      try {
        const rows = await client.unsafe(`explain (analyze, buffers) ${text}`, values as never[]);
        plan = rows.map((r) => String((r as Record<string, unknown>)['QUERY PLAN']));
      } finally {
        await client.end();
      }
      return {
        enterprises: params.enterprises,
        days: params.days,
        reports: count,
        seedMs,
        render,
        replyChars,
        queries,
        plan,
      };
    } finally {
      await database.close();
    }
  } finally {
    await throwaway.drop();
  }
}
