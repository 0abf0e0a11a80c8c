import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { inboundEvents, reports } from '../../src/db/schema.ts';
import { createInbox } from '../../src/inbox/processor.ts';
import type { IncomingMessage } from '../../src/messages.ts';
import { startConversation } from '../../src/service.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';
import { memoryLogger } from '../helpers/memory-logger.ts';
import { type Participant, type TestChat, testChat } from '../helpers/test-chat.ts';

const ENTERPRISES = [
  { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' as const },
  { code: 'VNPT', name: 'VNPT Bắc Giang', sector: 'telecom' as const },
  { code: 'MOBI', name: 'MobiFone Bắc Giang', sector: 'telecom' as const },
  { code: 'BUUDIEN', name: 'Bưu điện tỉnh Bắc Giang', sector: 'postal' as const },
];
const PEOPLE = [
  { name: 'An', role: 'officer' as const, enterprise: 'VIETTEL' },
  { name: 'Bảo', role: 'officer' as const, enterprise: 'VNPT' },
  { name: 'Chi', role: 'officer' as const, enterprise: 'MOBI' },
  { name: 'Dũng', role: 'officer' as const, enterprise: 'VIETTEL' },
  { name: 'Giang', role: 'officer' as const, enterprise: 'BUUDIEN' },
  { name: 'Bình', role: 'staff' as const },
];

/**
 * Officers' updates that arrive together share one transaction (group commit), and nothing about a turn changes:
 * each has its own effect and its own answer, two officers of one enterprise are still serialised, and a turn that
 * fails takes nobody else down with it.
 */
describe('group commit: turns of several chats in one transaction', () => {
  let database: OpenTestDatabase;
  let chat: TestChat;
  const who = (name: string): Participant => chat.as(name);

  before(async () => {
    database = await openTestDatabase();
    chat = await testChat(database, { enterprises: ENTERPRISES, people: PEOPLE, at: '2024-02-10T07:40' });
  });
  after(async () => {
    await chat.close();
    await database.dispose();
  });

  /** The service's own conversation behind an inbox of the test's own; `fail` may throw for a turn. */
  async function serviceInbox(fail: (msg: IncomingMessage) => boolean = () => false) {
    const { logger } = memoryLogger();
    const { conversation, qaSource } = await startConversation({
      db: chat.db,
      clock: chat.clock,
      logger,
      qaThreshold: 0.3,
      boardUrl: () => 'http://board.test',
    });
    const inbox = createInbox({
      db: chat.db,
      clock: chat.clock,
      logger,
      conversation: {
        handle: conversation.handle,
        async handleTurn(db, msg, start) {
          if (fail(msg)) throw new Error('connection lost mid-turn');
          return conversation.handleTurn!(db, msg, start);
        },
      },
    });
    const message = (p: Participant, text: string): IncomingMessage => ({
      channel: p.channel,
      chatId: p.chatId,
      userId: p.userId,
      displayName: p.name,
      text,
    });
    return {
      inbox,
      /** Updates that arrive together (one webhook batch): recorded in one statement, drained in one tick. */
      async together(people: Participant[], text: (p: Participant) => string) {
        const run = ++eventKeys;
        await Promise.all(people.map((p, i) => inbox.accept(`together-${run}-${i}`, message(p, text(p)))));
        await Promise.all(people.map((p) => inbox.drain(p.channel, p.chatId)));
      },
      /** One update after another: each chat's first turn goes alone and tells the inbox it is an officer's. */
      async oneByOne(people: Participant[], text: string) {
        const run = ++eventKeys;
        for (const [i, p] of people.entries()) {
          await inbox.accept(`alone-${run}-${i}`, message(p, text));
          await inbox.drain(p.channel, p.chatId);
        }
      },
      async stop() {
        await inbox.stop();
        qaSource.stop();
      },
    };
  }

  let eventKeys = 0;
  const lastText = async (p: Participant) => (await p.messages()).at(-1)!;

  test('five reports and a /status at once: each its own effect and answer, in batches', async () => {
    const officers = ['An', 'Bảo', 'Chi', 'Dũng', 'Giang'].map(who);
    const staff = who('Bình');
    const service = await serviceInbox();
    await service.oneByOne([...officers, staff], '/help');
    const before = { ...service.inbox.stats };
    await service.together([...officers, staff], (p) => (p === staff ? '/status' : 'Bình thường'));
    await service.stop();
    const [an, bao, chi, dung, giang] = await Promise.all(officers.map(lastText));
    for (const reply of [an, bao, chi, dung, giang]) assert.equal(reply!.lane, 'answer');
    for (const reply of [an, bao, chi, giang]) assert.match(reply!.text, /Tình hình: Bình thường/);
    // Two officers of one enterprise never share a batch: Dũng goes alone after An's batch, and sees An's report.
    assert.match(dung!.text, /đã được ghi nhận lúc 07:40/);
    assert.match((await lastText(staff)).text, /Tình hình báo cáo/);
    const rows = await chat.db
      .select({ enterpriseId: reports.enterpriseId, revision: reports.revision })
      .from(reports)
      .orderBy(asc(reports.id));
    assert.deepEqual(
      rows.filter((r) => r.enterpriseId === chat.enterprises.VIETTEL!.id).map((r) => r.revision),
      [1],
    );
    assert.equal(rows.length, 4);
    const pending = await chat.db.select().from(inboundEvents).where(eq(inboundEvents.status, 'pending'));
    assert.deepEqual(pending, []);
    const after = service.inbox.stats;
    assert.equal(
      after.batches - before.batches,
      1,
      'one transaction for the four officers of four enterprises',
    );
    assert.equal(after.batchedTurns - before.batchedTurns, 4);
  });

  test('a turn that fails inside a batch: the others keep their effect, it is retried alone', async () => {
    const failing = who('Chi').chatId;
    let failures = 0;
    const service = await serviceInbox(
      (msg) => msg.chatId === failing && msg.text === '/baocao ok' && failures++ === 0,
    );
    const officers = ['An', 'Bảo', 'Chi', 'Giang'].map(who);
    await service.oneByOne(officers, '/help');
    const countBefore = (await chat.db.select().from(reports)).length;
    const batchesBefore = service.inbox.stats.batches;
    chat.clock.set(new Date('2024-02-11T07:40:00+07:00'));
    await service.together(officers, () => '/baocao ok');
    await service.stop();
    assert.equal(failures, 2, 'failed once in the batch, then went alone and succeeded');
    assert.equal(
      service.inbox.stats.batches,
      batchesBefore,
      'the failed batch kept nothing and counted nothing',
    );
    assert.equal((await chat.db.select().from(reports)).length, countBefore + 4, 'one report each');
    const pending = await chat.db.select().from(inboundEvents).where(eq(inboundEvents.status, 'pending'));
    assert.deepEqual(pending, []);
  });
});
