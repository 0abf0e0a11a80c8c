import { type Clock, formatDay, formatVnTime, vnDay } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { searchAreas } from '../db/queries/areas.ts';
import { type Campaign, createActiveCampaignCache } from '../db/queries/campaigns.ts';
import {
  type ConversationRow,
  loadConversation,
  saveConversationStatement,
} from '../db/queries/conversation-state.ts';
import { type Incident, listOpenIncidents } from '../db/queries/incidents.ts';
import { getMember, type Member, touchIdentityStatement } from '../db/queries/people.ts';
import { getLatestReport } from '../db/queries/reports.ts';
import type { TurnContext } from '../db/queries/turn.ts';
import type { LastStatement } from '../db/transaction.ts';
import { AFFECTED_CHOICES, AREA_CHOICES, kindLabel, kindsForSector } from '../features/incident-kinds.ts';
import { parseIncidentText, parseTypedScale, resolvedFromText } from '../features/incident-text.ts';
import { type IncidentInput, incidentTitle, scaleText } from '../features/incidents.ts';
import { fold, NOTE_MAX, parseOneLine, submitReport } from '../features/reports.ts';
import { lookup } from '../lookup.ts';
import type { Button, IncomingMessage, OutgoingMessage } from '../messages.ts';
import { parseCommand } from './commands.ts';
import { detectIntent, type Intent } from './intent.ts';
import { reportRef, t } from './texts.ts';

export const TEXT_MAX = 4000;

/** The one answer in a group chat (kept here until texts.ts takes it): the bot works in private chats only. */
export const PRIVATE_ONLY_TEXT = 'Bot chỉ làm việc trong tin nhắn riêng. Vui lòng nhắn riêng cho bot.';

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
}

export type CommandHandler = (turn: Turn, args: string) => Promise<void>;
export type ActionHandler = (turn: Turn, payload: string) => Promise<void>;

export interface ConversationDeps {
  clock: Clock;
  /** Registration with an invite code, reached by a bare code or "đăng ký <mã>" as well as the command. */
  register?: CommandHandler;
  /** Extra commands and button actions from features (registration, Q&A, follow-ups…). */
  commands: Record<string, CommandHandler>;
  actions: Record<string, ActionHandler>;
  /** Free text that is neither a command nor a dialog answer. */
  onFreeText: (turn: Turn, text: string) => Promise<void>;
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
  const commands: Record<string, CommandHandler> = { ...reportCommands(), ...deps.commands };
  const actions: Record<string, ActionHandler> = { ...reportActions(), ...deps.actions };
  const handleIntent = (turn: Turn, text: string) => routeIntent(turn, text, deps.register);
  const activeCampaign = deps.activeCampaign ?? createActiveCampaignCache();

  async function handleTurn(
    db: Db,
    msg: IncomingMessage,
    start?: TurnStart,
  ): Promise<{ replies: OutgoingMessage[]; last: LastStatement[] }> {
    const now = deps.clock.now();
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
    const choices = (conv.data.choices as string[] | undefined) ?? [];
    const labels = (conv.data.labels as string[] | undefined) ?? [];
    const text = (msg.text ?? '').trim();
    let action = msg.action;
    // A typed number is a number where the step asks for one (how many affected, a description).
    if (!action && /^\d{1,2}$/.test(text) && !TYPED_STATES.has(conv.state) && choices[Number(text) - 1])
      action = choices[Number(text) - 1];
    if (!action && text) action = choiceByLabel(text, labels, choices);

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
      else if (!(await handleIntent(turn, text))) await deps.onFreeText(turn, text);
    }

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
    replies: [{ chatId: conv.chatId, text: PRIVATE_ONLY_TEXT }],
    last: [saveConversationStatement(db, noticed, now)],
  };
}

function setState(turn: Turn, state: string, data: Record<string, unknown> = {}): void {
  turn.conv.state = state;
  turn.conv.data = data;
}

/** Steps whose typed answer may be a bare number, which must not be read as "the n-th button". */
const TYPED_STATES: ReadonlySet<string> = new Set(['inc:affected', 'inc:note', 'inc:area-name']);

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

const isOfficer = (turn: Turn): boolean =>
  turn.member?.person.role === 'officer' && turn.member.enterprise !== null;

