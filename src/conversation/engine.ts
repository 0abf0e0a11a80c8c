import { type Clock, formatDay, formatVnTime, vnDay } from '../clock.ts';
import type { Db } from '../db/client.ts';
import {
  type ConversationRow,
  loadConversation,
  saveConversation,
} from '../db/queries/conversation-state.ts';
import { getMember, type Member, touchIdentity } from '../db/queries/people.ts';
import { getLatestReport } from '../db/queries/reports.ts';
import type { IncidentDetails } from '../db/schema.ts';
import { AFFECTED_CHOICES, AREA_CHOICES, kindsForSector } from '../features/incident-kinds.ts';
import { fold, NOTE_MAX, parseOneLine, submitReport } from '../features/reports.ts';
import { lookup } from '../lookup.ts';
import type { Button, IncomingMessage, OutgoingMessage } from '../messages.ts';
import { parseCommand } from './commands.ts';
import { reportRef, t } from './texts.ts';

export const TEXT_MAX = 4000;

/** One turn of the conversation: the context every handler gets. */
export interface Turn {
  db: Db;
  msg: IncomingMessage;
  member: Member | null;
  conv: ConversationRow;
  now: Date;
  out: OutgoingMessage[];
  reply(text: string, buttons?: Button[]): void;
}

export type CommandHandler = (turn: Turn, args: string) => Promise<void>;
export type ActionHandler = (turn: Turn, payload: string) => Promise<void>;

export interface ConversationDeps {
  clock: Clock;
  /** Extra commands and button actions from features (registration, Q&A, follow-ups…). */
  commands: Record<string, CommandHandler>;
  actions: Record<string, ActionHandler>;
  /** Free text that is neither a command nor a dialog answer. */
  onFreeText: (turn: Turn, text: string) => Promise<void>;
}

export interface Conversation {
  /** Handles one inbound message inside the caller's transaction; returns the replies to this chat. */
  handle(db: Db, msg: IncomingMessage): Promise<OutgoingMessage[]>;
}

export function createConversation(deps: ConversationDeps): Conversation {
  const commands: Record<string, CommandHandler> = { ...reportCommands(), ...deps.commands };
  const actions: Record<string, ActionHandler> = { ...reportActions(), ...deps.actions };

  return {
    async handle(db, msg) {
      const now = deps.clock.now();
      const conv = await loadConversation(db, msg.channel, msg.chatId);
      const before = JSON.stringify(conv);
      const member = await getMember(db, msg.channel, msg.userId);
      const { lastInboundAt, unreachableAt } = member?.identity ?? {};
      // A write per message only to move a timestamp is wasted: minutes are precise enough for the 7-day window.
      if (
        member &&
        (unreachableAt || !lastInboundAt || now.getTime() - lastInboundAt.getTime() > 5 * 60_000)
      ) {
        await touchIdentity(db, member.identity.id, now);
      }
      const out: OutgoingMessage[] = [];
      const turn: Turn = {
        db,
        msg,
        member,
        conv,
        now,
        out,
        reply: (text, buttons) =>
          out.push({ chatId: msg.chatId, text, ...(buttons?.length ? { buttons } : {}) }),
      };
      const choices = (conv.data.choices as string[] | undefined) ?? [];
      const text = (msg.text ?? '').trim();
      let action = msg.action;
      if (!action && /^\d{1,2}$/.test(text) && choices[Number(text) - 1]) action = choices[Number(text) - 1];

      if (action) {
        const [prefix, ...rest] = action.split(':');
        const handler = lookup(actions, prefix ?? '');
        if (handler) await handler(turn, rest.join(':'));
        else turn.reply(t.expiredAction);
      } else if (!text) {
        turn.reply(t.emptyMessage);
      } else if (text.length > TEXT_MAX) {
        turn.reply(t.tooLong(TEXT_MAX));
      } else {
        const command = parseCommand(text);
        if (command && 'unknown' in command) turn.reply(t.unknownCommand(command.unknown));
        else if (command) {
          const handler = lookup(commands, command.name);
          if (handler) await handler(turn, command.args);
          else turn.reply(t.unknownCommand(command.word));
        } else if (conv.state.startsWith('inc:')) await answerDialog(turn, text);
        else await deps.onFreeText(turn, text);
      }

      const last = out.at(-1);
      turn.conv.data = { ...turn.conv.data, choices: last?.buttons?.map((b) => b.action) ?? [] };
      // Most turns (a one-line report, a question) leave the dialog as it was: no write then.
      if (JSON.stringify(turn.conv) !== before) await saveConversation(db, turn.conv, now);
      return out;
    },
  };
}

function setState(turn: Turn, state: string, data: Record<string, unknown> = {}): void {
  turn.conv.state = state;
  turn.conv.data = data;
}

