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
  campaignsChanged();
  return row!;
}

/** Exactly one campaign is active at a time. */
export async function activateCampaign(db: Db, id: number): Promise<Campaign | null> {
  const activated = await db.transaction(async (tx) => {
    await tx.update(campaigns).set({ active: sql`${campaigns.id} = ${id}` });
    const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id));
    return row ?? null;
  });
  campaignsChanged();
  return activated;
}

/** Bumped after every campaign change made in this process: cached active campaigns are read again. */
let generation = 0;
export function campaignsChanged(): void {
  generation++;
}

/** How long a replica may keep using the active campaign it read; a change from another process shows after this. */
export const ACTIVE_CAMPAIGN_TTL_MS = 10_000;

/**
 * The active campaign, read at most once per `ttlMs` (every receipt needs it for its deadline note). A change made
 * in this process (createCampaign, activateCampaign) is seen at once; one made elsewhere (the admin CLI, another
 * replica) within `ttlMs`.
 */
export function createActiveCampaignCache(
  ttlMs = ACTIVE_CAMPAIGN_TTL_MS,
  now: () => number = Date.now,
): (db: Db) => Promise<Campaign | null> {
  let cached: { value: Campaign | null; at: number; generation: number } | undefined;
  return async (db) => {
    const at = now();
    if (cached && cached.generation === generation && at - cached.at < ttlMs) return cached.value;
    const seen = generation;
    const value = await getActiveCampaign(db);
    cached = { value, at, generation: seen };
    return value;
  };
}