/**
 * Report dialogs and their buttons are bound to the enterprise they were opened for: the dialog keeps
 * `enterpriseId`, and the buttons carry it (`rp:ok:<id>`, `rc:inc:<id>`, `rm:ok:<id>`). When the officer's
 * enterprise has changed since (a new invite), they are refused as expired rather than filed for the new one.
 */
const dialogBound = (turn: Turn): boolean =>
  isOfficer(turn) && turn.conv.data.enterpriseId === turn.member!.enterprise!.id;

/** `ok:12` → ok for enterprise 12; `ok` (a button from before the binding) → ok, enterprise unknown; else null. */
function boundPayload(payload: string): { choice: string; enterpriseId: number | null } | null {
  const m = /^([a-z]{1,8})(?::(\d{1,9}))?$/.exec(payload);
  return m ? { choice: m[1]!, enterpriseId: m[2] ? Number(m[2]) : null } : null;
}

/** True when a button carrying `enterpriseId` was shown to this officer for their current enterprise. */
const shownForCurrent = (turn: Turn, enterpriseId: number): boolean =>
  isOfficer(turn) && turn.member!.enterprise!.id === enterpriseId;

/** An incident in the officer's own words, read for kind, area, scale and whether it is fixed. */
function incidentFromText(member: Member, note: string): IncidentInput {
  const parsed = parseIncidentText(note, member.enterprise!.sector);
  return {
    kind: parsed.kind,
    area: parsed.area,
    scaleCount: parsed.scaleCount,
    scaleUnit: parsed.scaleUnit,
    scaleBucket: null,
    description: note,
    resolved: parsed.resolved === true,
  };
}

async function startReportDialog(turn: Turn, member: Member): Promise<void> {
  const day = vnDay(turn.now);
  const enterpriseId = member.enterprise!.id;
  const existing = await getLatestReport(turn.db, enterpriseId, day);
  setState(turn, 'report:choose', { day, enterpriseId });
  turn.reply(
    existing
      ? t.reportAskAmend(member.enterprise!.name, formatDay(day), formatVnTime(existing.createdAt))
      : t.reportAsk(member.enterprise!.name, formatDay(day)),
    [
      { label: t.btnNormal, action: `rp:ok:${enterpriseId}` },
      { label: t.btnIncident, action: `rp:inc:${enterpriseId}` },
    ],
  );
}

function startIncidentForm(turn: Turn, member: Member, day = vnDay(turn.now)): void {
  setState(turn, 'inc:kind', { day, enterpriseId: member.enterprise!.id });
  askKind(turn, member);
}

/** A normal report typed again the same day is already in: say so rather than file a copy. */
async function recordNormal(turn: Turn, member: Member): Promise<void> {
  const day = vnDay(turn.now);
  const latest = await getLatestReport(turn.db, member.enterprise!.id, day);
  if (latest?.status === 'normal') {
    setState(turn, 'idle');
    turn.reply(t.alreadyRecorded(formatVnTime(latest.createdAt), reportRef(latest.id)));
    return askOpenIncidents(turn, member);
  }
  return record(turn, day, null, null);
}

function confirmIncident(turn: Turn, member: Member, note: string): void {
  const input = incidentFromText(member, note);
  const enterpriseId = member.enterprise!.id;
  setState(turn, 'report:confirm', { day: vnDay(turn.now), incident: input, note, enterpriseId });
  turn.reply(
    t.confirmIncident(
      member.enterprise!.name,
      t.describedIncident({
        kind: kindLabel(input.kind),
        area: input.area,
        scale: scaleText(input),
        resolved: input.resolved,
      }),
    ),
    [
      { label: t.btnSendIncident, action: `rc:inc:${enterpriseId}` },
      { label: t.btnIncidentForm, action: `rc:form:${enterpriseId}` },
      { label: t.btnJustAsking, action: `rc:no:${enterpriseId}` },
    ],
  );
}

/**
 * Officers' own words before the Q&A: "bình thường" records a report, "mất sóng ở xã X" is offered as an incident
 * report, a bare code registers, greetings and thanks get a short answer. False: it is a question.
 */
