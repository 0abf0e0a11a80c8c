import type { Db } from '../db/client.ts';
import { getMember, type Member, markUnreachable, touchIdentityStatement } from '../db/queries/people.ts';
import type { LastStatement } from '../db/transaction.ts';
import type { ChannelEvent, IncomingMessage, OutgoingMessage } from '../messages.ts';
import { t } from '../texts/index.ts';
import { describeMember } from './registration.ts';

/**
 * A follow or unfollow of the OA, handled in a turn like a message (inbox key, chat lock, one transaction, outbox): a
 * follow is welcomed (back, by role, for someone registered), an unfollow marks the identity unreachable, unanswered.
 * `member` is the sender when the caller has read it (null: not registered); undefined, it is read here.
 */
export async function handleChannelEvent(
  db: Db,
  msg: IncomingMessage,
  params: { event: ChannelEvent; now: Date; member?: Member | null },
): Promise<{ replies: OutgoingMessage[]; last: LastStatement[] }> {
  const { event, now } = params;
  const member = params.member !== undefined ? params.member : await getMember(db, msg.channel, msg.userId);
  if (event === 'unfollow') {
    if (member) {
      const reason = 'unfollowed the OA';
      await markUnreachable(db, { channel: msg.channel, chatId: msg.chatId, reason, at: now });
    }
    return { replies: [], last: [] };
  }
  return {
    replies: [
      { chatId: msg.chatId, text: member ? t.zaloWelcomeBack(describeMember(member)) : t.zaloWelcome },
    ],
    // Following is an interaction: Zalo's 7-day window for customer-service messages opens again.
    last: member ? [touchIdentityStatement(db, member.identity.id, now)] : [],
  };
}
