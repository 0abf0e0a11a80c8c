import { asc, count, eq, sql } from 'drizzle-orm';
import { foldKey } from '../../fold.ts';
import type { Db } from '../client.ts';
import { enterprises, type Sector } from '../schema.ts';

export type Enterprise = typeof enterprises.$inferSelect;

export function listEnterprises(db: Db): Promise<Enterprise[]> {
  return db.select().from(enterprises).orderBy(asc(enterprises.name));
}

export async function countEnterprises(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(enterprises);
  return row?.n ?? 0;
}

export async function getEnterpriseById(db: Db, id: number): Promise<Enterprise | null> {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  return row ?? null;
}

/** By code (case-insensitive) first, then by exact name, then by a unique name prefix. */
export async function findEnterprise(db: Db, codeOrName: string): Promise<Enterprise | null> {
  const needle = codeOrName.trim();
  if (!needle) return null;
  const [byCode] = await db
    .select()
    .from(enterprises)
    .where(sql`lower(${enterprises.code}) = lower(${needle})`);
  if (byCode) return byCode;
  const byName = await db
    .select()
    .from(enterprises)
    .where(sql`lower(${enterprises.name}) like lower(${`${escapeLike(needle)}%`})`)
    .limit(2);
  const exact = byName.find((e) => e.name.toLowerCase() === needle.toLowerCase());
  if (exact) return exact;
  if (byName.length === 1) return byName[0]!;
  return byName.length === 0 ? findByWords(db, needle) : null;
}

/**
 * Typed on a phone: "buu dien", "viettel post", "bưu điện tỉnh": the one enterprise whose name (diacritics and case
 * aside) is the words, starts with them, or holds each of them; null when none or several do.
 */
async function findByWords(db: Db, typed: string): Promise<Enterprise | null> {
  const key = foldKey(typed);
  if (key.length < 2) return null;
  const words = key.split(' ');
  const all = await db.select().from(enterprises);
  const named = all.map((e) => ({ e, name: foldKey(e.name), code: foldKey(e.code) }));
  const tiers = [
    named.filter((n) => n.name === key || n.code === key),
    named.filter((n) => n.name.startsWith(`${key} `)),
    named.filter((n) => words.every((w) => ` ${n.name} `.includes(` ${w} `) || n.code === w)),
  ];
  for (const tier of tiers) if (tier.length > 0) return tier.length === 1 ? tier[0]!.e : null;
  return null;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Rows per statement: 3 parameters a row stays far below PostgreSQL's 65,535 bind parameters. */
export const ENTERPRISE_CHUNK_ROWS = 1000;

function chunks<T>(rows: readonly T[], size = ENTERPRISE_CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Inserts in statements of at most ENTERPRISE_CHUNK_ROWS rows, returning the rows in input order. Call it inside a
 * transaction when the rows must go in all together.
 */
export async function insertEnterprises(
  db: Db,
  rows: { code: string; name: string; sector: Sector }[],
): Promise<Enterprise[]> {
  const inserted: Enterprise[] = [];
  for (const chunk of chunks(rows))
    inserted.push(...(await db.insert(enterprises).values(chunk).returning()));
  return inserted;
}

/** Sets code, name and sector by id, at most ENTERPRISE_CHUNK_ROWS rows per statement. */
export async function updateEnterprises(
  db: Db,
  rows: { id: number; code: string; name: string; sector: Sector }[],
): Promise<void> {
  for (const chunk of chunks(rows)) {
    const values = sql.join(
      chunk.map((r) => sql`(${r.id}::integer, ${r.code}::text, ${r.name}::text, ${r.sector}::text)`),
      sql`, `,
    );
    await db.execute(
      sql`update ${enterprises} set code = v.code, name = v.name, sector = v.sector
        from (values ${values}) as v(id, code, name, sector) where ${enterprises.id} = v.id`,
    );
  }
}

/** Serialises enterprise imports until the end of the transaction, so two at once cannot both create a name. */
export async function lockEnterpriseImport(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('tet-bot:enterprises-import'))`);
}
