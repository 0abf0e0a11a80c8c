import type { Envelope } from '../messages.ts';

export type DeliveryFailure =
  /** Try again later (429, 5xx, network). */
  | 'retry'
  /** The recipient cannot be reached on this channel (blocked the bot, outside Zalo's window). */
  | 'unreachable'
  /** This message can never be sent (bad request). */
  | 'permanent';

export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
    readonly retryAfterMs?: number,
    /** True when the wait applies to the whole channel, not only this chat. */
    readonly global = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Where a long message, split into parts by the channel, resumes after a failure. */
export interface SendProgress {
  /** Parts already delivered by an earlier attempt. */
  skip: number;
  /** Called after each part is delivered with the number delivered so far. */
  onPart(partsSent: number): Promise<void>;
  /**
   * A signal for the next API call, fetched once per call: it aborts the call when it runs past the send timeout
   * (already aborted when no time is left). The outcome of an aborted call is unknown; it is retried.
   */
  signal?(): AbortSignal;
}

/** What a channel gives the delivery worker: send one message, or throw DeliveryError. */
export interface ChannelSender {
  send(envelope: Envelope, progress?: SendProgress): Promise<void>;
}

/** Sends `parts` in order, skipping those an earlier attempt delivered and reporting each one delivered. */
export async function sendParts<T>(
  parts: T[],
  progress: SendProgress | undefined,
  sendPart: (part: T) => Promise<unknown>,
): Promise<void> {
  for (let i = progress?.skip ?? 0; i < parts.length; i++) {
    await sendPart(parts[i]!);
    if (i < parts.length - 1) await progress?.onPart(i + 1);
  }
}

export interface ChannelRates {
  /** Messages a second over the whole channel. */
  perSecond: number;
  /** Messages a second to one chat, and the burst tolerated. */
  perChat?: { perSecond: number; burst: number };
}
