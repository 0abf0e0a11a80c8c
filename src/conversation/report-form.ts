import { actions } from '../actions.ts';
import type { Db } from '../db/client.ts';
import { searchAreas } from '../db/queries/areas.ts';
import type { Member } from '../db/queries/people.ts';
import { AFFECTED_CHOICES, AREA_CHOICES, kindsForSector } from '../features/incident-kinds.ts';
import { parseIncidentText, parseTypedScale, resolvedFromText } from '../features/incident-text.ts';
import type { IncidentInput } from '../features/incidents.ts';
import { fold, NOTE_MAX } from '../features/reports.ts';
import type { Button } from '../messages.ts';
import { t } from '../texts/index.ts';
import type { Dialog, FormSlots, FormStepId } from './dialog.ts';

/**
 * The incident form as data: one entry per step, in order. A step says what it asks (text and buttons), how a tap
 * fills its slot, how typed text fills it, what a bare typed number means there, and which step comes before it.
 * One runner (`runForm`) serves taps, typed answers, re-asking, "quay lại" and cancelling for every step.
 *
 * To add a step, add an entry here and name it in FORM_STEP_IDS (dialog.ts); its buttons' prefix must be new.
 */

/** What a step's handler tells the runner. */
export type Outcome =
  /** Fill slots and go to a step (the same step, with a prompt of its own, to offer choices). */
  | { go: FormStepId; set?: FormSlots; prompt?: Prompt }
  /** The form is complete: file the incident with this description. */
  | { done: true; set?: FormSlots; note: string | null }
  /** Not understood: ask the step again, optionally with another text. */
  | { reask: true; text?: string };

export interface Prompt {
  text: string;
  buttons: Button[];
}

export interface StepContext {
  member: Member & { enterprise: NonNullable<Member['enterprise']> };
  slots: FormSlots;
  db: Db;
}

export interface FormStep {
  id: FormStepId;
  /** Its buttons' action prefix (wire format: never renamed). Steps sharing a prefix take each other's taps. */
  prefix: string;
  /** A bare typed number: a value of this step (a count, a description) or the n-th button shown. */
  typedNumbers: 'value' | 'choice';
  /** Where "quay lại" goes from here. */
  back?: FormStepId;
  ask(ctx: StepContext): Prompt;
  tap(value: string, ctx: StepContext): Outcome | Promise<Outcome>;
  type(text: string, ctx: StepContext): Outcome | Promise<Outcome>;
}

const cancelButton = (): Button => ({ label: t.btnCancel, action: actions.cancel() });
const button = (prefix: string, value: string, label: string): Button => ({
  label,
  action: actions.formStep(prefix, value),
});

/** A commune or ward tapped, picked among matches, or typed: one match is taken, several offered, none kept as typed. */
async function areaTap(value: string, ctx: StepContext): Promise<Outcome> {
  if (value === 'typed' && ctx.slots.typedArea) return { go: 'affected', set: { area: ctx.slots.typedArea } };
  if (value.startsWith('id:')) {
    const [match] = await searchAreas(ctx.db, null, 1, Number(value.slice(3)) || 0);
    return match ? { go: 'affected', set: { area: match.name } } : { reask: true };
  }
  const area = AREA_CHOICES.find((c) => c.id === value);
  if (!area) return { reask: true };
  if (area.asksName) return { go: 'area-name', set: { point: area.id === 'mot_diem' } };
  return { go: 'affected', set: { area: area.label } };
}

async function areaTyped(text: string, ctx: StepContext): Promise<Outcome> {
  if (text.length > 200) return { reask: true, text: t.tooLong(200) };
  const matches = await searchAreas(ctx.db, text, 5);
  const exact = matches.filter((a) => a.exact);
  if (exact.length === 1 || (matches.length === 1 && matches[0]!.strong))
    return { go: 'affected', set: { area: (exact[0] ?? matches[0])!.name } };
  if (matches.length === 0) return { go: 'affected', set: { area: text } };
  return {
    go: 'area-name',
    set: { typedArea: text },
    prompt: {
      text: t.askAreaPick(text),
      buttons: [
        ...matches.slice(0, 4).map((a) => button('ia', `id:${a.id}`, a.name)),
        button('ia', 'typed', t.btnAreaAsTyped(text)),
      ],
    },
  };
}

