/**
 * What one `/baocao ok` costs the database, counted at the PostgreSQL driver: every statement it sends and every
 * round trip (a write after the last answer; pipelined statements share one), from the webhook request to the
 * receipt marked sent and nothing more in flight. The inbox sweeper, the outbox poll and the directive refresh
 * are slowed to an hour so only the update's own work is counted; the delivery worker is woken by the commit, as
 * in production.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type postgres from 'postgres';
import { connectPostgres } from '../../src/db/client.ts';
import { activateCampaign, createCampaign } from '../../src/db/queries/campaigns.ts';
import { insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { attachIdentity, createPerson } from '../../src/db/queries/people.ts';
import { settle } from '../helpers/chat.ts';
import { type FakeTelegram, startFakeTelegram, telegramEnv } from '../helpers/fake-telegram.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { textUpdate } from '../helpers/telegram-updates.ts';

/** The budget per report, webhook to receipt marked sent. */
export const ROUND_TRIPS_PER_REPORT = 5;
/** The same when many officers report at once (group commit, waves, batched inbox inserts, claims and mark-sent):
 * 18–23 round trips for 30 reports on a quiet machine; the budget leaves room for a busy one. */
export const ROUND_TRIPS_PER_REPORT_TOGETHER = 2;
export const STATEMENTS_PER_REPORT = 10;

