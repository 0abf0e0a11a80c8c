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
} from '../src/features/enterprises-import.ts';
import { daysCsvPath, defuse, ExportError, writeExportFile } from '../src/features/export.ts';
import { parseDayArg } from '../src/features/status.ts';
import { redactSecrets } from '../src/logger.ts';
import { t } from '../src/texts/index.ts';
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
    throw new UserError(t.cliDbOpenFailed(describeDatabaseError(err)));
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
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(t.cliPositiveInt);
  return n;
};

/** The output path, checked before anything is computed or stored (see checkOutputPath). */
function outputPath(out: string, extensions: string[]): string {
  const checked = checkOutputPath(out);
  if ('problem' in checked) throw new UserError(checked.problem);
  const ext = path.extname(out).toLowerCase();
  if (!extensions.includes(ext)) throw new UserError(t.fileNeedsExtension(out, extensions));
  return checked.path;
}

// ---------------------------------------------------------------------------------------------------------------
// Help and errors in Vietnamese. Commander builds its help from a few English words and its errors from English
// sentences: the titles and usage words are replaced in the help formatter, the errors as they are written out.

const TITLES = t.cliHelpTitles;

const usageWords = (s: string) =>
  s.replace(/\[options\]/g, t.cliUsageOptions).replace(/\[command\]/g, t.cliUsageCommand);
const extraWords = (s: string) =>
  s
    .replace(/\bdefault: /g, `${t.cliHelpDefault} `)
    .replace(/\bchoices: /g, `${t.cliHelpChoices} `)
    .replace(/\bpreset: /g, `${t.cliHelpPreset} `);

/** Commander's English errors, matched line by line; each match is rewritten from its captured names. */
const ERRORS: [RegExp, (...groups: string[]) => string][] = [
  [/^error: unknown command '(.*)'/m, (_, name) => t.cliError(t.cliErrUnknownCommand(name!))],
  [/^error: unknown option '(.*)'/m, (_, name) => t.cliError(t.cliErrUnknownOption(name!))],
  [/^error: missing required argument '(.*)'/m, (_, name) => t.cliError(t.cliErrMissingArgument(name!))],
  [/^error: option '(.*)' argument missing/m, (_, name) => t.cliError(t.cliErrOptionNeedsValue(name!))],
  [/^error: required option '(.*)' not specified/m, (_, name) => t.cliError(t.cliErrRequiredOption(name!))],
  [
    /^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\./m,
    (_, command, expected, got) => t.cliError(t.cliErrTooManyArgumentsFor(command!, expected!, got!)),
  ],
  [
    /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./m,
    (_, expected, got) => t.cliError(t.cliErrTooManyArguments(expected!, got!)),
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\.\s*/m,
    (_, option, value) => t.cliError(t.cliErrBadOptionValue(option!, value!)),
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*)'\.\s*/m,
    (_, value, argument) => t.cliError(t.cliErrBadArgumentValue(value!, argument!)),
  ],
  [/^error: (.*) cannot be used with (.*)$/m, (_, a, b) => t.cliError(t.cliErrConflict(a!, b!))],
  [/^\(Did you mean one of (.*)\?\)/m, (_, names) => t.cliErrDidYouMeanOneOf(names!)],
  [/^\(Did you mean (.*)\?\)/m, (_, name) => t.cliErrDidYouMean(name!)],
  [/^error: /m, () => t.cliError('')],
];

function translateError(message: string): string {
  let text = message;
  for (const [pattern, replacement] of ERRORS) text = text.replace(pattern, replacement);
  return text;
}

const program = new Command('npm run admin --')
  .description(t.cliDescription)
  .helpOption('-h, --help', t.cliHelpOption)
  .helpCommand(`help ${t.cliUsageCommand}`, t.cliHelpCommand)
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
  .showHelpAfterError(t.cliHelpAfterError);

const JSON_HELP = t.cliJsonOption;

// ---------------------------------------------------------------------------------------------------------------

const enterprises = program.command('enterprises').description(t.cliEnterprises);
enterprises
  .command('import')
  .description(t.cliEnterprisesImport)
  .argument(t.cliArgFile, t.cliEnterprisesFileArg)
  .option('--json', JSON_HELP)
  .addHelpText('after', t.cliEnterprisesImportHelp)
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
    if (code === 'ENOENT') throw new UserError(t.cliFileNotFound(file));
    if (code === 'EISDIR') throw new UserError(t.cliFileIsDir(file));
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(t.cliFileNoAccess(file));
    throw new UserError(t.cliFileUnreadable(file, typeof code === 'string' ? code : undefined));
  }
  const decoded = decodeText(bytes);
  if ('problem' in decoded) throw new UserError(formatImportProblems([decoded.problem]));
  return decoded.text;
}

