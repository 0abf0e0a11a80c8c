import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_PERSONAS } from './channels/console/parse.ts';
import type { Db } from './db/client.ts';
import { countEnterprises, findEnterprise, insertEnterprises } from './db/queries/enterprises.ts';
import { createInvite } from './db/queries/invites.ts';
import { attachIdentity, createPerson, getMember } from './db/queries/people.ts';
import { parseEnterprisesCsv } from './features/enterprises-import.ts';

const exampleCsv = fileURLToPath(new URL('../data/enterprises.example.csv', import.meta.url));

/** Fills an empty database with the example enterprises and the console's demo officer and staff member. */
export async function seedDemo(db: Db, now: Date): Promise<{ seeded: boolean; inviteCode: string }> {
  return db.transaction(async (tx) => {
    let seeded = false;
    if ((await countEnterprises(tx)) === 0) {
      const { rows, problems } = parseEnterprisesCsv(readFileSync(exampleCsv, 'utf8'));
      if (problems.length)
        throw new Error(`example enterprises: ${problems.map((p) => p.message).join('; ')}`);
      await insertEnterprises(tx, rows);
      seeded = true;
    }
    const viettel = await findEnterprise(tx, 'VIETTEL');
    for (const [key, role] of [
      ['canbo', 'officer'],
      ['so', 'staff'],
    ] as const) {
      const persona = DEMO_PERSONAS[key]!;
      if (await getMember(tx, 'console', persona.chatId)) continue;
      const person = await createPerson(tx, {
        displayName: persona.displayName,
        role,
        enterpriseId: role === 'officer' ? (viettel?.id ?? null) : null,
      });
      await attachIdentity(tx, {
        personId: person.id,
        channel: 'console',
        externalId: persona.chatId,
        chatId: persona.chatId,
        at: now,
      });
    }
    const vnpt = await findEnterprise(tx, 'VNPT');
    const { code } = await createInvite(tx, {
      role: 'officer',
      enterpriseId: vnpt?.id ?? viettel?.id ?? null,
      expiresAt: new Date(now.getTime() + 24 * 3600_000),
      maxUses: 5,
    });
    return { seeded, inviteCode: code };
  });
}
