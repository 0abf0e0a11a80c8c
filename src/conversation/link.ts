import { createInvite, peekInvite, redeemInvite } from '../db/queries/invites.ts';
import { attachIdentity, getMember } from '../db/queries/people.ts';
import type { Channel } from '../messages.ts';
import { t } from '../texts/index.ts';
import type { CommandHandler, Turn } from './engine.ts';
import { codeFromArgs, countFailure, describeMember, mayTryCode } from './registration.ts';

export const LINK_CODE_MINUTES = 15;
export const LINK_CODE_LENGTH = 10;

const FAILURE_TEXT = {
  unknown: t.linkUnknown,
  expired: t.linkExpired,
  used_up: t.linkUsedUp,
  wrong_kind: t.linkWrongKind,
} as const;

const OTHER_CHANNEL: Record<Channel, string> = t.otherChannel;

/** `/lienket` hands a registered person a one-time code; `lienket <code>` on another channel joins that identity. */
export const link: CommandHandler = async (turn, args) => {
  const code = codeFromArgs(args);
  if (code) return redeemLink(turn, code);
  const member = turn.member;
  if (!member) return turn.reply(t.linkNotRegistered);
  const { code: issued } = await createInvite(turn.db, {
    kind: 'link',
    personId: member.person.id,
    role: member.person.role,
    enterpriseId: member.person.enterpriseId,
    expiresAt: new Date(turn.now.getTime() + LINK_CODE_MINUTES * 60_000),
    maxUses: 1,
    codeLength: LINK_CODE_LENGTH,
  });
  turn.out.push({
    chatId: turn.msg.chatId,
    text: t.linkCode(`${issued.slice(0, 5)}-${issued.slice(5)}`, OTHER_CHANNEL[turn.msg.channel]),
    sensitive: true,
  });
};

async function redeemLink(turn: Turn, code: string): Promise<void> {
  if (!(await mayTryCode(turn))) return;
  const { msg } = turn;
  // Sending the code back from the account that asked for it would only burn it.
  const peeked = await peekInvite(turn.db, code);
  if (peeked?.kind === 'link' && peeked.personId !== null && peeked.personId === turn.member?.person.id) {
    return turn.reply(t.linkSameAccount);
  }
  const redeemed = await redeemInvite(turn.db, { code, now: turn.now, kind: 'link' });
  if (!redeemed.ok) {
    await countFailure(turn);
    return turn.reply(FAILURE_TEXT[redeemed.reason]);
  }
  // The wrong-code count is not reset here: one account could mint link codes to wash another's wrong guesses.
  const personId = redeemed.invite.personId;
  if (personId === null) return turn.reply(t.linkGone);
  // Re-points the identity when it was registered on its own as another person; that person keeps their history.
  await attachIdentity(turn.db, {
    personId,
    channel: msg.channel,
    externalId: msg.userId,
    chatId: msg.chatId,
    at: turn.now,
  });
  const member = await getMember(turn.db, msg.channel, msg.userId);
  if (!member) return turn.reply(t.linkGone);
  // The linked chat's command menu follows the person's role, as after a registration.
  const menu =
    member.person.role === 'officer' ? 'officer' : member.person.role === 'admin' ? 'admin' : 'staff';
  turn.out.push({
    chatId: msg.chatId,
    text: t.linkDone(member.person.displayName, describeMember(member)),
    menu,
  });
}