const SECRET = 'round-trip-secret-0123456789abcdef';
const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('round trips per report (PostgreSQL)', {
  skip: !process.env.DATABASE_URL && 'needs DATABASE_URL',
}, () => {
  let fake: FakeTelegram;
  let svc: TestService;
  let probe: postgres.Sql;
  let statements: string[] = [];
  let roundTrips = 0;
  /** Every round trip since the service started (never reset), to check what /healthz counts. */
  let allRoundTrips = 0;
  let lastActivity = 0;
  const chatIds = [9101, 9102, 9103];
  const url = () => `http://127.0.0.1:${svc.service.port}/telegram/webhook`;

  before(async () => {
    fake = await startFakeTelegram();
    svc = await startTestService({
      env: {
        ...telegramEnv(fake),
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        LOG_LEVEL: 'warn',
      },
      directiveRefreshMs: HOUR,
      service: {
        sweepMs: HOUR,
        deliveryPollMs: HOUR,
        databaseObserver: {
          statement(text) {
            statements.push(text.replace(/\s+/g, ' ').slice(0, 140));
            lastActivity = performance.now();
          },
          roundTrip() {
            roundTrips++;
            allRoundTrips++;
            lastActivity = performance.now();
          },
        },
      },
    });
    probe = connectPostgres(svc.database.url!, { max: 1 });
    const db = svc.service.database.db;
    const [enterprise] = await insertEnterprises(db, [
      { code: 'VT', name: 'Viettel Bắc Giang', sector: 'telecom' },
    ]);
    for (const chatId of chatIds) {
      const person = await createPerson(db, {
        displayName: `Cán bộ ${chatId}`,
        role: 'officer',
        enterpriseId: enterprise!.id,
      });
      await attachIdentity(db, {
        personId: person.id,
        channel: 'telegram',
        externalId: String(chatId),
        chatId: String(chatId),
        at: new Date(),
      });
    }
    const now = Date.now();
    const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
    const campaign = await createCampaign(db, {
      name: 'Tết (đo)',
      directive: 'Công văn số 01',
      firstDay: day(-3),
      lastDay: day(3),
      dailyDeadline: '16:00',
      finalDeadline: new Date(now + 4 * 86_400_000),
      finalDeadlineLabel: '16:00',
    });
    await activateCampaign(db, campaign.id);
  });

  after(async () => {
    await probe?.end();
    await svc?.stop();
    await fake?.close();
  });

  /** Sends one `/baocao ok` and waits for its receipt to be sent and marked sent, then for quiet. */
  async function report(chatId: number): Promise<{ statements: string[]; roundTrips: number }> {
    const sentBefore = fake.sentTo(chatId).length;
    statements = [];
    roundTrips = 0;
    const res = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(textUpdate({ chatId, text: '/baocao ok' })),
    });
    assert.equal(res.status, 200);
    await fake.waitForSent((m) => m.chatId === chatId && fake.sentTo(chatId).length > sentBefore, 10_000);
    assert.match(fake.sentTo(chatId).at(-1)!.text, /Đã ghi nhận báo cáo/);
    for (;;) {
      const [row] = await probe<{ n: number }[]>`
        select count(*)::int as n from outbox where status in ('pending', 'sending')`;
      if (row!.n === 0 && performance.now() - lastActivity > 150) break;
      await sleep(20);
    }
    return { statements, roundTrips };
  }

  test('one /baocao ok, webhook to receipt marked sent, stays within the budget', async () => {
    await settle(svc.service.database.db);
    await sleep(200); // start-up work (the default menu, the first directive refresh) is done
    // Warm-up: every pooled connection has prepared the hot path's statements.
    for (let i = 0; i < 12; i++) await report(chatIds[i % chatIds.length]!);
    const runs: { statements: string[]; roundTrips: number }[] = [];
    for (let i = 0; i < 9; i++) runs.push(await report(chatIds[i % chatIds.length]!));
    const worst = runs.reduce((a, b) => (b.roundTrips > a.roundTrips ? b : a));
    const most = Math.max(...runs.map((r) => r.statements.length));
    const summary = `round trips ${runs.map((r) => r.roundTrips).join(', ')}; statements ${runs
      .map((r) => r.statements.length)
      .join(', ')}\nworst:\n  ${worst.statements.join('\n  ')}`;
    // ROUND_TRIPS_VERBOSE=1: every statement of the costliest report too.
    console.log(`# ${process.env.ROUND_TRIPS_VERBOSE ? summary : summary.split('\n')[0]}`);
    assert.ok(worst.roundTrips <= ROUND_TRIPS_PER_REPORT, summary);
    assert.ok(most <= STATEMENTS_PER_REPORT, summary);
  });
  test('thirty officers of thirty enterprises reporting at once share round trips', async () => {
    const db = svc.service.database.db;
    const enterprises = await insertEnterprises(
      db,
      Array.from({ length: 60 }, (_, i) => ({
        code: `DN${i}`,
        name: `Doanh nghiệp ${i}`,
        sector: 'telecom' as const,
      })),
    );
    const chats = enterprises.map((_, i) => 9200 + i);
    for (const [i, enterprise] of enterprises.entries()) {
      const person = await createPerson(db, {
        displayName: `Cán bộ ${i}`,
        role: 'officer',
        enterpriseId: enterprise.id,
      });
      await attachIdentity(db, {
        personId: person.id,
        channel: 'telegram',
        externalId: String(chats[i]),
        chatId: String(chats[i]),
        at: new Date(),
      });
    }
    /** Thirty `/baocao ok` posted at once; resolves when every receipt is sent and marked sent. */
    async function together(group: number[]): Promise<{ roundTrips: number; statements: string[] }> {
      await sleep(200);
      const before = new Map(group.map((c) => [c, fake.sentTo(c).length]));
      statements = [];
      roundTrips = 0;
      await Promise.all(
        group.map(async (chatId) => {
          const res = await fetch(url(), {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
            body: JSON.stringify(textUpdate({ chatId, text: '/baocao ok' })),
          });
          assert.equal(res.status, 200);
        }),
      );
      await fake.waitForSent(() => group.every((c) => fake.sentTo(c).length > before.get(c)!), 10_000);
      for (;;) {
        const [row] = await probe<{ n: number }[]>`
          select count(*)::int as n from outbox where status in ('pending', 'sending')`;
        if (row!.n === 0 && performance.now() - lastActivity > 150) break;
        await sleep(20);
      }
      for (const c of group) assert.match(fake.sentTo(c).at(-1)!.text, /Đã ghi nhận báo cáo/);
      return { roundTrips, statements };
    }
    // Each chat's first turn goes alone (the inbox learns it is an officer's); then the first thirty prepare the
    // batch's statements on the pooled connections, and the next thirty are counted.
    for (const chatId of chats)
      await fetch(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(textUpdate({ chatId, text: '/help' })),
      });
    await fake.waitForSent(() => chats.every((c) => fake.sentTo(c).length > 0), 10_000);
    await together(chats.slice(0, 30));
    const counted = await together(chats.slice(30));
    const perReport = counted.roundTrips / 30;
    console.log(
      `# 30 reports at once: ${counted.roundTrips} round trips, ${counted.statements.length} statements`,
    );
    if (process.env.ROUND_TRIPS_VERBOSE) console.log(counted.statements.map((x) => `# ${x}`).join('\n'));
    assert.ok(
      perReport <= ROUND_TRIPS_PER_REPORT_TOGETHER,
      `${counted.roundTrips} round trips for 30 reports`,
    );
  });
  test('/healthz counts the turns, the shared transactions and the round trips since start', async () => {
    const before = allRoundTrips;
    const res = await fetch(`http://127.0.0.1:${svc.service.port}/healthz`);
    const { work } = (await res.json()) as {
      work: { turns: number; batches: number; batchedTurns: number; databaseRoundTrips: number };
    };
    // 21 reports alone, 60 first turns, 60 reports at once (some of them shared).
    assert.ok(work.turns >= 141, JSON.stringify(work));
    assert.ok(work.batches >= 1 && work.batchedTurns >= 2 * work.batches, JSON.stringify(work));
    assert.ok(work.batchedTurns <= work.turns, JSON.stringify(work));
    // The same count as the driver's observer: the request's own queries come between the two readings.
    assert.ok(
      work.databaseRoundTrips > before && work.databaseRoundTrips <= allRoundTrips,
      JSON.stringify(work),
    );
  });

  test('an incident alert to staff leaves at once although the worker polls hourly: the turn wakes it', async () => {
    const db = svc.service.database.db;
    const staffChat = 9301;
    const staff = await createPerson(db, { displayName: 'Cán bộ Sở', role: 'staff', enterpriseId: null });
    await attachIdentity(db, {
      personId: staff.id,
      channel: 'telegram',
      externalId: String(staffChat),
      chatId: String(staffChat),
      at: new Date(),
    });
    const officer = chatIds[0]!;
    const post = (text: string) =>
      fetch(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(textUpdate({ chatId: officer, text })),
      });
    const asked = fake.sentTo(officer).length;
    assert.equal((await post('mất sóng ở xã Tân Lập từ 2h sáng, khoảng 300 thuê bao')).status, 200);
    await fake.waitForSent(() => fake.sentTo(officer).length > asked, 5_000);
    assert.match(fake.sentTo(officer).at(-1)!.text, /Gửi báo cáo này cho Sở\?/);
    assert.equal((await post('1')).status, 200);
    // The answer is handed to the worker; the alert to staff was written by the feature, and only the turn's wake-up
    // (the poll is an hour here) can send it.
    const [alert] = await fake.waitForSent((m) => String(m.chatId) === String(staffChat), 5_000);
    assert.match(alert!.text, /báo cáo sự cố/);
  });
});
