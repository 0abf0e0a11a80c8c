import { and, eq } from 'drizzle-orm';
import type { Channel } from '../../messages.ts';
import type { Db } from '../client.ts';
import { conversationState } from '../schema.ts';

export type ConversationRow = typeof conversationState.$inferSelect;

/** Reads a chat's dialog state, locking the row for the rest of the transaction. */
export async function loadConversation(db: Db, channel: Channel, chatId: string): Promise<ConversationRow> {
  const [row] = await db
    .select()
    .from(conversationState)
    .where(and(eq(conversationState.channel, channel), eq(conversationState.chatId, chatId)))
    .for('update');
  return (
    row ?? {
      channel,
      chatId,
      state: 'idle',
      data: {},
      updatedAt: new Date(0),
    }
  );
}

export async function saveConversation(db: Db, row: ConversationRow, at: Date): Promise<void> {
  await saveConversationStatement(db, row, at);
}

/** saveConversation's statement, unexecuted (a turn's last write). */
export function saveConversationStatement(db: Db, row: ConversationRow, at: Date) {
  const values = { ...row, updatedAt: at };
  return db
    .insert(conversationState)
    .values(values)
    .onConflictDoUpdate({
      target: [conversationState.channel, conversationState.chatId],
      set: {
        state: values.state,
        data: values.data,
        updatedAt: at,
      },
    });
}
