import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { enterprises, type IncidentUpdateKind, incidents, incidentUpdates, type Sector } from '../schema.ts';

export type Incident = typeof incidents.$inferSelect;
export type IncidentUpdate = typeof incidentUpdates.$inferSelect;

export interface IncidentWithEnterprise extends Incident {
  enterpriseName: string;
  enterpriseCode: string;
  sector: Sector;
}

export interface NewIncident {
  enterpriseId: number;
  reportId: number;
  reportDay: string;
  kind: string;
  area: string | null;
  scaleCount: number | null;
  scaleUnit: string | null;
  scaleBucket: string | null;
  description: string | null;
  personId: number;
  at: Date;
  /** Already fixed when reported: opened and resolved at once. */
  resolved: boolean;
}

export async function createIncident(db: Db, params: NewIncident): Promise<Incident> {
  const [row] = await db
    .insert(incidents)
    .values({
      enterpriseId: params.enterpriseId,
      reportId: params.reportId,
      reportDay: params.reportDay,
      kind: params.kind,
      area: params.area,
      scaleCount: params.scaleCount,
      scaleUnit: params.scaleUnit,
      scaleBucket: params.scaleBucket,
      description: params.description,
      openedAt: params.at,
      openedBy: params.personId,
      resolvedAt: params.resolved ? params.at : null,
      resolvedBy: params.resolved ? params.personId : null,
    })
    .returning();
  const updates: IncidentUpdateKind[] = params.resolved ? ['opened', 'resolved'] : ['opened'];
  await db
    .insert(incidentUpdates)
    .values(updates.map((kind) => ({ incidentId: row!.id, kind, personId: params.personId, at: params.at })));
  return row!;
}

export async function getIncident(db: Db, id: number): Promise<Incident | null> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  return row ?? null;
}

export async function listOpenIncidents(db: Db, enterpriseId: number): Promise<Incident[]> {
  return db
    .select()
    .from(incidents)
    .where(and(eq(incidents.enterpriseId, enterpriseId), isNull(incidents.resolvedAt)))
    .orderBy(asc(incidents.openedAt));
}

/** Closes an open incident; null when it was already closed (a second tap, another officer first). */
export async function resolveIncident(
  db: Db,
  params: { id: number; personId: number; at: Date; text?: string | null },
): Promise<Incident | null> {
  const [row] = await db
    .update(incidents)
    .set({ resolvedAt: params.at, resolvedBy: params.personId })
    .where(and(eq(incidents.id, params.id), isNull(incidents.resolvedAt)))
    .returning();
  if (!row) return null;
  await addIncidentUpdate(db, { ...params, incidentId: row.id, kind: 'resolved' });
  return row;
}

export async function addIncidentUpdate(
  db: Db,
  params: {
    incidentId: number;
    kind: IncidentUpdateKind;
    personId: number | null;
    at: Date;
    text?: string | null;
  },
): Promise<void> {
  await db.insert(incidentUpdates).values({
    incidentId: params.incidentId,
    kind: params.kind,
    personId: params.personId,
    at: params.at,
    text: params.text ?? null,
  });
}

function selectWithEnterprise(db: Db) {
  return db
    .select({
      incident: incidents,
      enterpriseName: enterprises.name,
      enterpriseCode: enterprises.code,
      sector: enterprises.sector,
    })
    .from(incidents)
    .innerJoin(enterprises, eq(enterprises.id, incidents.enterpriseId));
}

type Joined = { incident: Incident; enterpriseName: string; enterpriseCode: string; sector: Sector };
const flatten = (r: Joined): IncidentWithEnterprise => ({
  ...r.incident,
  enterpriseName: r.enterpriseName,
  enterpriseCode: r.enterpriseCode,
  sector: r.sector,
});

/**
 * Incidents open at some moment of [from, to): opened before its end and not resolved before its start. With a
 * limit, the count of all of them comes with the rows (a window count), not from a second round trip.
 */
export async function listIncidentsDuring(
  db: Db,
  params: { from: Date; to: Date; limit?: number },
): Promise<{ rows: IncidentWithEnterprise[]; count: number }> {
  const where = sql`${incidents.openedAt} < ${params.to.toISOString()}
    and (${incidents.resolvedAt} is null or ${incidents.resolvedAt} >= ${params.from.toISOString()})`;
  // Open ones first: those are what staff must act on.
  const order = [sql`${incidents.resolvedAt} is not null`, asc(incidents.openedAt)] as const;
  if (!params.limit) {
    const rows = (
      await selectWithEnterprise(db)
        .where(where)
        .orderBy(...order)
    ).map(flatten);
    return { rows, count: rows.length };
  }
  const rows = await db
    .select({
      incident: incidents,
      enterpriseName: enterprises.name,
      enterpriseCode: enterprises.code,
      sector: enterprises.sector,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(incidents)
    .innerJoin(enterprises, eq(enterprises.id, incidents.enterpriseId))
    .where(where)
    .orderBy(...order)
    .limit(params.limit);
  return { rows: rows.map(flatten), count: rows[0]?.total ?? 0 };
}

export async function listIncidentsOfEnterprise(
  db: Db,
  enterpriseId: number,
  limit: number,
): Promise<IncidentWithEnterprise[]> {
  const rows = await selectWithEnterprise(db)
    .where(eq(incidents.enterpriseId, enterpriseId))
    .orderBy(desc(incidents.openedAt))
    .limit(limit);
  return rows.map(flatten);
}

export async function listIncidentUpdates(db: Db, ids: number[]): Promise<Map<number, IncidentUpdate[]>> {
  const byIncident = new Map<number, IncidentUpdate[]>();
  if (ids.length === 0) return byIncident;
  const rows = await db
    .select()
    .from(incidentUpdates)
    .where(inArray(incidentUpdates.incidentId, ids))
    .orderBy(asc(incidentUpdates.at), asc(incidentUpdates.id));
  for (const row of rows) byIncident.set(row.incidentId, [...(byIncident.get(row.incidentId) ?? []), row]);
  return byIncident;
}

/** Open incidents opened at or before the cutoff whose reporter has not been asked yet (the job claims each once). */
export async function listIncidentsDueForFollowUp(db: Db, cutoff: Date, limit: number): Promise<Incident[]> {
  return db
    .select()
    .from(incidents)
    .where(
      and(
        isNull(incidents.resolvedAt),
        sql`${incidents.openedAt} <= ${cutoff.toISOString()}`,
        sql`${incidents.openedAt} > ${cutoff.toISOString()}::timestamptz - interval '3 days'`,
      ),
    )
    .orderBy(asc(incidents.openedAt))
    .limit(limit);
}
