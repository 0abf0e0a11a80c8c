import { and, eq } from 'drizzle-orm';
import type { Channel } from '../../messages.ts';
import type { Db } from '../client.ts';
import { rawStatement } from '../raw.ts';
import { conversationState } from '../schema.ts';
import type { LastStatement } from '../transaction.ts';

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
export function saveConversationStatement(db: Db, row: ConversationRow, at: Date): LastStatement {
  return rawStatement(db, SAVE_CONVERSATION, [
    row.channel,
    row.chatId,
    row.state,
    JSON.stringify(row.data ?? {}),
    at.toISOString(),
  ]);
}

// Written out once (see raw.ts): a turn that moved the dialog ends with it.
const SAVE_CONVERSATION = `
  insert into conversation_state (channel, chat_id, state, data, updated_at)
  values ($1::text, $2::text, $3::text, $4::jsonb, $5::timestamptz)
  on conflict (channel, chat_id) do update
    set state = excluded.state, data = excluded.data, updated_at = excluded.updated_at`;