export const FORM: readonly FormStep[] = [
  {
    id: 'kind',
    prefix: 'ik',
    typedNumbers: 'choice',
    ask: ({ member }) => ({
      text: t.askKind,
      buttons: [
        ...kindsForSector(member.enterprise.sector).map((k) => button('ik', k.id, k.label)),
        cancelButton(),
      ],
    }),
    tap: (value, { member }) =>
      kindsForSector(member.enterprise.sector).some((k) => k.id === value)
        ? { go: 'area', set: { kind: value } }
        : { reask: true },
    // A typed kind ("mất sóng") picks the kind it names; anything else asks again.
    type: (text, { member }) => {
      const kind = parseIncidentText(text, member.enterprise.sector).kind;
      if (kind === 'khac' && !/khac/.test(fold(text))) return { reask: true };
      return { go: 'area', set: { kind } };
    },
  },
  {
    id: 'area',
    prefix: 'ia',
    typedNumbers: 'choice',
    back: 'kind',
    ask: () => ({
      text: t.askArea,
      buttons: [...AREA_CHOICES.map((c) => button('ia', c.id, c.label)), cancelButton()],
    }),
    tap: areaTap,
    type: areaTyped,
  },
  {
    id: 'area-name',
    prefix: 'ia',
    typedNumbers: 'value',
    back: 'area',
    ask: ({ slots }) => ({ text: slots.point ? t.askPointName : t.askAreaName, buttons: [cancelButton()] }),
    tap: areaTap,
    type: areaTyped,
  },
  {
    id: 'affected',
    prefix: 'if',
    typedNumbers: 'value',
    back: 'area',
    ask: () => ({
      text: t.askAffected,
      buttons: [...AFFECTED_CHOICES.map((c) => button('if', c.id, c.label)), button('if', 'skip', t.btnSkip)],
    }),
    tap: (value) => {
      if (value === 'skip') return { go: 'ongoing' };
      const choice = AFFECTED_CHOICES.find((c) => c.id === value);
      return choice
        ? { go: 'ongoing', set: { scaleBucket: choice.label, scaleCount: null } }
        : { reask: true };
    },
    type: (text) => {
      const scale = parseTypedScale(text);
      if (!scale) return { reask: true, text: t.affectedInvalid };
      return { go: 'ongoing', set: { scaleCount: scale.count, scaleUnit: scale.unit, scaleBucket: null } };
    },
  },
  {
    id: 'ongoing',
    prefix: 'io',
    typedNumbers: 'choice',
    back: 'affected',
    ask: () => ({
      text: t.askOngoing,
      buttons: [button('io', '1', t.btnOngoing), button('io', '0', t.btnResolved)],
    }),
    tap: (value) =>
      value === '0' || value === '1' ? { go: 'note', set: { ongoing: value === '1' } } : { reask: true },
    type: (text) => {
      const folded = fold(text);
      const resolved = resolvedFromText(folded);
      if (resolved === true || /^(xong|roi|da xong|ok|khac phuc roi|da khac phuc)/.test(folded))
        return { go: 'note', set: { ongoing: false } };
      if (resolved === false || /^(chua|dang)/.test(folded)) return { go: 'note', set: { ongoing: true } };
      return { reask: true, text: t.pickOngoing };
    },
  },
  {
    id: 'note',
    prefix: 'in',
    typedNumbers: 'value',
    back: 'ongoing',
    ask: () => ({ text: t.askNote, buttons: [button('in', 'skip', t.btnSkip)] }),
    tap: (value) => (value === 'skip' ? { done: true, note: null } : { reask: true }),
    type: (text) => {
      if (text.length > NOTE_MAX) return { reask: true, text: t.tooLong(NOTE_MAX) };
      // "ok", "không", "thôi" at this step skip it: they are not a description for the staff's alert.
      if (
        NO_NOTE.test(
          fold(text)
            .replace(/[.!,;:…\-\s]+/g, ' ')
            .trim(),
        )
      )
        return { done: true, note: null };
      return { done: true, note: text };
    },
  },
];

const NO_NOTE =
  /^(?:|ok|oke|okay|ko|k|khong|khong co|khong co gi|ko co|bo qua|boqua|skip|thoi|xong|het|vay thoi|the thoi|khong a|ko a|ok a)$/;

const STEPS = new Map(FORM.map((s) => [s.id, s]));
const step = (id: FormStepId): FormStep => STEPS.get(id)!;

/** The prefixes of the form's buttons, for the router. */
export const FORM_PREFIXES: ReadonlySet<string> = new Set(FORM.map((s) => s.prefix));

