import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ZaloSendMessage } from '../../src/channels/zalo/client.ts';
import { computeZaloSignature } from '../../src/channels/zalo/signature.ts';

/** A loopback Zalo OA API (message/cs, user/detail) and OAuth server speaking the real wire format. */

export const FAKE_ZALO_APP_ID = '360846524940903967';
export const FAKE_ZALO_OA_ID = '388613280878808645';

export type ZaloFailure = { error: -230 | -232 | -213 | -32 | -216 | -220 } | { httpStatus: number };

export interface SentZaloMessage {
  userId: string;
  message: ZaloSendMessage;
}

export interface FakeZaloOptions {
  appId?: string;
  appSecret?: string;
  /** Delay before answering a refresh, so concurrent refreshes overlap. */
  refreshDelayMs?: number;
  /** Delay before answering a profile lookup (user/detail). */
  profileDelayMs?: number;
}

export interface FakeZalo {
  readonly apiRoot: string;
  readonly oauthRoot: string;
  readonly appId: string;
  readonly appSecret: string;
  /** The currently valid pair. */
  readonly tokens: { accessToken: string; refreshToken: string };
  /** Every token ever issued, to check that none leaks into errors or logs. */
  readonly issued: readonly string[];
  readonly sent: SentZaloMessage[];
  readonly refreshCalls: number;
  readonly profileCalls: number;
  readonly profiles: Map<string, string>;
  sentTo(userId: string): SentZaloMessage[];
  /** Waits until `userId` has received more than `after` messages; resolves with the new ones. */
  waitForSentTo(userId: string, after: number, timeoutMs?: number): Promise<SentZaloMessage[]>;
  failNext(count: number, failure: ZaloFailure): void;
  expireAccessToken(): void;
  waitForSent(count: number, timeoutMs?: number): Promise<SentZaloMessage[]>;
  close(): Promise<void>;
}

const ERROR_MESSAGES: Record<number, string> = {
  [-32]: 'Request rate limit exceeded',
  [-201]: 'Parameters are invalid',
  [-213]: 'User has not followed the OA',
  [-216]: 'Access token is invalid',
  [-220]: 'Access token has expired',
  [-230]: 'User has not interacted with the OA in the past 7 days',
  [-232]: 'User has not interacted with the OA recently',
};

type Json = Record<string, unknown>;

