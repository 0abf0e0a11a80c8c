import { splitAction } from '../actions.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { type Campaign, createActiveCampaignCache } from '../db/queries/campaigns.ts';
import {
  type ConversationRow,
  loadConversation,
  saveConversationStatement,
} from '../db/queries/conversation-state.ts';
import { findEnterprise } from '../db/queries/enterprises.ts';
import { type Incident, listOpenIncidents } from '../db/queries/incidents.ts';
import { getMember, type Member, touchIdentityStatement } from '../db/queries/people.ts';
import type { TurnContext } from '../db/queries/turn.ts';
import type { LastStatement } from '../db/transaction.ts';
import { fold } from '../features/reports.ts';
import type { Button, IncomingMessage, OutgoingMessage } from '../messages.ts';
import type { QaEngine } from '../qa/index.ts';
import { t } from '../texts/index.ts';
import { handleChannelEvent } from './channel-events.ts';
import { COMMAND_TABLE, type CommandSpec, parseCommand, refusal, runCommand, type Who } from './commands.ts';
import { readDialog } from './dialog.ts';
import { detectIntent } from './intent.ts';
import { numbersPickButtons } from './report-form.ts';
import { answerForm, inForm, routeReportIntent } from './reporting.ts';

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
  /** The open incidents of the member's enterprise as the turn began (read once, or given by the inbox). */
  openIncidents(): Promise<Incident[]>;
  /** The active campaign (cached for a few seconds across turns). */
  campaign(): Promise<Campaign | null>;
  /** What handlers may need beyond the database: the Q&A engine, the board's address. */
  services: ConversationServices;
}

export interface ConversationServices {
  qa?: QaEngine;
  /** The web board's public base URL, read when a link is made (the port is known once the server listens). */
  boardUrl?: () => string;
}

export type CommandHandler = (turn: Turn, args: string) => Promise<void>;
export type ActionHandler = (turn: Turn, payload: string) => Promise<void>;

/** A button's action prefix, who may tap it (checked once, like commands) and its handler. */
export interface ActionSpec {
  who: Who;
  handler: ActionHandler;
}

export interface ConversationDeps {
  clock: Clock;
  /** The command table (default: every command, COMMAND_TABLE). */
  commands?: readonly CommandSpec[];
  /** Button actions by prefix. */
  actions: Record<string, ActionSpec>;
  /** Free text that is neither a command, nor a dialog answer, nor an officer's report in words: a question. */
  onFreeText: (turn: Turn, text: string) => Promise<void>;
  services?: ConversationServices;
  /** The active campaign; default: read at most every 10 s (createActiveCampaignCache). */
  activeCampaign?: (db: Db) => Promise<Campaign | null>;
}

/** What a turn starts from when the caller read it already (the inbox reads it with the event). */
export type TurnStart = Pick<TurnContext, 'conv' | 'member' | 'openIncidents'>;

export interface Conversation {
  /** Handles one inbound message inside the caller's transaction; returns the replies to this chat. */
  handle(db: Db, msg: IncomingMessage): Promise<OutgoingMessage[]>;
  /**
   * The same, leaving the turn's own last writes (dialog state, the sender's last-seen time) to the caller, to run
   * at the end of its transaction. `start` is the chat's state and sender when the caller has read them.
   */
  handleTurn?(
    db: Db,
    msg: IncomingMessage,
    start?: TurnStart,
  ): Promise<{ replies: OutgoingMessage[]; last: LastStatement[] }>;
}

