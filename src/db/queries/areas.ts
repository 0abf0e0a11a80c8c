import { eq, inArray, sql } from 'drizzle-orm';
import { foldKey } from '../../fold.ts';
import type { Db } from '../client.ts';
import { areas } from '../schema.ts';

export type Area = typeof areas.$inferSelect;

const UNIT_WORDS = /^(xa|phuong|thi tran|dac khu|thon|huyen|thi xa|thanh pho|tp|tx)\s+/;

/** The name without its unit word: "Phường Đông Hà" and "dong ha" meet at "dong ha". */
export function areaKey(name: string): string {
  return foldKey(name).replace(UNIT_WORDS, '');
}

export interface AreaMatch extends Area {
  /** The typed name is this unit's name (with or without the unit word and diacritics). */
  exact: boolean;
  /** The typed words are the start of the name: good enough when it is the only match. */
  strong: boolean;
}

/** Communes and wards whose folded name matches the typed one; by id when `id` is given. */
export async function searchAreas(
  db: Db,
  typed: string | null,
  limit: number,
  id?: number,
): Promise<AreaMatch[]> {
  if (id !== undefined) {
    const rows = await db.select().from(areas).where(eq(areas.id, id)).limit(1);
    return rows.map((a) => ({ ...a, exact: true, strong: true }));
  }
  const key = areaKey(typed ?? '');
  if (key.length < 2) return [];
  const rows = await db
    .select()
    .from(areas)
    .where(sql`${areas.folded} like ${`%${key.replace(/[%_\\]/g, '')}%`}`)
    .orderBy(sql`length(${areas.folded})`, areas.name)
    .limit(limit);
  return rows.map((a) => ({ ...a, exact: a.folded === key, strong: a.folded.startsWith(key) }));
}

/** Adds the units not yet known (by name); returns how many were added. */
export async function importAreas(
  db: Db,
  rows: { name: string; unitKind: string | null }[],
): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => ({ ...r, folded: areaKey(r.name) }));
    const inserted = await db
      .insert(areas)
      .values(chunk)
      .onConflictDoNothing({ target: areas.name })
      .returning({ id: areas.id });
    added += inserted.length;
  }
  return added;
}

export async function countAreas(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(areas);
  return Number(row?.n ?? 0);
}

const AREA_WORD = /(?<![a-z])(?:xa|phuong|thi tran|dac khu|o|tai)\s+/g;

/**
 * The commune or ward an incident typed on a phone names, as the department's list spells it: "mất sóng ở xa tan
 * yen" → "Xã Tân Yên". The words after "xã", "phường", "ở", "tại" are looked up, longest first (a name has one to four
 * words); null when the list is empty or no such unit is in it.
 */
export async function findAreaInText(db: Db, text: string): Promise<string | null> {
  const folded = foldKey(text);
  const keys: string[] = [];
  for (const m of folded.matchAll(AREA_WORD)) {
    const words = folded
      .slice(m.index + m[0].length)
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .slice(0, 4);
    for (let n = words.length; n >= 1; n--) keys.push(areaKey(words.slice(0, n).join(' ')));
  }
  const wanted = [...new Set(keys.filter((k) => k.length >= 2))];
  if (wanted.length === 0) return null;
  const rows = await db
    .select({ name: areas.name, folded: areas.folded })
    .from(areas)
    .where(inArray(areas.folded, wanted));
  // The first (longest, earliest) key naming exactly one unit.
  for (const key of keys) {
    const named = rows.filter((r) => r.folded === key);
    if (named.length === 1) return named[0]!.name;
  }
  return null;
}
