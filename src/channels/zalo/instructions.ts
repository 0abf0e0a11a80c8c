import { t } from '../../texts/index.ts';

/** The Zalo line of an invite: what a new officer or staff member does on Zalo to register. */
export function zaloRegistrationHint(code: string): string {
  return t.zaloInstructions(code);
}
