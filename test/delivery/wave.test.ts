import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../src/clock.ts';
import { activateCampaign, createCampaign } from '../../src/db/queries/campaigns.ts';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { rowsOf } from '../../src/db/raw.ts';
import { identities, people } from '../../src/db/schema.ts';
import { tet2024 } from '../../src/features/campaign-presets.ts';
import { settle } from '../helpers/chat.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';

const RECIPIENTS = 2000;

describe('a 2,000-recipient reminder wave at the default rates', () => {
  let fake: FakeTelegram;
  let svc: TestService;
  const db = () => svc.service.database.db;

  before(async () => {
    // The fake answers 429 (retry_after) to anything faster than 30/s overall or 1/s per chat with a burst of 3.
    fake = await startFakeTelegram({ globalRatePerSecond: 30, chatRatePerSecond: 3 });
    svc = await startTestService({
      env: {
        ...telegramEnv(fake),
        TELEGRAM_SEND_RATE: '30',
        TELEGRAM_CHAT_SEND_RATE: '1',
        TELEGRAM_CHAT_SEND_BURST: '3',
        REMINDER_OFFSETS: '120',
      },
      clock: fixedClock(new Date('2024-02-09T15:00:00+07:00')),
    });
    const campaign = await createCampaign(db(), tet2024());
    await activateCampaign(db(), campaign.id);
    const enterprises = await insertEnterprises(
      db(),
      Array.from({ length: 200 }, (_, i) => ({
        code: `DN${i}`,
        name: `Doanh nghiệp ${i}`,
        sector: 'telecom' as const,
      })),
    );
    const persons = await db()
      .insert(people)
      .values(
        Array.from({ length: RECIPIENTS }, (_, i) => ({
          displayName: `Cán bộ ${i}`,
          role: 'officer' as const,
          enterpriseId: enterprises[i % enterprises.length]!.id,
        })),
      )
      .returning({ id: people.id });
    await db()
      .insert(identities)
      .values(
        persons.map((p, i) => ({
          personId: p.id,
          channel: 'telegram' as const,
          externalId: String(100_000 + i),
          chatId: String(100_000 + i),
        })),
      );
  });

  after(async () => {
    await svc.stop();
    await fake.close();
  });

  test('every officer gets the reminder exactly once, with no 429 storm', async () => {
    const started = Date.now();
    const queued = await svc.service.scheduler.tick();
    assert.equal(queued, RECIPIENTS);
    await fake.waitForSent(RECIPIENTS, 150_000);
    await settle(db(), 30_000);
    const seconds = (Date.now() - started) / 1000;
    const reminders = fake.sent.filter((m) => m.text.startsWith('⏰'));
    assert.equal(reminders.length, RECIPIENTS);
    assert.equal(new Set(reminders.map((m) => m.chatId)).size, RECIPIENTS, 'each chat once');
    // A stray 429 from scheduling jitter under load is tolerated; a storm (hundreds) is not.
    assert.ok(fake.rateLimited <= 20, `429s: ${fake.rateLimited}`);
    assert.ok(seconds >= RECIPIENTS / 30 - 2, `kept to 30/s (took ${seconds.toFixed(1)} s)`);
    const result = await db().execute(sql`select count(*)::int as n from outbox where status <> 'sent'`);
    assert.equal(rowsOf<{ n: number }>(result)[0]!.n, 0);
  });
});
