import { fold } from '../fold.ts';
import type { MenuEntry, MenuRole } from '../messages.ts';
import { COMMAND_TEXTS, helpTexts, t } from '../texts/index.ts';
import type { CommandHandler, Turn } from './engine.ts';
import { exportCommand, summaryCommand } from './exports.ts';
import { broadcast, pause } from './follow-up.ts';
import { link } from './link.ts';
import { directiveCommand, questionsCommand } from './questions.ts';
import { register, start } from './registration.ts';
import { cancelCommand, reportCommand } from './reporting.ts';
import { status } from './staff.ts';
import { webCommand } from './web.ts';

/**
 * Who may run a command: anyone (registered or not), an enterprise's duty officer, department staff (admins too),
 * or admins only. The router checks it once, before the handler, and refuses with one text per case.
 */
export type Who = 'anyone' | 'officer' | 'staff' | 'admin';

export interface CommandSpec {
  /** The command's name in code and in COMMAND_TEXTS (menu and help lines). */
  name: string;
  /** Words, with or without the slash, any case (Zalo users often omit the slash); the first is the menu's. */
  words: readonly string[];
  /** Whole messages that mean the command too, compared without diacritics: "hủy", "trợ giúp". */
  phrases?: readonly string[];
  who: Who;
  handler: CommandHandler;
}

/**
 * Every command, in the order /help and the menus list them. Adding a command is one entry here (and its menu and
 * help lines in COMMAND_TEXTS).
 */
export const COMMAND_TABLE: readonly CommandSpec[] = [
  { name: 'start', words: ['start'], who: 'anyone', handler: start },
  {
    name: 'register',
    words: ['dangky', 'dang_ky', 'register'],
    who: 'anyone',
    handler: register,
  },
  { name: 'report', words: ['baocao', 'bao_cao', 'report'], who: 'officer', handler: reportCommand },
  {
    name: 'status',
    words: ['status', 'tinhhinh'],
    phrases: ['tinh hinh bao cao'],
    who: 'staff',
    handler: status,
  },
  {
    name: 'export',
    words: ['export', 'xuat'],
    phrases: ['xuat excel', 'xuat bao cao', 'xuat file', 'xuat file excel', 'tai file excel', 'xuat du lieu'],
    who: 'staff',
    handler: exportCommand,
  },
  {
    name: 'summary',
    words: ['tonghop'],
    phrases: [
      'tong hop',
      'du thao bao cao',
      'soan bao cao',
      'lap bao cao',
      'viet bao cao',
      'tong hop bao cao',
    ],
    who: 'staff',
    handler: summaryCommand,
  },
  { name: 'questions', words: ['cauhoi'], who: 'staff', handler: questionsCommand },
  { name: 'pause', words: ['tamdung'], phrases: ['tam dung'], who: 'officer', handler: pause },
  { name: 'link', words: ['lienket'], phrases: ['lien ket'], who: 'anyone', handler: link },
  {
    name: 'directive',
    words: ['vanban', 'directive'],
    phrases: ['van ban'],
    who: 'anyone',
    handler: directiveCommand,
  },
  {
    name: 'cancel',
    words: ['huy', 'cancel'],
    phrases: ['huy bo', 'thoi'],
    who: 'anyone',
    handler: cancelCommand,
  },
  { name: 'web', words: ['web'], who: 'staff', handler: webCommand },
  { name: 'broadcast', words: ['thongbao'], who: 'admin', handler: broadcast },
  {
    name: 'help',
    words: ['help', 'trogiup'],
    phrases: ['tro giup', 'huong dan'],
    who: 'anyone',
    handler: help,
  },
];

/** Command words → command name (for the parser and its property tests). */
export const COMMANDS: Readonly<Record<string, string>> = Object.fromEntries(
  COMMAND_TABLE.flatMap((c) => c.words.map((w) => [w, c.name])),
);
const BY_NAME = new Map(COMMAND_TABLE.map((c) => [c.name, c]));
/** Whole messages: the phrases, and the words typed with diacritics ("Hủy" is `huy`). */
const BY_PHRASE = new Map(
  COMMAND_TABLE.flatMap((c) =>
    [...c.words.map((w) => w.replace(/_/g, ' ')), ...(c.phrases ?? [])].map((p) => [p, c.name]),
  ),
);

export const commandByName = (name: string): CommandSpec | undefined => BY_NAME.get(name);

export interface ParsedCommand {
  name: string;
  word: string;
  args: string;
  /** Named in words ("tổng hợp"), not typed as a command: someone it is not for meant something else. */
  phrase?: true;
}

