import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Channel } from '../../messages.ts';
import type { Db } from '../client.ts';
import { runRaw, toChannel, toDate, toDay, toJson } from '../raw.ts';
import { enterprises, type IncidentDetails, people, type ReportStatus, reports } from '../schema.ts';
import { inOrder } from '../transaction.ts';

export type Report = typeof reports.$inferSelect;

export interface NewReport {
  enterpriseId: number;
  reportDay: string;
  status: ReportStatus;
  incident: IncidentDetails | null;
  note: string | null;
  reporterId: number;
  channel: Channel;
  at: Date;
}

/**
 * Adds a revision: the first report of a day is revision 1, each amendment the next one; history is kept. Returns
 * the new report and the id of the day's revision before it.
 */
export async function recordReport(
  db: Db,
  params: NewReport,
): Promise<{ report: Report; previous: Pick<Report, 'id'> | null }> {
  const { enterpriseId, reportDay } = params;
  // One enterprise's reports for one day are serialised, so two officers reporting at once get distinct revisions.
  // The insert goes out with the lock and runs once it is granted: it sees every revision committed before.
  const [, [row]] = await inOrder(
    runRaw(db, 'select pg_advisory_xact_lock(hashtextextended($1::text, 0))', [
      `report:${enterpriseId}:${reportDay}`,
    ]),
    runRaw(db, INSERT_REPORT, [
      enterpriseId,
      reportDay,
      params.status,
      params.incident ? JSON.stringify(params.incident) : null,
      params.note,
      params.reporterId,
      params.channel,
      params.at.toISOString(),
    ]),
  );
  const r = row!;
  const report: Report = {
    id: Number(r.id),
    enterpriseId: Number(r.enterprise_id),
    reportDay: toDay(r.report_day),
    revision: Number(r.revision),
    status: r.status as Report['status'],
    incident: r.incident === null || r.incident === undefined ? null : toJson<IncidentDetails>(r.incident),
    note: (r.note as string | null) ?? null,
    reporterId: Number(r.reporter_id),
    channel: toChannel(r.channel),
    createdAt: toDate(r.created_at)!,
  };
  return { report, previous: r.previous_id === null ? null : { id: Number(r.previous_id) } };
}

// Written out once (see raw.ts). RETURNING's subquery sees the table as it was before this insert: the day's
// latest revision until now.
const INSERT_REPORT = `
  insert into reports (enterprise_id, report_day, revision, status, incident, note, reporter_id, channel, created_at)
  select $1::int, $2::date, coalesce(max(revision), 0) + 1, $3::text, $4::jsonb, $5::text, $6::int, $7::text,
    $8::timestamptz
  from reports where enterprise_id = $1::int and report_day = $2::date
  returning id, enterprise_id, report_day, revision, status, incident, note, reporter_id, channel, created_at,
    (select p.id from reports p where p.enterprise_id = $1::int and p.report_day = $2::date
     order by p.revision desc limit 1) as previous_id`;

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
