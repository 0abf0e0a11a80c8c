import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { type Row, rowsOf, runRaw, toDate } from '../raw.ts';
import type { Enterprise } from './enterprises.ts';

const enterpriseOf = (r: Row): Enterprise => ({
  id: Number(r.id),
  code: String(r.code),
  name: String(r.name),
  sector: r.sector as Enterprise['sector'],
  createdAt: toDate(r.created_at)!,
});

export type MissingEnterprise = Enterprise & { hasOfficer: boolean };

/**
 * One day's reporting in one statement: how many enterprises there are, how many have no report for the day (any
 * revision), and the first `limit` of those by name with whether each has an officer at all. Each enterprise is one
 * index probe into the day's reports, however many revisions the day holds.
 */
export async function getDayReporting(
  db: Db,
  day: string,
  limit: number,
): Promise<{ total: number; reported: number; missing: MissingEnterprise[] }> {
  const [row] = await runRaw(db, DAY_REPORTING, [day, limit]);
  const missing = (typeof row?.first === 'string' ? JSON.parse(row.first) : (row?.first ?? [])) as Row[];
  const total = Number(row?.total ?? 0);
  return {
    total,
    reported: total - Number(row?.missing ?? 0),
    missing: missing.map((r) => ({ ...enterpriseOf(r), hasOfficer: r.has_officer === true })),
  };
}

// Written out once (see raw.ts). $1 the day, $2 how many names at most.
const DAY_REPORTING = `
  with missing as materialized (
    select e.id, e.code, e.name, e.sector, e.created_at from enterprises e
    where not exists (select 1 from reports r where r.enterprise_id = e.id and r.report_day = $1::date)
  )
  select (select count(*) from enterprises)::int as total,
    (select count(*) from missing)::int as missing,
    coalesce((
      select jsonb_agg(to_jsonb(f) order by f.name, f.id) from (
        select m.*, exists (select 1 from people p where p.enterprise_id = m.id and p.role = 'officer') as has_officer
        from missing m order by m.name, m.id limit $2::int
      ) f
    ), '[]'::jsonb) as first`;

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
