import { actions } from '../actions.ts';
import { formatDay, formatVnDateTime } from '../clock.ts';
import type { Db } from '../db/client.ts';
import type { Campaign } from '../db/queries/campaigns.ts';
import { listEnterprises } from '../db/queries/enterprises.ts';
import { type Enqueue, enqueueMessages, toEachChat } from '../db/queries/outbox.ts';
import { listRecipients } from '../db/queries/people.ts';
import { getReportedEnterpriseIds } from '../db/queries/reports.ts';
import { t } from '../texts/index.ts';

export interface WaveResult {
  queued: number;
  skippedUnreachable: number;
  skippedPaused: number;
}

/**
 * One reminder wave for one campaign day: only officers of enterprises that have not reported that day, not paused
 * today, each identity at most once per wave (the dedupe key), waves beyond the daily cap send nothing.
 */
export async function sendReminderWave(
  db: Db,
  params: { campaign: Campaign; day: string; deadline: Date; now: Date; wave: number; maxPerDay: number },
): Promise<WaveResult> {
  const result: WaveResult = { queued: 0, skippedUnreachable: 0, skippedPaused: 0 };
  if (params.wave >= params.maxPerDay) return result;
  const enterprises = await listEnterprises(db);
  const reported = await getReportedEnterpriseIds(db, params.day);
  const missing = new Map(enterprises.filter((e) => !reported.has(e.id)).map((e) => [e.id, e]));
  if (missing.size === 0) return result;
  const officers = await listRecipients(db, { roles: ['officer'], enterpriseIds: [...missing.keys()] });
  const minutesLeft = Math.max(0, Math.round((params.deadline.getTime() - params.now.getTime()) / 60_000));
  const messages: Enqueue[] = [];
  for (const o of officers) {
    if (o.remindersPausedOn === params.day) {
      result.skippedPaused++;
      continue;
    }
    if (o.unreachable) {
      result.skippedUnreachable++;
      continue;
    }
    const enterprise = missing.get(o.enterpriseId!)!;
    messages.push({
      channel: o.channel,
      chatId: o.chatId,
      lane: 'bulk',
      dedupeKey: `remind:${params.day}:${params.wave}:${o.channel}:${o.chatId}`,
      text: t.reminder({
        name: o.displayName,
        enterprise: enterprise.name,
        day: formatDay(params.day),
        deadline: formatVnDateTime(params.deadline),
        minutesLeft,
      }),
      // Bound to the enterprise reminded about: tapped after the officer moved to another one, they are refused.
      buttons: [
        { label: t.btnReportOk, action: actions.reminder('ok', enterprise.id) },
        { label: t.btnReport, action: actions.reminder('form', enterprise.id) },
      ],
    });
  }
  result.queued = await enqueueMessages(db, messages);
  return result;
}

/** On the morning of the final deadline: every officer is reminded of the consolidated report and its e-mail. */
export async function sendFinalReminder(
  db: Db,
  params: { campaign: Campaign; email: string },
): Promise<number> {
  const officers = await listRecipients(db, { roles: ['officer'] });
  const text = t.finalReminder({
    deadline: formatVnDateTime(params.campaign.finalDeadline),
    label: params.campaign.finalDeadlineLabel,
    email: params.email,
  });
  return enqueueMessages(
    db,
    toEachChat(officers, `final:${params.campaign.id}`, () => ({ lane: 'bulk', text })),
  );
}
