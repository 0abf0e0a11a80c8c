import { readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, Help, InvalidArgumentError } from 'commander';
import { DateTime } from 'luxon';
import { replaceZaloTokens } from '../src/channels/zalo/token-store.ts';
import { formatDay, formatVnDateTime, VN_ZONE, vnTime } from '../src/clock.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { checkOutputPath, decodeText, formatCsv } from '../src/csv.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import {
  activateCampaign,
  createCampaign,
  getActiveCampaign,
  listCampaigns,
} from '../src/db/queries/campaigns.ts';
import { findEnterprise, listEnterprises } from '../src/db/queries/enterprises.ts';
import { createInvite, createInvites } from '../src/db/queries/invites.ts';
import type { Role } from '../src/db/schema.ts';
import { tet2024, tetCampaign, tetCampaignForYear } from '../src/features/campaign-presets.ts';
import { getActiveLetter } from '../src/features/directive.ts';
import {
  describeDatabaseError,
  EnterpriseImportError,
  formatImportProblems,
  formatImportReport,
  importEnterprises,
  SECTOR_VI,
} from '../src/features/enterprises-import.ts';
import { daysCsvPath, defuse, ExportError, writeExportFile } from '../src/features/export.ts';
import { parseDayArg } from '../src/features/status.ts';
import { redactSecrets } from '../src/logger.ts';
import { addAreaAndReportCommands, addDirectiveCommands } from './admin-directive.ts';

/** Admin CLI: every command prints a readable answer, or JSON with --json. Exit code 1 on a user error. */
class UserError extends Error {}

async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let database: Database;
  try {
    database = await openDatabase({
      url: config.database.url,
      dataDir: config.database.dataDir,
      maxConnections: 2,
    });
  } catch (err) {
    throw new UserError(`Không mở được cơ sở dữ liệu: ${describeDatabaseError(err)}.`);
  }
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function out(json: boolean, data: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
}

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('phải là số nguyên dương.');
  return n;
};

/** The output path, checked before anything is computed or stored (see checkOutputPath). */
function outputPath(out: string, extensions: string[]): string {
  const checked = checkOutputPath(out);
  if ('problem' in checked) throw new UserError(checked.problem);
  const ext = path.extname(out).toLowerCase();
  if (!extensions.includes(ext))
    throw new UserError(`${out}: tên tệp phải có đuôi ${extensions.join(' hoặc ')}.`);
  return checked.path;
}

// ---------------------------------------------------------------------------------------------------------------
// Help and errors in Vietnamese. Commander builds its help from a few English words and its errors from English
// sentences: the titles and usage words are replaced in the help formatter, the errors as they are written out.

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Arguments:': 'Tham số:',
  'Options:': 'Tùy chọn:',
  'Global Options:': 'Tùy chọn chung:',
  'Commands:': 'Lệnh:',
};

const usageWords = (s: string) => s.replace(/\[options\]/g, '[tùy chọn]').replace(/\[command\]/g, '[lệnh]');
const extraWords = (s: string) =>
  s
    .replace(/\bdefault: /g, 'mặc định: ')
    .replace(/\bchoices: /g, 'chọn một trong: ')
    .replace(/\bpreset: /g, 'khi không ghi giá trị: ');

const ERRORS: [RegExp, string][] = [
  [/^error: unknown command '(.*)'/m, "Lỗi: không có lệnh '$1'"],
  [/^error: unknown option '(.*)'/m, "Lỗi: không có tùy chọn '$1'"],
  [/^error: missing required argument '(.*)'/m, "Lỗi: thiếu tham số '$1'"],
  [/^error: option '(.*)' argument missing/m, "Lỗi: tùy chọn '$1' cần một giá trị"],
  [/^error: required option '(.*)' not specified/m, "Lỗi: cần có tùy chọn '$1'"],
  [
    /^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\./m,
    "Lỗi: lệnh '$1' nhận $2 tham số, nhưng được cho $3.",
  ],
  [
    /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./m,
    'Lỗi: chỉ nhận $1 tham số, nhưng được cho $2.',
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\.\s*/m,
    "Lỗi: giá trị '$2' của tùy chọn '$1' không hợp lệ: ",
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*)'\.\s*/m,
    "Lỗi: giá trị '$1' của tham số '$2' không hợp lệ: ",
  ],
  [/^error: (.*) cannot be used with (.*)$/m, 'Lỗi: không dùng $1 cùng với $2'],
  [/^\(Did you mean one of (.*)\?\)/m, '(Có phải ý bạn là một trong: $1?)'],
  [/^\(Did you mean (.*)\?\)/m, '(Có phải ý bạn là $1?)'],
  [/^error: /m, 'Lỗi: '],
];

