import { actions, CONFIRM_CHOICES, decodeBound, REMINDER_CHOICES, REPORT_CHOICES } from '../actions.ts';
import { formatDay, formatVnTime, vnDay } from '../clock.ts';
import { findAreaInText } from '../db/queries/areas.ts';
import type { Incident } from '../db/queries/incidents.ts';
import type { Member } from '../db/queries/people.ts';
import { getLatestReport } from '../db/queries/reports.ts';
import { kindLabel } from '../features/incident-kinds.ts';
import { parseIncidentText } from '../features/incident-text.ts';
import { type IncidentInput, incidentTitle, noteIncidentProgress, scaleText } from '../features/incidents.ts';
import { NOTE_MAX, parseOneLine, submitReport, summarize } from '../features/reports.ts';
import { foldKey } from '../fold.ts';
import { reportRef, t } from '../texts/index.ts';
import { type Dialog, readDialog, writeDialog } from './dialog.ts';
import type { ActionHandler, CommandHandler, Turn } from './engine.ts';
import { closeByOfficer } from './follow-up.ts';
import { detectIntent, type Intent } from './intent.ts';
import { type FormDialog, type FormResult, reaskForm, startForm, tapForm, typeForm } from './report-form.ts';

/** An officer with an enterprise: the only one who reports. */
type Officer = Member & { enterprise: NonNullable<Member['enterprise']> };

const officer = (turn: Turn): Officer | null =>
  turn.member?.person.role === 'officer' && turn.member.enterprise ? (turn.member as Officer) : null;

const setDialog = (turn: Turn, dialog: Dialog): void => writeDialog(turn.conv, dialog);
const idle = (turn: Turn): void => setDialog(turn, { kind: 'idle' });

/**
 * Report dialogs and their buttons are bound to the enterprise they were opened for: the dialog keeps
 * `enterpriseId`, and the buttons carry it (`rp:ok:<id>`, `rc:inc:<id>`, `rm:ok:<id>`). When the officer's
 * enterprise has changed since (a new invite), they are refused as expired rather than filed for the new one.
 */
function boundDialog(turn: Turn): Exclude<Dialog, { kind: 'idle' }> | null {
  const dialog = readDialog(turn.conv);
  const me = officer(turn);
  return dialog.kind !== 'idle' && me && dialog.enterpriseId === me.enterprise.id ? dialog : null;
}

/**
 * An incident in the officer's own words, read for kind, area, scale and whether it is fixed. The area is the
 * department's own spelling when its list of communes and wards has the one named ("xa tan yen" → "Xã Tân Yên").
 */
async function incidentFromText(turn: Turn, member: Officer, note: string): Promise<IncidentInput> {
  const parsed = parseIncidentText(note, member.enterprise.sector);
  return {
    kind: parsed.kind,
    area: (await findAreaInText(turn.db, note)) ?? parsed.area,
    scaleCount: parsed.scaleCount,
    scaleUnit: parsed.scaleUnit,
    scaleBucket: null,
    description: note,
    resolved: parsed.resolved === true,
  };
}

async function startReportDialog(turn: Turn, member: Officer): Promise<void> {
  const day = vnDay(turn.now);
  const enterpriseId = member.enterprise.id;
  const existing = await getLatestReport(turn.db, enterpriseId, day);
  setDialog(turn, { kind: 'report:choose', day, enterpriseId });
  turn.reply(
    existing
      ? t.reportAskAmend(member.enterprise.name, formatDay(day), formatVnTime(existing.createdAt))
      : t.reportAsk(member.enterprise.name, formatDay(day)),
    [
      { label: t.btnNormal, action: actions.reportChoice('ok', enterpriseId) },
      { label: t.btnIncident, action: actions.reportChoice('inc', enterpriseId) },
    ],
  );
}

/** Shows what the form runner decided: the next step's question, or the filed incident. */
async function showForm(turn: Turn, result: FormResult): Promise<void> {
  if ('finished' in result) return record(turn, result.day, result.finished, result.note);
  setDialog(turn, result.dialog);
  for (const p of result.prompts) turn.reply(p.text, p.buttons);
}

