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

  test('five reports and a /status at once: each its own effect and answer, in batches', async () => {
    // A chat's first turn goes alone, and tells the inbox it is an officer's.
    for (const name of ['An', 'Bảo', 'Chi', 'Dũng', 'Giang', 'Bình']) await who(name).say('/help');
    const before = chat.inboxStats();
    const [an, bao, chi, dung, giang, status] = await Promise.all([
      ...['An', 'Bảo', 'Chi', 'Dũng', 'Giang'].map((n) => who(n).say('Bình thường')),
      who('Bình').say('/status'),
    ]);
    for (const [name, replies] of Object.entries({ an, bao, chi, dung, giang })) {
      assert.equal(replies!.length, 1, `${name}: ${JSON.stringify(replies)}`);
      assert.equal(replies![0]!.lane, 'answer');
    }
    for (const replies of [bao, chi, giang]) assert.match(replies![0]!.text, /Bình thường/);
    // Two officers of one enterprise: never in one batch, so whichever goes second sees the first's report.
    const [first, second] = [an![0]!.text, dung![0]!.text].sort((a) => (/Bình thường/.test(a) ? -1 : 1));
    assert.match(first!, /Bình thường/);
    assert.match(second!, /đã được ghi nhận lúc 07:40/);
    assert.match(status![0]!.text, /Tình hình báo cáo/);
    const rows = await chat.db
      .select({ enterpriseId: reports.enterpriseId, revision: reports.revision })
      .from(reports)
      .orderBy(asc(reports.id));
    const viettel = rows.filter((r) => r.enterpriseId === chat.enterprises.VIETTEL!.id);
    assert.deepEqual(
      viettel.map((r) => r.revision),
      [1],
    );
    assert.equal(rows.length, 4);
    const pending = await chat.db.select().from(inboundEvents).where(eq(inboundEvents.status, 'pending'));
    assert.deepEqual(pending, []);
    const after = chat.inboxStats();
    assert.ok(after.batchedTurns - before.batchedTurns >= 4, JSON.stringify(after));
    assert.ok(
      after.batches - before.batches < after.batchedTurns - before.batchedTurns,
      'some turns shared one',
    );
  });

  test('a turn that fails inside a batch: the others keep their effect, it is retried alone', async () => {
    // The service's own conversation, with one chat's turn failing once (as a lost connection would make it).
    const { logger } = memoryLogger();
    const { conversation, qaSource } = await startConversation({
      db: chat.db,
      clock: chat.clock,
      logger,
      qaThreshold: 0.3,
      boardUrl: () => 'http://board.test',
    });
    const failing = who('Chi').chatId;
    let failures = 0;
    const inbox = createInbox({
      db: chat.db,
      clock: chat.clock,
      logger,
      conversation: {
        handle: conversation.handle,
        async handleTurn(db, msg, start) {
          if (msg.chatId === failing && msg.text === '/baocao ok' && failures++ === 0)
            throw new Error('connection lost mid-turn');
          return conversation.handleTurn!(db, msg, start);
        },
      },
    });
    const countBefore = (await chat.db.select().from(reports)).length;
    const message = (p: Participant, text: string): IncomingMessage => ({
      channel: p.channel,
      chatId: p.chatId,
      userId: p.userId,
      displayName: p.name,
      text,
    });
    const officers = ['An', 'Bảo', 'Chi', 'Giang'].map(who);
    // Each chat's first turn alone (the inbox learns they are officers'), then four reports at once.
    for (const [i, p] of officers.entries()) {
      await inbox.accept(`batch-help-${i}`, message(p, '/help'));
      await inbox.drain(p.channel, p.chatId);
    }
    const batchesBefore = inbox.stats.batches;
    await Promise.all(officers.map((p, i) => inbox.accept(`batch-fail-${i}`, message(p, '/baocao ok'))));
    await Promise.all(officers.map((p) => inbox.drain(p.channel, p.chatId)));
    await inbox.stop();
    qaSource.stop();
    assert.equal(failures, 2, 'failed once in the batch, then went alone and succeeded');
    assert.equal(inbox.stats.batches, batchesBefore, 'the failed batch kept nothing and counted nothing');
    assert.equal((await chat.db.select().from(reports)).length, countBefore + 4, 'one report each');
    const pending = await chat.db.select().from(inboundEvents).where(eq(inboundEvents.status, 'pending'));
    assert.deepEqual(pending, []);
  });
});
