/**
 * The small province the abuse and flood tests hold out in: three enterprises, two officers and a staff member
 * registered as people do (a stranger typing /dangky with an invite), plus strangers named by each test file.
 */
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { createInvite } from '../../src/db/queries/invites.ts';
import { incidents } from '../../src/db/schema.ts';
import { type OpenTestDatabase, openTestDatabase } from './db.ts';
import { type Participant, type TestChat, testChat } from './test-chat.ts';

export interface AbuseWorld<W extends string> {
  database: OpenTestDatabase;
  /** Its business clock starts on a fixed Tuesday of Tết week (12/02/2024, 09:00) and is moved by the tests. */
  chat: TestChat;
  /** Enterprise ids by code: VTBG, VNPBG, GHNBG. */
  ids: Record<string, number>;
  people: Record<'officer' | 'vnptOfficer' | 'staff' | W, Participant>;
  invite(role: 'officer' | 'staff', enterprise?: string): Promise<string>;
  incidentCount(enterprise: string): Promise<number>;
  close(): Promise<void>;
}

export async function openAbuseWorld<W extends string>(strangers: readonly W[]): Promise<AbuseWorld<W>> {
  const database = await openTestDatabase();
  const chat = await testChat(database, {
    at: new Date('2024-02-12T02:00:00Z'),
    enterprises: [
      { code: 'VTBG', name: 'Viettel Bắc Giang', sector: 'telecom' },
      { code: 'VNPBG', name: 'VNPT Bắc Giang', sector: 'telecom' },
      { code: 'GHNBG', name: 'Giao Hàng Nhanh Bắc Giang', sector: 'postal' },
    ],
    people: [],
  });
  const ids = Object.fromEntries(Object.values(chat.enterprises).map((e) => [e.code, e.id]));
  const people = Object.fromEntries(
    (['officer', 'vnptOfficer', 'staff', ...strangers] as const).map((who) => [
      who,
      chat.stranger(`Người ${who}`),
    ]),
  ) as AbuseWorld<W>['people'];
  const invite = async (role: 'officer' | 'staff', enterprise?: string) =>
    (
      await createInvite(chat.db, {
        role,
        enterpriseId: enterprise ? ids[enterprise]! : null,
        expiresAt: new Date(chat.clock.now().getTime() + 7 * 86400_000),
        maxUses: 1,
      })
    ).code;
  assert.match(await people.officer.sayText(`/dangky ${await invite('officer', 'VTBG')}`), /Viettel/);
  assert.match(await people.vnptOfficer.sayText(`/dangky ${await invite('officer', 'VNPBG')}`), /VNPT/);
  assert.match(await people.staff.sayText(`/dangky ${await invite('staff')}`), /cán bộ của Sở/);
  return {
    database,
    chat,
    ids,
    people,
    invite,
    incidentCount: async (enterprise) =>
      (
        await chat.db
          .select({ n: count() })
          .from(incidents)
          .where(eq(incidents.enterpriseId, ids[enterprise]!))
      )[0]!.n,
    async close() {
      await chat.close();
      await database.dispose();
    },
  };
}
