import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  createZaloChannel,
  ZALO_WEBHOOK_PATH,
  type ZaloChannelDeps,
} from '../../src/channels/zalo/channel.ts';
import type { ZaloConfig } from '../../src/config.ts';
import { zaloTokens } from '../../src/db/schema.ts';
import type { Inbox } from '../../src/inbox/processor.ts';
import { createLogger } from '../../src/logger.ts';
import type { IncomingMessage } from '../../src/messages.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';
import {
  type FakeZalo,
  signedZaloRequest,
  startFakeZalo,
  zaloFollowEvent,
  zaloTextEvent,
} from '../helpers/fake-zalo.ts';
import { randomSecret } from './zalo-user.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Zalo channel on its own: fast answers, storage failures, token refresh timer', () => {
  const oaSecretKey = randomSecret('oa-secret');
  const fakes: FakeZalo[] = [];
  const logs: string[] = [];
  let database: OpenTestDatabase;

  before(async () => {
    database = await openTestDatabase({ maxConnections: 4 });
  });
  after(async () => {
    await Promise.all(fakes.map((f) => f.close()));
    await database.dispose();
  });
  beforeEach(async () => {
    await database.db.delete(zaloTokens);
  });

  async function setup(options: {
    fake?: Parameters<typeof startFakeZalo>[0];
    inbox?: Partial<Inbox>;
    channel?: Partial<ZaloChannelDeps>;
  }) {
    const fake = await startFakeZalo(options.fake);
    fakes.push(fake);
    const accepted: IncomingMessage[] = [];
    const inbox = {
      accept: async (_key: string, message: IncomingMessage) => {
        accepted.push(message);
        return true;
      },
      ...options.inbox,
    } as Inbox;
    const config: ZaloConfig = {
      appId: fake.appId,
      appSecret: fake.appSecret,
      oaSecretKey,
      accessToken: fake.tokens.accessToken,
      refreshToken: fake.tokens.refreshToken,
      apiRoot: fake.apiRoot,
      oauthRoot: fake.oauthRoot,
    };
    const logger = createLogger({
      level: 'debug',
      destination: new Writable({
        write(chunk, _enc, cb) {
          logs.push(String(chunk));
          cb();
        },
      }),
    });
    const channel = createZaloChannel({
      config,
      inbox,
      db: database.db,
      logger,
      rates: { perSecond: 50 },
      ...options.channel,
    });
    const webhook = channel.routes[ZALO_WEBHOOK_PATH]!;
    const post = (body: { timestamp: string }) => {
      const { rawBody, headers } = signedZaloRequest({ appId: fake.appId, oaSecretKey, body });
      return webhook({ headers, rawBody: Buffer.from(rawBody) });
    };
    return { fake, channel, accepted, post, webhook };
  }

  test('a slow profile lookup never holds the webhook: the name falls back, then is used once known', async () => {
    const { fake, accepted, post } = await setup({
      fake: { profileDelayMs: 600 },
      channel: { profileWaitMs: 100 },
    });
    fake.profiles.set('u-slow', 'Lê Thị Hoa');
    const started = Date.now();
    assert.equal(await post(zaloTextEvent({ userId: 'u-slow', text: 'help' })), 200);
    assert.ok(Date.now() - started < 500, `answered in ${Date.now() - started} ms`);
    assert.equal(accepted[0]?.displayName, 'Cán bộ');
    await sleep(1000);
    assert.equal(await post(zaloTextEvent({ userId: 'u-slow', text: 'help' })), 200);
    assert.equal(accepted[1]?.displayName, 'Lê Thị Hoa');
    assert.equal(fake.profileCalls, 1, 'the name is cached');
    assert.deepEqual(
      { ...accepted[1], text: undefined },
      { channel: 'zalo', chatId: 'u-slow', userId: 'u-slow', displayName: 'Lê Thị Hoa', text: undefined },
    );
  });

  test('a button payload arrives as an action', async () => {
    const { accepted, post } = await setup({});
    assert.equal(await post(zaloTextEvent({ userId: 'u-tap', text: '#rp:ok' })), 200);
    assert.equal(accepted[0]?.action, 'rp:ok');
  });

  test('503 when the event cannot be recorded, so Zalo redelivers', async () => {
    const { post } = await setup({
      inbox: {
        accept: async () => {
          throw new Error('connection refused');
        },
      },
    });
    assert.equal(await post(zaloTextEvent({ userId: 'u-1', text: 'baocao ok' })), 503);
    assert.equal(await post(zaloFollowEvent({ userId: 'u-2' })), 503);
  });

  test('follow and unfollow reach the inbox as events, without text and without waiting for a name', async () => {
    const { fake, accepted, post } = await setup({
      fake: { profileDelayMs: 2000 },
      channel: { profileWaitMs: 1500 },
    });
    const started = Date.now();
    assert.equal(await post(zaloFollowEvent({ userId: 'u-f' })), 200);
    assert.equal(await post(zaloFollowEvent({ userId: 'u-f', event: 'unfollow' })), 200);
    assert.ok(Date.now() - started < 1000, `answered in ${Date.now() - started} ms`);
    assert.deepEqual(accepted, [
      { channel: 'zalo', chatId: 'u-f', userId: 'u-f', displayName: '', event: 'follow' },
      { channel: 'zalo', chatId: 'u-f', userId: 'u-f', displayName: '', event: 'unfollow' },
    ]);
    // The follow started the lookup of the name the person's messages will carry.
    const deadline = Date.now() + 2000;
    while (fake.profileCalls === 0 && Date.now() < deadline) await sleep(20);
    assert.equal(fake.profileCalls, 1);
  });

  test('a missing signature is refused before the body is even parsed', async () => {
    const { webhook, accepted } = await setup({});
    assert.equal(await webhook({ headers: {}, rawBody: Buffer.from('not json') }), 401);
    assert.equal(
      await webhook({ headers: { 'x-zevent-signature': 'mac=00' }, rawBody: Buffer.from('{}') }),
      401,
    );
    assert.equal(accepted.length, 0);
  });

  test('the timer refreshes a token close to expiry, and stop() clears it', async () => {
    const { fake, channel } = await setup({
      // "Close to expiry" is made 26 h so every check refreshes (a fresh Zalo token lives 25 h).
      channel: { refreshCheckMs: 40, refreshBeforeMs: 26 * 3_600_000 },
    });
    await channel.start();
    const deadline = Date.now() + 3000;
    while (fake.refreshCalls < 3 && Date.now() < deadline) await sleep(20);
    assert.ok(fake.refreshCalls >= 3, `${fake.refreshCalls} refreshes`);
    await channel.stop();
    const calls = fake.refreshCalls;
    await sleep(200);
    assert.equal(fake.refreshCalls, calls);
    assert.equal(channel.health().ok, false, 'stopped');
  });

  test('with the default margin a fresh token is left alone after the first refresh', async () => {
    const { fake, channel } = await setup({ channel: { refreshCheckMs: 30 } });
    await channel.start();
    await sleep(300);
    await channel.stop();
    // The pasted pair's age is unknown, so it is renewed once; the new one has 25 h left.
    assert.equal(fake.refreshCalls, 1);
    const health = channel.health();
    assert.ok(health.tokenExpiresAt && Date.parse(health.tokenExpiresAt) > Date.now() + 24 * 3_600_000);
  });

  test('a failing refresh is reported in health without any secret', async () => {
    const { fake, channel } = await setup({ channel: { refreshCheckMs: 30 } });
    await database.db.delete(zaloTokens);
    await database.db.insert(zaloTokens).values({
      id: 1,
      accessToken: 'stale-at',
      refreshToken: 'dead-rt',
      expiresAt: new Date(Date.now() - 1000),
    });
    await channel.start();
    await sleep(200);
    const health = channel.health();
    assert.equal(health.ok, false, 'the token has expired and cannot be renewed');
    await channel.stop();
    assert.match(health.lastRefreshError ?? '', /error -14014/);
    for (const secret of [fake.appSecret, 'dead-rt', 'stale-at', oaSecretKey]) {
      assert.ok(!JSON.stringify(health).includes(secret));
      assert.ok(!logs.join('').includes(secret), 'no secret in logs');
    }
  });
});