function startIncidentForm(turn: Turn, member: Officer, day = vnDay(turn.now)): Promise<void> {
  return showForm(turn, startForm({ member, db: turn.db }, day));
}

/** A normal report typed again the same day is already in: say so rather than file a copy. */
async function recordNormal(turn: Turn, member: Officer): Promise<void> {
  const day = vnDay(turn.now);
  const latest = await getLatestReport(turn.db, member.enterprise.id, day);
  if (latest?.status === 'normal') {
    idle(turn);
    turn.reply(t.alreadyRecorded(formatVnTime(latest.createdAt), reportRef(latest.id)));
    return askOpenIncidents(turn);
  }
  return record(turn, day, null, null);
}

/** "Em báo cáo rồi chưa?": what the department has from the enterprise today, or the report buttons when nothing. */
async function checkReport(turn: Turn, member: Officer): Promise<void> {
  const day = vnDay(turn.now);
  const latest = await getLatestReport(turn.db, member.enterprise.id, day);
  if (!latest) {
    const enterpriseId = member.enterprise.id;
    setDialog(turn, { kind: 'report:choose', day, enterpriseId });
    turn.reply(t.checkNotReported(member.enterprise.name, formatDay(day)), [
      { label: t.btnNormal, action: actions.reportChoice('ok', enterpriseId) },
      { label: t.btnIncident, action: actions.reportChoice('inc', enterpriseId) },
    ]);
    return;
  }
  turn.reply(
    t.checkReported({
      enterprise: member.enterprise.name,
      day: formatDay(day),
      at: formatVnTime(latest.createdAt),
      summary: summarize(latest).toLowerCase(),
      ref: reportRef(latest.id),
      count: latest.revision,
    }),
  );
}

function confirmIncident(turn: Turn, member: Officer, note: string, input: IncidentInput): void {
  const enterpriseId = member.enterprise.id;
  setDialog(turn, { kind: 'report:confirm', day: vnDay(turn.now), enterpriseId, incident: input, note });
  turn.reply(
    t.confirmIncident(
      member.enterprise.name,
      t.describedIncident({
        kind: kindLabel(input.kind),
        area: input.area,
        scale: scaleText(input),
        resolved: input.resolved,
      }),
    ),
    [
      { label: t.btnSendIncident, action: actions.confirm('inc', enterpriseId) },
      { label: t.btnIncidentForm, action: actions.confirm('form', enterpriseId) },
      { label: t.btnJustAsking, action: actions.confirm('no', enterpriseId) },
    ],
  );
}

/**
 * Officers' own words before the Q&A: "bình thường" records a report, "mất sóng ở xã X" is offered as an incident
 * report, greetings and thanks get a short answer. False: it is a question. (A bare code is registration: the
 * router sends it to the register command.)
 */