enterprises
  .command('list')
  .description(t.cliEnterprisesList)
  .option('--json', JSON_HELP)
  .action(async (opts: { json?: boolean }) =>
    withDb(async ({ db }) => {
      const rows = await listEnterprises(db);
      out(
        !!opts.json,
        rows.map(({ code, name, sector }) => ({ code, name, sector })),
        rows.length
          ? rows.map((e) => `${e.code.padEnd(10)} ${e.name} (${t.sectorNames[e.sector]})`).join('\n')
          : t.cliNoEnterprises,
      );
    }),
  );

// ---------------------------------------------------------------------------------------------------------------

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
      if (opts.all && target) throw new UserError(t.cliInviteOneOrAll);
      if (opts.out && !opts.all) throw new UserError(t.cliInviteOutNeedsAll);
      if (opts.all) return inviteAllEnterprises(opts);
      if (!target) throw new UserError(t.cliInviteNeedsTarget);
    }
    await withDb(async ({ db }) => {
      const config = loadConfig();
      const enterprise = target ? await findEnterprise(db, target) : null;
      if (target && !enterprise) throw new UserError(t.cliEnterpriseNotFound(target));
      const expiresAt = new Date(Date.now() + opts.days * 24 * 3600_000);
      const { code } = await createInvite(db, {
        role,
        enterpriseId: enterprise?.id ?? null,
        expiresAt,
        maxUses: opts.uses,
      });
      const username = config.telegram?.username;
      const link = username ? `https://t.me/${username}?start=${code}` : null;
      const zalo = t.cliInviteZalo(code);
      const who = enterprise
        ? t.cliInviteOfficerOf(enterprise.name)
        : role === 'admin'
          ? t.cliRoleAdmin
          : t.cliRoleStaff;
      out(
        !!opts.json,
        { code, link, zalo, role, enterprise: enterprise?.code ?? null, maxUses: opts.uses, expiresAt },
        [
          t.cliInviteCode(who, code),
          t.cliInviteValidity(opts.uses, formatVnDateTime(expiresAt)),
          link ? `Telegram: ${link}` : t.cliInviteTelegramNoLink,
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
        if (list.length === 0) throw new UserError(t.cliNoEnterprisesYet);
        const codes = await createInvites(
          tx,
          list.map((e) => ({ role: 'officer' as const, enterpriseId: e.id, expiresAt, maxUses: opts.uses })),
        );
        const expires = formatVnDateTime(expiresAt);
        const columns = t.cliInviteColumns;
        const header = [
          columns.code,
          columns.name,
          columns.invite,
          ...(username ? [columns.telegram] : []),
          columns.zalo,
          columns.expires,
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
        t.cliInviteAllWritten(written, opts.uses, formatVnDateTime(expiresAt)),
        `  ${target}`,
        t.cliInviteAllKeepSecret,
      ].join('\n'),
    );
  });
}

const invite = program.command('invite').description(t.cliInvite);
invite
  .command('enterprise')
  .description(t.cliInviteEnterprise)
  .argument(t.cliArgEnterprise, t.cliInviteEnterpriseArg)
  .option('--all', t.cliInviteAllOption)
  .option(`--out ${t.cliArgCsvFile}`, t.cliInviteOutOption)
  .option('--uses <n>', t.cliUsesEachOption, positiveInt, 3)
  .option('--days <n>', t.cliDaysOption, positiveInt, 14)
  .option('--json', JSON_HELP)
  .action(inviteCommand('officer', true));
for (const [role, who] of [
  ['staff', t.cliRoleStaff],
  ['admin', t.cliRoleAdmin],
] as const) {
  invite
    .command(role)
    .description(t.cliInviteFor(who))
    .option('--uses <n>', t.cliUsesOption, positiveInt, 1)
    .option('--days <n>', t.cliDaysOption, positiveInt, 14)
    .option('--json', JSON_HELP)
    .action(inviteCommand(role, false));
}

// ---------------------------------------------------------------------------------------------------------------

