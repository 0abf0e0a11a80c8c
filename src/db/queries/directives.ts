import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { directiveVersions, orgSettings } from '../schema.ts';

export type DirectiveVersion = typeof directiveVersions.$inferSelect;
export type DirectiveVersionSummary = Omit<DirectiveVersion, 'sourceText' | 'letter' | 'extras'>;

export async function insertDirectiveVersion(
  db: Db,
  params: { sourceName: string; sourceText: string; letter: Record<string, unknown>; warnings: string[] },
): Promise<DirectiveVersion> {
  const [row] = await db.insert(directiveVersions).values(params).returning();
  return row!;
}

/** Makes one version the active letter (and no other), in one transaction so no moment has none or two. */
export async function activateDirectiveVersion(db: Db, id: number, at: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [exists] = await tx
      .select({ id: directiveVersions.id })
      .from(directiveVersions)
      .where(eq(directiveVersions.id, id));
    if (!exists) return false;
    await tx.update(directiveVersions).set({ active: false }).where(eq(directiveVersions.active, true));
    await tx
      .update(directiveVersions)
      .set({ active: true, activatedAt: at })
      .where(eq(directiveVersions.id, id));
    return true;
  });
}

export async function listDirectiveVersions(db: Db): Promise<DirectiveVersionSummary[]> {
  return db
    .select({
      id: directiveVersions.id,
      sourceName: directiveVersions.sourceName,
      warnings: directiveVersions.warnings,
      active: directiveVersions.active,
      importedAt: directiveVersions.importedAt,
      activatedAt: directiveVersions.activatedAt,
    })
    .from(directiveVersions)
    .orderBy(desc(directiveVersions.id));
}

export async function getDirectiveVersion(db: Db, id: number): Promise<DirectiveVersion | null> {
  const [row] = await db.select().from(directiveVersions).where(eq(directiveVersions.id, id));
  return row ?? null;
}

export async function getActiveDirectiveVersion(db: Db): Promise<DirectiveVersion | null> {
  const [row] = await db.select().from(directiveVersions).where(eq(directiveVersions.active, true));
  return row ?? null;
}

/** Which version is active and since when: one small row, cheap enough to poll from every replica. */
export async function getActiveDirectiveStamp(
  db: Db,
): Promise<{ id: number; activatedAt: Date | null } | null> {
  const [row] = await db
    .select({ id: directiveVersions.id, activatedAt: directiveVersions.activatedAt })
    .from(directiveVersions)
    .where(eq(directiveVersions.active, true));
  return row ?? null;
}

export async function countDirectiveVersions(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(directiveVersions);
  return Number(row?.n ?? 0);
}

export async function getOrgData(db: Db): Promise<Record<string, string>> {
  const [row] = await db.select().from(orgSettings).where(eq(orgSettings.id, 1));
  return row?.data ?? {};
}

export async function setOrgData(db: Db, data: Record<string, string>, at: Date): Promise<void> {
  await db
    .insert(orgSettings)
    .values({ id: 1, data, updatedAt: at })
    .onConflictDoUpdate({ target: orgSettings.id, set: { data, updatedAt: at } });
}
