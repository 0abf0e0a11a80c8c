import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/client.ts';
import { settle } from '../helpers/chat.ts';
import {
  type FakeZalo,
  type SentZaloMessage,
  signedZaloRequest,
  zaloFollowEvent,
  zaloTextEvent,
} from '../helpers/fake-zalo.ts';

/** The service's environment for a Zalo OA backed by the fake (the OA secret key is the test's own). */
export function zaloEnv(fake: FakeZalo, oaSecretKey: string): Record<string, string> {
  return {
    ZALO_APP_ID: fake.appId,
    ZALO_APP_SECRET: fake.appSecret,
    ZALO_OA_SECRET_KEY: oaSecretKey,
    ZALO_ACCESS_TOKEN: fake.tokens.accessToken,
    ZALO_REFRESH_TOKEN: fake.tokens.refreshToken,
    ZALO_API_ROOT: fake.apiRoot,
    ZALO_OAUTH_ROOT: fake.oauthRoot,
  };
}

export const randomSecret = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;

/** POSTs a raw body with the given headers to the service's Zalo webhook. */
export async function postZalo(
  port: number,
  rawBody: string,
  headers: Record<string, string>,
): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/zalo/webhook`, {
    method: 'POST',
    headers,
    body: rawBody,
  });
  await response.arrayBuffer();
  return response.status;
}

/** A Zalo user writing to the OA: events are signed like Zalo signs them and posted to the webhook. */
export function zaloUser(options: {
  fake: FakeZalo;
  oaSecretKey: string;
  port: () => number;
  db: () => Db;
  userId: string;
}) {
  const { fake, userId } = options;

  async function post(body: { timestamp: string }): Promise<number> {
    const { rawBody, headers } = signedZaloRequest({
      appId: fake.appId,
      oaSecretKey: options.oaSecretKey,
      body,
    });
    return postZalo(options.port(), rawBody, headers);
  }

  /** Sends an event and returns what the OA sent back to this user. */
  async function exchange(body: { timestamp: string }): Promise<SentZaloMessage[]> {
    const before = fake.sentTo(userId).length;
    const status = await post(body);
    if (status !== 200) throw new Error(`webhook answered ${status}`);
    await fake.waitForSentTo(userId, before, 10_000);
    await settle(options.db());
    return fake.sentTo(userId).slice(before);
  }

  return {
    userId,
    post,
    /** Posts a text without waiting for a reply. */
    send: (text: string, msgId?: string) =>
      post(zaloTextEvent({ userId, text, ...(msgId ? { msgId } : {}) })),
    say: (text: string, msgId?: string) =>
      exchange(zaloTextEvent({ userId, text, ...(msgId ? { msgId } : {}) })),
    async sayText(text: string): Promise<string> {
      return textOf(await exchange(zaloTextEvent({ userId, text })));
    },
    follow: () => exchange(zaloFollowEvent({ userId })),
    unfollow: () => post(zaloFollowEvent({ userId, event: 'unfollow' })),
  };
}

export function textOf(messages: SentZaloMessage[]): string {
  return messages.map((m) => m.message.text).join('\n---\n');
}

/** The payloads of a message's oa.query.hide buttons. */
export function payloadsOf(message: SentZaloMessage | undefined): string[] {
  return message?.message.attachment?.payload.buttons.map((b) => b.payload) ?? [];
}
