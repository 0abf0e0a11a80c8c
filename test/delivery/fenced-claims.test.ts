/**
 * Outbox updates are fenced by the claim: a worker whose claim lapsed and was taken over (or finished) by another
 * changes nothing with its late markRetry / markFailed / markSent / markPartsSent / releaseClaim.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  claimDueMessages,
  enqueueMessages,
  markFailed,
  markPartsSent,
  markRetry,
  markSent,
  type OutboxRow,
  releaseClaim,
  releaseStaleClaims,
} from '../../src/db/queries/outbox.ts';
import { outbox } from '../../src/db/schema.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';

const LOCK_MS = 1000;

describe('fenced outbox updates (real database)', () => {
  let database: OpenTestDatabase | undefined;
  const db = () => database!.db;
  let t = Date.parse('2024-02-09T01:00:00Z');

  before(async () => {
    database = await openTestDatabase();
  });
  after(async () => {
    await database?.dispose();
  });

  async function claimOne(chatId: string): Promise<OutboxRow> {
    t += 10;
    const rows = await claimDueMessages(db(), {
      limit: 10,
      now: new Date(t),
      lockMs: LOCK_MS,
      channels: ['console'],
    });
    const row = rows.find((r) => r.chatId === chatId);
    assert.ok(row, `claimed a row of ${chatId}`);
    return row;
  }

  /** Worker A claims; its claim lapses and is released; worker B claims the same row. */
  async function takenOver(chatId: string): Promise<{ a: OutboxRow; b: OutboxRow }> {
    await enqueueMessages(db(), [
      { channel: 'console', chatId, text: 'thông báo', notBefore: new Date(t - 60_000) },
    ]);
    const a = await claimOne(chatId);
    t += LOCK_MS + 1;
    assert.equal(await releaseStaleClaims(db(), new Date(t)), 1);
    const b = await claimOne(chatId);
    assert.equal(b.id, a.id);
    return { a, b };
  }

  const stored = async (id: number) => (await db().select().from(outbox).where(eq(outbox.id, id)))[0]!;

  test('a stale markRetry after another worker marked the row sent does not flip it back to pending', async () => {
    const { a, b } = await takenOver('chat-retry');
    assert.equal(await markSent(db(), b, new Date(t)), true);
    assert.equal(await markRetry(db(), a, { at: new Date(t), error: '502: Bad Gateway' }), false);
    const row = await stored(a.id);
    assert.equal(row.status, 'sent');
    assert.equal(row.lastError, null);
    // Nothing is due: no third copy goes out.
    t += 60_000;
    assert.deepEqual(
      (
        await claimDueMessages(db(), { limit: 10, now: new Date(t), lockMs: LOCK_MS, channels: ['console'] })
      ).map((r) => r.chatId),
      [],
    );
  });

  test('while the new owner is still sending, the stale worker cannot retry, fail, finish or release the row', async () => {
    const { a, b } = await takenOver('chat-sending');
    assert.equal(await markRetry(db(), a, { at: new Date(t), error: 'network: AbortError' }), false);
    assert.equal(await markFailed(db(), a, 'permanent: 400'), false);
    assert.equal(await markPartsSent(db(), a, 2), false);
    assert.equal(await markSent(db(), a, new Date(t)), false);
    assert.equal(await releaseClaim(db(), a), false);
    let row = await stored(a.id);
    assert.equal(row.status, 'sending');
    assert.equal(row.attempts, b.attempts);
    assert.equal(row.partsSent, 0);
    assert.equal(row.lockedUntil?.getTime(), b.lockedUntil?.getTime());
    // The owner's own updates apply.
    assert.equal(await markPartsSent(db(), b, 1), true);
    assert.equal(await markRetry(db(), b, { at: new Date(t + 5000), error: '502: Bad Gateway' }), true);
    row = await stored(a.id);
    assert.equal(row.status, 'pending');
    assert.equal(row.partsSent, 1);
    // Once the owner gave the row back, a late update from either claim changes nothing.
    assert.equal(await markSent(db(), b, new Date(t)), false);
    assert.equal(await markSent(db(), a, new Date(t)), false);
    assert.equal((await stored(a.id)).status, 'pending');
  });

  test('a released claim that is taken again cannot be finished by the worker that released it', async () => {
    await enqueueMessages(db(), [
      { channel: 'console', chatId: 'chat-release', text: 'x', notBefore: new Date(t - 60_000) },
    ]);
    const a = await claimOne('chat-release');
    assert.equal(await releaseClaim(db(), a), true);
    const b = await claimOne('chat-release');
    assert.equal(b.attempts, a.attempts, 'releaseClaim gave the attempt back');
    assert.notEqual(b.lockedUntil?.getTime(), a.lockedUntil?.getTime());
    assert.equal(await markFailed(db(), a, 'permanent: 400'), false);
    assert.equal((await stored(a.id)).status, 'sending');
    assert.equal(await markSent(db(), b, new Date(t)), true);
  });

  test('the owner of a claim that lapsed but was not yet taken over still records its result', async () => {
    await enqueueMessages(db(), [
      { channel: 'console', chatId: 'chat-late', text: 'x', notBefore: new Date(t - 60_000) },
    ]);
    const a = await claimOne('chat-late');
    t += LOCK_MS + 1; // lapsed, nobody released or claimed it
    assert.equal(await markSent(db(), a, new Date(t)), true);
    assert.equal((await stored(a.id)).status, 'sent');
  });
});
