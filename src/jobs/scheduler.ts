import { addDays, type Clock, vnDay, vnInstant } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { type Campaign, getActiveCampaign } from '../db/queries/campaigns.ts';
import { claimJob } from '../db/queries/job-runs.ts';
import { enqueueMessages, toEachChat } from '../db/queries/outbox.ts';
import { listRecipients } from '../db/queries/people.ts';
import { getOrg } from '../features/directive.ts';
import { flushIncidentAlerts } from '../features/incidents.ts';
import { dailyDeadline } from '../features/reports.ts';
import { renderDayStatus } from '../features/status.ts';
import type { Logger } from '../logger.ts';
import { t } from '../texts/index.ts';
import { sendIncidentFollowUps } from './follow-ups.ts';
import { purgeOld } from './purge.ts';
import { sendFinalReminder, sendReminderWave } from './reminders.ts';

export interface SchedulerDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  schedule: Config['schedule'];
  /** How long sent messages and processed events are kept (default 7 and 30 days). */
  retention?: Config['retention'];
  onOutbox?: () => void;
}

/** The purge runs on the first tick and then at most this often (by the service's clock). */
export const PURGE_INTERVAL_MS = 3_600_000;

/**
 * Clock-driven jobs. Each occurrence has a unique key claimed in the same transaction as the messages it enqueues,
 * so with several replicas each goes out once, and after a restart one that fell due while down still goes out
 * (as long as it is still useful: a reminder after its deadline is not).
 */
export function createScheduler(deps: SchedulerDeps) {
  const { database, clock, logger, schedule } = deps;
  const db = database.db;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let lastPurge = Number.NEGATIVE_INFINITY;
  const retention = deps.retention ?? { outboxDays: 7, inboxDays: 30 };

  /** Old sent messages and processed events out, at most once per PURGE_INTERVAL_MS (a failure retries next tick). */
  async function purge(now: Date): Promise<void> {
    if (now.getTime() - lastPurge < PURGE_INTERVAL_MS) return;
    const deleted = await purgeOld(db, { ...retention, now });
    lastPurge = now.getTime();
    if (deleted.outbox || deleted.inbox || deleted.rateLimits)
      logger.info({ deleted }, 'old outbox messages, inbound events and counters deleted');
  }

  async function occurrence(key: string, work: (tx: typeof db) => Promise<number>): Promise<number> {
    return db.transaction(async (tx) => {
      if (!(await claimJob(tx, key))) return 0;
      const n = await work(tx);
      logger.info({ job: key, messages: n }, 'scheduled job ran');
      return n;
    });
  }

  async function campaignJobs(campaign: Campaign, now: Date): Promise<number> {
    let queued = 0;
    const today = vnDay(now);
    // Yesterday too: a deadline near midnight and a process that was down across it.
    for (const day of [addDays(today, -1), today]) {
      if (day < campaign.firstDay || day > campaign.lastDay) continue;
      const deadline = dailyDeadline(campaign, day);
      const offsets = [...schedule.reminderOffsetsMinutes].sort((a, b) => b - a);
      for (const [wave, offset] of offsets.entries()) {
        const due = new Date(deadline.getTime() - offset * 60_000);
        if (now < due || now >= deadline) continue;
        queued += await occurrence(`remind:${campaign.id}:${day}:${offset}`, async (tx) => {
          const r = await sendReminderWave(tx, {
            campaign,
            day,
            deadline,
            now,
            wave,
            maxPerDay: schedule.reminderMaxPerDay,
          });
          if (r.skippedUnreachable)
            logger.info({ day, skipped: r.skippedUnreachable }, 'reminders skipped: unreachable');
          return r.queued;
        });
      }
      const digestAt = vnInstant(day, schedule.digestTime);
      if (now >= digestAt && now < vnInstant(addDays(day, 1), '00:00')) {
        queued += await occurrence(`digest:${campaign.id}:${day}`, async (tx) => {
          const text = await renderDayStatus(tx, day, now);
          const staff = await listRecipients(tx, { roles: ['staff', 'admin'] });
          return enqueueMessages(
            tx,
            toEachChat(staff, `digest:${day}`, () => ({ lane: 'bulk', text: t.digestTitle(text) })),
          );
        });
      }
    }
    const finalDay = vnDay(campaign.finalDeadline);
    const finalAt = vnInstant(finalDay, schedule.finalReminderTime);
    if (now >= finalAt && now < campaign.finalDeadline) {
      queued += await occurrence(`final:${campaign.id}`, async (tx) =>
        sendFinalReminder(tx, { campaign, email: (await getOrg(tx)).email }),
      );
    }
    return queued;
  }

  async function tick(): Promise<number> {
    const now = clock.now();
    let queued = 0;
    const campaign = await getActiveCampaign(db);
    if (campaign) queued += await campaignJobs(campaign, now);
    queued += await db.transaction((tx) =>
      sendIncidentFollowUps(tx, { now, afterMinutes: schedule.incidentFollowupMinutes }),
    );
    queued += await db.transaction((tx) => flushIncidentAlerts(tx, now));
    if (queued > 0) deps.onOutbox?.();
    await purge(now);
    return queued;
  }

  return {
    /** Runs every due job once; returns how many messages were queued. */
    tick,
    start(intervalMs = 30_000) {
      const loop = () => {
        running = tick()
          .then(() => undefined)
          .catch((err) => logger.warn({ err }, 'scheduler tick failed'))
          .finally(() => {
            if (timer) timer = setTimeout(loop, intervalMs);
          });
      };
      timer = setTimeout(loop, 1000);
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
