import type { ChannelRates, ChannelSender } from '../delivery/sender.ts';
import type { Channel } from '../messages.ts';

/** An HTTP request to a channel's webhook, answered with a status: verified, parsed and recorded by then. */
export type WebhookHandler = (request: {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}) => Promise<number>;

/** What /healthz shows of a channel: `ok`, and whatever else helps an operator (mode, token expiry, last error). */
export interface ChannelHealth {
  ok: boolean;
  [detail: string]: unknown;
}

/**
 * One channel (Telegram, Zalo, the console) as the service sees it; the service loops over the configured ones.
 * Inside its folder a channel verifies, parses (`parse.ts`), renders (`render.ts`) and sends (`sender.ts`).
 */
export interface ChannelAdapter {
  name: Channel;
  /** Sends one outgoing message (or throws DeliveryError); the delivery worker calls it at `rates`. */
  sender: ChannelSender;
  rates: ChannelRates;
  /** HTTP path → webhook handler (none for the console). */
  routes: Record<string, WebhookHandler>;
  /** Starts receiving (polling, timers, the terminal); never fails the service for a remote API that is down. */
  start(): Promise<void>;
  /** Stops receiving and waits for what is under way; the service stops adapters in reverse order. */
  stop(): Promise<void>;
  health(): ChannelHealth;
}
