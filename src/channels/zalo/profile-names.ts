import type { Logger } from '../../logger.ts';
import { t } from '../../texts/index.ts';
import type { ZaloClient } from './client.ts';

export const FALLBACK_NAME = t.fallbackName;
const NAME_TTL_MS = 24 * 3_600_000;
// A failed lookup (profile hidden, Zalo down) is not retried on every message.
const FAILURE_TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;

export interface ProfileNames {
  /** The cached Zalo display name, or waits at most `waitMs` for a lookup; else the fallback (the lookup goes on). */
  nameOf(userId: string): Promise<string>;
  /** Starts a lookup without waiting (a follow, before the first message). */
  prefetch(userId: string): void;
}

export function createProfileNames(deps: {
  client: Pick<ZaloClient, 'getProfile'>;
  logger: Logger;
  waitMs: number;
  now?: () => number;
}): ProfileNames {
  const now = deps.now ?? Date.now;
  const cache = new Map<string, { name?: string; until: number }>();
  const pending = new Map<string, Promise<string | undefined>>();

  function remember(userId: string, name: string | undefined): void {
    cache.delete(userId);
    cache.set(userId, { name, until: now() + (name ? NAME_TTL_MS : FAILURE_TTL_MS) });
    // Maps iterate in insertion order: the first key is the least recently stored.
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }

  function lookup(userId: string): Promise<string | undefined> {
    let running = pending.get(userId);
    if (!running) {
      running = deps.client
        .getProfile(userId)
        .then(
          ({ displayName }) => displayName.trim().slice(0, 200) || undefined,
          (err: unknown) => {
            deps.logger.debug({ err, channel: 'zalo' }, 'zalo profile lookup failed');
            return undefined;
          },
        )
        .then((name) => {
          remember(userId, name);
          pending.delete(userId);
          return name;
        });
      pending.set(userId, running);
    }
    return running;
  }

  return {
    async nameOf(userId) {
      const hit = cache.get(userId);
      if (hit && hit.until > now()) return hit.name ?? FALLBACK_NAME;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), deps.waitMs);
      });
      const name = await Promise.race([lookup(userId), timeout]);
      clearTimeout(timer);
      return name ?? FALLBACK_NAME;
    },
    prefetch(userId) {
      const hit = cache.get(userId);
      if (!hit || hit.until <= now()) void lookup(userId);
    },
  };
}
