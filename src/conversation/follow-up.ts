import { formatDay, formatVnDateTime, vnDay } from '../clock.ts';
import { addIncidentUpdate, getIncident, type Incident } from '../db/queries/incidents.ts';
import { enqueueMessages, toEachChat } from '../db/queries/outbox.ts';
import { type Enterprise, listRecipients, type Member, pauseReminders } from '../db/queries/people.ts';
import { closeIncident, durationText, incidentTitle } from '../features/incidents.ts';
import { t } from '../texts/index.ts';
import type { ActionHandler, CommandHandler, Turn } from './engine.ts';

/** `/tamdung`: no more reminders today for this officer (officers only: checked by the command table). */
export const pause: CommandHandler = async (turn) => {
  if (!turn.member) return;
  const day = vnDay(turn.now);
  await pauseReminders(turn.db, turn.member.person.id, day);
  turn.reply(t.paused(formatDay(day)));
};

/** "Sự cố X đã khắc phục chưa?" answered (`ix:<incident id>:1|0`): closing it alerts staff. */
export const incidentAnswer: ActionHandler = async (turn, payload) => {
  const [idText, answer] = payload.split(':');
  const member = turn.member;
  const incident = /^\d{1,9}$/.test(idText ?? '') ? await getIncident(turn.db, Number(idText)) : null;
  if (
    !incident ||
    !member?.enterprise ||
    member.person.role !== 'officer' ||
    member.enterprise.id !== incident.enterpriseId ||
    (answer !== '0' && answer !== '1')
  ) {
    return turn.reply(t.expiredAction);
  }
  if (incident.resolvedAt) return turn.reply(t.incidentAlreadyClosed(formatVnDateTime(incident.resolvedAt)));
  if (answer === '0') {
    await addIncidentUpdate(turn.db, {
      incidentId: incident.id,
      kind: 'update',
      personId: member.person.id,
      at: turn.now,
      text: t.incidentUpdateOngoing,
    });
    return turn.reply(t.incidentStillOpen);
  }
  await closeByOfficer(turn, { ...member, enterprise: member.enterprise }, incident);
};

/** An officer says the incident is fixed (a button or in words): it is closed, staff alerted, the officer told. */
export async function closeByOfficer(
  turn: Turn,
  member: Member & { enterprise: Enterprise },
  incident: Pick<Incident, 'id'>,
): Promise<void> {
  const closed = await closeIncident(turn.db, {
    id: incident.id,
    personId: member.person.id,
    at: turn.now,
    enterpriseName: member.enterprise.name,
    enterpriseCode: member.enterprise.code,
  });
  if (!closed) return turn.reply(t.incidentAlreadyClosed(formatVnDateTime(turn.now)));
  turn.reply(t.incidentFixedReply(incidentTitle(closed), durationText(closed.openedAt, turn.now)));
}

/** `/thongbao <text>` (admins, checked by the command table): a message to every officer; answers how many and who cannot be reached. */
export const broadcast: CommandHandler = async (turn, args) => {
  if (!args) return turn.reply(t.broadcastUsage);
  if (args.length > 3000) return turn.reply(t.tooLong(3000));
  const officers = await listRecipients(turn.db, { roles: ['officer'] });
  const reachable = officers.filter((o) => !o.unreachable);
  const stamp = `${turn.now.getTime()}:${turn.msg.channel}:${turn.msg.chatId}`;
  const queued = await enqueueMessages(
    turn.db,
    toEachChat(reachable, `broadcast:${stamp}`, () => ({ lane: 'bulk', text: t.broadcast(args) })),
  );
  const reachablePeople = new Set(reachable.map((o) => o.personId));
  const unreachable = [
    ...new Set(
      officers.filter((o) => !reachablePeople.has(o.personId)).map((o) => `${o.displayName} (${o.channel})`),
    ),
  ];
  turn.reply(t.broadcastQueued(reachablePeople.size, queued, unreachable));
};