export async function routeReportIntent(turn: Turn, intent: Exclude<Intent, null>): Promise<boolean> {
  const member = turn.member;
  const name = turn.msg.displayName || t.nameless;
  const me = officer(turn);
  if (intent.type === 'greeting') {
    if (!member) turn.reply(t.greetStranger(name));
    else turn.reply(me ? t.greetOfficer(name) : t.greetStaff(name));
    return true;
  }
  if (intent.type === 'thanks') {
    turn.reply(t.thanks);
    return true;
  }
  // Staff asking for /status in words is the engine's (it runs the command); anyone else's is a question.
  if (intent.type === 'register' || intent.type === 'status') return false;
  if ((intent.type === 'check_report' && !me) || intent.type === 'check_enterprise') return false;
  if (!me) {
    if (intent.type === 'fixed' || intent.type === 'progress') return false;
    // "ok" from someone who has nothing to report is an acknowledgement; report words are refused as usual.
    if (intent.type === 'ack' || (intent.type === 'normal' && !intent.sure)) {
      turn.reply(t.ack);
      return true;
    }
    if (intent.type === 'incident' && !intent.explicit) return false;
    turn.reply(member ? t.officersOnly : t.notRegistered);
    return true;
  }
  switch (intent.type) {
    case 'report':
      await startReportDialog(turn, me);
      return true;
    case 'incident_form':
      await startIncidentForm(turn, me);
      return true;
    case 'incident':
      if (intent.note.length > NOTE_MAX) {
        turn.reply(t.tooLong(NOTE_MAX));
        return true;
      }
      if (intent.explicit) {
        await record(turn, vnDay(turn.now), await incidentFromText(turn, me, intent.note), intent.note);
        return true;
      }
      confirmIncident(turn, me, intent.note, await incidentFromText(turn, me, intent.note));
      return true;
    case 'fixed': {
      // "Đã khắc phục" under the preview of an incident just described: that incident is the one fixed. It is
      // shown again as fixed, to send with the same buttons; nothing is filed before the officer says so.
      const waiting = boundDialog(turn);
      if (waiting?.kind === 'report:confirm' && waiting.incident && waiting.note) {
        confirmIncident(turn, me, waiting.note, { ...waiting.incident, resolved: true });
        return true;
      }
      await fixedInWords(turn, me);
      return true;
    }
    case 'check_report':
      await checkReport(turn, me);
      return true;
    case 'progress': {
      if (intent.note.length > NOTE_MAX) {
        turn.reply(t.tooLong(NOTE_MAX));
        return true;
      }
      // The latest open incident is the one an officer writes about; with none open there is nothing to update.
      const open = await turn.openIncidents();
      const incident = open.reduce<(typeof open)[number] | undefined>(
        (latest, i) => (!latest || i.openedAt > latest.openedAt ? i : latest),
        undefined,
      );
      if (!incident) {
        turn.reply(t.noOpenIncident);
        return true;
      }
      await noteIncidentProgress(turn.db, {
        incident,
        personId: me.person.id,
        at: turn.now,
        note: intent.note,
        enterpriseName: me.enterprise.name,
        enterpriseCode: me.enterprise.code,
      });
      turn.reply(t.progressNoted(incidentTitle(incident)));
      return true;
    }
    case 'normal':
    case 'ack': {
      if (intent.type === 'normal' && intent.sure) {
        await recordNormal(turn, me);
        return true;
      }
      const day = vnDay(turn.now);
      const latest = await getLatestReport(turn.db, me.enterprise.id, day);
      if (latest) {
        turn.reply(t.ackReported(formatVnTime(latest.createdAt)));
        return true;
      }
      if (intent.type === 'ack') {
        turn.reply(t.ack);
        return true;
      }
      const enterpriseId = me.enterprise.id;
      setDialog(turn, { kind: 'report:confirm', day, enterpriseId, incident: null, note: null });
      turn.reply(t.confirmNormal(me.enterprise.name, formatDay(day)), [
        { label: t.btnConfirmNormal, action: actions.confirm('ok', enterpriseId) },
        { label: t.btnNo, action: actions.confirm('no', enterpriseId) },
      ]);
      return true;
    }
  }
}

/** `/baocao`: the dialog; `/baocao ok` and `/baocao sự cố: …` file at once. Officers only (checked by the table). */
export const reportCommand: CommandHandler = async (turn, args) => {
  const member = officer(turn);
  if (!member) return;
  if (!args) return startReportDialog(turn, member);
  const intent = detectIntent(args);
  if (intent?.type === 'incident_form') return startIncidentForm(turn, member);
  if (intent?.type === 'normal' || intent?.type === 'ack') {
    idle(turn);
    return record(turn, vnDay(turn.now), null, null);
  }
  const one = parseOneLine(args);
  const note = intent?.type === 'incident' ? intent.note : one.status === 'incident' ? one.note : null;
  if (one.status === 'normal') {
    idle(turn);
    return record(turn, vnDay(turn.now), null, null);
  }
  if (!note) return turn.reply(t.oneLineUsage);
  if (note.length > NOTE_MAX) return turn.reply(t.tooLong(NOTE_MAX));
  idle(turn);
  return record(turn, vnDay(turn.now), await incidentFromText(turn, member, note), note);
};

