import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { enterprises, type IncidentDetails, people, type ReportStatus, reports } from '../schema.ts';

export type Report = typeof reports.$inferSelect;

export interface NewReport {
  enterpriseId: number;
  reportDay: string;
  status: ReportStatus;
  incident: IncidentDetails | null;
  note: string | null;
  reporterId: number;
  channel: string;
  at: Date;
}

/** Adds a revision: the first report of a day is revision 1, each amendment the next one; history is kept. */
export async function recordReport(
  db: Db,
  params: NewReport,
): Promise<{ report: Report; previous: Report | null }> {
  // One enterprise's reports for one day are serialised, so two officers reporting at once get distinct revisions.
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`report:${params.enterpriseId}:${params.reportDay}`}, 0))`,
  );
  const previous = await getLatestReport(db, params.enterpriseId, params.reportDay);
  const [report] = await db
    .insert(reports)
    .values({
      enterpriseId: params.enterpriseId,
      reportDay: params.reportDay,
      revision: (previous?.revision ?? 0) + 1,
      status: params.status,
      incident: params.incident,
      note: params.note,
      reporterId: params.reporterId,
      channel: params.channel,
      createdAt: params.at,
    })
    .returning();
  return { report: report!, previous };
}

export async function getLatestReport(db: Db, enterpriseId: number, day: string): Promise<Report | null> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.enterpriseId, enterpriseId), eq(reports.reportDay, day)))
    .orderBy(desc(reports.revision))
    .limit(1);
  return row ?? null;
}

export async function getReportById(db: Db, id: number): Promise<Report | null> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  return row ?? null;
}

export interface DayReport extends Report {
  enterpriseName: string;
  enterpriseCode: string;
  reporterName: string;
}

/**
 * The latest revision of each enterprise's report for one day, where it is an incident, by enterprise name. The
 * unexecuted query, so the benchmark can EXPLAIN exactly what /status runs.
 */
export function latestIncidentsQuery(db: Db, day: string, limit: number) {
  const latest = db
    .selectDistinctOn([reports.enterpriseId], { id: reports.id, status: reports.status })
    .from(reports)
    .where(eq(reports.reportDay, day))
    .orderBy(reports.enterpriseId, desc(reports.revision))
    .as('latest');
  return selectDayReports(db)
    .innerJoin(latest, eq(latest.id, reports.id))
    .where(eq(latest.status, 'incident'))
    .orderBy(enterprises.name)
    .limit(limit);
}

export async function getLatestIncidentsForDay(db: Db, day: string, limit: number): Promise<DayReport[]> {
  return (await latestIncidentsQuery(db, day, limit)).map(flatten);
}

/** Reports with their enterprise and reporter names, for history, exports and summaries. */
function selectDayReports(db: Db) {
  return db
    .select({
      report: reports,
      enterpriseName: enterprises.name,
      enterpriseCode: enterprises.code,
      reporterName: people.displayName,
    })
    .from(reports)
    .innerJoin(enterprises, eq(enterprises.id, reports.enterpriseId))
    .innerJoin(people, eq(people.id, reports.reporterId));
}

type JoinedRow = { report: Report; enterpriseName: string; enterpriseCode: string; reporterName: string };
const flatten = (r: JoinedRow): DayReport => ({
  ...r.report,
  enterpriseName: r.enterpriseName,
  enterpriseCode: r.enterpriseCode,
  reporterName: r.reporterName,
});

export async function getEnterpriseHistory(
  db: Db,
  enterpriseId: number,
  limit: number,
): Promise<DayReport[]> {
  const rows = await selectDayReports(db)
    .where(eq(reports.enterpriseId, enterpriseId))
    .orderBy(desc(reports.reportDay), desc(reports.revision))
    .limit(limit);
  return rows.map(flatten);
}

/** Every revision in a range of days, oldest first (exports and the consolidated report). */
export async function getReportsInRange(db: Db, fromDay: string, toDay: string): Promise<DayReport[]> {
  const rows = await selectDayReports(db)
    .where(sql`${reports.reportDay} between ${fromDay} and ${toDay}`)
    .orderBy(reports.reportDay, reports.enterpriseId, reports.revision);
  return rows.map(flatten);
}

export async function getReportedEnterpriseIds(
  db: Db,
  day: string,
  enterpriseIds?: number[],
): Promise<Set<number>> {
  const where = [eq(reports.reportDay, day)];
  if (enterpriseIds) where.push(inArray(reports.enterpriseId, enterpriseIds));
  const rows = await db
    .selectDistinct({ id: reports.enterpriseId })
    .from(reports)
    .where(and(...where));
  return new Set(rows.map((r) => r.id));
}