function officerOf(turn: Turn): Member | null {
  const m = turn.member;
  if (!m) {
    turn.reply(t.notRegistered);
    return null;
  }
  if (m.person.role !== 'officer' || !m.enterprise) {
    turn.reply(t.officersOnly);
    return null;
  }
  return m;
}

function reportCommands(): Record<string, CommandHandler> {
  return {
    report: async (turn, args) => {
      const member = officerOf(turn);
      if (!member?.enterprise) return;
      const day = vnDay(turn.now);
      if (args) {
        const one = parseOneLine(args);
        if (one.status === 'invalid') return turn.reply(t.oneLineUsage);
        if (one.status === 'incident' && one.note.length > NOTE_MAX) return turn.reply(t.tooLong(NOTE_MAX));
        setState(turn, 'idle');
        return record(
          turn,
          day,
          one.status === 'incident' ? { kind: 'khac', ongoing: true } : null,
          one.status === 'incident' ? one.note : null,
        );
      }
      const existing = await getLatestReport(turn.db, member.enterprise.id, day);
      setState(turn, 'report:choose', { day });
      turn.reply(
        existing
          ? t.reportAskAmend(member.enterprise.name, formatDay(day), formatVnTime(existing.createdAt))
          : t.reportAsk(member.enterprise.name, formatDay(day)),
        [
          { label: t.btnNormal, action: 'rp:ok' },
          { label: t.btnIncident, action: 'rp:inc' },
        ],
      );
    },
    cancel: async (turn) => {
      if (turn.conv.state === 'idle') return turn.reply(t.nothingToCancel);
      setState(turn, 'idle');
      turn.reply(t.cancelled);
    },
  };
}

function dialogDay(turn: Turn): string {
  const day = turn.conv.data.day;
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : vnDay(turn.now);
}

async function record(
  turn: Turn,
  day: string,
  incident: IncidentDetails | null,
  note: string | null,
): Promise<void> {
  const member = turn.member!;
  const { receipt } = await submitReport(turn.db, {
    enterpriseId: member.enterprise!.id,
    enterpriseName: member.enterprise!.name,
    enterpriseCode: member.enterprise!.code,
    reporterId: member.person.id,
    channel: turn.msg.channel,
    day,
    incident,
    note,
    now: turn.now,
  });
  setState(turn, 'idle');
  turn.reply(receipt);
}

const cancelButton = (): Button => ({ label: t.btnCancel, action: 'cancel:' });

function askKind(turn: Turn, member: Member): void {
  turn.reply(t.askKind, [
    ...kindsForSector(member.enterprise!.sector).map((k) => ({ label: k.label, action: `ik:${k.id}` })),
    cancelButton(),
  ]);
}
function askArea(turn: Turn): void {
  turn.reply(t.askArea, [
    ...AREA_CHOICES.map((c) => ({ label: c.label, action: `ia:${c.id}` })),
    cancelButton(),
  ]);
}
function askAffected(turn: Turn, text: string = t.askAffected): void {
  turn.reply(text, [
    ...AFFECTED_CHOICES.map((c) => ({ label: c.label, action: `if:${c.id}` })),
    { label: t.btnSkip, action: 'if:skip' },
  ]);
}
function askOngoing(turn: Turn): void {
  turn.reply(t.askOngoing, [
    { label: t.btnOngoing, action: 'io:1' },
    { label: t.btnResolved, action: 'io:0' },
  ]);
}
function askNote(turn: Turn): void {
  turn.reply(t.askNote, [{ label: t.btnSkip, action: 'in:skip' }]);
}

/** The question to repeat when a dialog answer is not understood. */
function reaskCurrent(turn: Turn): void {
  const member = turn.member;
  const asks: Record<string, () => void> = {
    'inc:area': () => askArea(turn),
    'inc:affected': () => askAffected(turn),
    'inc:ongoing': () => askOngoing(turn),
    'inc:note': () => askNote(turn),
    ...(member?.enterprise ? { 'inc:kind': () => askKind(turn, member) } : {}),
  };
  const ask = asks[turn.conv.state];
  if (ask) {
    ask();
    return;
  }
  setState(turn, 'idle');
  turn.reply(t.expiredAction);
}

function incidentData(turn: Turn): Record<string, unknown> {
  return { ...turn.conv.data };
}

function finishIncident(turn: Turn, note: string | null): Promise<void> {
  const d = turn.conv.data;
  const incident: IncidentDetails = {
    kind: String(d.kind),
    ongoing: d.ongoing !== false,
    ...(typeof d.area === 'string' ? { area: d.area } : {}),
    ...(typeof d.affected === 'string' ? { affected: d.affected } : {}),
  };
  return record(turn, dialogDay(turn), incident, note);
}

