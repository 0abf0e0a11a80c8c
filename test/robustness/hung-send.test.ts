/**
 * A Bot API call that hangs past the claim lock (DELIVERY_LOCK_SECONDS): the real service, a broadcast to 64
 * officers, and every sendMessage of the wave held by the fake Bot API for three lock lengths before it fails.
 * Each officer must get the broadcast exactly once: the worker gives up on a hung call well inside its claim, and
 * the late answer of a call that outlived its claim cannot turn a row another worker sent back into a pending one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { createInvite } from '../../src/db/queries/invites.ts';
import { identities, LANE_BULK, outbox, people } from '../../src/db/schema.ts';
import { settle } from '../helpers/chat.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { textUpdate } from '../helpers/telegram-updates.ts';

const OFFICERS = 64;
const ADMIN = 7_000;
const LOCK_SECONDS = 1;
const HOLD_MS = 3 * LOCK_SECONDS * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a sendMessage that hangs past the claim lock', () => {
  let fake: FakeTelegram;
  let svc: TestService;
  const db = () => svc.service.database.db;
  const officerChats = Array.from({ length: OFFICERS }, (_, i) => 70_000 + i);

  before(async () => {
    fake = await startFakeTelegram();
    svc = await startTestService({
      env: { ...telegramEnv(fake), DELIVERY_LOCK_SECONDS: String(LOCK_SECONDS) },
    });
    const enterprises = await insertEnterprises(
      db(),
      officerChats.map((_, i) => ({ code: `HS${i}`, name: `Doanh nghiệp ${i}`, sector: 'telecom' as const })),
    );
    const persons = await db()
      .insert(people)
      .values(
        officerChats.map((_, i) => ({
          displayName: `Cán bộ ${i}`,
          role: 'officer' as const,
          enterpriseId: enterprises[i]!.id,
        })),
      )
      .returning({ id: people.id });
    await db()
      .insert(identities)
      .values(
        persons.map((p, i) => ({
          personId: p.id,
          channel: 'telegram' as const,
          externalId: String(officerChats[i]),
          chatId: String(officerChats[i]),
        })),
      );
    const { code } = await createInvite(db(), {
      role: 'admin',
      enterpriseId: null,
      expiresAt: new Date(Date.now() + 86_400_000),
      maxUses: 1,
    });
    fake.pushUpdate(textUpdate({ chatId: ADMIN, text: `/dangky ${code}` }));
    await fake.waitForSent((m) => m.chatId === ADMIN, 10_000);
    await settle(db());
  });

  after(async () => {
    await svc?.stop();
    await fake?.close();
  });

  test(`${OFFICERS} broadcast sends held for ${HOLD_MS} ms with a ${LOCK_SECONDS} s lock: each officer gets it once`, async () => {
    // The admin's answer and the 64 broadcast messages: every one of the wave's first calls hangs, then fails.
    fake.holdNext('sendMessage', OFFICERS + 1, { ms: HOLD_MS, answer: { status: 502 } });
    const adminBefore = fake.sentTo(ADMIN).length;
    const started = Date.now();
    fake.pushUpdate(
      textUpdate({ chatId: ADMIN, text: '/thongbao Họp giao ban trực Tết lúc 8 giờ sáng mai' }),
    );
    await fake.waitForSent(() => officerChats.every((c) => fake.sentTo(c).length > 0), 30_000);
    // Past the hold and the backoff of the retry a late failure would have scheduled, so any extra copy is in.
    await sleep(Math.max(0, started + HOLD_MS + 2_500 - Date.now()));
    await settle(db(), 15_000);
    await sleep(500);

    const copies = officerChats.map((c) => fake.sentTo(c).filter((m) => m.text.startsWith('📢')).length);
    const twice = copies.filter((n) => n > 1).length;
    const extra = copies.reduce((sum, n) => sum + n, 0) - OFFICERS;
    assert.equal(
      twice,
      0,
      `${twice} of ${OFFICERS} officers got the broadcast more than once (${extra} extra copies)`,
    );
    assert.deepEqual(new Set(copies), new Set([1]));
    assert.equal(fake.sentTo(ADMIN).length - adminBefore, 1, 'the admin got one answer');
    const rows = await db().select({ status: outbox.status }).from(outbox).where(eq(outbox.lane, LANE_BULK));
    assert.equal(rows.length, OFFICERS);
    assert.ok(
      rows.every((r) => r.status === 'sent'),
      'every broadcast row ends sent',
    );
  });
});
