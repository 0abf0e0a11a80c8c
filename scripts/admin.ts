import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { DateTime } from 'luxon';
import { replaceZaloTokens } from '../src/channels/zalo/token-store.ts';
import { formatDay, formatVnDateTime, VN_ZONE } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import {
  activateCampaign,
  createCampaign,
  getActiveCampaign,
  listCampaigns,
} from '../src/db/queries/campaigns.ts';
import { findEnterprise, insertEnterprises, listEnterprises } from '../src/db/queries/enterprises.ts';
import { createInvite } from '../src/db/queries/invites.ts';
import type { Role } from '../src/db/schema.ts';
import { tet2024, tetCampaign } from '../src/features/campaign-presets.ts';
import { parseEnterprisesCsv } from '../src/features/enterprises-import.ts';
import { ExportError, writeExportFile } from '../src/features/export.ts';
import { parseDayArg } from '../src/features/status.ts';

/** Admin CLI: every command prints a readable answer, or JSON with --json. Exit code 1 on a user error. */
class UserError extends Error {}

const SECTOR_VI = { postal: 'bưu chính', telecom: 'viễn thông', both: 'bưu chính, viễn thông' } as const;

async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.database.url,
    dataDir: config.database.dataDir,
    maxConnections: 2,
  });
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
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('phải là số nguyên dương');
  return n;
};

const program = new Command('admin').description('Quản trị bot liên lạc dịp Tết').showHelpAfterError();

const enterprises = program.command('enterprises').description('Danh sách doanh nghiệp');
enterprises
  .command('import <file>')
  .description('Nhập doanh nghiệp từ CSV: name,sector[,code] (sector: postal | telecom | both)')
  .option('--json', 'in JSON')
  .action(async (file: string, opts: { json?: boolean }) =>
    withDb(async ({ db }) => {
      const text = readFileSync(file, 'utf8');
      const existing = (await listEnterprises(db)).map((e) => e.code);
      const { rows, problems } = parseEnterprisesCsv(text, existing);
      if (problems.length) {
        out(
          !!opts.json,
          { imported: 0, problems },
          `Không nhập dòng nào. Tệp có ${problems.length} lỗi:\n${problems.map((p) => `  dòng ${p.line}: ${p.message}`).join('\n')}`,
        );
        process.exitCode = 1;
        return;
      }
      const inserted = await db.transaction((tx) =>
        insertEnterprises(
          tx,
          rows.map(({ line: _l, ...r }) => r),
        ),
      );
      out(
        !!opts.json,
        {
          imported: inserted.length,
          enterprises: inserted.map(({ code, name, sector }) => ({ code, name, sector })),
        },
        `Đã nhập ${inserted.length} doanh nghiệp.`,
      );
    }),
  );
enterprises
  .command('list')
  .option('--json', 'in JSON')
  .action(async (opts: { json?: boolean }) =>
    withDb(async ({ db }) => {
      const rows = await listEnterprises(db);
      out(
        !!opts.json,
        rows.map(({ code, name, sector }) => ({ code, name, sector })),
        rows.length
          ? rows.map((e) => `${e.code.padEnd(10)} ${e.name} (${SECTOR_VI[e.sector]})`).join('\n')
          : 'Chưa có doanh nghiệp nào.',
      );
    }),
  );

