/**
 * The turn contexts a batch of chats reads in one statement (src/db/queries/turn.ts loadTurnContexts) are the ones
 * each chat would read alone (loadTurnContext): in the chats' order, null for a chat with nothing pending, the
 * oldest event first with "more" when a second waits, and events another transaction holds skipped.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { recordInboundMany } from '../../src/db/queries/inbox.ts';
import { attachIdentity, createPerson } from '../../src/db/queries/people.ts';
import { loadTurnContext, loadTurnContexts } from '../../src/db/queries/turn.ts';
import { runRaw } from '../../src/db/raw.ts';
import { runTransaction } from '../../src/db/transaction.ts';
import type { Channel, IncomingMessage } from '../../src/messages.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';

let database: OpenTestDatabase;
const channel: Channel = 'telegram';
const message = (chatId: string, text: string): IncomingMessage => ({
  channel,
  chatId,
  userId: `u${chatId}`,
  displayName: `Người ${chatId}`,
  text,
});

before(async () => {
  database = await openTestDatabase({ maxConnections: 3 });
  const db = database.db;
  const [enterprise] = await runRaw(
    db,
    `insert into enterprises (code, name, sector) values ('VNPT', 'VNPT Tỉnh', 'telecom') returning id`,
    [],
  );
  const officer = await createPerson(db, {
    displayName: 'Trực ban VNPT',
    role: 'officer',
    enterpriseId: Number(enterprise!.id),
  });
  await attachIdentity(db, { personId: officer.id, channel, externalId: 'u1', chatId: '1', at: new Date() });
  const enterpriseId = Number(enterprise!.id);
  const [report] = await runRaw(
    db,
    `insert into reports (enterprise_id, report_day, revision, status, reporter_id, channel)
     values ($1::int, '2027-02-06', 1, 'incident', $2::int, 'telegram') returning id`,
    [enterpriseId, officer.id],
  );
  await runRaw(
    db,
    `insert into incidents (enterprise_id, report_id, report_day, kind, opened_at, opened_by)
     values ($1::int, $2::int, '2027-02-06', 'mat_dien', now(), $3::int)`,
    [enterpriseId, Number(report!.id), officer.id],
  );
  await recordInboundMany(db, [
    { channel, eventKey: 'k1', message: message('1', '/baocao ok') },
    { channel, eventKey: 'k2', message: message('1', 'cảm ơn') },
    { channel, eventKey: 'k3', message: message('2', 'han bc?') },
    { channel, eventKey: 'k4', message: message('3', 'xin chào') },
  ]);
});
after(async () => {
  await database?.dispose();
});

test('a batch reads, for each chat, the context that chat reads alone, in the chats order', async () => {
  const chats = [
    { channel, chatId: '2' },
    { channel, chatId: 'none' },
    { channel, chatId: '1' },
  ];
  const { batch, alone } = await runTransaction(database.db, async (tx) => {
    const batch = await loadTurnContexts(tx, chats);
    const alone = [];
    for (const c of chats) alone.push(await loadTurnContext(tx, c.channel, c.chatId));
    return { result: { batch, alone } };
  });
  assert.deepEqual(batch, alone);
  assert.equal(batch[1], null, 'a chat with nothing pending');
  const officer = batch[2]!;
  assert.equal((officer.event.message as IncomingMessage).text, '/baocao ok', 'the oldest event first');
  assert.equal(officer.more, true, 'a second event waits behind it');
  assert.equal(officer.member?.enterprise?.code, 'VNPT');
  assert.equal(officer.openIncidents.length, 1);
  assert.equal(officer.openIncidents[0]!.kind, 'mat_dien');
  const stranger = batch[0]!;
  assert.equal(stranger.more, false);
  assert.equal(stranger.member, null, 'someone not registered');
  assert.equal(stranger.conv.state, 'idle');
});

test("a chat whose event another transaction holds is skipped, the batch's other chats are read", {
  // PGlite is one connection: a second transaction waits for the first.
  skip: !process.env.DATABASE_URL && 'needs DATABASE_URL',
}, async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => {
    locked = r;
  });
  const holder = runTransaction(database.db, async (tx) => {
    await runRaw(tx, `select id from inbound_events where chat_id = '3' for update`, []);
    locked();
    await held;
    return { result: null };
  });
  await isLocked;
  try {
    const contexts = await runTransaction(database.db, async (tx) => ({
      result: await loadTurnContexts(tx, [
        { channel, chatId: '3' },
        { channel, chatId: '2' },
      ]),
    }));
    assert.equal(contexts[0], null);
    assert.equal((contexts[1]!.event.message as IncomingMessage).text, 'han bc?');
  } finally {
    release();
    await holder;
  }
});
