import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Channel } from '../../messages.ts';
import type { Db } from '../client.ts';
import { enterprises, identities, people, type Role } from '../schema.ts';

export type Person = typeof people.$inferSelect;
export type Identity = typeof identities.$inferSelect;
export type Enterprise = typeof enterprises.$inferSelect;

export interface Member {
  person: Person;
  identity: Identity;
  enterprise: Enterprise | null;
}

export async function getMember(db: Db, channel: Channel, externalId: string): Promise<Member | null> {
  const [row] = await db
    .select({ person: people, identity: identities, enterprise: enterprises })
    .from(identities)
    .innerJoin(people, eq(people.id, identities.personId))
    .leftJoin(enterprises, eq(enterprises.id, people.enterpriseId))
    .where(and(eq(identities.channel, channel), eq(identities.externalId, externalId)));
  return row ?? null;
}

export async function createPerson(
  db: Db,
  params: { displayName: string; role: Role; enterpriseId: number | null },
): Promise<Person> {
  const [row] = await db.insert(people).values(params).returning();
  return row!;
}

export async function updatePersonRole(
  db: Db,
  personId: number,
  params: { role: Role; enterpriseId: number | null },
): Promise<void> {
  await db.update(people).set(params).where(eq(people.id, personId));
}

export async function attachIdentity(
  db: Db,
  params: { personId: number; channel: Channel; externalId: string; chatId: string; at: Date },
): Promise<void> {
  await db
    .insert(identities)
    .values({ ...params, lastInboundAt: params.at })
    .onConflictDoUpdate({
      target: [identities.channel, identities.externalId],
      set: { personId: params.personId, chatId: params.chatId, unreachableAt: null, unreachableReason: null },
    });
}

/** A person's identities that can still be messaged (none marked unreachable), oldest first. */
export function listReachableIdentities(db: Db, personId: number): Promise<Identity[]> {
  return db
    .select()
    .from(identities)
    .where(and(eq(identities.personId, personId), isNull(identities.unreachableAt)))
    .orderBy(identities.id);
}

/** Any message from a person proves they can be reached again (Zalo's 7-day window reopens). */
export async function touchIdentity(db: Db, identityId: number, at: Date): Promise<void> {
  await touchIdentityStatement(db, identityId, at);
}

/** touchIdentity's statement, unexecuted (a turn's last write). */
export function touchIdentityStatement(db: Db, identityId: number, at: Date) {
  return db
    .update(identities)
    .set({ lastInboundAt: at, unreachableAt: null, unreachableReason: null })
    .where(eq(identities.id, identityId));
}

export async function markUnreachable(
  db: Db,
  params: { channel: Channel; chatId: string; reason: string; at: Date },
): Promise<void> {
  await db
    .update(identities)
    .set({ unreachableAt: params.at, unreachableReason: params.reason })
    .where(
      and(
        eq(identities.channel, params.channel),
        eq(identities.chatId, params.chatId),
        isNull(identities.unreachableAt),
      ),
    );
}

export interface Recipient {
  personId: number;
  displayName: string;
  role: Role;
  enterpriseId: number | null;
  channel: Channel;
  chatId: string;
  unreachable: boolean;
  remindersPausedOn: string | null;
}

/** Every channel identity of the people with one of these roles (optionally of these enterprises). */
export async function listRecipients(
  db: Db,
  params: { roles: Role[]; enterpriseIds?: number[] },
): Promise<Recipient[]> {
  const where = [inArray(people.role, params.roles)];
  if (params.enterpriseIds) {
    if (params.enterpriseIds.length === 0) return [];
    where.push(inArray(people.enterpriseId, params.enterpriseIds));
  }
  return db
    .select({
      personId: people.id,
      displayName: people.displayName,
      role: people.role,
      enterpriseId: people.enterpriseId,
      channel: identities.channel,
      chatId: identities.chatId,
      unreachable: sql<boolean>`${identities.unreachableAt} is not null`,
      remindersPausedOn: people.remindersPausedOn,
    })
    .from(people)
    .innerJoin(identities, eq(identities.personId, people.id))
    .where(and(...where))
    .orderBy(people.id, identities.id);
}

export async function pauseReminders(db: Db, personId: number, day: string): Promise<void> {
  await db.update(people).set({ remindersPausedOn: day }).where(eq(people.id, personId));
}
