import { formatDay, vnDay } from '../clock.ts';
import { getActiveCampaign } from '../db/queries/campaigns.ts';
import {
  buildExportData,
  CSV_MIME,
  type DayRange,
  ExportError,
  enterpriseDays,
  exportCsv,
  exportDaysCsv,
  exportDaysFilename,
  exportFilename,
  exportXlsx,
  resolveRange,
  XLSX_MIME,
} from '../features/export.ts';
import { parseDayArg } from '../features/status.ts';
import { buildReportDocInput, buildSummaryDraft } from '../features/summary.ts';
import { t } from '../texts/index.ts';
import type { CommandHandler, Turn } from './engine.ts';

type ExportArgs = { format?: 'xlsx' | 'csv'; fromDay?: string; toDay?: string } | null;

/** "csv 08/02 14/02", "08/02", "xlsx" … in any order; null when a word is not understood. */
async function parseExportArgs(turn: Turn, args: string): Promise<ExportArgs> {
  let format: 'xlsx' | 'csv' | undefined;
  const days: string[] = [];
  const campaign = await getActiveCampaign(turn.db);
  for (const word of args.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (word === 'csv') format = 'csv';
    else if (word === 'xlsx' || word === 'excel') format = 'xlsx';
    else if (['-', '–', 'đến', 'den', 'toi', 'tới'].includes(word)) continue;
    else {
      const day = parseDayArg(word, turn.now, campaign);
      if (!day || days.length === 2) return null;
      days.push(day);
    }
  }
  const [fromDay, toDay] = days;
  return { ...(format ? { format } : {}), ...(fromDay ? { fromDay, toDay: toDay ?? fromDay } : {}) };
}

async function resolveOrReply(
  turn: Turn,
  args: { fromDay?: string; toDay?: string },
): Promise<DayRange | null> {
  try {
    return await resolveRange(turn.db, { now: turn.now, ...args });
  } catch (err) {
    if (!(err instanceof ExportError)) throw err;
    turn.reply(`❌ ${err.message}`);
    return null;
  }
}

/**
 * `/export [csv] [dd/mm [dd/mm]]`: the reports of a range as an Excel workbook, staff only. A CSV holds one table,
 * so `csv` sends two files: every report, then one row per enterprise and day (who did not report included).
 */
export const exportCommand: CommandHandler = async (turn, args) => {
  const parsed = await parseExportArgs(turn, args);
  if (!parsed) return turn.reply(t.exportUsage);
  const { format = 'xlsx', ...days } = parsed;
  const range = await resolveOrReply(turn, days);
  if (!range) return;
  const data = await buildExportData(turn.db, range, { now: turn.now });
  const content = format === 'xlsx' ? await exportXlsx(data) : Buffer.from(exportCsv(data), 'utf8');
  turn.out.push({
    chatId: turn.msg.chatId,
    text: t.exportCaption({
      from: formatDay(range.fromDay),
      to: formatDay(range.toDay),
      enterprises: data.enterprises.length,
      revisions: data.revisions.length,
      incidents: data.incidents.length,
    }),
    document: {
      filename: exportFilename(range, format),
      mimeType: format === 'xlsx' ? XLSX_MIME : CSV_MIME,
      contentBase64: content.toString('base64'),
    },
  });
  if (format !== 'csv') return;
  const rows = enterpriseDays(data);
  turn.out.push({
    chatId: turn.msg.chatId,
    text: t.exportDaysCaption({
      from: formatDay(range.fromDay),
      to: formatDay(rows.at(-1)?.day ?? range.toDay),
      missing: rows.filter((d) => d.state === 'missing').length,
      incident: rows.filter((d) => d.state === 'incident').length,
    }),
    document: {
      filename: exportDaysFilename(range),
      mimeType: CSV_MIME,
      contentBase64: Buffer.from(exportDaysCsv(data), 'utf8').toString('base64'),
    },
  });
};

/** `/tonghop [dd/mm [dd/mm]]`: the consolidated report draft, as text to read and as a .txt file to paste from. */
export const summaryCommand: CommandHandler = async (turn, args) => {
  const parsed = await parseExportArgs(turn, args);
  if (!parsed || parsed.format) return turn.reply(t.summaryUsage);
  const range = await resolveOrReply(turn, parsed);
  if (!range) return;
  const draft = await buildSummaryDraft(turn.db, { now: turn.now, ...range });
  const today = vnDay(turn.now);
  turn.reply(draft);
  // The document the People's Committee receives: Decree 30 frame, the department's data, no internal codes.
  const input = await buildReportDocInput(turn.db, { now: turn.now, ...range });
  // Loaded on the first draft, like exceljs: a bot that never drafts need not carry the docx library.
  const { buildReportDocx, DOCX_MIME, reportDocFileName } = await import('../features/report-docx.ts');
  turn.out.push({
    chatId: turn.msg.chatId,
    text: t.summaryCaption(formatDay(today)),
    document: {
      filename: reportDocFileName(input),
      mimeType: DOCX_MIME,
      contentBase64: (await buildReportDocx(input)).toString('base64'),
    },
  });
};
