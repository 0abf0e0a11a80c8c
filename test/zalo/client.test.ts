import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { inspect } from 'node:util';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { createZaloClient, type ZaloClient } from '../../src/channels/zalo/client.ts';
import { ZaloApiError, ZaloHttpError } from '../../src/channels/zalo/errors.ts';
import {
  createDbZaloTokenStore,
  type InitialZaloTokens,
  type ZaloTokenPair,
  type ZaloTokenStore,
} from '../../src/channels/zalo/token-store.ts';
import type { Database } from '../../src/db/client.ts';
import { zaloTokens } from '../../src/db/schema.ts';
import { openTestDatabase as openFreshDatabase } from '../helpers/db.ts';
import { type FakeZalo, type FakeZaloOptions, startFakeZalo } from '../helpers/fake-zalo.ts';

/** PostgreSQL in a throwaway database when DATABASE_URL is set, otherwise PGlite in memory. */
async function openTestDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const database = await openFreshDatabase();
  return { database, drop: () => database.dispose() };
}

let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
const fakes: FakeZalo[] = [];
const logLines: string[] = [];
const thrown: unknown[] = [];
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);

before(async () => {
  testDb = await openTestDatabase();
});
after(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  await testDb.drop();
});
beforeEach(async () => {
  await testDb.database.db.delete(zaloTokens);
});

async function setup(opts: { fake?: FakeZaloOptions; initial?: Partial<InitialZaloTokens> } = {}) {
  const fake = await startFakeZalo(opts.fake);
  fakes.push(fake);
  const store = createDbZaloTokenStore(testDb.database.db, {
    ...fake.tokens,
    expiresAt: inHours(24),
    ...opts.initial,
  });
  return { fake, store, client: clientFor(fake, store) };
}

function clientFor(fake: FakeZalo, tokens: ZaloTokenStore, apiRoot = fake.apiRoot): ZaloClient {
  const logger = pino({ level: 'trace' }, { write: (line: string) => logLines.push(line) });
  return createZaloClient({ ...fake, apiRoot, tokens, logger, timeoutMs: 2000 });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    thrown.push(err);
    return err;
  }
  assert.fail('expected a rejection');
}

async function storedPair() {
  const [row] = await testDb.database.db.select().from(zaloTokens).where(eq(zaloTokens.id, 1));
  return row;
}

test('sends a message with the stored token', async () => {
  const { fake, client } = await setup();
  const { messageId } = await client.sendMessage('u1', { text: 'Xin chào' });
  assert.match(messageId, /^[0-9a-f]{20}$/);
  assert.deepEqual(await fake.waitForSent(1), [{ userId: 'u1', message: { text: 'Xin chào' } }]);
  assert.equal(fake.refreshCalls, 0);
});

test('reads a profile', async () => {
  const { fake, client } = await setup();
  fake.profiles.set('u1', 'Nguyễn Văn An');
  assert.deepEqual(await client.getProfile('u1'), { displayName: 'Nguyễn Văn An' });
});

for (const code of [-216, -220] as const) {
  test(`${code} refreshes the token and resends once`, async () => {
    const { fake, client } = await setup();
    fake.failNext(1, { error: code });
    await client.sendMessage('u1', { text: 'Báo cáo' });
    assert.equal(fake.refreshCalls, 1);
    assert.equal(fake.sent.length, 1);
    assert.equal((await storedPair())?.accessToken, fake.tokens.accessToken);
  });
}

test('an expired access token (-220 from the server state) is refreshed', async () => {
  const { fake, client } = await setup();
  fake.expireAccessToken();
  await client.sendMessage('u1', { text: 'Báo cáo' });
  assert.equal(fake.refreshCalls, 1);
  assert.equal(fake.sent.length, 1);
});

test('a token error after the refresh is thrown, not retried again', async () => {
  const { fake, client } = await setup();
  fake.failNext(2, { error: -216 });
  const err = await rejection(client.sendMessage('u1', { text: 'x' }));
  assert.ok(err instanceof ZaloApiError);
  assert.equal(err.code, -216);
  assert.equal(fake.refreshCalls, 1);
  assert.equal(fake.sent.length, 0);
});

test('refreshes ahead of time when the token expires within 10 minutes', async () => {
  const { fake, client } = await setup({ initial: { expiresAt: new Date(Date.now() + 5 * 60_000) } });
  await client.getProfile('u1');
  assert.equal(fake.refreshCalls, 1);
  const stored = await storedPair();
  assert.ok(stored && stored.expiresAt.getTime() > inHours(24).getTime());
});

test('a pair from the config with no known expiry is refreshed before first use, and seeded once', async () => {
  const { fake } = await setup();
  const store = createDbZaloTokenStore(testDb.database.db, fake.tokens);
  await clientFor(fake, store).sendMessage('u1', { text: 'x' });
  assert.equal(fake.refreshCalls, 1);
  const reseeded = createDbZaloTokenStore(testDb.database.db, {
    accessToken: 'other',
    refreshToken: 'other',
  });
  assert.equal((await reseeded.load())?.accessToken, fake.tokens.accessToken);
});

