/** /status over a large data set: renderDayStatus timed, its parts timed apart, the incidents query's plan. */
import { performance } from 'node:perf_hooks';
import { connectPostgres, openDatabase } from '../../src/db/client.ts';
import { getLatestIncidentsForDay, latestIncidentsQuery } from '../../src/db/queries/reports.ts';
import { getDayStatus, renderDayStatus, STATUS_LIST_LIMIT } from '../../src/features/status.ts';
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
        getDayStatus: await median(() => getDayStatus(db, params.day)),
        getLatestIncidentsForDay: await median(() =>
          getLatestIncidentsForDay(db, params.day, STATUS_LIST_LIMIT),
        ),
      };

      const { sql: text, params: values } = latestIncidentsQuery(db, params.day, STATUS_LIST_LIMIT).toSQL();
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
