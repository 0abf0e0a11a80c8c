import { asc, count, eq, sql } from 'drizzle-orm';
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
  return byName.length === 1 ? byName[0]! : null;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function insertEnterprises(
  db: Db,
  rows: { code: string; name: string; sector: Sector }[],
): Promise<Enterprise[]> {
  if (rows.length === 0) return [];
  return db.insert(enterprises).values(rows).returning();
}