/** `/huy`, "hủy", or the Hủy button: whatever dialog is open ends. */
export const cancelCommand: CommandHandler = async (turn) => {
  if (turn.conv.state === 'idle') return turn.reply(t.nothingToCancel);
  idle(turn);
  turn.reply(t.cancelled);
};

/**
 * "Đã khắc phục" typed: the enterprise's one open incident is closed (staff alerted, as with the button); with
 * several, each is asked about with its buttons; with none, the officer is told so.
 */
async function fixedInWords(turn: Turn, me: Officer): Promise<void> {
  const open = await turn.openIncidents();
  if (open.length === 0) return turn.reply(t.noOpenIncident);
  if (open.length === 1) return closeByOfficer(turn, me, open[0]!);
  turn.reply(t.whichIncidentFixed(open.length));
  await askOpenIncidents(turn);
}

/** After a report, the enterprise's other open incidents: each asked about, never closed by the report itself. */
async function askOpenIncidents(turn: Turn, exceptId?: number): Promise<void> {
  const open = (await turn.openIncidents()).filter((i) => i.id !== exceptId);
  for (const incident of open.slice(-3)) {
    turn.reply(t.openIncidentAsk(incidentTitle(incident)), [
      { label: t.btnFixedShort, action: actions.incidentFixed(incident.id, true) },
      { label: t.btnNotFixedShort, action: actions.incidentFixed(incident.id, false) },
    ]);
  }
}

async function record(
  turn: Turn,
  day: string,
  incident: IncidentInput | null,
  note: string | null,
): Promise<void> {
  const member = officer(turn)!;
  const open = await turn.openIncidents();
  const resent = incident && note ? sameIncidentJustSent(open, note, turn.now) : undefined;
  if (resent) {
    // The same words again within minutes: a resend on a patchy connection, not a second incident (no second alert).
    idle(turn);
    return turn.reply(t.alreadyRecorded(formatVnTime(resent.openedAt), reportRef(resent.reportId)));
  }
  const { receipt, incident: opened } = await submitReport(turn.db, {
    enterpriseId: member.enterprise.id,
    enterpriseName: member.enterprise.name,
    enterpriseCode: member.enterprise.code,
    reporterId: member.person.id,
    channel: turn.msg.channel,
    day,
    incident,
    note,
    now: turn.now,
    open,
    campaign: await turn.campaign(),
  });
  idle(turn);
  turn.reply(receipt);
  await askOpenIncidents(turn, opened?.id);
}

const RESEND_WINDOW_MS = 15 * 60_000;

/** An open incident filed from these very words in the last minutes: what a resent message would duplicate. */
function sameIncidentJustSent(open: Incident[], note: string, now: Date): Incident | undefined {
  const words = foldKey(note);
  return open.find(
    (i) =>
      i.description !== null &&
      foldKey(i.description) === words &&
      now.getTime() - i.openedAt.getTime() < RESEND_WINDOW_MS,
  );
}

/** Typed text while the incident form is open. */
export async function answerForm(turn: Turn, text: string): Promise<void> {
  const dialog = boundDialog(turn);
  const me = officer(turn);
  if (dialog?.kind !== 'form' || !me) {
    idle(turn);
    return turn.reply(t.expiredAction);
  }
  return showForm(turn, await typeForm(dialog, text, { member: me, db: turn.db }));
}

/** True while the chat is inside the incident form (typed text goes to it). */
export const inForm = (turn: Turn): boolean => turn.conv.state.startsWith('inc:');

/** A second tap on a patchy connection after the report went in: say it is in rather than "expired". */
async function alreadyIn(turn: Turn): Promise<boolean> {
  const me = officer(turn);
  if (turn.conv.state !== 'idle' || !me) return false;
  const latest = await getLatestReport(turn.db, me.enterprise.id, vnDay(turn.now));
  if (latest) turn.reply(t.alreadyRecorded(formatVnTime(latest.createdAt), reportRef(latest.id)));
  return latest !== null;
}

