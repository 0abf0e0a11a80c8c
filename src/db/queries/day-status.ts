import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { type Row, rowsOf, toDate } from '../raw.ts';
import type { Enterprise } from './enterprises.ts';

const enterpriseOf = (r: Row): Enterprise => ({
  id: Number(r.id),
  code: String(r.code),
  name: String(r.name),
  sector: r.sector as Enterprise['sector'],
  createdAt: toDate(r.created_at)!,
});

/** How many enterprises there are, and how many of them reported for the day (any revision). */
export async function countReportedOnDay(db: Db, day: string): Promise<{ total: number; reported: number }> {
  const result = await db.execute(sql`
      with latest as (
        select distinct on (enterprise_id) enterprise_id, status from reports
        where report_day = ${day} order by enterprise_id, revision desc
      )
      select (select count(*) from enterprises)::int as total,
             (select count(*) from latest)::int as reported`);
  const c = rowsOf(result)[0] ?? {};
  return { total: Number(c.total ?? 0), reported: Number(c.reported ?? 0) };
}

export type MissingEnterprise = Enterprise & { hasOfficer: boolean };

/** The first `limit` enterprises (by name) with no report for the day, and whether each has an officer at all. */
export async function listMissingEnterprises(
  db: Db,
  day: string,
  limit: number,
): Promise<MissingEnterprise[]> {
  const result = await db.execute(sql`
      select e.*, exists (select 1 from people p where p.enterprise_id = e.id and p.role = 'officer') as has_officer
      from enterprises e
      where not exists (select 1 from reports r where r.enterprise_id = e.id and r.report_day = ${day})
      order by e.name limit ${limit}`);
  return rowsOf(result).map((r) => ({ ...enterpriseOf(r), hasOfficer: r.has_officer === true }));
}

/**
 * Enterprises none of whose officers can be messaged any more (each officer identity is unreachable), the first
 * `limit` by name, with how many there are in all.
 */
export async function listUnreachableEnterprises(
  db: Db,
  limit: number,
): Promise<{ rows: Enterprise[]; count: number }> {
  // Starts from the few unreachable identities, then keeps enterprises with no officer left to reach.
  const result = await db.execute(sql`
      select e.*, count(*) over () as total_count from enterprises e
      where e.id in (
        select p.enterprise_id from identities i join people p on p.id = i.person_id
        where i.unreachable_at is not null and p.role = 'officer'
      ) and not exists (
        select 1 from people p join identities i on i.person_id = p.id
        where p.enterprise_id = e.id and p.role = 'officer' and i.unreachable_at is null
      )
      order by e.name limit ${limit}`);
  const rows = rowsOf(result);
  return { rows: rows.map(enterpriseOf), count: Number(rows[0]?.total_count ?? 0) };
}
