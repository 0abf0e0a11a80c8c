import { formatVnTime } from '../clock.ts';
import { getEnterpriseById } from '../db/queries/enterprises.ts';
import { redeemInvite } from '../db/queries/invites.ts';
import { attachIdentity, createPerson, type Member, updatePersonRole } from '../db/queries/people.ts';
import { countFailureAndMaybeBlock, getBlockedUntil, resetFailures } from '../db/queries/rate-limits.ts';
import type { IncomingMessage, MenuRole } from '../messages.ts';
import { t } from '../texts/index.ts';
import type { CommandHandler, Turn } from './engine.ts';

/** Wrong codes allowed from one person before they must wait; slows guessing without locking out a clumsy typist. */
export const MAX_FAILED_CODES = 5;
export const CODE_BLOCK_MINUTES = 15;

export function describeMember(member: Pick<Member, 'person' | 'enterprise'>): string {
  if (member.person.role === 'officer') return t.describeOfficer(member.enterprise?.name ?? '');
  return member.person.role === 'admin' ? t.describeAdmin : t.describeStaff;
}

/**
 * The wrong-code budget belongs to the sender (channel + user id), not to the chat: another chat (a group, a second
 * conversation) shares it. Invite codes and /lienket codes draw on the same budget.
 */
export const codeThrottleKey = (msg: Pick<IncomingMessage, 'channel' | 'userId'>): string =>
  `code:${msg.channel}:${msg.userId}`;

/** Checks the sender's wrong-code budget; true when they may try a code now. */
export async function mayTryCode(turn: Turn): Promise<boolean> {
  const until = await getBlockedUntil(turn.db, codeThrottleKey(turn.msg), turn.now);
  if (until) {
    turn.reply(t.codeBlocked(formatVnTime(until)));
    return false;
  }
  return true;
}

export async function countFailure(turn: Turn): Promise<void> {
  await countFailureAndMaybeBlock(turn.db, {
    key: codeThrottleKey(turn.msg),
    now: turn.now,
    max: MAX_FAILED_CODES,
    blockUntil: new Date(turn.now.getTime() + CODE_BLOCK_MINUTES * 60_000),
  });
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
  if (!(await mayTryCode(turn))) return;
  const redeemed = await redeemInvite(turn.db, { code, now: turn.now, kind: 'invite' });
  if (!redeemed.ok) {
    await countFailure(turn);
    return turn.reply(FAILURE_TEXT[redeemed.reason]);
  }
  // Only a redeemed invite clears the wrong tries: a link code is easy to get for whoever has an account.
  await resetFailures(turn.db, codeThrottleKey(turn.msg), turn.now);
  const invite = redeemed.invite;
  const enterprise = invite.enterpriseId ? await getEnterpriseById(turn.db, invite.enterpriseId) : null;
  const { msg } = turn;
  if (turn.member) {
    await updatePersonRole(turn.db, turn.member.person.id, {
      role: invite.role,
      enterpriseId: invite.enterpriseId,
    });
    const person = { ...turn.member.person, role: invite.role };
    return replyWithMenu(turn, t.roleChanged(describeMember({ person, enterprise })), invite.role);
  }
  const person = await createPerson(turn.db, {
    displayName: msg.displayName.slice(0, 200) || t.fallbackName,
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
  if (invite.role === 'officer')
    replyWithMenu(turn, t.registeredOfficer(person.displayName, enterprise?.name ?? ''), 'officer');
  else if (invite.role === 'admin') replyWithMenu(turn, t.registeredAdmin(person.displayName), 'admin');
  else replyWithMenu(turn, t.registeredStaff(person.displayName), 'staff');
};

/** A registration's answer: the chat's command menu (where the channel shows one) follows the new role. */
function replyWithMenu(turn: Turn, text: string, menu: MenuRole): void {
  turn.out.push({ chatId: turn.msg.chatId, text, menu });
}

export const start: CommandHandler = async (turn, args) => {
  if (args) return register(turn, args);
  if (turn.member) return turn.reply(t.alreadyRegistered(describeMember(turn.member)));
  turn.reply(t.welcome(turn.msg.displayName || t.nameless));
};