/** The open dialog when it is of this kind and bound to the officer's enterprise; else "expired" (and closed). */
function expect<K extends Dialog['kind']>(turn: Turn, kind: K): Extract<Dialog, { kind: K }> | null {
  const dialog = boundDialog(turn);
  if (dialog?.kind === kind) return dialog as Extract<Dialog, { kind: K }>;
  // A dialog opened for another enterprise (or before dialogs were bound) can never be finished: close it.
  if (readDialog(turn.conv).kind === kind && officer(turn)) idle(turn);
  turn.reply(t.expiredAction);
  return null;
}

/** The choice of a bound button; null (after replying "expired") when it was shown for another enterprise. */
function boundChoice<C extends string>(turn: Turn, payload: string, allowed: readonly C[]): C | null {
  const bound = decodeBound(payload, allowed);
  const me = officer(turn);
  if (bound && me && (bound.enterpriseId === null || bound.enterpriseId === me.enterprise.id))
    return bound.choice;
  turn.reply(t.expiredAction);
  return null;
}

/** A tap on a step of the incident form (`ik:`, `ia:`, `if:`, `io:`, `in:`, `ib:`). */
function formAction(prefix: string): ActionHandler {
  return async (turn, value) => {
    const dialog = readDialog(turn.conv);
    const me = officer(turn);
    const bound = boundDialog(turn);
    if (!me || !bound || bound.kind !== 'form') {
      if (dialog.kind === 'form' && me) idle(turn);
      return turn.reply(t.expiredAction);
    }
    const ctx = { member: me, db: turn.db };
    const result = await tapForm(bound as FormDialog, prefix, value, ctx);
    // A button of another step (tapped late, from an older message) is not this step's answer.
    if (!result) return turn.reply(t.expiredAction);
    return showForm(turn, result);
  };
}

/** The question of the open form step again (a typed answer the step did not understand). */
export function reaskOpenForm(turn: Turn): Promise<void> {
  const dialog = boundDialog(turn);
  const me = officer(turn);
  if (dialog?.kind !== 'form' || !me) {
    idle(turn);
    turn.reply(t.expiredAction);
    return Promise.resolve();
  }
  return showForm(turn, reaskForm(dialog, { member: me, db: turn.db }));
}

export const REPORT_ACTIONS: Record<string, ActionHandler> = {
  cancel: cancelCommand,
  // The reminder's buttons open no dialog: only the enterprise id they carry binds them (`rm:ok` → expired).
  rm: async (turn, payload) => {
    const bound = decodeBound(payload, REMINDER_CHOICES);
    const me = officer(turn);
    if (!bound || bound.enterpriseId === null || !me || me.enterprise.id !== bound.enterpriseId)
      return turn.reply(t.expiredAction);
    return reportCommand(turn, bound.choice === 'ok' ? 'ok' : '');
  },
  rp: async (turn, raw) => {
    const choice = boundChoice(turn, raw, REPORT_CHOICES);
    if (choice === null || (await alreadyIn(turn))) return;
    const dialog = expect(turn, 'report:choose');
    if (!dialog) return;
    if (choice === 'ok') return record(turn, dialog.day, null, null);
    return startIncidentForm(turn, officer(turn)!, dialog.day);
  },
  rc: async (turn, raw) => {
    const choice = boundChoice(turn, raw, CONFIRM_CHOICES);
    if (choice === null || (await alreadyIn(turn))) return;
    const dialog = expect(turn, 'report:confirm');
    if (!dialog) return;
    if (choice === 'no') {
      idle(turn);
      return turn.reply(t.confirmDeclined);
    }
    if (choice === 'ok' && !dialog.incident) return record(turn, dialog.day, null, null);
    if (choice === 'inc' && dialog.incident) return record(turn, dialog.day, dialog.incident, dialog.note);
    if (choice === 'form') return startIncidentForm(turn, officer(turn)!, dialog.day);
    turn.reply(t.expiredAction);
  },
  ik: formAction('ik'),
  ia: formAction('ia'),
  if: formAction('if'),
  io: formAction('io'),
  in: formAction('in'),
  ib: formAction('ib'),
};