/** "quay lại", "quay lai", "lui", "back": the previous step. */
const BACK_WORDS = /^(quay lai|lui lai|tro lai|lui|back|sua buoc truoc)$/;
export const isBackWord = (text: string): boolean =>
  BACK_WORDS.test(
    fold(text)
      .replace(/[^a-z ]/g, '')
      .trim(),
  );

/** Buttons fit every channel's row when at most five: a "back" button is added to the steps where it fits. */
const MAX_BUTTONS = 5;

export type FormDialog = Extract<Dialog, { kind: 'form' }>;

/** What the runner did: a new dialog (or the finished incident) and the messages to show. */
export type FormResult =
  | { dialog: FormDialog; prompts: Prompt[] }
  | { finished: IncidentInput; note: string | null; day: string };

function prompt(dialog: FormDialog, ctx: StepContext, custom?: Prompt): Prompt {
  const s = step(dialog.step);
  const p = custom ?? s.ask(ctx);
  // A list of matches to pick from stays as it is; the step's own question offers the way back.
  const back = !custom && s.back && p.buttons.length < MAX_BUTTONS ? [button('ib', s.back, t.btnBack)] : [];
  return { text: p.text, buttons: [...p.buttons, ...back] };
}

function apply(dialog: FormDialog, outcome: Outcome, ctx: StepContext, prompts: Prompt[] = []): FormResult {
  if ('reask' in outcome) {
    const p = prompt(dialog, ctx);
    return { dialog, prompts: [...prompts, outcome.text ? { ...p, text: outcome.text } : p] };
  }
  const slots = { ...dialog.slots, ...outcome.set };
  if ('done' in outcome) {
    return {
      finished: {
        kind: slots.kind ?? 'khac',
        area: slots.area ?? null,
        scaleCount: slots.scaleCount ?? null,
        scaleUnit: slots.scaleUnit ?? null,
        scaleBucket: slots.scaleBucket ?? null,
        description: outcome.note,
        resolved: slots.ongoing === false,
      },
      note: outcome.note,
      day: dialog.day,
    };
  }
  const next: FormDialog = { ...dialog, step: outcome.go, slots };
  return { dialog: next, prompts: [...prompts, prompt(next, { ...ctx, slots }, outcome.prompt)] };
}

/** The form's first step, for an enterprise and day. */
export function startForm(ctx: Omit<StepContext, 'slots'>, day: string): FormResult {
  const dialog: FormDialog = {
    kind: 'form',
    step: 'kind',
    day,
    enterpriseId: ctx.member.enterprise.id,
    slots: {},
  };
  return { dialog, prompts: [prompt(dialog, { ...ctx, slots: {} })] };
}

/** The question of the current step again (after something the runner did not understand). */
export function reaskForm(dialog: FormDialog, ctx: Omit<StepContext, 'slots'>): FormResult {
  return { dialog, prompts: [prompt(dialog, { ...ctx, slots: dialog.slots })] };
}

/**
 * A tap on a form button. `prefix` is the button's; the tap counts when the current step takes that prefix
 * (a button of an earlier step, tapped late, is refused: null, and the router says it expired).
 */
export async function tapForm(
  dialog: FormDialog,
  prefix: string,
  value: string,
  ctx: Omit<StepContext, 'slots'>,
): Promise<FormResult | null> {
  const full = { ...ctx, slots: dialog.slots };
  if (prefix === 'ib') {
    const current = step(dialog.step);
    if (!current.back || current.back !== value) return null;
    return apply(dialog, { go: current.back }, full);
  }
  const current = step(dialog.step);
  if (current.prefix !== prefix) return null;
  return apply(dialog, await current.tap(value, full), full);
}

/** Typed text at the current step: "quay lại" or an answer (typed numbers and labels were read by the router). */
export async function typeForm(
  dialog: FormDialog,
  text: string,
  ctx: Omit<StepContext, 'slots'>,
): Promise<FormResult> {
  const full = { ...ctx, slots: dialog.slots };
  const current = step(dialog.step);
  if (isBackWord(text))
    return current.back ? apply(dialog, { go: current.back }, full) : reaskForm(dialog, ctx);
  return apply(dialog, await current.type(text, full), full);
}

/** False where a bare typed number is an answer of the step (a count, a description), not the n-th button. */
export const numbersPickButtons = (dialog: Dialog): boolean =>
  dialog.kind !== 'form' || step(dialog.step).typedNumbers === 'choice';

/** True for the prefixes the form answers (its steps' and "back"). */
export const isFormPrefix = (prefix: string): boolean => prefix === 'ib' || FORM_PREFIXES.has(prefix);
