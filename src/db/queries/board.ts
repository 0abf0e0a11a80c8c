import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from '../raw.ts';
import {
  boardLinks,
  boardSessions,
  enterprises,
  type IncidentDetails,
  identities,
  people,
  type ReportStatus,
  reports,
} from '../schema.ts';
import type { Person } from './people.ts';

/** 32 random bytes (256 bits), URL-safe: a link token or a session cookie. */
export function generateBoardToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashBoardToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A fresh one-time sign-in link for a person; the token is returned once and stored only as its hash. */
export async function createBoardLink(
  db: Db,
  params: { personId: number; now: Date; ttlMs: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateBoardToken();
  const expiresAt = new Date(params.now.getTime() + params.ttlMs);
  // Spent and long-expired links are of no use to anyone: they go as new ones come.
  await db.delete(boardLinks).where(lt(boardLinks.expiresAt, new Date(params.now.getTime() - 86_400_000)));
  await db.insert(boardLinks).values({
    tokenHash: hashBoardToken(token),
    personId: params.personId,
    expiresAt,
    createdAt: params.now,
  });
  return { token, expiresAt };
}

/** True when the link could sign in now (unknown, spent and expired links are all just "no"). */
export async function isBoardLinkUsable(db: Db, params: { token: string; now: Date }): Promise<boolean> {
  const [row] = await db
    .select({ id: boardLinks.id })
    .from(boardLinks)
    .where(
      and(
        eq(boardLinks.tokenHash, hashBoardToken(params.token)),
        isNull(boardLinks.usedAt),
        gt(boardLinks.expiresAt, params.now),
      ),
    );
  return row !== undefined;
}

/** Spends a link atomically: two tabs racing with one link cannot both sign in. Null when it cannot be used. */
export async function redeemBoardLink(
  db: Db,
  params: { token: string; now: Date },
): Promise<{ personId: number } | null> {
  const [row] = await db
    .update(boardLinks)
    .set({ usedAt: params.now })
    .where(
      and(
        eq(boardLinks.tokenHash, hashBoardToken(params.token)),
        isNull(boardLinks.usedAt),
        gt(boardLinks.expiresAt, params.now),
      ),
    )
    .returning({ personId: boardLinks.personId });
  return row ?? null;
}

export async function createBoardSession(
  db: Db,
  params: { personId: number; now: Date; ttlMs: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateBoardToken();
  const expiresAt = new Date(params.now.getTime() + params.ttlMs);
  await db
    .delete(boardSessions)
    .where(
      or(
        lt(boardSessions.expiresAt, new Date(params.now.getTime() - 86_400_000)),
        lt(boardSessions.endedAt, new Date(params.now.getTime() - 86_400_000)),
      ),
    );
  await db.insert(boardSessions).values({
    tokenHash: hashBoardToken(token),
    personId: params.personId,
    expiresAt,
    createdAt: params.now,
  });
  return { token, expiresAt };
}

/** The person behind a live session (not expired, not signed out), with their current role; else null. */
export async function getBoardSession(
  db: Db,
  params: { token: string; now: Date },
): Promise<{ sessionId: number; expiresAt: Date; person: Person } | null> {
  const [row] = await db
    .select({ sessionId: boardSessions.id, expiresAt: boardSessions.expiresAt, person: people })
    .from(boardSessions)
    .innerJoin(people, eq(people.id, boardSessions.personId))
    .where(
      and(
        eq(boardSessions.tokenHash, hashBoardToken(params.token)),
        isNull(boardSessions.endedAt),
        gt(boardSessions.expiresAt, params.now),
      ),
    );
  return row ?? null;
}

export async function endBoardSession(db: Db, params: { sessionId: number; now: Date }): Promise<void> {
  await db
    .update(boardSessions)
    .set({ endedAt: params.now })
    .where(and(eq(boardSessions.id, params.sessionId), isNull(boardSessions.endedAt)));
}

/** Signs a person out everywhere; returns how many live sessions there were. */
export async function endBoardSessionsOfPerson(
  db: Db,
  params: { personId: number; now: Date },
): Promise<number> {
  const ended = await db
    .update(boardSessions)
    .set({ endedAt: params.now })
    .where(
      and(
        eq(boardSessions.personId, params.personId),
        isNull(boardSessions.endedAt),
        gt(boardSessions.expiresAt, params.now),
      ),
    )
    .returning({ id: boardSessions.id });
  return ended.length;
}

/**
 * What the board shows changes when this changes: the newest report and incident update (amendments are new
 * report rows, a resolved incident a new update), the enterprises and who cannot be reached. Each part is an
 * index lookup, so open boards can ask every few seconds.
 */
export async function getBoardWatermark(db: Db): Promise<string> {
  const result = await db.execute(sql`
    select (select coalesce(max(id), 0) from reports)::bigint as reports,
           (select coalesce(max(id), 0) from incident_updates)::bigint as updates,
           (select count(*) from enterprises)::int as enterprises,
           (select count(*) from identities where unreachable_at is not null)::int as unreachable`);
  const r = rowsOf(result)[0] ?? {};
  return [r.reports, r.updates, r.enterprises, r.unreachable].map((v) => String(v ?? 0)).join('.');
}

/** The time of each enterprise's latest report, of any day (absent: it never reported). */
export async function getLatestReportTimes(db: Db, enterpriseIds: number[]): Promise<Map<number, Date>> {
  const times = new Map<number, Date>();
  if (enterpriseIds.length === 0) return times;
  const rows = await db
    .select({ enterpriseId: reports.enterpriseId, at: sql<string>`max(${reports.createdAt})` })
    .from(reports)
    .where(inArray(reports.enterpriseId, enterpriseIds))
    .groupBy(reports.enterpriseId);
  for (const r of rows) times.set(r.enterpriseId, new Date(r.at));
  return times;
}

export interface UnreachableOfficer {
  enterpriseId: number;
  enterpriseName: string;
  enterpriseCode: string;
  personName: string;
  channel: string;
  since: Date;
}

/** Officers' identities that cannot be messaged (Zalo's 7-day window, a blocked bot), by enterprise. */
export async function listUnreachableOfficers(db: Db, limit: number): Promise<UnreachableOfficer[]> {
  const rows = await db
    .select({
      enterpriseId: enterprises.id,
      enterpriseName: enterprises.name,
      enterpriseCode: enterprises.code,
      personName: people.displayName,
      channel: identities.channel,
      since: identities.unreachableAt,
    })
    .from(identities)
    .innerJoin(people, eq(people.id, identities.personId))
    .innerJoin(enterprises, eq(enterprises.id, people.enterpriseId))
    .where(and(sql`${identities.unreachableAt} is not null`, eq(people.role, 'officer')))
    .orderBy(enterprises.name, people.displayName)
    .limit(limit);
  return rows.map((r) => ({ ...r, since: r.since! }));
}

export interface Revision {
  id: number;
  revision: number;
  status: ReportStatus;
  incident: IncidentDetails | null;
  note: string | null;
  reporterName: string;
  channel: string;
  createdAt: Date;
}

/** Every revision of one enterprise's report for one day, first to last. */
export async function listDayRevisions(db: Db, enterpriseId: number, day: string): Promise<Revision[]> {
  return db
    .select({
      id: reports.id,
      revision: reports.revision,
      status: reports.status,
      incident: reports.incident,
      note: reports.note,
      reporterName: people.displayName,
      channel: reports.channel,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .innerJoin(people, eq(people.id, reports.reporterId))
    .where(and(eq(reports.enterpriseId, enterpriseId), eq(reports.reportDay, day)))
    .orderBy(reports.revision);
}
