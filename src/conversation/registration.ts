import { DateTime } from 'luxon';
import { formatVnTime } from '../clock.ts';
import { getEnterpriseById } from '../db/queries/enterprises.ts';
import { redeemInvite } from '../db/queries/invites.ts';
import { attachIdentity, createPerson, type Member, updatePersonRole } from '../db/queries/people.ts';
import type { CommandHandler, Turn } from './engine.ts';
import { t } from './texts.ts';

/** Wrong codes allowed from one chat before it must wait; slows guessing without locking out a clumsy typist. */
export const MAX_FAILED_CODES = 5;
export const CODE_BLOCK_MINUTES = 15;

export function describeMember(member: Pick<Member, 'person' | 'enterprise'>): string {
  if (member.person.role === 'officer') return t.describeOfficer(member.enterprise?.name ?? '');
  return member.person.role === 'admin' ? t.describeAdmin : t.describeStaff;
}

/** Checks the chat's wrong-code budget; true when it may try a code now. */
export function mayTryCode(turn: Turn): boolean {
  const until = turn.conv.codesBlockedUntil;
  if (until && until > turn.now) {
    turn.reply(t.codeBlocked(formatVnTime(until)));
    return false;
  }
  return true;
}

export function countFailure(turn: Turn): void {
  turn.conv.failedCodes += 1;
  if (turn.conv.failedCodes >= MAX_FAILED_CODES) {
    turn.conv.failedCodes = 0;
    turn.conv.codesBlockedUntil = DateTime.fromJSDate(turn.now)
      .plus({ minutes: CODE_BLOCK_MINUTES })
      .toJSDate();
  }
}

const FAILURE_TEXT = {
  unknown: t.codeUnknown,
  expired: t.codeExpired,
  used_up: t.codeUsedUp,
  wrong_kind: t.codeWrongKind,
} as const;

/** "7KQ2 M9XA 4TPB W3HD", "7kq2-m9xa-…": the groups of a code typed with spaces are one code, not a wrong try. */
export function codeFromArgs(args: string): string {
  const trimmed = args.trim();
  if (/^[0-9a-z]{2,8}([\s\-_.]+[0-9a-z]{2,8})+$/i.test(trimmed)) return trimmed.replace(/[\s\-_.]+/g, '');
  return trimmed.split(/\s+/)[0] ?? '';
}

export const register: CommandHandler = async (turn, args) => {
  const code = codeFromArgs(args);
  if (!code)
    return turn.reply(turn.member ? t.alreadyRegistered(describeMember(turn.member)) : t.codeMissing);
  if (!mayTryCode(turn)) return;
  const redeemed = await redeemInvite(turn.db, { code, now: turn.now, kind: 'invite' });
  if (!redeemed.ok) {
    countFailure(turn);
    return turn.reply(FAILURE_TEXT[redeemed.reason]);
  }
  turn.conv.failedCodes = 0;
  const invite = redeemed.invite;
  const enterprise = invite.enterpriseId ? await getEnterpriseById(turn.db, invite.enterpriseId) : null;
  const { msg } = turn;
  if (turn.member) {
    await updatePersonRole(turn.db, turn.member.person.id, {
      role: invite.role,
      enterpriseId: invite.enterpriseId,
    });
    return turn.reply(
      t.roleChanged(describeMember({ person: { ...turn.member.person, role: invite.role }, enterprise })),
    );
  }
  const person = await createPerson(turn.db, {
    displayName: msg.displayName.slice(0, 200) || 'Cán bộ',
    role: invite.role,
    enterpriseId: invite.enterpriseId,
  });
  await attachIdentity(turn.db, {
    personId: person.id,
    channel: msg.channel,
    externalId: msg.userId,
    chatId: msg.chatId,
    at: turn.now,
  });
  if (invite.role === 'officer') turn.reply(t.registeredOfficer(person.displayName, enterprise?.name ?? ''));
  else if (invite.role === 'admin') turn.reply(t.registeredAdmin(person.displayName));
  else turn.reply(t.registeredStaff(person.displayName));
};

export const start: CommandHandler = async (turn, args) => {
  if (args) return register(turn, args);
  if (turn.member) return turn.reply(t.alreadyRegistered(describeMember(turn.member)));
  turn.reply(t.welcome(turn.msg.displayName || 'bạn'));
};
