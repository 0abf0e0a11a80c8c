import type { ZaloConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { ChannelRates } from '../../delivery/sender.ts';
import type { Inbox } from '../../inbox/processor.ts';
import type { Logger } from '../../logger.ts';
import type { ChannelAdapter, ChannelHealth, WebhookHandler } from '../adapter.ts';
import { createZaloClient, type ZaloClient } from './client.ts';
import { parseZaloEvent, toIncomingMessage } from './parse.ts';
import { createProfileNames } from './profile-names.ts';
import { createZaloSender } from './sender.ts';
import { verifyZaloSignature } from './signature.ts';
import { createDbZaloTokenStore } from './token-store.ts';

/** Zalo access tokens live 25 hours; a pasted pair without a refresh token is trusted for that long. */
const ACCESS_TOKEN_LIFETIME_MS = 25 * 3_600_000;

export const ZALO_WEBHOOK_PATH = '/zalo/webhook';

export interface ZaloHealth extends ChannelHealth {
  tokenExpiresAt?: string;
  lastRefreshError?: string;
}

export interface ZaloChannel extends ChannelAdapter {
  name: 'zalo';
  client: ZaloClient;
  /** Starts the token refresh timer (and a first check, in the background). */
  start(): Promise<void>;
  health(): ZaloHealth;
}

export interface ZaloChannelDeps {
  config: ZaloConfig;
  inbox: Inbox;
  /** Where the OA's token pair is kept (one row, shared by every replica). */
  db: Db;
  logger: Logger;
  /** Zalo limits the OA as a whole, not each chat. */
  rates: ChannelRates;
  /** How long a webhook may wait for an unknown user's profile name before using 'Cán bộ'. */
  profileWaitMs?: number;
  /** How often the stored token's expiry is checked, and how close to expiry it is refreshed. */
  refreshCheckMs?: number;
  refreshBeforeMs?: number;
}

export function createZaloChannel(deps: ZaloChannelDeps): ZaloChannel {
  const { config, inbox, db } = deps;
  const logger = deps.logger.child({ channel: 'zalo' });
  const refreshCheckMs = deps.refreshCheckMs ?? 10 * 60_000;
  const refreshBeforeMs = deps.refreshBeforeMs ?? 3_600_000;
  const tokens = createDbZaloTokenStore(
    db,
    {
      accessToken: config.accessToken,
      refreshToken: config.refreshToken ?? '',
      // A pasted pair's age is unknown: with a refresh token it is renewed before first use.
      ...(config.refreshToken ? {} : { expiresAt: new Date(Date.now() + ACCESS_TOKEN_LIFETIME_MS) }),
    },
    { key: config.tokenKey },
  );
  const client = createZaloClient({
    apiRoot: config.apiRoot,
    oauthRoot: config.oauthRoot,
    appId: config.appId,
    appSecret: config.appSecret,
    tokens,
    logger,
  });
  const names = createProfileNames({ client, logger, waitMs: deps.profileWaitMs ?? 800 });
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let checking: Promise<void> | undefined;
  let tokenExpiresAt: Date | undefined;
  let lastRefreshError: string | undefined;
  let warnedNoRefreshToken = false;

  async function checkToken(): Promise<void> {
    try {
      let pair = await tokens.load();
      if (!pair) return;
      tokenExpiresAt = pair.expiresAt;
      if (!pair.refreshToken) {
        if (!warnedNoRefreshToken)
          logger.warn('ZALO_REFRESH_TOKEN is not set: the access token cannot be renewed');
        warnedNoRefreshToken = true;
      } else if (pair.expiresAt.getTime() - Date.now() < refreshBeforeMs) {
        await client.refreshAccessToken();
        pair = (await tokens.load()) ?? pair;
      }
      tokenExpiresAt = pair.expiresAt;
      lastRefreshError = undefined;
    } catch (err) {
      lastRefreshError = err instanceof Error ? err.message.slice(0, 200) : 'refresh failed';
      logger.warn({ err }, 'zalo token check failed');
    }
  }

  function scheduleCheck(): void {
    checking ??= checkToken().finally(() => {
      checking = undefined;
    });
  }

  /** The webhook route: verifies the request before anything else, then records the update durably. */
  const handleWebhook: WebhookHandler = async ({ headers, rawBody }) => {
    const header = headers['x-zevent-signature'];
    if (!verifyZaloSignature({ header, rawBody, appId: config.appId, oaSecretKey: config.oaSecretKey })) {
      logger.warn({ signed: header !== undefined }, 'zalo webhook refused: missing or wrong signature');
      return 401;
    }
    let body: unknown;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return 400;
    }
    const event = parseZaloEvent(body);
    if (event.kind === 'ignored') {
      logger.debug({ reason: event.reason }, 'zalo event ignored');
      return 200;
    }
    try {
      // A follow is not held up by a profile lookup: the name is fetched for the messages that follow it.
      if (event.kind === 'follow') names.prefetch(event.userId);
      const displayName = event.kind === 'message' ? await names.nameOf(event.userId) : '';
      await inbox.accept(event.key, toIncomingMessage(event, displayName));
      return 200;
    } catch (err) {
      // Zalo redelivers an event that was not answered 200; the unique key makes the retry safe.
      logger.error({ err, kind: event.kind }, 'recording a zalo event failed');
      return 503;
    }
  };

  return {
    name: 'zalo',
    client,
    sender: createZaloSender(client),
    rates: deps.rates,
    routes: { [ZALO_WEBHOOK_PATH]: handleWebhook },

    async start() {
      started = true;
      if (!config.tokenKey)
        logger.warn('ZALO_TOKEN_KEY is not set: the Zalo token pair is stored in the database unencrypted');
      scheduleCheck();
      timer = setInterval(scheduleCheck, refreshCheckMs);
      timer.unref();
      logger.info({ apiRoot: config.apiRoot }, 'zalo channel started');
    },

    async stop() {
      started = false;
      clearInterval(timer);
      timer = undefined;
      await checking;
    },

    health() {
      const expired = tokenExpiresAt !== undefined && tokenExpiresAt.getTime() <= Date.now();
      return {
        ok: started && !(expired && lastRefreshError !== undefined),
        ...(tokenExpiresAt ? { tokenExpiresAt: tokenExpiresAt.toISOString() } : {}),
        ...(lastRefreshError ? { lastRefreshError } : {}),
      };
    },
  };
}