/** Typed answers inside the incident dialog. */
async function answerDialog(turn: Turn, text: string): Promise<void> {
  if (!turn.member?.enterprise || turn.member.person.role !== 'officer') {
    setState(turn, 'idle');
    return turn.reply(t.expiredAction);
  }
  switch (turn.conv.state) {
    case 'inc:area':
      if (text.length > 200) return turn.reply(t.tooLong(200));
      setState(turn, 'inc:affected', { ...incidentData(turn), area: text });
      return askAffected(turn);
    case 'inc:affected': {
      const n = /^\d{1,9}$/.exec(text.replace(/[.,\s]/g, ''));
      if (!n) return askAffected(turn, t.affectedInvalid);
      setState(turn, 'inc:ongoing', { ...incidentData(turn), affected: String(Number(n[0])) });
      return askOngoing(turn);
    }
    case 'inc:ongoing': {
      const folded = fold(text);
      if (/^(da khac phuc|xong|roi|da xong|ok|da xu ly)/.test(folded)) {
        setState(turn, 'inc:note', { ...incidentData(turn), ongoing: false });
        return askNote(turn);
      }
      if (/^(dang xu ly|chua|dang khac phuc|chua xong)/.test(folded)) {
        setState(turn, 'inc:note', { ...incidentData(turn), ongoing: true });
        return askNote(turn);
      }
      return askOngoing(turn);
    }
    case 'inc:note':
      if (text.length > NOTE_MAX) return turn.reply(t.tooLong(NOTE_MAX));
      return finishIncident(turn, text);
    default:
      return reaskCurrent(turn);
  }
}

function reportActions(): Record<string, ActionHandler> {
  const inState = (turn: Turn, state: string): boolean => {
    if (turn.conv.state === state && turn.member?.enterprise && turn.member.person.role === 'officer')
      return true;
    turn.reply(t.expiredAction);
    return false;
  };
  return {
    cancel: async (turn) => {
      if (turn.conv.state === 'idle') return turn.reply(t.nothingToCancel);
      setState(turn, 'idle');
      turn.reply(t.cancelled);
    },
    rm: async (turn, payload) => {
      if (payload !== 'ok' && payload !== 'form') return turn.reply(t.expiredAction);
      const report = reportCommands().report!;
      return report(turn, payload === 'ok' ? 'ok' : '');
    },
    rp: async (turn, payload) => {
      if (turn.conv.state !== 'report:choose' && turn.conv.state === 'idle' && turn.member?.enterprise) {
        // A second tap on a patchy connection: say the report is in rather than "expired".
        const latest = await getLatestReport(turn.db, turn.member.enterprise.id, vnDay(turn.now));
        if (latest)
          return turn.reply(t.alreadyRecorded(formatVnTime(latest.createdAt), reportRef(latest.id)));
      }
      if (!inState(turn, 'report:choose')) return;
      const day = dialogDay(turn);
      if (payload === 'ok') return record(turn, day, null, null);
      if (payload === 'inc') {
        setState(turn, 'inc:kind', { day });
        return askKind(turn, turn.member!);
      }
      turn.reply(t.expiredAction);
    },
    ik: async (turn, payload) => {
      if (!inState(turn, 'inc:kind')) return;
      const kind = kindsForSector(turn.member!.enterprise!.sector).find((k) => k.id === payload);
      if (!kind) return reaskCurrent(turn);
      setState(turn, 'inc:area', { ...incidentData(turn), kind: kind.id });
      askArea(turn);
    },
    ia: async (turn, payload) => {
      if (!inState(turn, 'inc:area')) return;
      const area = AREA_CHOICES.find((c) => c.id === payload);
      if (!area) return reaskCurrent(turn);
      setState(turn, 'inc:affected', { ...incidentData(turn), area: area.label });
      askAffected(turn);
    },
    if: async (turn, payload) => {
      if (!inState(turn, 'inc:affected')) return;
      const choice = AFFECTED_CHOICES.find((c) => c.id === payload);
      if (!choice && payload !== 'skip') return reaskCurrent(turn);
      const data = incidentData(turn);
      setState(turn, 'inc:ongoing', choice ? { ...data, affected: choice.label } : data);
      askOngoing(turn);
    },
    io: async (turn, payload) => {
      if (!inState(turn, 'inc:ongoing')) return;
      if (payload !== '0' && payload !== '1') return reaskCurrent(turn);
      setState(turn, 'inc:note', { ...incidentData(turn), ongoing: payload === '1' });
      askNote(turn);
    },
    in: async (turn, payload) => {
      if (!inState(turn, 'inc:note')) return;
      if (payload !== 'skip') return reaskCurrent(turn);
      await finishIncident(turn, null);
    },
  };
}