async function routeIntent(turn: Turn, text: string, register?: CommandHandler): Promise<boolean> {
  const intent: Intent = detectIntent(text);
  if (!intent) return false;
  if (intent.type === 'register') {
    if (!register) return false;
    await register(turn, intent.code);
    return true;
  }
  const member = turn.member;
  const name = turn.msg.displayName || 'bạn';
  if (intent.type === 'greeting') {
    if (!member) turn.reply(t.greetStranger(name));
    else turn.reply(isOfficer(turn) ? t.greetOfficer(name) : t.greetStaff(name));
    return true;
  }
  if (intent.type === 'thanks') {
    turn.reply(t.thanks);
    return true;
  }
  if (!member || !isOfficer(turn)) {
    // "ok" from someone who has nothing to report is an acknowledgement; report words are refused as usual.
    if (intent.type === 'ack' || (intent.type === 'normal' && !intent.sure)) {
      turn.reply(t.ack);
      return true;
    }
    if (intent.type === 'incident' && !intent.explicit) return false;
    officerOf(turn);
    return true;
  }
  switch (intent.type) {
    case 'report':
      await startReportDialog(turn, member);
      return true;
    case 'incident_form':
      startIncidentForm(turn, member);
      return true;
    case 'incident':
      if (intent.note.length > NOTE_MAX) {
        turn.reply(t.tooLong(NOTE_MAX));
        return true;
      }
      if (intent.explicit) {
        await record(turn, vnDay(turn.now), incidentFromText(member, intent.note), intent.note);
        return true;
      }
      confirmIncident(turn, member, intent.note);
      return true;
    case 'normal':
    case 'ack': {
      if (intent.type === 'normal' && intent.sure) {
        await recordNormal(turn, member);
        return true;
      }
      const day = vnDay(turn.now);
      const latest = await getLatestReport(turn.db, member.enterprise!.id, day);
      if (latest) {
        turn.reply(t.ackReported(formatVnTime(latest.createdAt)));
        return true;
      }
      if (intent.type === 'ack') {
        turn.reply(t.ack);
        return true;
      }
      const enterpriseId = member.enterprise!.id;
      setState(turn, 'report:confirm', { day, enterpriseId });
      turn.reply(t.confirmNormal(member.enterprise!.name, formatDay(day)), [
        { label: t.btnConfirmNormal, action: `rc:ok:${enterpriseId}` },
        { label: t.btnNo, action: `rc:no:${enterpriseId}` },
      ]);
      return true;
    }
  }
}

