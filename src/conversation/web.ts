import { formatVnTime } from '../clock.ts';
import { createBoardLink, endBoardSessionsOfPerson } from '../db/queries/board.ts';
import { foldKey } from '../fold.ts';
import type { CommandHandler } from './engine.ts';

export const BOARD_LINK_MINUTES = 10;
export const BOARD_LOGIN_PATH = '/board/login';

const texts = {
  link: (url: string, until: string) =>
    `🖥️ Bảng theo dõi báo cáo trên web:\n${url}\n\nĐường dẫn chỉ dùng được một lần, hết hạn lúc ${until} ` +
    `(${BOARD_LINK_MINUTES} phút). Phiên đăng nhập kéo dài 8 giờ. Không chuyển tiếp tin nhắn này cho người khác.\n` +
    'Gõ /web dangxuat để đăng xuất khỏi mọi trình duyệt.',
  loggedOut: (n: number) =>
    n > 0
      ? `Đã đăng xuất bảng theo dõi trên ${n} trình duyệt.`
      : 'Bạn không có phiên đăng nhập bảng theo dõi nào đang mở.',
  usage:
    'Cách dùng: /web — nhận đường dẫn đăng nhập bảng theo dõi; /web dangxuat — đăng xuất khỏi mọi trình duyệt.',
  notConfigured: 'Bảng theo dõi trên web chưa được bật trên máy chủ này.',
};

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
    return turn.reply(texts.loggedOut(n));
  }
  if (arg) return turn.reply(texts.usage);
  if (!boardUrl) return turn.reply(texts.notConfigured);
  const { token, expiresAt } = await createBoardLink(turn.db, {
    personId: person.id,
    now: turn.now,
    ttlMs: BOARD_LINK_MINUTES * 60_000,
  });
  const url = `${boardUrl().replace(/\/+$/, '')}${BOARD_LOGIN_PATH}?t=${token}`;
  turn.out.push({
    chatId: turn.msg.chatId,
    text: texts.link(url, formatVnTime(expiresAt)),
    sensitive: true,
  });
};
