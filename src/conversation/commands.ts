import { lookup } from '../lookup.ts';
import type { MenuEntry, MenuRole } from '../messages.ts';
import { COMMAND_MENU } from './texts.ts';
/** Command words, with aliases; recognised with or without the leading slash (Zalo users often omit it). */
export const COMMANDS: Record<string, string> = {
  start: 'start',
  dangky: 'register',
  dang_ky: 'register',
  register: 'register',
  baocao: 'report',
  bao_cao: 'report',
  report: 'report',
  status: 'status',
  tinhhinh: 'status',
  help: 'help',
  trogiup: 'help',
  huy: 'cancel',
  cancel: 'cancel',
  vanban: 'directive',
  directive: 'directive',
  cauhoi: 'questions',
  tamdung: 'pause',
  lienket: 'link',
  export: 'export',
  xuat: 'export',
  tonghop: 'summary',
  thongbao: 'broadcast',
  web: 'web',
};

export interface ParsedCommand {
  name: string;
  word: string;
  args: string;
}

/** "/baocao@tet_bot ok" → {name: 'report', args: 'ok'}; a bare unknown word is not a command. */
export function parseCommand(text: string): ParsedCommand | { unknown: string } | null {
  const m = /^(\/)?([A-Za-z_]{2,32})(@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return null;
  const [, slash, word, , args] = m;
  const name = lookup(COMMANDS, word!.toLowerCase());
  if (name) return { name, word: word!.toLowerCase(), args: (args ?? '').trim() };
  return slash ? { unknown: word! } : null;
}

/** The command menu of each role, for channels that show one (Telegram). */
export function commandMenus(): Record<MenuRole, MenuEntry[]> {
  const menu = (commands: (keyof typeof COMMAND_MENU)[]) =>
    commands.map((command) => ({ command, description: COMMAND_MENU[command] }));
  const officer = menu(['baocao', 'dangky', 'vanban', 'tamdung', 'lienket', 'huy', 'help']);
  return {
    guest: officer,
    officer,
    staff: menu(['status', 'export', 'tonghop', 'cauhoi', 'vanban', 'help']),
  };
}
