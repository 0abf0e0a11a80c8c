import { type ChannelSender, DeliveryError, type SendProgress, sendParts } from '../../delivery/sender.ts';
import type { Envelope } from '../../messages.ts';
import { ZALO_REFRESH_ENDPOINT, type ZaloClient } from './client.ts';
import { TOKEN_ERROR_CODES, ZaloApiError, ZaloHttpError } from './errors.ts';
import { renderZaloMessages } from './render.ts';

/** The user blocked or left the OA, or is outside the 7-day window for customer-service messages. */
export const UNREACHABLE_CODES: ReadonlySet<number> = new Set([-213, -230, -232]);
export const RATE_LIMIT_CODE = -32;
/** Zalo names no retry-after for -32; a minute lets its quota window pass. */
export const RATE_LIMIT_PAUSE_MS = 60_000;

/** Maps Zalo failures to what the delivery worker should do. Error texts never carry a token or secret. */
export function classifyZaloError(err: unknown): DeliveryError {
  if (err instanceof ZaloApiError) {
    if (UNREACHABLE_CODES.has(err.code)) return new DeliveryError('unreachable', err.message);
    if (err.code === RATE_LIMIT_CODE)
      return new DeliveryError('retry', err.message, RATE_LIMIT_PAUSE_MS, true);
    // The client already refreshed and resent once; a token that still fails, or a failed refresh, may heal
    // (another replica rotating, Zalo's OAuth hiccup), so the message waits rather than being dropped.
    if (err.endpoint === ZALO_REFRESH_ENDPOINT || TOKEN_ERROR_CODES.has(err.code)) {
      return new DeliveryError('retry', err.message);
    }
    return new DeliveryError('permanent', err.message);
  }
  if (err instanceof ZaloHttpError) return new DeliveryError('retry', err.message);
  const name = err instanceof Error ? err.name : 'Error';
  const detail = err instanceof Error ? `: ${err.message.slice(0, 200)}` : '';
  return new DeliveryError('retry', `zalo send failed (${name}${detail})`);
}

export function createZaloSender(client: ZaloClient): ChannelSender {
  return {
    async send(envelope: Envelope, progress?: SendProgress) {
      try {
        await sendParts(renderZaloMessages(envelope), progress, (message) =>
          client.sendMessage(envelope.chatId, message, { signal: progress?.signal?.() }),
        );
      } catch (err) {
        throw classifyZaloError(err);
      }
    },
  };
}
