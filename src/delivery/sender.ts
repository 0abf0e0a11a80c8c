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

/** What a channel gives the delivery worker: send one message, or throw DeliveryError. */
export interface ChannelSender {
  send(envelope: Envelope): Promise<void>;
}

export interface ChannelRates {
  /** Messages a second over the whole channel. */
  perSecond: number;
  /** Messages a second to one chat, and the burst tolerated. */
  perChat?: { perSecond: number; burst: number };
}
