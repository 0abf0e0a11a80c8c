/**
 * Zalo tokens at rest: with ZALO_TOKEN_KEY both tokens are stored as `v1:<iv>:<tag>:<ciphertext>` (AES-256-GCM), a
 * plain pair stored before the key is read and encrypted at its next write, and a wrong or missing key is an error
 * that names the key, never a garbage token sent to Zalo.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { inspect } from 'node:util';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { createZaloClient } from '../../src/channels/zalo/client.ts';
import { createDbZaloTokenStore, replaceZaloTokens } from '../../src/channels/zalo/token-store.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createSecretBox, parseSecretKey, SecretBoxError } from '../../src/crypto/secret-box.ts';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/raw.ts';
import { zaloTokens } from '../../src/db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo.ts';
import { startTestService } from '../helpers/service.ts';
import { randomSecret, zaloEnv } from '../zalo/zalo-user.ts';

const KEY_HEX = randomBytes(32).toString('hex');
const KEY_BASE64 = randomBytes(32).toString('base64');
const SEALED = /^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);

describe('Zalo tokens encrypted at rest (ZALO_TOKEN_KEY)', () => {
  let testDb: TestDatabase;
  let database: Database;
  const fakes: FakeZalo[] = [];
  const thrown: unknown[] = [];
  const db = () => database.db;

  const rawRows = async () => {
    const result = await db().execute(sql`select access_token, refresh_token from zalo_tokens`);
    return rowsOf<{ access_token: string; refresh_token: string }>(result);
  };
  const fakeZalo = async () => {
    const fake = await startFakeZalo();
    fakes.push(fake);
    return fake;
  };
  const clientOf = (fake: FakeZalo, key?: string) =>
    createZaloClient({
      ...fake,
      tokens: createDbZaloTokenStore(db(), undefined, { key }),
      logger: pino({ level: 'silent' }),
      timeoutMs: 2000,
    });
  const rejection = async (promise: Promise<unknown>): Promise<Error> => {
    try {
      await promise;
    } catch (err) {
      thrown.push(err);
      return err as Error;
    }
    return assert.fail('expected a rejection');
  };

  before(async () => {
    testDb = await createTestDatabase();
    database = await openDatabase({ url: testDb.url, dataDir: testDb.dataDir, maxConnections: 4 });
  });
  after(async () => {
    await Promise.all(fakes.map((f) => f.close()));
    await database?.close();
    await testDb?.drop();
  });
  beforeEach(async () => {
    await db().delete(zaloTokens);
  });

  test('after a refresh the raw row holds no token text, only v1 values; the pair still works', async () => {
    const fake = await fakeZalo();
    const seeded = createDbZaloTokenStore(db(), { ...fake.tokens, expiresAt: inHours(24) }, { key: KEY_HEX });
    assert.equal((await seeded.load())?.accessToken, fake.tokens.accessToken);
    const client = clientOf(fake, KEY_HEX);
    await client.refreshAccessToken();
    await client.sendMessage('u1', { text: 'Xin chào' });
    assert.equal(fake.refreshCalls, 1);
    assert.equal(fake.sent.length, 1, 'sent with the decrypted, refreshed token');

    const [row] = await rawRows();
    assert.match(row!.access_token, SEALED);
    assert.match(row!.refresh_token, SEALED);
    const dump = JSON.stringify(await rawRows());
    for (const token of fake.issued) assert.ok(!dump.includes(token), 'a token in clear in zalo_tokens');
    const loaded = await createDbZaloTokenStore(db(), undefined, { key: KEY_HEX }).load();
    assert.deepEqual(
      { accessToken: loaded?.accessToken, refreshToken: loaded?.refreshToken },
      fake.tokens,
      'read back as the current pair',
    );
  });

  test('the key may be hex or base64; every value has its own IV', () => {
    for (const key of [
      KEY_HEX,
      KEY_BASE64,
      KEY_BASE64.replace(/=$/, ''),
      Buffer.from(KEY_HEX, 'hex').toString('base64url'),
    ]) {
      assert.equal(parseSecretKey(key)?.length, 32, key.length.toString());
    }
    for (const bad of ['', 'abc', KEY_HEX.slice(2), `${KEY_HEX}00`, 'x'.repeat(44)])
      assert.equal(parseSecretKey(bad), null);
    const box = createSecretBox(KEY_BASE64, 'ZALO_TOKEN_KEY');
    const a = box.seal('same token', 'zalo_tokens.access_token');
    const b = box.seal('same token', 'zalo_tokens.access_token');
    assert.notEqual(a, b);
    assert.equal(box.open(a, 'zalo_tokens.access_token'), 'same token');
    assert.equal(box.open(b, 'zalo_tokens.access_token'), 'same token');
  });

  test('a plain pair stored before the key was set is read as it is, and encrypted at its next write', async () => {
    const fake = await fakeZalo();
    await db()
      .insert(zaloTokens)
      .values({ id: 1, ...fake.tokens, expiresAt: inHours(24) });
    const client = clientOf(fake, KEY_HEX);
    await client.sendMessage('u1', { text: 'trước khi làm mới' });
    assert.equal(fake.sent.length, 1, 'the legacy access token works');
    assert.equal((await rawRows())[0]!.access_token, fake.tokens.accessToken, 'reading does not rewrite');
    await client.refreshAccessToken();
    const [row] = await rawRows();
    assert.match(row!.access_token, SEALED);
    assert.match(row!.refresh_token, SEALED);
    const dump = JSON.stringify(await rawRows());
    for (const token of fake.issued) assert.ok(!dump.includes(token));

    // `admin zalo-tokens` stores a re-authorised pair encrypted too.
    await replaceZaloTokens(
      db(),
      { accessToken: 'at-from-admin', refreshToken: 'rt-from-admin' },
      { key: KEY_HEX },
    );
    const [replaced] = await rawRows();
    assert.match(replaced!.access_token, SEALED);
    assert.ok(!JSON.stringify(replaced).includes('from-admin'));
  });

  test('a wrong key is a clear error naming ZALO_TOKEN_KEY, not a garbage token sent to Zalo', async () => {
    const fake = await fakeZalo();
    await createDbZaloTokenStore(db(), { ...fake.tokens, expiresAt: inHours(24) }, { key: KEY_HEX }).load();
    const wrongKey = randomBytes(32).toString('hex');
    const load = await rejection(createDbZaloTokenStore(db(), undefined, { key: wrongKey }).load());
    assert.ok(load instanceof SecretBoxError);
    assert.match(load.message, /^ZALO_TOKEN_KEY cannot decrypt zalo_tokens\.access_token: it is not the key/);

    const send = await rejection(clientOf(fake, wrongKey).sendMessage('u1', { text: 'x' }));
    assert.match(send.message, /ZALO_TOKEN_KEY cannot decrypt/);
    const refresh = await rejection(clientOf(fake, wrongKey).refreshAccessToken());
    assert.match(refresh.message, /ZALO_TOKEN_KEY cannot decrypt/);
    assert.equal(fake.sent.length, 0, 'nothing reached Zalo');
    assert.equal(fake.refreshCalls, 0, 'no refresh with a garbage refresh token');

    const noKey = await rejection(createDbZaloTokenStore(db()).load());
    assert.equal(noKey.message, 'zalo_tokens.access_token is encrypted, but ZALO_TOKEN_KEY is not set');
    assert.match(
      (
        await rejection(
          Promise.resolve().then(() => createDbZaloTokenStore(db(), undefined, { key: 'short' })),
        )
      ).message,
      /^ZALO_TOKEN_KEY must be 32 bytes/,
    );
  });

  test('a value moved to the other column, or altered, does not decrypt', async () => {
    const fake = await fakeZalo();
    await createDbZaloTokenStore(db(), { ...fake.tokens, expiresAt: inHours(24) }, { key: KEY_HEX }).load();
    await db().execute(sql`update zalo_tokens set access_token = refresh_token`);
    assert.match(
      (await rejection(clientOf(fake, KEY_HEX).sendMessage('u1', { text: 'x' }))).message,
      /cannot decrypt/,
    );

    await db().delete(zaloTokens);
    await createDbZaloTokenStore(db(), { ...fake.tokens, expiresAt: inHours(24) }, { key: KEY_HEX }).load();
    const [row] = await rawRows();
    // The first character of the ciphertext: all six of its bits are data (the last one may hold padding bits).
    const flipped = row!.access_token.replace(
      /^(v1:[^:]+:[^:]+:)(.)/,
      (_m, head: string, c: string) => head + (c === 'A' ? 'Q' : 'A'),
    );
    assert.notEqual(flipped, row!.access_token);
    await db().execute(sql`update zalo_tokens set access_token = ${flipped}`);
    assert.match(
      (await rejection(createDbZaloTokenStore(db(), undefined, { key: KEY_HEX }).load())).message,
      /cannot decrypt zalo_tokens\.access_token/,
    );
    assert.equal(fake.sent.length, 0);
  });

  test('no error names a token or the key', () => {
    assert.ok(thrown.length >= 6);
    const secrets = [...fakes.flatMap((f) => f.issued), KEY_HEX, KEY_BASE64];
    for (const err of thrown) {
      const text = `${inspect(err, { depth: 5 })} ${JSON.stringify(err)} ${(err as Error).stack}`;
      for (const secret of secrets) assert.ok(!text.includes(secret), `leaked in: ${text.slice(0, 200)}`);
    }
  });

  test('ZALO_TOKEN_KEY in the configuration: hex or base64 of 32 bytes, anything else is named without its value', async () => {
    const fake = await fakeZalo();
    const env = zaloEnv(fake, randomSecret('oa'));
    assert.equal(loadConfig({ ...env, ZALO_TOKEN_KEY: KEY_HEX }).zalo?.tokenKey, KEY_HEX);
    assert.equal(loadConfig({ ...env, ZALO_TOKEN_KEY: ` ${KEY_BASE64} ` }).zalo?.tokenKey, KEY_BASE64);
    assert.equal(loadConfig({ ...env, ZALO_TOKEN_KEY: '' }).zalo?.tokenKey, undefined);
    const bad = 'not-a-32-byte-key-at-all';
    assert.throws(
      () => loadConfig({ ...env, ZALO_TOKEN_KEY: bad }),
      (err: unknown) =>
        err instanceof ConfigError &&
        err.problems.some((p) => p.startsWith('ZALO_TOKEN_KEY:')) &&
        !err.message.includes(bad),
    );
  });

  test('the service warns once at start without a key, and stores the seeded pair encrypted with one', async () => {
    const warning = /ZALO_TOKEN_KEY is not set/;
    for (const key of [undefined, KEY_BASE64]) {
      const fake = await fakeZalo();
      const svc = await startTestService({
        env: { ...zaloEnv(fake, randomSecret('oa')), ...(key ? { ZALO_TOKEN_KEY: key } : {}) },
      });
      try {
        await svc.service.zalo!.client.refreshAccessToken();
        assert.ok(fake.refreshCalls >= 1);
        assert.equal(svc.logs.filter((l) => warning.test(l)).length, key ? 0 : 1);
        const result = await svc.service.database.db.execute(sql`select access_token from zalo_tokens`);
        const rows = rowsOf<{ access_token: string }>(result);
        if (key) assert.match(rows[0]!.access_token, SEALED);
        else assert.equal(rows[0]!.access_token, fake.tokens.accessToken);
        for (const line of svc.logs) for (const token of fake.issued) assert.ok(!line.includes(token));
      } finally {
        await svc.stop();
      }
    }
  });
});
