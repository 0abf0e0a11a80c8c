/** Channel-agnostic message types: the only vocabulary shared by channels, conversation and delivery. */

export const CHANNELS = ['telegram', 'zalo', 'console'] as const;
export type Channel = (typeof CHANNELS)[number];

/** An abstract button: each channel renders it its own way. `action` is at most 64 bytes (Telegram callback_data). */
export interface Button {
  label: string;
  action: string;
}

/** 'group': a chat with several people (Telegram groups, supergroups, channels). The bot works in private chats only. */
export type ChatType = 'private' | 'group';

export interface IncomingMessage {
  channel: Channel;
  chatId: string;
  userId: string;
  /** Unset: a private chat (Zalo OA conversations and the console are always one person). */
  chatType?: ChatType;
  displayName: string;
  text?: string;
  /** Set when the person tapped a button: the button's `action`. */
  action?: string;
  /** Set for an event about the chat rather than a message in it (no text, no action). */
  event?: ChannelEvent;
}

/** The person started following the channel's account (Zalo OA), or stopped: they can no longer be reached there. */
export type ChannelEvent = 'follow' | 'unfollow';

export interface OutgoingDocument {
  filename: string;
  mimeType: string;
  /** File content, base64 encoded so the message stays JSON in the outbox. */
  contentBase64: string;
}

export interface OutgoingMessage {
  chatId: string;
  text: string;
  buttons?: Button[];
  document?: OutgoingDocument;
  /** Holds a one-time code: its text is erased from the outbox once delivered. */
  sensitive?: boolean;
  /** The chat's command menu changes with this message (after registration or a role change). */
  menu?: MenuRole;
}

/** Whose command menu a chat shows: someone not yet registered, an enterprise's officer, department staff, an admin. */
export type MenuRole = 'guest' | 'officer' | 'staff' | 'admin';

/** One entry of a channel's command menu (Telegram's setMyCommands). */
export interface MenuEntry {
  command: string;
  description: string;
}

/** An outgoing message addressed to a channel, as stored in the outbox. */
export interface Envelope extends OutgoingMessage {
  channel: Channel;
}