/** JSON with object keys sorted: jsonb stores keys in its own order, so a plain stringify would differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function createConversation(deps: ConversationDeps): Conversation {
  const table = deps.commands ?? COMMAND_TABLE;
  const commands = new Map(table.map((c) => [c.name, c]));
  const activeCampaign = deps.activeCampaign ?? createActiveCampaignCache();
  const services = deps.services ?? {};

  async function handleTurn(
    db: Db,
    msg: IncomingMessage,
    start?: TurnStart,
  ): Promise<{ replies: OutgoingMessage[]; last: LastStatement[] }> {
    const now = deps.clock.now();
    // A follow or unfollow is not a message: no dialog, no command, only its own effect (channel-events.ts).
    if (msg.event) return handleChannelEvent(db, msg, { event: msg.event, now, member: start?.member });
    const conv = start?.conv ?? (await loadConversation(db, msg.channel, msg.chatId));
    if (msg.chatType === 'group') return refuseGroup(db, conv, now);
    const before = canonical(conv);
    const member = start ? start.member : await getMember(db, msg.channel, msg.userId);
    const last: LastStatement[] = [];
    const { lastInboundAt, unreachableAt } = member?.identity ?? {};
    // A write per message only to move a timestamp is wasted: minutes are precise enough for the 7-day window.
    if (member && (unreachableAt || !lastInboundAt || now.getTime() - lastInboundAt.getTime() > 5 * 60_000)) {
      last.push(touchIdentityStatement(db, member.identity.id, now));
    }
    const out: OutgoingMessage[] = [];
    let open: Promise<Incident[]> | undefined = start ? Promise.resolve(start.openIncidents) : undefined;
    const turn: Turn = {
      db,
      msg,
      member,
      conv,
      now,
      out,
      services,
      reply: (text, buttons) =>
        out.push({ chatId: msg.chatId, text, ...(buttons?.length ? { buttons } : {}) }),
      openIncidents: () => {
        const enterpriseId = member?.enterprise?.id;
        if (enterpriseId === undefined) return Promise.resolve([]);
        open ??= listOpenIncidents(db, enterpriseId);
        return open;
      },
      campaign: () => activeCampaign(db),
    };
    await route(turn);

    const lastReply = out.at(-1);
    turn.conv.data = {
      ...turn.conv.data,
      choices: lastReply?.buttons?.map((b) => b.action) ?? [],
      labels: lastReply?.buttons?.map((b) => b.label) ?? [],
    };
    // Most turns (a one-line report, a question) leave the dialog as it was: no write then.
    if (canonical(turn.conv) !== before) last.push(saveConversationStatement(db, turn.conv, now));
    return { replies: out, last };
  }

  /**
   * One message, in this order: a tap (or a typed number or label standing for one), a command, an answer to the
   * open form, an officer's report in their own words, and last a question for the Q&A.
   */
  async function route(turn: Turn): Promise<void> {
    const { conv, msg } = turn;
    const choices = (conv.data.choices as string[] | undefined) ?? [];
    const labels = (conv.data.labels as string[] | undefined) ?? [];
    const text = (msg.text ?? '').trim();
    let action = msg.action;
    // A typed number is the n-th button, except where the step asks for a number (how many affected, a description).
    if (
      !action &&
      /^\d{1,2}$/.test(text) &&
      numbersPickButtons(readDialog(conv)) &&
      choices[Number(text) - 1]
    )
      action = choices[Number(text) - 1];
    if (!action && text) action = choiceByLabel(text, labels, choices);

    if (action) return runAction(turn, action);
    if (!text) return turn.reply(t.emptyMessage);
    if (text.length > TEXT_MAX) return turn.reply(t.tooLong(TEXT_MAX));
    const command = parseCommand(text);
    if (command && 'unknown' in command) return turn.reply(t.unknownCommand(command.unknown));
    // A command named in words by someone it is not for ("tổng hợp báo cáo" from an officer) is their question.
    const spec = command ? commands.get(command.name) : undefined;
    if (command && !(command.phrase && spec && refusal(spec.who, turn))) {
      return spec ? runCommand(turn, spec, command.args) : turn.reply(t.unknownCommand(command.word));
    }
    if (inForm(turn)) return answerForm(turn, text);
    // A lone "1" is never a question about the letter: it was meant for buttons that are gone.
    if (/^\d{1,2}$/.test(text)) return turn.reply(t.noChoiceWaiting(text));
    const intent = detectIntent(text);
    if (intent?.type === 'register') {
      const register = commands.get('register');
      if (register) return runCommand(turn, register, intent.code);
    } else if (
      (intent?.type === 'status' || intent?.type === 'check_report') &&
      turn.member &&
      turn.member.person.role !== 'officer'
    ) {
      const status = commands.get('status');
      if (status) return runCommand(turn, status, '');
    } else if (intent?.type === 'check_enterprise') {
      // Staff asking "VNPT báo cáo chưa?" get that enterprise's history; a name that is none is their question.
      const status = commands.get('status');
      const enterprise =
        turn.member && turn.member.person.role !== 'officer'
          ? await findEnterprise(turn.db, intent.name)
          : null;
      if (status && enterprise) return runCommand(turn, status, enterprise.code);
    } else if (intent && (await routeReportIntent(turn, intent))) return;
    await deps.onFreeText(turn, text);
  }

  async function runAction(turn: Turn, action: string): Promise<void> {
    const { prefix, payload } = splitAction(action);
    const spec = Object.hasOwn(deps.actions, prefix) ? deps.actions[prefix] : undefined;
    if (!spec) return turn.reply(t.expiredAction);
    const refused = refusal(spec.who, turn);
    if (refused) return turn.reply(refused);
    await spec.handler(turn, payload);
  }

  return {
    handleTurn,
    async handle(db, msg) {
      const { replies, last } = await handleTurn(db, msg);
      for (const statement of last) await statement;
      return replies;
    },
  };
}

/**
 * A group chat gets one polite refusal, the first time, and nothing else ever: no registration, no report, no
 * answer, whoever writes or taps there. Nobody is looked up, so a group cannot act for any of its members.
 */
function refuseGroup(
  db: Db,
  conv: ConversationRow,
  now: Date,
): { replies: OutgoingMessage[]; last: LastStatement[] } {
  if (conv.data.privateOnlyNoticeAt) return { replies: [], last: [] };
  const noticed = { ...conv, state: 'idle', data: { privateOnlyNoticeAt: now.toISOString() } };
  return {
    replies: [{ chatId: conv.chatId, text: t.privateOnly }],
    last: [saveConversationStatement(db, noticed, now)],
  };
}

const labelKey = (s: string): string =>
  fold(s)
    .replace(/\p{Extended_Pictographic}|\u{FE0F}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** "bình thường" typed after /baocao works like tapping "✅ Bình thường". */
function choiceByLabel(text: string, labels: string[], choices: string[]): string | undefined {
  const typed = labelKey(text);
  if (!typed || labels.length !== choices.length) return undefined;
  const exact = labels.findIndex((label) => labelKey(label) === typed);
  if (exact >= 0) return choices[exact];
  if (typed.length < 4) return undefined;
  const partial = labels.flatMap((label, i) => (labelKey(label).startsWith(typed) ? [i] : []));
  return partial.length === 1 ? choices[partial[0]!] : undefined;
}
