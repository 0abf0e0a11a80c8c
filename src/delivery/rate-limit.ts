/**
 * At most `limit` grants in any sliding window of `windowMs`, evenly spaced, handed out in priority order (lower
 * first, FIFO within a priority). Spacing matters: a burst of 30 at a window's edge arrives spread out at the API
 * and overlaps the next burst there, which is exactly how 429 storms start.
 */
export class SlidingWindowLimiter {
  private readonly grants: number[] = [];
  private readonly waiting: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pausedUntil = 0;
  /** When the next grant is due: each grant moves it on by the gap (from now, after a quiet spell). */
  private nextAt = Number.NEGATIVE_INFINITY;
  private readonly gapMs: number;
  /**
   * The clock counts whole milliseconds and a timer waits at least one: below a 1 ms gap, the grants due within
   * the current millisecond are handed out together (still at most the rate on average), not one per timer.
   */
  private readonly slackMs: number;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1000,
    private readonly now: () => number = Date.now,
  ) {
    this.gapMs = windowMs / limit;
    this.slackMs = this.gapMs < 1 ? 1 : 0;
  }

  take(priority = 0): Promise<void> {
    return new Promise((resolve) => {
      queueUp(this.waiting, { priority, resolve });
      this.pump();
    });
  }

  /** Sends nothing until `ms` from now (the API said 429 retry_after). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    this.pump();
  }

  get queued(): number {
    return this.waiting.length;
  }

  private pump(): void {
    if (this.timer) return;
    const now = this.now();
    while (this.grants.length > 0 && this.grants[0]! <= now - this.windowMs) this.grants.shift();
    while (
      this.waiting.length > 0 &&
      now >= this.pausedUntil &&
      this.grants.length < this.limit &&
      now + this.slackMs >= this.nextAt
    ) {
      this.grants.push(now);
      this.nextAt = Math.max(this.nextAt, now - this.slackMs) + this.gapMs;
      this.waiting.shift()!.resolve();
    }
    if (this.waiting.length === 0) return;
    const wait = Math.max(
      this.pausedUntil - now,
      this.nextAt - this.slackMs - now,
      this.grants.length < this.limit ? 0 : this.grants[0]! + this.windowMs - now + 1,
    );
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.max(1, wait),
    );
  }
}

/**
 * A token bucket: `ratePerSecond` sustained with bursts of `burst` (a receipt and its follow-up question together).
 * Waiters are served in priority order (lower first, FIFO within a priority): a chat's answer goes before the
 * alerts to the same chat that are still waiting for a token.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly waiting: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(priority = 0): Promise<void> {
    return new Promise((resolve) => {
      queueUp(this.waiting, { priority, resolve });
      this.pump();
    });
  }

  /** Empties the bucket for `ms` (a per-chat 429). */
  pause(ms: number): void {
    this.tokens = -(ms / 1000) * this.ratePerSecond;
    this.last = this.now();
  }

  get idle(): boolean {
    this.refill();
    return this.waiting.length === 0 && this.tokens >= this.burst - 1e-9;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
  }

  private pump(): void {
    if (this.timer) return;
    this.refill();
    while (this.waiting.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.waiting.shift()!.resolve();
    }
    if (this.waiting.length === 0) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000),
    );
  }
}

interface Waiter {
  priority: number;
  resolve: () => void;
}

/** In priority order (lower first), first come first served within a priority. */
function queueUp(waiting: Waiter[], waiter: Waiter): void {
  const at = waiting.findIndex((w) => w.priority > waiter.priority);
  if (at === -1) waiting.push(waiter);
  else waiting.splice(at, 0, waiter);
}
