import { vnDay } from '../clock.ts';
import { getActiveCampaign } from '../db/queries/campaigns.ts';
import { findEnterprise } from '../db/queries/enterprises.ts';
import { parseDayArg, renderDayStatus, renderHistory } from '../features/status.ts';
import { t } from '../texts/index.ts';
import type { CommandHandler, Turn } from './engine.ts';
import { describeMember } from './registration.ts';

/** `/status`, `/status 10/02`, `/status <mã DN>`: staff only (checked by the command table). */
export const status: CommandHandler = async (turn, args) => {
  const arg = args.trim();
  if (!arg) return turn.reply(await renderDayStatus(turn.db, vnDay(turn.now), turn.now));
  if (/^\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?$/.test(arg)) {
    const day = parseDayArg(arg, turn.now, await getActiveCampaign(turn.db));
    if (!day) return turn.reply(t.statusBadArg);
    return turn.reply(await renderDayStatus(turn.db, day, turn.now));
  }
  const enterprise = await findEnterprise(turn.db, arg.slice(0, 200));
  if (!enterprise) return turn.reply(t.statusBadArg);
  turn.reply(await renderHistory(turn.db, enterprise, turn.now));
};

/** The `st:<code>` button under an incident alert: one enterprise's history. */
export const statusAction = async (turn: Turn, code: string): Promise<void> => status(turn, code);

export { describeMember };
