import { formatDay, vnDay } from '../clock.ts';
import { enqueueMessages } from '../db/queries/outbox.ts';
import { listRecipients, pauseReminders } from '../db/queries/people.ts';
import { getLatestReport, getReportById } from '../db/queries/reports.ts';
import { submitReport } from '../features/reports.ts';
import type { Channel } from '../messages.ts';
import type { ActionHandler, CommandHandler } from './engine.ts';
import { reportRef, t, tj } from './texts.ts';

/** `/tamdung`: no more reminders today for this officer. */
export const pause: CommandHandler = async (turn) => {
  if (!turn.member) return turn.reply(t.notRegistered);
  if (turn.member.person.role !== 'officer') return turn.reply(t.officersOnly);
  const day = vnDay(turn.now);
  await pauseReminders(turn.db, turn.member.person.id, day);
  turn.reply(tj.paused(formatDay(day)));
};

/** "Đã khắc phục chưa?" answered: a resolved incident is recorded as a new revision of that day's report. */
export const followUpAnswer: ActionHandler = async (turn, payload) => {
  const [idText, answer] = payload.split(':');
  const member = turn.member;
  const report = /^\d{1,9}$/.test(idText ?? '') ? await getReportById(turn.db, Number(idText)) : null;
  if (
    !report ||
    !member?.enterprise ||
    member.enterprise.id !== report.enterpriseId ||
    (answer !== '0' && answer !== '1')
  ) {
    return turn.reply(t.expiredAction);
  }
  const latest = await getLatestReport(turn.db, report.enterpriseId, report.reportDay);
  if (!latest || latest.id !== report.id || report.status !== 'incident' || !report.incident) {
    return turn.reply(tj.followUpStale);
  }
  if (answer === '0') return turn.reply(tj.followUpOngoing);
  const { report: revision } = await submitReport(turn.db, {
    enterpriseId: report.enterpriseId,
    enterpriseName: member.enterprise.name,
    enterpriseCode: member.enterprise.code,
    reporterId: member.person.id,
    channel: turn.msg.channel,
    day: report.reportDay,
    incident: { ...report.incident, ongoing: false },
    note: report.note,
    now: turn.now,
  });
  turn.reply(tj.followUpFixed(reportRef(revision.id)));
};

/** `/thongbao <text>` (admins): a message to every officer; answers how many and who cannot be reached. */
export const broadcast: CommandHandler = async (turn, args) => {
  const role = turn.member?.person.role;
  if (role !== 'admin') return turn.reply(turn.member ? t.adminOnly : t.notRegistered);
  if (!args) return turn.reply(tj.broadcastUsage);
  if (args.length > 3000) return turn.reply(t.tooLong(3000));
  const officers = await listRecipients(turn.db, { roles: ['officer'] });
  const reachable = officers.filter((o) => !o.unreachable);
  const stamp = `${turn.now.getTime()}:${turn.msg.channel}:${turn.msg.chatId}`;
  const queued = await enqueueMessages(
    turn.db,
    reachable.map((o) => ({
      channel: o.channel as Channel,
      chatId: o.chatId,
      lane: 'bulk' as const,
      dedupeKey: `broadcast:${stamp}:${o.channel}:${o.chatId}`,
      text: tj.broadcast(args),
    })),
  );
  const reachablePeople = new Set(reachable.map((o) => o.personId));
  const unreachable = [
    ...new Set(
      officers.filter((o) => !reachablePeople.has(o.personId)).map((o) => `${o.displayName} (${o.channel})`),
    ),
  ];
  turn.reply(tj.broadcastQueued(reachablePeople.size, queued, unreachable));
};