function translateError(message: string): string {
  let text = message;
  for (const [pattern, replacement] of ERRORS) text = text.replace(pattern, replacement);
  return text;
}

const program = new Command('npm run admin --')
  .description(
    'Quản trị bot liên lạc dịp Tết: nhập danh sách doanh nghiệp, tạo mã mời, quản lý đợt báo cáo và xuất báo cáo.\n' +
      'Lệnh nào cũng nhận --json để in kết quả dạng JSON.',
  )
  .helpOption('-h, --help', 'Hiện hướng dẫn')
  .helpCommand('help [lệnh]', 'Hiện hướng dẫn của một lệnh')
  .configureHelp({
    styleTitle: (title: string) => TITLES[title] ?? title,
    commandUsage(this: Help, cmd: Command) {
      return usageWords(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return usageWords(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionDescription(this: Help, option) {
      return extraWords(Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(this: Help, argument) {
      return extraWords(Help.prototype.argumentDescription.call(this, argument));
    },
  })
  .configureOutput({ outputError: (text, write) => write(translateError(text)) })
  .showHelpAfterError('(gõ --help để xem hướng dẫn)');

const JSON_HELP = 'in kết quả dạng JSON';

// ---------------------------------------------------------------------------------------------------------------

const enterprises = program
  .command('enterprises')
  .description('Danh sách doanh nghiệp bưu chính, viễn thông');
enterprises
  .command('import')
  .description(
    'Nhập hoặc cập nhật doanh nghiệp từ tệp CSV. Doanh nghiệp đã có (cùng mã, hoặc cùng tên khi không ghi mã) được ' +
      'cập nhật chứ không tạo trùng; chỉ cần một dòng sai là không nhập dòng nào.',
  )
  .argument('<tệp>', 'tệp CSV (UTF-8), phân cách bằng dấu chấm phẩy hoặc dấu phẩy')
  .option('--json', JSON_HELP)
  .addHelpText(
    'after',
    [
      '',
      'Cột của tệp (dòng đầu là tiêu đề, viết có dấu hay không dấu, hoa hay thường đều được):',
      '  Tên doanh nghiệp (hoặc Tên, name)   bắt buộc',
      '  Lĩnh vực (hoặc sector)               bưu chính | viễn thông | cả hai (hoặc "bưu chính, viễn thông")',
      '  Mã DN (hoặc Mã, code)                không bắt buộc; bỏ trống thì mã được tạo từ tên',
      '',
      'Ví dụ (lưu từ Excel bằng "CSV UTF-8"):',
      '  Tên doanh nghiệp;Lĩnh vực;Mã DN',
      '  Viettel Bắc Giang;viễn thông;VIETTEL',
      '  Bưu điện tỉnh Bắc Giang;cả hai;VNPOST',
    ].join('\n'),
  )
  .action(async (file: string, opts: { json?: boolean }) => {
    const text = readCsvFile(file);
    await withDb(async ({ db }) => {
      const outcome = await importEnterprises(db, text);
      if (!outcome.ok) {
        out(
          !!opts.json,
          { ok: false, imported: 0, problems: outcome.problems },
          formatImportProblems(outcome.problems),
        );
        process.exitCode = 1;
        return;
      }
      const { created, updated, unchanged } = outcome.plan;
      const brief = ({
        line,
        code,
        name,
        sector,
      }: {
        line: number;
        code: string;
        name: string;
        sector: string;
      }) => ({
        line,
        code,
        name,
        sector,
      });
      out(
        !!opts.json,
        {
          ok: true,
          imported: created.length + updated.length,
          counts: { created: created.length, updated: updated.length, unchanged: unchanged.length },
          created: created.map(brief),
          updated: updated.map((u) => ({ ...brief(u), changes: u.changes })),
          unchanged: unchanged.map(brief),
        },
        formatImportReport(outcome.plan),
      );
    });
  });

/** The file as text; a missing, unreadable or non-UTF-8 file is a user error in Vietnamese. */
function readCsvFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT') throw new UserError(`Không tìm thấy tệp "${file}".`);
    if (code === 'EISDIR') throw new UserError(`"${file}" là một thư mục, không phải tệp CSV.`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`Không có quyền đọc tệp "${file}".`);
    throw new UserError(`Không đọc được tệp "${file}" (${typeof code === 'string' ? code : 'lỗi'}).`);
  }
  const decoded = decodeText(bytes);
  if ('problem' in decoded) throw new UserError(formatImportProblems([decoded.problem]));
  return decoded.text;
}

enterprises
  .command('list')
  .description('Liệt kê doanh nghiệp: mã, tên, lĩnh vực')
  .option('--json', JSON_HELP)
  .action(async (opts: { json?: boolean }) =>
    withDb(async ({ db }) => {
      const rows = await listEnterprises(db);
      out(
        !!opts.json,
        rows.map(({ code, name, sector }) => ({ code, name, sector })),
        rows.length
          ? rows.map((e) => `${e.code.padEnd(10)} ${e.name} (${SECTOR_VI[e.sector]})`).join('\n')
          : 'Chưa có doanh nghiệp nào. Nhập bằng: enterprises import <tệp.csv>',
      );
    }),
  );

// ---------------------------------------------------------------------------------------------------------------

const ZALO_HOW = 'Trên Zalo: quan tâm Official Account của Sở, rồi gửi tin nhắn: dangky';

function inviteCommand(role: Role, withEnterprise: boolean) {
  return async (...args: unknown[]) => {
    const target = withEnterprise ? (args[0] as string | undefined) : undefined;
    const opts = args[withEnterprise ? 1 : 0] as {
      uses: number;
      days: number;
      json?: boolean;
      all?: boolean;
      out?: string;
    };
    if (withEnterprise) {
      if (opts.all && target)
        throw new UserError(
          'Chọn một trong hai: một doanh nghiệp (mã hoặc tên), hoặc --all cho mọi doanh nghiệp.',
        );
      if (opts.out && !opts.all) throw new UserError('--out chỉ dùng cùng --all.');
      if (opts.all) return inviteAllEnterprises(opts);
      if (!target) throw new UserError('Cần mã hoặc tên doanh nghiệp (xem: enterprises list), hoặc --all.');
    }
    await withDb(async ({ db }) => {
      const config = loadConfig();
      const enterprise = target ? await findEnterprise(db, target) : null;
      if (target && !enterprise)
        throw new UserError(`Không tìm thấy doanh nghiệp "${target}" (xem: enterprises list).`);
      const expiresAt = new Date(Date.now() + opts.days * 24 * 3600_000);
      const { code } = await createInvite(db, {
        role,
        enterpriseId: enterprise?.id ?? null,
        expiresAt,
        maxUses: opts.uses,
      });
      const username = config.telegram?.username;
      const link = username ? `https://t.me/${username}?start=${code}` : null;
      const zalo = `${ZALO_HOW} ${code}`;
      const who = enterprise
        ? `cán bộ trực của ${enterprise.name}`
        : role === 'admin'
          ? 'quản trị viên'
          : 'cán bộ Sở';
      out(
        !!opts.json,
        { code, link, zalo, role, enterprise: enterprise?.code ?? null, maxUses: opts.uses, expiresAt },
        [
          `Mã mời cho ${who}: ${code}`,
          `Dùng được ${opts.uses} lần, hết hạn ${formatVnDateTime(expiresAt)} (giờ Việt Nam).`,
          link
            ? `Telegram: ${link}`
            : 'Telegram: gửi cho bot "/dangky <mã>" (đặt TELEGRAM_BOT_USERNAME để có đường dẫn).',
          zalo,
        ].join('\n'),
      );
    });
  };
}

/**
 * One fresh code per enterprise, written to a CSV for mail merge (UTF-8 with a BOM, readable by Excel). The codes
 * go to the file only: the terminal says how many and where. The codes are stored in the same transaction as the
 * file is written (to a temporary name, renamed once they are committed), so a failure leaves neither.
 */
async function inviteAllEnterprises(opts: { uses: number; days: number; json?: boolean; out?: string }) {
  const now = new Date();
  const file = opts.out ?? `ma-moi-doanh-nghiep-${vnTime(now).toFormat('yyyy-MM-dd-HHmmss')}.csv`;
  const target = outputPath(file, ['.csv']);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  await withDb(async ({ db }) => {
    const username = loadConfig().telegram?.username;
    const expiresAt = new Date(now.getTime() + opts.days * 24 * 3600_000);
    let written = 0;
    try {
      await db.transaction(async (tx) => {
        const list = await listEnterprises(tx);
        if (list.length === 0)
          throw new UserError('Chưa có doanh nghiệp nào. Nhập trước bằng: enterprises import <tệp.csv>');
        const codes = await createInvites(
          tx,
          list.map((e) => ({ role: 'officer' as const, enterpriseId: e.id, expiresAt, maxUses: opts.uses })),
        );
        const expires = formatVnDateTime(expiresAt);
        const header = [
          'Mã DN',
          'Tên doanh nghiệp',
          'Mã mời',
          ...(username ? ['Đường dẫn Telegram'] : []),
          'Cú pháp Zalo',
          'Hết hạn',
        ];
        const rows = list.map((e, i) => {
          const code = codes[i]!.code;
          return [
            defuse(e.code),
            defuse(e.name),
            code,
            ...(username ? [`https://t.me/${username}?start=${code}`] : []),
            `dangky ${code}`,
            expires,
          ];
        });
        await writeFile(tmp, formatCsv([header, ...rows]), { mode: 0o600, flag: 'wx' });
        written = rows.length;
      });
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    await rename(tmp, target);
    out(
      !!opts.json,
      { written, out: target, maxUses: opts.uses, expiresAt },
      [
        `Đã ghi ${written} mã mời (mỗi doanh nghiệp một mã, dùng được ${opts.uses} lần, hết hạn ${formatVnDateTime(expiresAt)} giờ Việt Nam) vào tệp:`,
        `  ${target}`,
        'Mã mời chỉ có trong tệp này: gửi cho từng doanh nghiệp, giữ kín và xóa tệp khi đã gửi xong.',
      ].join('\n'),
    );
  });
}

const invite = program
  .command('invite')
  .description('Tạo mã mời đăng ký (mã chỉ hiện một lần; hệ thống chỉ lưu bản băm)');
invite
  .command('enterprise')
  .description(
    'Mã mời cho cán bộ trực của một doanh nghiệp, hoặc với --all: mỗi doanh nghiệp một mã mới, ghi vào tệp CSV để ' +
      'trộn thư (cột: Mã DN, Tên doanh nghiệp, Mã mời, Đường dẫn Telegram, Cú pháp Zalo, Hết hạn)',
  )
  .argument('[mã-hoặc-tên]', 'mã hoặc tên doanh nghiệp (xem: enterprises list)')
  .option('--all', 'tạo mã cho mọi doanh nghiệp và ghi vào tệp CSV (mã không in ra màn hình)')
  .option('--out <tệp.csv>', 'tệp CSV cần ghi khi dùng --all (mặc định: ma-moi-doanh-nghiep-<thời điểm>.csv)')
  .option('--uses <n>', 'số lần dùng được của mỗi mã', positiveInt, 3)
  .option('--days <n>', 'số ngày hiệu lực', positiveInt, 14)
  .option('--json', JSON_HELP)
  .action(inviteCommand('officer', true));
for (const [role, who] of [
  ['staff', 'cán bộ Sở'],
  ['admin', 'quản trị viên'],
] as const) {
  invite
    .command(role)
    .description(`Mã mời cho ${who}`)
    .option('--uses <n>', 'số lần dùng được', positiveInt, 1)
    .option('--days <n>', 'số ngày hiệu lực', positiveInt, 14)
    .option('--json', JSON_HELP)
    .action(inviteCommand(role, false));
}

// ---------------------------------------------------------------------------------------------------------------

const parseDate = (v: string) => {
  const dt = DateTime.fromFormat(v, v.includes('/') ? 'dd/MM/yyyy' : 'yyyy-MM-dd', { zone: VN_ZONE });
  if (!dt.isValid) throw new InvalidArgumentError('ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd.');
  return dt.toISODate()!;
};
const campaign = program.command('campaign').description('Đợt báo cáo (mỗi lúc chỉ một đợt hoạt động)');
campaign
  .command('create')
  .description('Tạo đợt báo cáo: theo mẫu (--preset tet-2024), hoặc từ ngày mùng 1 Tết (--tet)')
  .option('--preset <tên>', 'tet-2024: Tết Giáp Thìn 2024 theo công văn')
  .option('--name <tên>', 'tên đợt')
  .option(
    '--tet <năm hoặc ngày>',
    'năm Tết (2027: mùng 1 tính theo âm lịch) hoặc ngày mùng 1 Tết (dd/mm/yyyy)',
    (v: string) => (/^\d{4}$/.test(v.trim()) ? v.trim() : parseDate(v)),
  )
  .option('--deadline <HH:mm>', 'hạn báo cáo hằng ngày (mặc định: theo công văn, hoặc 17:00)')
  .option('--activate', 'kích hoạt ngay')
  .option('--json', JSON_HELP)
  .action(
    async (opts: {
      preset?: string;
      name?: string;
      tet?: string;
      deadline?: string;
      activate?: boolean;
      json?: boolean;
    }) =>
      withDb(async ({ db }) => {
        if (opts.deadline !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(opts.deadline))
          throw new UserError('--deadline dạng HH:mm, ví dụ 17:00');
        let values: ReturnType<typeof tet2024>;
        let note = '';
        if (opts.preset) {
          if (opts.preset !== 'tet-2024')
            throw new UserError(`Không có mẫu "${opts.preset}" (có: tet-2024).`);
          values = { ...tet2024(), dailyDeadline: opts.deadline ?? '17:00' };
        } else if (opts.tet && /^\d{4}$/.test(opts.tet)) {
          const year = Number(opts.tet);
          if (year < 2000 || year > 2100) throw new UserError('--tet: năm từ 2000 đến 2100.');
          const planned = tetCampaignForYear({
            year,
            letter: await getActiveLetter(db),
            ...(opts.deadline ? { dailyDeadline: opts.deadline } : {}),
          });
          values = { ...planned.campaign, ...(opts.name ? { name: opts.name } : {}) };
          note = planned.fromLetter
            ? '\nHạn báo cáo cuối lấy từ công văn đang dùng.'
            : '\nCông văn đang dùng không nói về Tết này: hạn báo cáo cuối tạm đặt 9:00 mùng 4 Tết; nhập công văn mới rồi tạo lại đợt.';
        } else if (opts.tet) {
          values = tetCampaign({
            name: opts.name ?? `Tết Nguyên đán ${opts.tet.slice(0, 4)}`,
            firstDayOfTet: opts.tet,
            dailyDeadline: opts.deadline ?? '17:00',
          });
        } else throw new UserError('Cần --preset tet-2024, --tet <năm> hoặc --tet <ngày mùng 1 Tết>.');
        let row = await createCampaign(db, values);
        if (opts.activate) row = (await activateCampaign(db, row.id)) ?? row;
        out(
          !!opts.json,
          row,
          `Đã tạo đợt #${row.id} "${row.name}": ${formatDay(row.firstDay)}–${formatDay(row.lastDay)}, hạn hằng ngày ${row.dailyDeadline}, báo cáo cuối trước ${formatVnDateTime(row.finalDeadline)} (${row.finalDeadlineLabel})${row.active ? ', đang hoạt động' : ''}.${note}`,
        );
      }),
  );
campaign
  .command('list')
  .description('Liệt kê các đợt báo cáo')
  .option('--json', JSON_HELP)
  .action(async (opts: { json?: boolean }) =>
    withDb(async ({ db }) => {
      const rows = await listCampaigns(db);
      out(
        !!opts.json,
        rows,
        rows.length
          ? rows
              .map(
                (c) =>
                  `#${c.id} ${c.active ? '[đang hoạt động] ' : ''}${c.name}: ${formatDay(c.firstDay)}–${formatDay(c.lastDay)}, hạn ${c.dailyDeadline}, cuối ${formatVnDateTime(c.finalDeadline)}`,
              )
              .join('\n')
          : 'Chưa có đợt nào. Tạo: campaign create --preset tet-2024 --activate',
      );
    }),
  );
campaign
  .command('activate')
  .description('Kích hoạt một đợt (đợt đang hoạt động trước đó thôi hoạt động)')
  .argument('<số-đợt>', 'số của đợt (xem: campaign list)', positiveInt)
  .option('--json', JSON_HELP)
  .action(async (id: number, opts: { json?: boolean }) =>
    withDb(async ({ db }) => {
      const row = await activateCampaign(db, id);
      if (!row) throw new UserError(`Không có đợt #${id}.`);
      out(!!opts.json, row, `Đợt #${row.id} "${row.name}" đang hoạt động.`);
    }),
  );

// ---------------------------------------------------------------------------------------------------------------

program
  .command('zalo-tokens')
  .description(
    'Thay cặp token Zalo đã lưu bằng ZALO_ACCESS_TOKEN và ZALO_REFRESH_TOKEN trong môi trường (hoặc .env)',
  )
  .option('--json', JSON_HELP)
  .action(async (opts: { json?: boolean }) =>
    withDb(async ({ db }) => {
      const zalo = loadConfig().zalo;
      if (!zalo?.refreshToken)
        throw new UserError(
          'Cần đặt ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_ACCESS_TOKEN và ZALO_REFRESH_TOKEN.',
        );
      await replaceZaloTokens(
        db,
        { accessToken: zalo.accessToken, refreshToken: zalo.refreshToken },
        { key: zalo.tokenKey },
      );
      out(
        !!opts.json,
        { replaced: true },
        'Đã thay cặp token Zalo; dịch vụ sẽ làm mới token trước lần gửi tiếp theo.',
      );
    }),
  );

program
  .command('export')
  .description(
    'Xuất báo cáo ra tệp Excel (.xlsx) hoặc CSV: bảng ngày × doanh nghiệp, từng doanh nghiệp theo ngày (kể cả chưa báo cáo), mọi báo cáo, các sự cố',
  )
  .requiredOption(
    '--out <tệp>',
    'tệp .xlsx hoặc .csv cần ghi (thư mục chứa nó phải có sẵn); với .csv còn ghi thêm <tệp>-theo-ngay.csv: mỗi doanh nghiệp một dòng mỗi ngày',
  )
  .option('--from <dd/mm>', 'từ ngày (mặc định: ngày đầu của đợt đang hoạt động)')
  .option('--to <dd/mm>', 'đến ngày (mặc định: hôm nay hoặc ngày cuối của đợt)')
  .option('--json', JSON_HELP)
  .action(async (opts: { out: string; from?: string; to?: string; json?: boolean }) => {
    outputPath(opts.out, ['.xlsx', '.csv']);
    if (path.extname(opts.out).toLowerCase() === '.csv') outputPath(daysCsvPath(opts.out), ['.csv']);
    await withDb(async ({ db }) => {
      const now = new Date();
      const campaign = await getActiveCampaign(db);
      const day = (v: string | undefined, name: string) => {
        if (!v) return undefined;
        const d = parseDayArg(v, now, campaign);
        if (!d) throw new UserError(`--${name}: ngày dạng dd/mm hoặc dd/mm/yyyy`);
        return d;
      };
      try {
        const result = await writeExportFile(db, {
          out: opts.out,
          fromDay: day(opts.from, 'from'),
          toDay: day(opts.to, 'to'),
          now,
        });
        out(
          !!opts.json,
          {
            out: result.out,
            files: result.files,
            format: result.format,
            fromDay: result.data.fromDay,
            toDay: result.data.toDay,
          },
          `Đã ghi ${result.files.join(' và ')} (${result.format}, ${formatDay(result.data.fromDay)}–${formatDay(result.data.toDay)}).`,
        );
      } catch (err) {
        if (err instanceof ExportError) throw new UserError(err.message);
        throw err;
      }
    });
  });

const helpers = { withDb, out, userError: (message: string) => new UserError(message) };
addDirectiveCommands(program, helpers);
addAreaAndReportCommands(program, helpers);

/** What to tell the person: never a query, its parameters or a secret. */
function errorMessage(err: unknown): string {
  if (err instanceof UserError || err instanceof InvalidArgumentError || err instanceof EnterpriseImportError)
    return err.message;
  if (err instanceof ConfigError)
    return `Cấu hình sai (biến môi trường hoặc tệp .env):\n${err.problems.map((p) => `  - ${p}`).join('\n')}`;
  const { code, syscall, path: file } = (err ?? {}) as { code?: unknown; syscall?: unknown; path?: unknown };
  if (
    err instanceof Error &&
    ('query' in err || err.name === 'PostgresError' || err.name === 'DatabaseError')
  )
    return `Lỗi: ${describeDatabaseError(err)}.`;
  if (typeof syscall === 'string' && typeof code === 'string') {
    if (['connect', 'getaddrinfo', 'read', 'write'].includes(syscall))
      return `Lỗi: ${describeDatabaseError(err)}.`;
    return `Lỗi đọc/ghi tệp${typeof file === 'string' ? ` "${file}"` : ''}: ${code}.`;
  }
  return `Lỗi: ${redactSecrets(err instanceof Error ? err.message : String(err)).slice(0, 500)}`;
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CommanderError)) {
    process.stderr.write(`${errorMessage(err)}\n`);
    process.exitCode = 1;
  }
}
