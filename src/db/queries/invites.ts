import { createHash, randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { invites, type Role } from '../schema.ts';

export type Invite = typeof invites.$inferSelect;

// Crockford's base32 without I, L, O, U: 16 symbols × 5 bits = 80 bits of entropy, readable over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_CODE_LENGTH = 16;

export function generateCode(length = INVITE_CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What a person typed, made comparable: case, spaces, dashes and look-alike letters do not matter. */
export function normalizeCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function hashCode(code: string): string {
  return createHash('sha256').update(normalizeCode(code)).digest('hex');
}

export async function createInvite(
  db: Db,
  params: {
    role: Role;
    enterpriseId: number | null;
    expiresAt: Date;
    maxUses: number;
    kind?: 'invite' | 'link';
    personId?: number;
    codeLength?: number;
  },
): Promise<{ code: string; invite: Invite }> {
  const code = generateCode(params.codeLength);
  const [invite] = await db
    .insert(invites)
    .values({
      codeHash: hashCode(code),
      kind: params.kind ?? 'invite',
      role: params.role,
      enterpriseId: params.enterpriseId,
      personId: params.personId ?? null,
      expiresAt: params.expiresAt,
      maxUses: params.maxUses,
    })
    .returning();
  return { code, invite: invite! };
}

export type RedeemResult =
  | { ok: true; invite: Invite }
  | { ok: false; reason: 'unknown' | 'expired' | 'used_up' | 'wrong_kind' };

/** Takes one use of a code atomically: two people racing for the last use cannot both win. */
export async function redeemInvite(
  db: Db,
  params: { code: string; now: Date; kind: 'invite' | 'link' },
): Promise<RedeemResult> {
  const codeHash = hashCode(params.code);
  const [taken] = await db
    .update(invites)
    .set({ uses: sql`${invites.uses} + 1` })
    .where(
      sql`${invites.codeHash} = ${codeHash} and ${invites.kind} = ${params.kind}
        and ${invites.uses} < ${invites.maxUses} and ${invites.expiresAt} > ${params.now.toISOString()}`,
    )
    .returning();
  if (taken) return { ok: true, invite: taken };
  const [found] = await db.select().from(invites).where(eq(invites.codeHash, codeHash));
  if (!found) return { ok: false, reason: 'unknown' };
  if (found.kind !== params.kind) return { ok: false, reason: 'wrong_kind' };
  if (found.expiresAt <= params.now) return { ok: false, reason: 'expired' };
  return { ok: false, reason: 'used_up' };
}

export async function peekInvite(db: Db, code: string): Promise<Invite | null> {
  const [found] = await db
    .select()
    .from(invites)
    .where(eq(invites.codeHash, hashCode(code)));
  return found ?? null;
}

/** Rows per insert: 7 parameters a row stays far below PostgreSQL's 65,535 bind parameters. */
const INVITE_CHUNK_ROWS = 1000;

/**
 * One fresh code per item, inserted in statements of at most 1,000 rows; the codes come back in the items' order
 * and exist only in the returned value (stored as hashes). Call it inside a transaction for all or nothing.
 */
export async function createInvites(
  db: Db,
  items: { role: Role; enterpriseId: number | null; expiresAt: Date; maxUses: number }[],
): Promise<{ code: string; invite: Invite }[]> {
  const created: { code: string; invite: Invite }[] = [];
  for (let i = 0; i < items.length; i += INVITE_CHUNK_ROWS) {
    const chunk = items.slice(i, i + INVITE_CHUNK_ROWS).map((item) => ({ item, code: generateCode() }));
    const rows = await db
      .insert(invites)
      .values(
        chunk.map(({ item, code }) => ({
          codeHash: hashCode(code),
          kind: 'invite' as const,
          role: item.role,
          enterpriseId: item.enterpriseId,
          personId: null,
          expiresAt: item.expiresAt,
          maxUses: item.maxUses,
        })),
      )
      .returning();
    const byHash = new Map(rows.map((row) => [row.codeHash, row]));
    for (const { code } of chunk) created.push({ code, invite: byHash.get(hashCode(code))! });
  }
  return created;
}