/**
 * "/baocao@tet_bot ok" → {name: 'report', args: 'ok'}; "Hủy" → {name: 'cancel'}; a bare unknown word is not a
 * command, a slashed one is reported as unknown.
 */
export function parseCommand(text: string): ParsedCommand | { unknown: string } | null {
  const m = /^(\/)?([A-Za-z_]{2,32})(@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return parsePhrase(text);
  const [, slash, word, , args] = m;
  const lower = word!.toLowerCase();
  const name = Object.hasOwn(COMMANDS, lower) ? COMMANDS[lower] : undefined;
  if (name) return { name, word: lower, args: (args ?? '').trim() };
  return slash ? { unknown: word! } : parsePhrase(text);
}

/** A whole message that names a command in words ("trợ giúp", "huỷ"), with or without diacritics. */
function parsePhrase(text: string): ParsedCommand | null {
  if (text.length > 40) return null;
  const key = fold(text)
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const name = BY_PHRASE.get(key);
  return name ? { name, word: commandByName(name)!.words[0]!, args: '', phrase: true } : null;
}

export type Role = 'guest' | 'officer' | 'staff' | 'admin';

/** The turn's sender as the table sees them: an officer needs an enterprise; admins are staff too. */
export function roleOf(turn: Pick<Turn, 'member'>): Role {
  const m = turn.member;
  if (!m) return 'guest';
  if (m.person.role === 'officer') return m.enterprise ? 'officer' : 'guest';
  return m.person.role === 'admin' ? 'admin' : 'staff';
}

export function allowed(who: Who, role: Role): boolean {
  switch (who) {
    case 'anyone':
      return true;
    case 'officer':
      return role === 'officer';
    case 'staff':
      return role === 'staff' || role === 'admin';
    case 'admin':
      return role === 'admin';
  }
}

/** The one refusal for a command the sender may not run; null when they may. */
export function refusal(who: Who, turn: Pick<Turn, 'member'>): string | null {
  if (allowed(who, roleOf(turn))) return null;
  if (!turn.member) return t.notRegistered;
  if (who === 'officer') return t.officersOnly;
  return who === 'admin' ? t.adminOnly : t.staffOnly;
}

/** Runs a command for the turn: the role check, then the handler. */
export async function runCommand(turn: Turn, spec: CommandSpec, args: string): Promise<void> {
  const refused = refusal(spec.who, turn);
  if (refused) return turn.reply(refused);
  await spec.handler(turn, args);
}

/** Help and menus show a command's lines to the roles it serves ('admin' sees the staff's and its own). */
function linesFor(role: Role) {
  const helpRole = role === 'admin' ? 'staff' : role;
  return COMMAND_TABLE.flatMap((spec) => {
    if (!allowed(spec.who, role)) return [];
    const texts = COMMAND_TEXTS[spec.name];
    return (texts?.help ?? []).filter((line) => !line.roles || line.roles.includes(helpRole));
  });
}

/** Whether a role's menu shows the command: when its /help shows it. */
const shownTo = (spec: CommandSpec, role: Role): boolean => {
  const helpRole = role === 'admin' ? 'staff' : role;
  return (
    allowed(spec.who, role) &&
    (COMMAND_TEXTS[spec.name]?.help ?? []).some((line) => !line.roles || line.roles.includes(helpRole))
  );
};

/** /help: the commands of the sender's role, from the table. */
export async function help(turn: Turn): Promise<void> {
  const role = roleOf(turn);
  const lines = linesFor(role).map((l) => `${l.usage} — ${l.text}`);
  const head =
    role === 'guest'
      ? helpTexts.head.guest
      : role === 'officer'
        ? helpTexts.head.officer(turn.member!.enterprise!.name)
        : helpTexts.head.staff;
  const foot = role === 'admin' ? helpTexts.foot.staff : helpTexts.foot[role];
  turn.reply(`${head}\n${lines.join('\n')}${foot}`);
}

/** The command menu of each role, for channels that show one (Telegram): the table's entries with a menu line. */
export function commandMenus(): Record<MenuRole, MenuEntry[]> {
  const menu = (role: Role): MenuEntry[] =>
    COMMAND_TABLE.flatMap((spec) => {
      const description = COMMAND_TEXTS[spec.name]?.menu;
      return description && shownTo(spec, role) ? [{ command: spec.words[0]!, description }] : [];
    });
  return { guest: menu('guest'), officer: menu('officer'), staff: menu('staff'), admin: menu('admin') };
}
