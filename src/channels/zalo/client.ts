import axios, { type AxiosResponse } from 'axios';
import type { Logger } from 'pino';
import { TOKEN_ERROR_CODES, ZaloApiError, ZaloHttpError } from './errors.ts';
import type { ZaloTokenPair, ZaloTokenStore } from './token-store.ts';

export interface ZaloButton {
  title: string;
  type: 'oa.query.hide';
  payload: string;
}

export interface ZaloSendMessage {
  text: string;
  attachment?: { type: 'template'; payload: { buttons: ZaloButton[] } };
}

export interface ZaloClientOptions {
  /** e.g. https://openapi.zalo.me */
  apiRoot: string;
  /** e.g. https://oauth.zaloapp.com */
  oauthRoot: string;
  appId: string;
  appSecret: string;
  tokens: ZaloTokenStore;
  logger?: Logger;
  timeoutMs?: number;
  now?: () => Date;
}

export interface ZaloClient {
  /** `signal` aborts the send (the delivery worker's timeout, shorter than its claim). */
  sendMessage(
    userId: string,
    message: ZaloSendMessage,
    options?: { signal?: AbortSignal },
  ): Promise<{ messageId: string }>;
  getProfile(userId: string): Promise<{ displayName: string }>;
  /** Makes sure the pair in use is newer than the one this client knew (refreshing unless a replica just did). */
  refreshAccessToken(): Promise<void>;
}

export const ZALO_SEND_ENDPOINT = '/v3.0/oa/message/cs';
export const ZALO_PROFILE_ENDPOINT = '/v3.0/oa/user/detail';
export const ZALO_REFRESH_ENDPOINT = '/v4/oa/access_token';
const REFRESH_MARGIN_MS = 10 * 60_000;

type Body = Record<string, unknown>;

export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const { appId, appSecret, tokens, logger } = options;
  const apiRoot = options.apiRoot.replace(/\/+$/, '');
  const oauthRoot = options.oauthRoot.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  // Zalo answers errors with HTTP 200, so statuses are checked by hand and bodies always read.
  const http = axios.create({
    timeout: options.timeoutMs ?? 10_000,
    validateStatus: () => true,
    maxRedirects: 0,
  });
  let cached: ZaloTokenPair | null = null;
  let refreshing: Promise<ZaloTokenPair> | null = null;

  async function currentPair(): Promise<ZaloTokenPair> {
    cached ??= await tokens.load();
    if (!cached) throw new Error('No Zalo token pair is stored');
    if (cached.expiresAt.getTime() - now().getTime() < REFRESH_MARGIN_MS) return refresh(cached.accessToken);
    return cached;
  }

  function refresh(staleAccessToken?: string): Promise<ZaloTokenPair> {
    refreshing ??= tokens
      .rotate(requestNewPair, staleAccessToken)
      .then((pair) => {
        cached = pair;
        return pair;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  async function requestNewPair(current: ZaloTokenPair): Promise<ZaloTokenPair> {
    const form = new URLSearchParams({
      refresh_token: current.refreshToken,
      app_id: appId,
      grant_type: 'refresh_token',
    });
    const body = await request(ZALO_REFRESH_ENDPOINT, () =>
      http.post(`${oauthRoot}${ZALO_REFRESH_ENDPOINT}`, form.toString(), {
        headers: { secret_key: appSecret, 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    const code = body.error === undefined ? 0 : errorCode(ZALO_REFRESH_ENDPOINT, body);
    if (code !== 0) throw new ZaloApiError(ZALO_REFRESH_ENDPOINT, code, apiMessage(body));
    const expiresIn = Number(body.expires_in);
    const { access_token: accessToken, refresh_token: refreshToken } = body;
    if (
      typeof accessToken !== 'string' ||
      !accessToken ||
      typeof refreshToken !== 'string' ||
      !refreshToken
    ) {
      throw new ZaloHttpError(ZALO_REFRESH_ENDPOINT, 'response without a token pair');
    }
    if (!Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new ZaloHttpError(ZALO_REFRESH_ENDPOINT, 'response without a valid expires_in');
    }
    const expiresAt = new Date(now().getTime() + expiresIn * 1000);
    logger?.info({ expiresAt }, 'zalo access token refreshed');
    return { accessToken, refreshToken, expiresAt };
  }

  /** Calls an OA endpoint; on an invalid or expired token, refreshes and retries exactly once. */
  async function callApi(
    endpoint: string,
    send: (accessToken: string) => Promise<AxiosResponse>,
  ): Promise<Body> {
    let pair = await currentPair();
    let body = await request(endpoint, () => send(pair.accessToken));
    let code = errorCode(endpoint, body);
    if (TOKEN_ERROR_CODES.has(code)) {
      logger?.warn({ endpoint, code }, 'zalo rejected the access token; refreshing');
      pair = await refresh(pair.accessToken);
      body = await request(endpoint, () => send(pair.accessToken));
      code = errorCode(endpoint, body);
    }
    if (code !== 0) throw new ZaloApiError(endpoint, code, apiMessage(body));
    return body;
  }

  return {
    async sendMessage(userId, message, sendOptions) {
      const body = await callApi(ZALO_SEND_ENDPOINT, (accessToken) =>
        http.post(
          `${apiRoot}${ZALO_SEND_ENDPOINT}`,
          { recipient: { user_id: userId }, message },
          { headers: { access_token: accessToken }, signal: sendOptions?.signal },
        ),
      );
      const messageId = field(body.data, 'message_id');
      if (!messageId) throw new ZaloHttpError(ZALO_SEND_ENDPOINT, 'response without message_id');
      return { messageId };
    },

    async getProfile(userId) {
      const body = await callApi(ZALO_PROFILE_ENDPOINT, (accessToken) =>
        http.get(`${apiRoot}${ZALO_PROFILE_ENDPOINT}`, {
          params: { data: JSON.stringify({ user_id: userId }) },
          headers: { access_token: accessToken },
        }),
      );
      const displayName = field(body.data, 'display_name');
      if (displayName === undefined)
        throw new ZaloHttpError(ZALO_PROFILE_ENDPOINT, 'response without display_name');
      return { displayName };
    },

    async refreshAccessToken() {
      const known = cached ?? (await tokens.load());
      await refresh(known?.accessToken);
    },
  };
}

/** Runs the request and returns its JSON object body; everything else becomes a ZaloHttpError without secrets. */
async function request(endpoint: string, run: () => Promise<AxiosResponse>): Promise<Body> {
  let response: AxiosResponse;
  try {
    response = await run();
  } catch (err) {
    // The axios error holds the request config (tokens in headers): keep only its code.
    const code = axios.isAxiosError(err) && err.code ? err.code : 'network error';
    throw new ZaloHttpError(endpoint, code);
  }
  const { status, data } = response;
  if (status < 200 || status >= 300) throw new ZaloHttpError(endpoint, 'unexpected status', status);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ZaloHttpError(endpoint, 'response is not a JSON object', status);
  }
  return data as Body;
}

function errorCode(endpoint: string, body: Body): number {
  const code = typeof body.error === 'string' ? Number(body.error) : body.error;
  if (typeof code !== 'number' || !Number.isInteger(code)) {
    throw new ZaloHttpError(endpoint, 'response without an error code');
  }
  return code;
}

function apiMessage(body: Body): string | undefined {
  const text = body.message ?? body.error_description ?? body.error_name;
  return typeof text === 'string' ? text : undefined;
}

function field(data: unknown, key: string): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}
