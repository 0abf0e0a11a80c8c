import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { campaigns } from '../schema.ts';

export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;

export function listCampaigns(db: Db): Promise<Campaign[]> {
  return db.select().from(campaigns).orderBy(desc(campaigns.firstDay));
}

export async function getActiveCampaign(db: Db): Promise<Campaign | null> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.active, true)).limit(1);
  return row ?? null;
}

export async function createCampaign(db: Db, values: NewCampaign): Promise<Campaign> {
  const [row] = await db.insert(campaigns).values(values).returning();
  return row!;
}

/** Exactly one campaign is active at a time. */
export async function activateCampaign(db: Db, id: number): Promise<Campaign | null> {
  return db.transaction(async (tx) => {
    await tx.update(campaigns).set({ active: sql`${campaigns.id} = ${id}` });
    const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id));
    return row ?? null;
  });
}