function inviteCommand(role: Role, withEnterprise: boolean) {
  return async (...args: unknown[]) => {
    const target = withEnterprise ? (args[0] as string) : undefined;
    const opts = args[withEnterprise ? 1 : 0] as { uses: number; days: number; json?: boolean };
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
      const zalo = `Trên Zalo: quan tâm Official Account của Sở, rồi gửi tin nhắn: dangky ${code}`;
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

const invite = program.command('invite').description('Tạo mã mời (chỉ hiện một lần, lưu dạng băm)');
invite
  .command('enterprise <codeOrName>')
  .option('--uses <n>', 'số lượt dùng', positiveInt, 3)
  .option('--days <d>', 'số ngày hiệu lực', positiveInt, 14)
  .option('--json', 'in JSON')
  .action(inviteCommand('officer', true));
for (const role of ['staff', 'admin'] as const) {
  invite
    .command(role)
    .option('--uses <n>', 'số lượt dùng', positiveInt, 1)
    .option('--days <d>', 'số ngày hiệu lực', positiveInt, 14)
    .option('--json', 'in JSON')
    .action(inviteCommand(role, false));
}

const parseDate = (v: string) => {
  const dt = DateTime.fromFormat(v, v.includes('/') ? 'dd/MM/yyyy' : 'yyyy-MM-dd', { zone: VN_ZONE });
  if (!dt.isValid) throw new InvalidArgumentError('ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd');
  return dt.toISODate()!;
};
const campaign = program.command('campaign').description('Đợt báo cáo (mỗi lúc một đợt hoạt động)');
campaign
  .command('create')
  .description('Tạo đợt: --preset tet-2024, hoặc --name và --tet <ngày mùng 1 Tết>')
  .option('--preset <name>', 'tet-2024: Tết Giáp Thìn 2024 theo công văn')
  .option('--name <name>', 'tên đợt')
  .option('--tet <date>', 'ngày mùng 1 Tết (dd/mm/yyyy)', parseDate)
  .option('--deadline <HH:mm>', 'hạn báo cáo hằng ngày', '17:00')
  .option('--activate', 'kích hoạt ngay')
  .option('--json', 'in JSON')
  .action(
    async (opts: {
      preset?: string;
      name?: string;
      tet?: string;
      deadline: string;
      activate?: boolean;
      json?: boolean;
    }) =>
      withDb(async ({ db }) => {
        if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(opts.deadline))
          throw new UserError('--deadline dạng HH:mm, ví dụ 17:00');
        let values: ReturnType<typeof tet2024>;
        if (opts.preset) {
          if (opts.preset !== 'tet-2024')
            throw new UserError(`Không có mẫu "${opts.preset}" (có: tet-2024).`);
          values = { ...tet2024(), dailyDeadline: opts.deadline };
        } else if (opts.tet) {
          values = tetCampaign({
            name: opts.name ?? `Tết Nguyên đán ${opts.tet.slice(0, 4)}`,
            firstDayOfTet: opts.tet,
            dailyDeadline: opts.deadline,
          });
        } else throw new UserError('Cần --preset tet-2024 hoặc --tet <ngày mùng 1 Tết>.');
        let row = await createCampaign(db, values);
        if (opts.activate) row = (await activateCampaign(db, row.id)) ?? row;
        out(
          !!opts.json,
          row,
          `Đã tạo đợt #${row.id} "${row.name}": ${formatDay(row.firstDay)}–${formatDay(row.lastDay)}, hạn hằng ngày ${row.dailyDeadline}, báo cáo cuối trước ${formatVnDateTime(row.finalDeadline)} (${row.finalDeadlineLabel})${row.active ? ', đang hoạt động' : ''}.`,
        );
      }),
  );
campaign
  .command('list')
  .option('--json', 'in JSON')
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
  .command('activate <id>')
  .option('--json', 'in JSON')
  .action(async (id: string, opts: { json?: boolean }) =>
    withDb(async ({ db }) => {
      const row = await activateCampaign(db, positiveInt(id));
      if (!row) throw new UserError(`Không có đợt #${id}.`);
      out(!!opts.json, row, `Đợt #${row.id} "${row.name}" đang hoạt động.`);
    }),
  );

program
  .command('zalo-tokens')
  .description('Thay cặp token Zalo đã lưu bằng ZALO_ACCESS_TOKEN và ZALO_REFRESH_TOKEN trong môi trường')
  .option('--json', 'in JSON')
  .action(async (opts: { json?: boolean }) =>
    withDb(async ({ db }) => {
      const zalo = loadConfig().zalo;
      if (!zalo?.refreshToken)
        throw new UserError(
          'Cần đặt ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_ACCESS_TOKEN và ZALO_REFRESH_TOKEN.',
        );
      await replaceZaloTokens(db, { accessToken: zalo.accessToken, refreshToken: zalo.refreshToken });
      out(
        !!opts.json,
        { replaced: true },
        'Đã thay cặp token Zalo; dịch vụ sẽ làm mới token trước lần gửi tiếp theo.',
      );
    }),
  );

program
  .command('export')
  .description('Xuất báo cáo: --out bao-cao.xlsx (hoặc .csv) [--from dd/mm --to dd/mm]')
  .requiredOption('--out <file>', 'tệp .xlsx hoặc .csv')
  .option('--from <dd/mm>', 'từ ngày')
  .option('--to <dd/mm>', 'đến ngày')
  .option('--json', 'in JSON')
  .action(async (opts: { out: string; from?: string; to?: string; json?: boolean }) =>
    withDb(async ({ db }) => {
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
          { out: result.out, format: result.format, fromDay: result.data.fromDay, toDay: result.data.toDay },
          `Đã ghi ${result.out} (${result.format}, ${formatDay(result.data.fromDay)}–${formatDay(result.data.toDay)}).`,
        );
      } catch (err) {
        if (err instanceof ExportError) throw new UserError(err.message);
        throw err;
      }
    }),
  );

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof UserError || err instanceof InvalidArgumentError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`Lỗi: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