const parseDate = (v: string) => {
  const dt = DateTime.fromFormat(v, v.includes('/') ? 'dd/MM/yyyy' : 'yyyy-MM-dd', { zone: VN_ZONE });
  if (!dt.isValid) throw new InvalidArgumentError(t.cliDateFormat);
  return dt.toISODate()!;
};
const campaign = program.command('campaign').description(t.cliCampaign);
campaign
  .command('create')
  .description(t.cliCampaignCreate)
  .option(`--preset ${t.cliArgName}`, t.cliPresetOption)
  .option(`--name ${t.cliArgName}`, t.cliCampaignNameOption)
  .option(`--tet ${t.cliArgTet}`, t.cliTetOption, (v: string) =>
    /^\d{4}$/.test(v.trim()) ? v.trim() : parseDate(v),
  )
  .option('--deadline <HH:mm>', t.cliDeadlineOption)
  .option('--activate', t.cliActivateNowOption)
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
          throw new UserError(t.cliDeadlineFormat);
        let values: ReturnType<typeof tet2024>;
        let note = '';
        if (opts.preset) {
          if (opts.preset !== 'tet-2024') throw new UserError(t.cliNoPreset(opts.preset));
          values = { ...tet2024(), dailyDeadline: opts.deadline ?? '17:00' };
        } else if (opts.tet && /^\d{4}$/.test(opts.tet)) {
          const year = Number(opts.tet);
          if (year < 2000 || year > 2100) throw new UserError(t.cliTetYearRange);
          const planned = tetCampaignForYear({
            year,
            letter: await getActiveLetter(db),
            ...(opts.deadline ? { dailyDeadline: opts.deadline } : {}),
          });
          values = { ...planned.campaign, ...(opts.name ? { name: opts.name } : {}) };
          note = `\n${planned.fromLetter ? t.cliFinalFromLetter : t.cliFinalAssumed}`;
          if (planned.fromLetter)
            note += `\n${planned.duty ? t.cliDutyFromLetter(planned.duty.sentence) : t.cliDutyAssumed}`;
        } else if (opts.tet) {
          values = tetCampaign({
            name: opts.name ?? t.tetHolidayOf(opts.tet.slice(0, 4)),
            firstDayOfTet: opts.tet,
            dailyDeadline: opts.deadline ?? '17:00',
          });
        } else throw new UserError(t.cliCampaignNeedsPreset);
        let row = await createCampaign(db, values);
        if (opts.activate) row = (await activateCampaign(db, row.id)) ?? row;
        out(
          !!opts.json,
          row,
          t.cliCampaignCreated({
            id: row.id,
            name: row.name,
            from: formatDay(row.firstDay),
            to: formatDay(row.lastDay),
            daily: row.dailyDeadline,
            final: formatVnDateTime(row.finalDeadline),
            finalLabel: row.finalDeadlineLabel,
            active: row.active,
          }) + note,
        );
      }),
  );
campaign
  .command('list')
  .description(t.cliCampaignList)
  .option('--json', JSON_HELP)
  .action(async (opts: { json?: boolean }) =>
    withDb(async ({ db }) => {
      const rows = await listCampaigns(db);
      out(
        !!opts.json,
        rows,
        rows.length
          ? rows
              .map((c) =>
                t.cliCampaignLine({
                  id: c.id,
                  active: c.active,
                  name: c.name,
                  from: formatDay(c.firstDay),
                  to: formatDay(c.lastDay),
                  daily: c.dailyDeadline,
                  final: formatVnDateTime(c.finalDeadline),
                }),
              )
              .join('\n')
          : t.cliNoCampaigns,
      );
    }),
  );
campaign
  .command('activate')
  .description(t.cliCampaignActivate)
  .argument(t.cliArgCampaign, t.cliCampaignArg, positiveInt)
  .option('--json', JSON_HELP)
  .action(async (id: number, opts: { json?: boolean }) =>
    withDb(async ({ db }) => {
      const row = await activateCampaign(db, id);
      if (!row) throw new UserError(t.cliNoCampaign(id));
      out(!!opts.json, row, t.cliCampaignActivated(row.id, row.name));
    }),
  );

// ---------------------------------------------------------------------------------------------------------------

program
  .command('zalo-tokens')
  .description(t.cliZaloTokens)
  .option('--json', JSON_HELP)
  .action(async (opts: { json?: boolean }) =>
    withDb(async ({ db }) => {
      const zalo = loadConfig().zalo;
      if (!zalo?.refreshToken) throw new UserError(t.cliZaloTokensNeeded);
      await replaceZaloTokens(
        db,
        { accessToken: zalo.accessToken, refreshToken: zalo.refreshToken },
        { key: zalo.tokenKey },
      );
      out(!!opts.json, { replaced: true }, t.cliZaloTokensReplaced);
    }),
  );

program
  .command('export')
  .description(t.cliExport)
  .requiredOption(`--out ${t.cliArgFile}`, t.cliExportOutOption)
  .option('--from <dd/mm>', t.cliExportFromOption)
  .option('--to <dd/mm>', t.cliExportToOption)
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
        if (!d) throw new UserError(t.cliDayArgFormat(name));
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
          t.cliExportWritten(
            result.files,
            result.format,
            formatDay(result.data.fromDay),
            formatDay(result.data.toDay),
          ),
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
  if (err instanceof ConfigError) return t.cliConfigError(err.problems);
  const { code, syscall, path: file } = (err ?? {}) as { code?: unknown; syscall?: unknown; path?: unknown };
  if (
    err instanceof Error &&
    ('query' in err || err.name === 'PostgresError' || err.name === 'DatabaseError')
  )
    return t.cliError(`${describeDatabaseError(err)}.`);
  if (typeof syscall === 'string' && typeof code === 'string') {
    if (['connect', 'getaddrinfo', 'read', 'write'].includes(syscall))
      return t.cliError(`${describeDatabaseError(err)}.`);
    return t.cliFileError(typeof file === 'string' ? file : undefined, code);
  }
  return t.cliError(redactSecrets(err instanceof Error ? err.message : String(err)).slice(0, 500));
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CommanderError)) {
    process.stderr.write(`${errorMessage(err)}\n`);
    process.exitCode = 1;
  }
}
