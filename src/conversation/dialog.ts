import type { ConversationRow } from '../db/queries/conversation-state.ts';
import type { IncidentInput } from '../features/incidents.ts';

/**
 * Where a chat stands, as a typed union. It is stored as the `state` and `data` columns of conversation_state in
 * the shape it always had (`inc:affected` with the form's slots in `data`), so a dialog open during a deploy goes on
 * after it; whatever does not validate reads as idle.
 */
export type Dialog =
  | { kind: 'idle' }
  /** /baocao asked "bình thường or sự cố?" for this enterprise and day. */
  | { kind: 'report:choose'; day: string; enterpriseId: number }
  /** A report read from the officer's own words waits for one tap: a normal day (no incident) or this incident. */
  | {
      kind: 'report:confirm';
      day: string;
      enterpriseId: number;
      incident: IncidentInput | null;
      note: string | null;
    }
  /** The incident form at one of its steps, with the slots filled so far. */
  | { kind: 'form'; step: FormStepId; day: string; enterpriseId: number; slots: FormSlots };

export const FORM_STEP_IDS = ['kind', 'area', 'area-name', 'affected', 'ongoing', 'note'] as const;
export type FormStepId = (typeof FORM_STEP_IDS)[number];

/** What the incident form has gathered; every slot is optional until the last step. */
export interface FormSlots {
  kind?: string;
  area?: string;
  /** "Một điểm, trạm" was chosen: the typed name is a station, not a commune. */
  point?: boolean;
  /** A typed area name with several matches, kept to offer "keep as typed". */
  typedArea?: string;
  scaleCount?: number | null;
  scaleUnit?: string | null;
  scaleBucket?: string | null;
  /** true: not yet fixed. */
  ongoing?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v.slice(0, 4000) : undefined);
const id = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

function readSlots(data: Record<string, unknown>): FormSlots {
  const slots: FormSlots = {};
  const set = <K extends keyof FormSlots>(key: K, value: FormSlots[K] | undefined) => {
    if (value !== undefined) slots[key] = value;
  };
  set('kind', str(data.kind));
  set('area', str(data.area));
  set('point', bool(data.point));
  set('typedArea', str(data.typedArea));
  set('scaleCount', data.scaleCount === null ? null : id(data.scaleCount));
  set('scaleUnit', data.scaleUnit === null ? null : str(data.scaleUnit));
  set('scaleBucket', data.scaleBucket === null ? null : str(data.scaleBucket));
  set('ongoing', bool(data.ongoing));
  return slots;
}

function readIncident(v: unknown): IncidentInput | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const kind = str(o.kind);
  if (!kind) return null;
  const orNull = <T>(x: T | undefined): T | null => x ?? null;
  return {
    kind,
    area: orNull(str(o.area)),
    scaleCount: orNull(id(o.scaleCount)),
    scaleUnit: orNull(str(o.scaleUnit)),
    scaleBucket: orNull(str(o.scaleBucket)),
    description: orNull(str(o.description)),
    resolved: o.resolved === true,
  };
}

/** The chat's dialog, validated: a row written by an older version, or tampered with, reads as idle. */
export function readDialog(conv: Pick<ConversationRow, 'state' | 'data'>): Dialog {
  const data = conv.data;
  const day = str(data.day);
  const enterpriseId = id(data.enterpriseId);
  if (conv.state === 'idle' || !day || !DAY.test(day) || enterpriseId === undefined) return { kind: 'idle' };
  if (conv.state === 'report:choose') return { kind: 'report:choose', day, enterpriseId };
  if (conv.state === 'report:confirm')
    return {
      kind: 'report:confirm',
      day,
      enterpriseId,
      incident: readIncident(data.incident),
      note: str(data.note) ?? null,
    };
  const step = conv.state.startsWith('inc:') ? conv.state.slice(4) : '';
  if ((FORM_STEP_IDS as readonly string[]).includes(step))
    return { kind: 'form', step: step as FormStepId, day, enterpriseId, slots: readSlots(data) };
  return { kind: 'idle' };
}

/** Stores the dialog in the row (the buttons last shown are added by the router at the end of the turn). */
export function writeDialog(conv: ConversationRow, dialog: Dialog): void {
  switch (dialog.kind) {
    case 'idle':
      conv.state = 'idle';
      conv.data = {};
      return;
    case 'report:choose':
      conv.state = dialog.kind;
      conv.data = { day: dialog.day, enterpriseId: dialog.enterpriseId };
      return;
    case 'report:confirm':
      conv.state = dialog.kind;
      conv.data = {
        day: dialog.day,
        enterpriseId: dialog.enterpriseId,
        ...(dialog.incident ? { incident: dialog.incident } : {}),
        ...(dialog.note ? { note: dialog.note } : {}),
      };
      return;
    case 'form':
      conv.state = `inc:${dialog.step}`;
      conv.data = { ...dialog.slots, day: dialog.day, enterpriseId: dialog.enterpriseId };
      return;
  }
}
