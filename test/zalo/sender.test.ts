import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ZALO_PROFILE_ENDPOINT,
  ZALO_REFRESH_ENDPOINT,
  ZALO_SEND_ENDPOINT,
  type ZaloClient,
  type ZaloSendMessage,
} from '../../src/channels/zalo/client.ts';
import { ZaloApiError, ZaloHttpError } from '../../src/channels/zalo/errors.ts';
import { classifyZaloError, createZaloSender } from '../../src/channels/zalo/sender.ts';
import { DeliveryError } from '../../src/delivery/sender.ts';

function stubClient(fail?: (call: number) => unknown) {
  const sent: { userId: string; message: ZaloSendMessage }[] = [];
  let calls = 0;
  const client: ZaloClient = {
    async sendMessage(userId, message) {
      calls += 1;
      const err = fail?.(calls);
      if (err) throw err;
      sent.push({ userId, message });
      return { messageId: `m${calls}` };
    },
    getProfile: async () => ({ displayName: 'x' }),
    refreshAccessToken: async () => {},
  };
  return { client, sent };
}

const api = (code: number, endpoint = ZALO_SEND_ENDPOINT) => new ZaloApiError(endpoint, code, 'message');

test('outside the window, blocked or not following: unreachable', () => {
  for (const code of [-230, -232, -213]) {
    const err = classifyZaloError(api(code));
    assert.equal(err.failure, 'unreachable', String(code));
    assert.match(err.message, new RegExp(String(code)));
  }
});

test('rate limit -32: retry the whole channel after a minute', () => {
  const err = classifyZaloError(api(-32));
  assert.equal(err.failure, 'retry');
  assert.equal(err.retryAfterMs, 60_000);
  assert.equal(err.global, true);
});

test('network failures, 5xx and token troubles the client could not fix are retried; other codes are permanent', () => {
  assert.equal(classifyZaloError(new ZaloHttpError(ZALO_SEND_ENDPOINT, 'ECONNRESET')).failure, 'retry');
  assert.equal(
    classifyZaloError(new ZaloHttpError(ZALO_SEND_ENDPOINT, 'unexpected status', 502)).failure,
    'retry',
  );
  assert.equal(classifyZaloError(api(-14014, ZALO_REFRESH_ENDPOINT)).failure, 'retry');
  assert.equal(classifyZaloError(api(-216)).failure, 'retry');
  assert.equal(classifyZaloError(new Error('No Zalo token pair is stored')).failure, 'retry');
  for (const code of [-201, -210, -240]) assert.equal(classifyZaloError(api(code)).failure, 'permanent');
  assert.equal(classifyZaloError(api(-201, ZALO_PROFILE_ENDPOINT)).failure, 'permanent');
});

test('sends every rendered part in order; more than five buttons become a numbered list', async () => {
  const { client, sent } = stubClient();
  const buttons = Array.from({ length: 6 }, (_, i) => ({ label: `Lựa chọn ${i + 1}`, action: `ik:${i}` }));
  await createZaloSender(client).send({ channel: 'zalo', chatId: 'u1', text: 'dòng\n'.repeat(600), buttons });
  assert.ok(sent.length >= 2);
  assert.ok(sent.every((s) => s.userId === 'u1' && s.message.text.length <= 2000));
  assert.match(sent.at(-1)!.message.text, /6\. Lựa chọn 6\nTrả lời bằng số thứ tự/);
  assert.ok(sent.every((s) => s.message.attachment === undefined));
});

test('up to five buttons ride on the last part as oa.query.hide payloads', async () => {
  const { client, sent } = stubClient();
  await createZaloSender(client).send({
    channel: 'zalo',
    chatId: 'u1',
    text: 'Tình hình hiện nay thế nào?',
    buttons: [
      { label: 'Bình thường', action: 'rp:ok' },
      { label: 'Có sự cố', action: 'rp:inc' },
    ],
  });
  assert.deepEqual(sent[0]?.message.attachment?.payload.buttons, [
    { title: 'Bình thường', type: 'oa.query.hide', payload: '#rp:ok' },
    { title: 'Có sự cố', type: 'oa.query.hide', payload: '#rp:inc' },
  ]);
});

test('a failure is thrown as a DeliveryError', async () => {
  const { client } = stubClient(() => api(-230));
  await assert.rejects(
    createZaloSender(client).send({ channel: 'zalo', chatId: 'u1', text: 'x' }),
    (err: unknown) => err instanceof DeliveryError && err.failure === 'unreachable',
  );
});
