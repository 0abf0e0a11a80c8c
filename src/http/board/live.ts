import type { Db } from '../../db/client.ts';
import { getBoardWatermark } from '../../db/queries/board.ts';
import type { Logger } from '../../logger.ts';

export interface LiveListener {
  /** What the board shows has changed (a report, an amendment, an incident update…). */
  change(watermark: string): void;
  /** The server is stopping: end the stream. */
  end(): void;
}

export interface LiveFeed {
  subscribe(listener: LiveListener): () => void;
  readonly listeners: number;
  /** Ends every stream and stops polling. */
  close(): void;
}

/**
 * One cheap poll of the database for all open boards, only while at least one is open: the report-recording code
 * stays as it is (no NOTIFY to add), and a second replica's reports are seen as well as this one's.
 */
export function createLiveFeed(deps: { db: Db; logger: Logger; intervalMs: number }): LiveFeed {
  const listeners = new Set<LiveListener>();
  let timer: NodeJS.Timeout | undefined;
  let last: string | undefined;
  let failing = false;
  let polling = false;

  async function poll(): Promise<void> {
    if (polling) return;
    polling = true;
    try {
      const watermark = await getBoardWatermark(deps.db);
      if (failing) deps.logger.info('board: database reachable again');
      failing = false;
      if (last !== undefined && watermark !== last) {
        for (const l of listeners) l.change(watermark);
      }
      last = watermark;
    } catch (err) {
      if (!failing) deps.logger.warn({ err }, 'board: cannot poll for changes');
      failing = true;
    } finally {
      polling = false;
    }
  }

  function stopTimer(): void {
    clearInterval(timer);
    timer = undefined;
    last = undefined;
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        void poll();
        timer = setInterval(() => void poll(), deps.intervalMs);
        timer.unref();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopTimer();
      };
    },
    get listeners() {
      return listeners.size;
    },
    close() {
      stopTimer();
      for (const l of [...listeners]) l.end();
      listeners.clear();
    },
  };
}
