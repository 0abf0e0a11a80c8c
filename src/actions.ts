/**
 * Button actions: what a button carries back when tapped, encoded in one place for the jobs, features and
 * handlers that make buttons and the router that reads them. An action is `<prefix>:<payload>`, at most 64 bytes
 * (Telegram's callback_data); Zalo carries it as `#<action>`. The prefixes are wire format: buttons already sent
 * keep working after a deploy, so a prefix is never renamed.
 */

/** The report dialog's first choice: a normal day or an incident, for one enterprise. */
export type ReportChoice = 'ok' | 'inc';
/** The confirmation of a report read from the officer's own words. */
export type ConfirmChoice = 'ok' | 'inc' | 'form' | 'no';
/** The reminder's buttons: a normal report at once, or the report dialog. */
export type ReminderChoice = 'ok' | 'form';

export const actions = {
  reportChoice: (choice: ReportChoice, enterpriseId: number) => `rp:${choice}:${enterpriseId}`,
  confirm: (choice: ConfirmChoice, enterpriseId: number) => `rc:${choice}:${enterpriseId}`,
  reminder: (choice: ReminderChoice, enterpriseId: number) => `rm:${choice}:${enterpriseId}`,
  /** "Sự cố X đã khắc phục chưa?": 1 fixed, 0 not yet. */
  incidentFixed: (incidentId: number, fixed: boolean) => `ix:${incidentId}:${fixed ? 1 : 0}`,
  /** One enterprise's history, under an incident alert (staff). */
  history: (enterpriseCode: string) => `st:${enterpriseCode}`,
  /** A question of the Q&A, by id. */
  question: (id: string) => `qa:${id}`,
  /** A part of the active directive letter, by id. */
  directivePart: (id: string) => `vb:${id}`,
  /** An answer to a step of the incident form (the step's own prefix, see report-form.ts). */
  formStep: (prefix: string, value: string) => `${prefix}:${value}`,
  cancel: () => 'cancel:',
} as const;

/** `rp:ok:12` → {prefix: 'rp', payload: 'ok:12'}; the router looks the prefix up. */
export function splitAction(action: string): { prefix: string; payload: string } {
  const colon = action.indexOf(':');
  return colon < 0
    ? { prefix: action, payload: '' }
    : { prefix: action.slice(0, colon), payload: action.slice(colon + 1) };
}

/**
 * `ok:12` → {choice: 'ok', enterpriseId: 12}; `ok` (a button from before buttons carried the enterprise) →
 * enterpriseId null; anything else, or a choice not in `allowed` → null.
 */
export function decodeBound<C extends string>(
  payload: string,
  allowed: readonly C[],
): { choice: C; enterpriseId: number | null } | null {
  const m = /^([a-z]{1,8})(?::(\d{1,9}))?$/.exec(payload);
  if (!m || !(allowed as readonly string[]).includes(m[1]!)) return null;
  return { choice: m[1] as C, enterpriseId: m[2] ? Number(m[2]) : null };
}

/** `12:1` → {incidentId: 12, fixed: true}; else null. */
export function decodeIncidentFixed(payload: string): { incidentId: number; fixed: boolean } | null {
  const m = /^(\d{1,9}):([01])$/.exec(payload);
  return m ? { incidentId: Number(m[1]), fixed: m[2] === '1' } : null;
}

export const REPORT_CHOICES: readonly ReportChoice[] = ['ok', 'inc'];
export const CONFIRM_CHOICES: readonly ConfirmChoice[] = ['ok', 'inc', 'form', 'no'];
export const REMINDER_CHOICES: readonly ReminderChoice[] = ['ok', 'form'];