function reportCommands(): Record<string, CommandHandler> {
  return {
    report: async (turn, args) => {
      const member = officerOf(turn);
      if (!member?.enterprise) return;
      if (!args) return startReportDialog(turn, member);
      const intent = detectIntent(args);
      if (intent?.type === 'incident_form') return startIncidentForm(turn, member);
      if (intent?.type === 'normal' || intent?.type === 'ack') {
        setState(turn, 'idle');
        return record(turn, vnDay(turn.now), null, null);
      }
      const one = parseOneLine(args);
      const note = intent?.type === 'incident' ? intent.note : one.status === 'incident' ? one.note : null;
      if (one.status === 'normal') {
        setState(turn, 'idle');
        return record(turn, vnDay(turn.now), null, null);
      }
      if (!note) return turn.reply(t.oneLineUsage);
      if (note.length > NOTE_MAX) return turn.reply(t.tooLong(NOTE_MAX));
      setState(turn, 'idle');
      return record(turn, vnDay(turn.now), incidentFromText(member, note), note);
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

/** After a report, the enterprise's other open incidents: each asked about, never closed by the report itself. */
async function askOpenIncidents(turn: Turn, _member: Member, exceptId?: number): Promise<void> {
  const open = (await turn.openIncidents()).filter((i) => i.id !== exceptId);
  for (const incident of open.slice(-3)) {
    turn.reply(t.openIncidentAsk(incidentTitle(incident)), [
      { label: t.btnFixedShort, action: `ix:${incident.id}:1` },
      { label: t.btnNotFixedShort, action: `ix:${incident.id}:0` },
    ]);
  }
}

async function record(
  turn: Turn,
  day: string,
  incident: IncidentInput | null,
  note: string | null,
): Promise<void> {
  const member = turn.member!;
  const { receipt, incident: opened } = await submitReport(turn.db, {
    enterpriseId: member.enterprise!.id,
    enterpriseName: member.enterprise!.name,
    enterpriseCode: member.enterprise!.code,
    reporterId: member.person.id,
    channel: turn.msg.channel,
    day,
    incident,
    note,
    now: turn.now,
    open: await turn.openIncidents(),
    campaign: await turn.campaign(),
  });
  setState(turn, 'idle');
  turn.reply(receipt);
  await askOpenIncidents(turn, member, opened?.id);
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
function askAreaName(turn: Turn): void {
  turn.reply(turn.conv.data.point ? t.askPointName : t.askAreaName, [cancelButton()]);
}

/** The question to repeat when a dialog answer is not understood. */
function reaskCurrent(turn: Turn): void {
  const member = turn.member;
  const asks: Record<string, () => void> = {
    'inc:area': () => askArea(turn),
    'inc:area-name': () => askAreaName(turn),
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
  const { choices: _c, labels: _l, ...data } = turn.conv.data;
  return data;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

function finishIncident(turn: Turn, note: string | null): Promise<void> {
  const d = turn.conv.data;
  const incident: IncidentInput = {
    kind: String(d.kind),
    area: str(d.area),
    scaleCount: num(d.scaleCount),
    scaleUnit: str(d.scaleUnit),
    scaleBucket: str(d.scaleBucket),
    description: note,
    resolved: d.ongoing === false,
  };
  return record(turn, dialogDay(turn), incident, note);
}

/** A typed commune or ward: one match is taken, several are offered, none keeps the words as typed. */
async function answerAreaName(turn: Turn, text: string): Promise<void> {
  if (text.length > 200) return turn.reply(t.tooLong(200));
  const matches = await searchAreas(turn.db, text, 5);
  const exact = matches.filter((a) => a.exact);
  if (exact.length === 1 || (matches.length === 1 && matches[0]!.strong)) {
    setState(turn, 'inc:affected', { ...incidentData(turn), area: (exact[0] ?? matches[0])!.name });
    return askAffected(turn);
  }
  if (matches.length === 0) {
    setState(turn, 'inc:affected', { ...incidentData(turn), area: text });
    return askAffected(turn);
  }
  setState(turn, 'inc:area-name', { ...incidentData(turn), typedArea: text });
  turn.reply(t.askAreaPick(text), [
    ...matches.slice(0, 4).map((a) => ({ label: a.name, action: `ia:id:${a.id}` })),
    { label: t.btnAreaAsTyped(text), action: 'ia:typed' },
  ]);
}

/** Typed answers inside the incident dialog. */
async function answerDialog(turn: Turn, text: string): Promise<void> {
  if (!turn.member?.enterprise || turn.member.person.role !== 'officer' || !dialogBound(turn)) {
    setState(turn, 'idle');
    return turn.reply(t.expiredAction);
  }
  switch (turn.conv.state) {
    case 'inc:area':
    case 'inc:area-name':
      return answerAreaName(turn, text);
    case 'inc:affected': {
      const scale = parseTypedScale(text);
      if (!scale) return askAffected(turn, t.affectedInvalid);
      setState(turn, 'inc:ongoing', {
        ...incidentData(turn),
        scaleCount: scale.count,
        scaleUnit: scale.unit,
        scaleBucket: null,
      });
      return askOngoing(turn);
    }
    case 'inc:ongoing': {
      const folded = fold(text);
      const resolved = resolvedFromText(folded);
      if (resolved === true || /^(xong|roi|da xong|ok|khac phuc roi|da khac phuc)/.test(folded)) {
        setState(turn, 'inc:note', { ...incidentData(turn), ongoing: false });
        return askNote(turn);
      }
      if (resolved === false || /^(chua|dang)/.test(folded)) {
        setState(turn, 'inc:note', { ...incidentData(turn), ongoing: true });
        return askNote(turn);
      }
      return askOngoing(turn);
    }
    case 'inc:note':
      if (text.length > NOTE_MAX) return turn.reply(t.tooLong(NOTE_MAX));
      return finishIncident(turn, text);
    case 'inc:kind': {
      // A typed kind ("mất sóng") picks the kind it names; anything else asks again.
      const kind = parseIncidentText(text, turn.member.enterprise.sector).kind;
      if (kind === 'khac' && !/khac/.test(fold(text))) return reaskCurrent(turn);
      setState(turn, 'inc:area', { ...incidentData(turn), kind });
      return askArea(turn);
    }
    default:
      return reaskCurrent(turn);
  }
}

function reportActions(): Record<string, ActionHandler> {
  const inState = (turn: Turn, ...states: string[]): boolean => {
    if (states.includes(turn.conv.state) && dialogBound(turn)) return true;
    // A dialog opened for another enterprise (or before dialogs were bound) can never be finished: close it.
    if (states.includes(turn.conv.state) && isOfficer(turn)) setState(turn, 'idle');
    turn.reply(t.expiredAction);
    return false;
  };
  /** The choice of a bound button; null (after replying "expired") when it was shown for another enterprise. */
  const boundChoice = (turn: Turn, payload: string): string | null => {
    const bound = boundPayload(payload);
    if (bound && (bound.enterpriseId === null || shownForCurrent(turn, bound.enterpriseId)))
      return bound.choice;
    turn.reply(t.expiredAction);
    return null;
  };
  return {
    cancel: async (turn) => {
      if (turn.conv.state === 'idle') return turn.reply(t.nothingToCancel);
      setState(turn, 'idle');
      turn.reply(t.cancelled);
    },
    // The reminder's buttons open no dialog: only the enterprise id they carry binds them (`rm:ok` → expired).
    rm: async (turn, payload) => {
      const bound = boundPayload(payload);
      if (
        !bound ||
        (bound.choice !== 'ok' && bound.choice !== 'form') ||
        bound.enterpriseId === null ||
        !shownForCurrent(turn, bound.enterpriseId)
      )
        return turn.reply(t.expiredAction);
      const report = reportCommands().report!;
      return report(turn, bound.choice === 'ok' ? 'ok' : '');
    },
    rp: async (turn, raw) => {
      const payload = boundChoice(turn, raw);
      if (payload === null) return;
      if (turn.conv.state !== 'report:choose' && turn.conv.state === 'idle' && turn.member?.enterprise) {
        // A second tap on a patchy connection: say the report is in rather than "expired".
        const latest = await getLatestReport(turn.db, turn.member.enterprise.id, vnDay(turn.now));
        if (latest)
          return turn.reply(t.alreadyRecorded(formatVnTime(latest.createdAt), reportRef(latest.id)));
      }
      if (!inState(turn, 'report:choose')) return;
      const day = dialogDay(turn);
      if (payload === 'ok') return record(turn, day, null, null);
      if (payload === 'inc') return startIncidentForm(turn, turn.member!, day);
      turn.reply(t.expiredAction);
    },
    rc: async (turn, raw) => {
      const payload = boundChoice(turn, raw);
      if (payload === null) return;
      if (turn.conv.state !== 'report:confirm' && turn.conv.state === 'idle' && turn.member?.enterprise) {
        const latest = await getLatestReport(turn.db, turn.member.enterprise.id, vnDay(turn.now));
        if (latest)
          return turn.reply(t.alreadyRecorded(formatVnTime(latest.createdAt), reportRef(latest.id)));
      }
      if (!inState(turn, 'report:confirm')) return;
      const day = dialogDay(turn);
      const pending = turn.conv.data.incident as IncidentInput | undefined;
      const note = str(turn.conv.data.note);
      if (payload === 'no') {
        setState(turn, 'idle');
        return turn.reply(t.confirmDeclined);
      }
      if (payload === 'ok' && !pending) return record(turn, day, null, null);
      if (payload === 'inc' && pending) return record(turn, day, pending, note);
      if (payload === 'form') return startIncidentForm(turn, turn.member!, day);
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
      if (!inState(turn, 'inc:area', 'inc:area-name')) return;
      if (payload === 'typed' && str(turn.conv.data.typedArea)) {
        setState(turn, 'inc:affected', { ...incidentData(turn), area: str(turn.conv.data.typedArea) });
        return askAffected(turn);
      }
      if (payload.startsWith('id:')) {
        const [match] = await searchAreas(turn.db, null, 1, Number(payload.slice(3)) || 0);
        if (!match) return reaskCurrent(turn);
        setState(turn, 'inc:affected', { ...incidentData(turn), area: match.name });
        return askAffected(turn);
      }
      const area = AREA_CHOICES.find((c) => c.id === payload);
      if (!area) return reaskCurrent(turn);
      if (area.asksName) {
        setState(turn, 'inc:area-name', { ...incidentData(turn), point: area.id === 'mot_diem' });
        return askAreaName(turn);
      }
      setState(turn, 'inc:affected', { ...incidentData(turn), area: area.label });
      askAffected(turn);
    },
    if: async (turn, payload) => {
      if (!inState(turn, 'inc:affected')) return;
      const choice = AFFECTED_CHOICES.find((c) => c.id === payload);
      if (!choice && payload !== 'skip') return reaskCurrent(turn);
      const data = incidentData(turn);
      setState(turn, 'inc:ongoing', choice ? { ...data, scaleBucket: choice.label, scaleCount: null } : data);
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
