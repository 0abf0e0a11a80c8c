import { formatVnTime } from '../clock.ts';
import { createBoardLink, endBoardSessionsOfPerson } from '../db/queries/board.ts';
import { foldKey } from '../fold.ts';
import { t } from '../texts/index.ts';
import type { CommandHandler } from './engine.ts';

export const BOARD_LINK_MINUTES = 10;
export const BOARD_LOGIN_PATH = '/board/login';

const LOGOUT_WORDS = new Set(['dangxuat', 'dang xuat', 'logout', 'thoat']);

/** The board's public base URL, read when a link is made (the port is known only once the server listens). */
export type BoardUrl = () => string;

/**
 * `/web`: a one-time sign-in link to the web board for staff and admins (checked by the command table); `/web dangxuat` ends every board session
 * of the person. The link goes out as a sensitive message, erased from the outbox once delivered.
 */
export const webCommand: CommandHandler = async (turn, args) => {
  const boardUrl = turn.services.boardUrl;
  const person = turn.member!.person;
  const arg = foldKey(args);
  if (LOGOUT_WORDS.has(arg)) {
    const n = await endBoardSessionsOfPerson(turn.db, { personId: person.id, now: turn.now });
    return turn.reply(t.webLoggedOut(n));
  }
  if (arg) return turn.reply(t.webUsage);
  if (!boardUrl) return turn.reply(t.webNotConfigured);
  const { token, expiresAt } = await createBoardLink(turn.db, {
    personId: person.id,
    now: turn.now,
    ttlMs: BOARD_LINK_MINUTES * 60_000,
  });
  const url = `${boardUrl().replace(/\/+$/, '')}${BOARD_LOGIN_PATH}?t=${token}`;
  turn.out.push({
    chatId: turn.msg.chatId,
    text: t.webLink(url, formatVnTime(expiresAt), BOARD_LINK_MINUTES),
    sensitive: true,
  });
};
