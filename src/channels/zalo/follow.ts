import { describeMember } from '../../conversation/registration.ts';
import { t } from '../../conversation/texts.ts';
import type { Db } from '../../db/client.ts';
import { recordInbound } from '../../db/queries/inbox.ts';
import { enqueueMessages } from '../../db/queries/outbox.ts';
import { getMember, markUnreachable, touchIdentity } from '../../db/queries/people.ts';
import type { IncomingMessage } from '../../messages.ts';

/**
 * Records a follow or unfollow under its key and has its effect in the same transaction: a follow gets a
 * welcome (through the outbox), an unfollow marks the person's Zalo identity unreachable. False for a redelivery.
 */
export async function handleFollowEvent(
  db: Db,
  event: { kind: 'follow' | 'unfollow'; key: string; userId: string; at: Date },
): Promise<boolean> {
  const { kind, userId, at } = event;
  return db.transaction(async (tx) => {
    if (!(await recordHandled(tx, event.key, userId, kind, at))) return false;
    const member = await getMember(tx, 'zalo', userId);
    if (kind === 'unfollow') {
      if (member)
        await markUnreachable(tx, { channel: 'zalo', chatId: userId, reason: 'unfollowed the OA', at });
      return true;
    }
    // Following is an interaction: Zalo's 7-day window for customer-service messages opens again.
    if (member) await touchIdentity(tx, member.identity.id, at);
    const text = member ? t.zaloWelcomeBack(describeMember(member)) : t.zaloWelcome;
    await enqueueMessages(tx, [{ channel: 'zalo', chatId: userId, text }]);
    return true;
  });
}

function recordHandled(db: Db, key: string, userId: string, kind: string, at: Date): Promise<boolean> {
  const message: IncomingMessage = {
    channel: 'zalo',
    chatId: userId,
    userId,
    displayName: '',
    action: `zalo:${kind}`,
  };
  return recordInbound(db, { channel: 'zalo', eventKey: key, message, handledAt: at });
}