export async function startFakeZalo(options: FakeZaloOptions = {}): Promise<FakeZalo> {
  const appId = options.appId ?? FAKE_ZALO_APP_ID;
  const appSecret = options.appSecret ?? `fake-app-secret-${hex(8)}`;
  const issued: string[] = [];
  const sent: SentZaloMessage[] = [];
  const profiles = new Map<string, string>();
  const failures: ZaloFailure[] = [];
  const waiters: Array<() => void> = [];
  let generation = 0;
  let current = issuePair();
  let accessExpired = false;
  let refreshCalls = 0;
  let profileCalls = 0;

  function issuePair() {
    generation += 1;
    const pair = {
      accessToken: `fake-at-${generation}-${hex(12)}`,
      refreshToken: `fake-rt-${generation}-${hex(12)}`,
    };
    issued.push(pair.accessToken, pair.refreshToken);
    return pair;
  }

  function api(req: IncomingMessage, res: ServerResponse, run: () => Json): void {
    const failure = failures.shift();
    if (failure && 'httpStatus' in failure) {
      res.writeHead(failure.httpStatus).end('Server error');
      return;
    }
    reply(res, failure ? apiError(failure.error) : (tokenError(req.headers.access_token) ?? run()));
  }

  function tokenError(token: unknown): Json | undefined {
    if (token !== current.accessToken) return apiError(-216);
    if (accessExpired) return apiError(-220);
    return undefined;
  }

  function send(raw: string): Json {
    const body = parseJson(raw);
    const userId = (body?.recipient as Json | undefined)?.user_id;
    const message = body?.message as ZaloSendMessage | undefined;
    if (typeof userId !== 'string' || !userId || !isValidMessage(message)) return apiError(-201);
    sent.push({ userId, message });
    for (const wake of waiters.splice(0)) wake();
    return { data: { message_id: hex(10), user_id: userId }, error: 0, message: 'Success' };
  }

  function profile(url: URL): Json {
    const userId = parseJson(url.searchParams.get('data') ?? '')?.user_id;
    if (typeof userId !== 'string' || !userId) return apiError(-201);
    const displayName = profiles.get(userId) ?? `Người dùng ${userId.slice(-4)}`;
    return {
      data: { user_id: userId, display_name: displayName, user_is_follower: true },
      error: 0,
      message: 'Success',
    };
  }

  async function refresh(req: IncomingMessage, raw: string): Promise<Json> {
    refreshCalls += 1;
    const form = new URLSearchParams(raw);
    if (options.refreshDelayMs) await new Promise((r) => setTimeout(r, options.refreshDelayMs));
    if (req.headers.secret_key !== appSecret) return oauthError(-14002, 'Invalid secret key');
    if (form.get('app_id') !== appId) return oauthError(-14001, 'Invalid app_id');
    if (form.get('grant_type') !== 'refresh_token') return oauthError(-14003, 'Invalid grant_type');
    if (form.get('refresh_token') !== current.refreshToken)
      return oauthError(-14014, 'Invalid refresh token');
    current = issuePair();
    accessExpired = false;
    return { access_token: current.accessToken, refresh_token: current.refreshToken, expires_in: '90000' };
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /v4/oa/access_token') return reply(res, await refresh(req, raw));
    if (route === 'POST /v3.0/oa/message/cs') return api(req, res, () => send(raw));
    if (route === 'GET /v3.0/oa/user/detail') {
      profileCalls += 1;
      if (options.profileDelayMs) await new Promise((r) => setTimeout(r, options.profileDelayMs));
      return api(req, res, () => profile(url));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiRoot: root,
    oauthRoot: root,
    appId,
    appSecret,
    get tokens() {
      return { ...current };
    },
    issued,
    sent,
    get refreshCalls() {
      return refreshCalls;
    },
    get profileCalls() {
      return profileCalls;
    },
    profiles,
    sentTo: (userId) => sent.filter((m) => m.userId === userId),
    async waitForSentTo(userId, after, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mine = sent.filter((m) => m.userId === userId);
        if (mine.length > after) return mine.slice(after);
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`expected a Zalo message to ${userId}, got ${mine.length - after} new`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    failNext(count, failure) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    expireAccessToken() {
      accessExpired = true;
    },
    async waitForSent(count, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      while (sent.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} sent Zalo messages, got ${sent.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return sent.slice(0, count);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function isValidMessage(message: ZaloSendMessage | undefined): message is ZaloSendMessage {
  if (typeof message?.text !== 'string' || !message.text || message.text.length > 2000) return false;
  if (message.attachment === undefined) return true;
  const { type, payload } = message.attachment;
  const buttons: unknown = payload?.buttons;
  if (type !== 'template' || !Array.isArray(buttons) || buttons.length < 1 || buttons.length > 5)
    return false;
  return buttons.every(
    (b: Json) =>
      typeof b.title === 'string' &&
      b.title.length >= 1 &&
      b.title.length <= 100 &&
      b.type === 'oa.query.hide' &&
      typeof b.payload === 'string' &&
      b.payload.length <= 1000,
  );
}

function apiError(code: number): Json {
  return { error: code, message: ERROR_MESSAGES[code] ?? 'Unknown error' };
}

function oauthError(code: number, name: string): Json {
  return { error_name: name, error_reason: name, ref_doc: '', error_description: name, error: code };
}

function reply(res: ServerResponse, body: Json): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function parseJson(text: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Signs a webhook body the way Zalo does; the body must carry its `timestamp`. */
export function signedZaloRequest(input: {
  appId: string;
  oaSecretKey: string;
  body: { timestamp: string };
}): {
  rawBody: string;
  headers: Record<string, string>;
} {
  const rawBody = JSON.stringify(input.body);
  const mac = computeZaloSignature(input.appId, rawBody, input.body.timestamp, input.oaSecretKey);
  return { rawBody, headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` } };
}

export function zaloTextEvent(input: {
  userId: string;
  text: string;
  msgId?: string;
  timestamp?: string;
  appId?: string;
}) {
  return {
    app_id: input.appId ?? FAKE_ZALO_APP_ID,
    sender: { id: input.userId },
    user_id_by_app: `app-${input.userId}`,
    recipient: { id: FAKE_ZALO_OA_ID },
    event_name: 'user_send_text',
    message: { text: input.text, msg_id: input.msgId ?? hex(10).slice(0, 19) },
    timestamp: input.timestamp ?? String(Date.now()),
  };
}

export function zaloFollowEvent(input: {
  userId: string;
  event?: 'follow' | 'unfollow';
  timestamp?: string;
  appId?: string;
}) {
  return {
    oa_id: FAKE_ZALO_OA_ID,
    follower: { id: input.userId },
    event_name: input.event ?? 'follow',
    source: 'oa_profile',
    app_id: input.appId ?? FAKE_ZALO_APP_ID,
    timestamp: input.timestamp ?? String(Date.now()),
  };
}