test('rotation is persisted and the old refresh token no longer works', async () => {
  const { fake, client } = await setup();
  const old: ZaloTokenPair = { ...fake.tokens, expiresAt: inHours(24) };
  await client.refreshAccessToken();
  const stored = await storedPair();
  assert.equal(stored?.accessToken, fake.tokens.accessToken);
  assert.equal(stored?.refreshToken, fake.tokens.refreshToken);
  assert.notEqual(stored?.refreshToken, old.refreshToken);

  const replay: ZaloTokenStore = { load: async () => old, rotate: (refresh) => refresh(old) };
  const err = await rejection(clientFor(fake, replay).refreshAccessToken());
  assert.ok(err instanceof ZaloApiError);
  assert.equal(err.code, -14014);
  assert.equal(err.endpoint, '/v4/oa/access_token');
});

test('two replicas refreshing at once rotate only once', async () => {
  const { fake, client } = await setup({ fake: { refreshDelayMs: 100 } });
  const replica = clientFor(fake, createDbZaloTokenStore(testDb.database.db));
  await Promise.all([client.getProfile('u1'), replica.getProfile('u1')]);
  await Promise.all([client.refreshAccessToken(), replica.refreshAccessToken()]);
  assert.equal(fake.refreshCalls, 1);
  await Promise.all([client.sendMessage('u1', { text: 'a' }), replica.sendMessage('u2', { text: 'b' })]);
  assert.equal(fake.refreshCalls, 1);
  assert.equal(fake.sent.length, 2);
});

test('concurrent sends hitting an expired token share one refresh', async () => {
  const { fake, client } = await setup({ fake: { refreshDelayMs: 20 } });
  fake.expireAccessToken();
  await Promise.all(['a', 'b', 'c', 'd'].map((text) => client.sendMessage('u1', { text })));
  assert.equal(fake.refreshCalls, 1);
  assert.equal(fake.sent.length, 4);
});

for (const code of [-230, -232, -213, -32] as const) {
  test(`${code} is a ZaloApiError with that code and no refresh`, async () => {
    const { fake, client } = await setup();
    fake.failNext(1, { error: code });
    const err = await rejection(client.sendMessage('u1', { text: 'x' }));
    assert.ok(err instanceof ZaloApiError);
    assert.equal(err.code, code);
    assert.equal(err.endpoint, '/v3.0/oa/message/cs');
    assert.equal(fake.refreshCalls, 0);
  });
}

test('HTTP 500 is a ZaloHttpError with its status', async () => {
  const { fake, client } = await setup();
  fake.failNext(1, { httpStatus: 500 });
  const err = await rejection(client.sendMessage('u1', { text: 'x' }));
  assert.ok(err instanceof ZaloHttpError);
  assert.equal(err.status, 500);
  assert.equal(fake.sent.length, 0);
});

test('a network failure is a ZaloHttpError without status', async () => {
  const { fake, store } = await setup();
  const closed = await startFakeZalo();
  await closed.close();
  const err = await rejection(clientFor(fake, store, closed.apiRoot).sendMessage('u1', { text: 'x' }));
  assert.ok(err instanceof ZaloHttpError);
  assert.equal(err.status, undefined);
  assert.match(err.message, /ECONNREFUSED/);
});

test('a wrong app secret is a ZaloApiError on the refresh endpoint', async () => {
  const { fake, store } = await setup();
  const client = createZaloClient({ ...fake, appSecret: 'wrong-secret', tokens: store });
  const err = await rejection(client.refreshAccessToken());
  assert.ok(err instanceof ZaloApiError && err.endpoint === '/v4/oa/access_token');
  assert.equal((await storedPair())?.refreshToken, fake.tokens.refreshToken);
});

test('the store returns a pair refreshed elsewhere without calling refresh', async () => {
  const { fake, store } = await setup();
  let calls = 0;
  const pair = await store.rotate(async () => {
    calls += 1;
    throw new Error('must not be called');
  }, 'an-older-access-token');
  assert.equal(calls, 0);
  assert.equal(pair.accessToken, fake.tokens.accessToken);
});

test('the store without a row or seed loads null and refuses to rotate', async () => {
  const store = createDbZaloTokenStore(testDb.database.db);
  assert.equal(await store.load(), null);
  await assert.rejects(
    store.rotate(async (p) => p),
    /No Zalo token pair/,
  );
});

test('no token or secret appears in any thrown error or log line', () => {
  assert.ok(thrown.length >= 8);
  assert.ok(logLines.length > 0);
  const secrets = fakes.flatMap((f) => [...f.issued, f.appSecret]);
  const texts = [
    ...thrown.map((err) => `${inspect(err, { depth: 5 })} ${JSON.stringify(err)} ${(err as Error).stack}`),
    ...logLines,
  ];
  for (const text of texts) {
    for (const secret of secrets) assert.ok(!text.includes(secret), `leaked in: ${text.slice(0, 200)}`);
  }
});
