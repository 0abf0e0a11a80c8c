import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { formatVnDateTime } from '../src/clock.ts';
import { checkOutputPath, decodeText, parseCsv } from '../src/csv.ts';
import type { Database } from '../src/db/client.ts';
import { importAreas } from '../src/db/queries/areas.ts';
import {
  activateDirectiveVersion,
  getActiveDirectiveVersion,
  getDirectiveVersion,
  getOrgData,
  listDirectiveVersions,
  setOrgData,
} from '../src/db/queries/directives.ts';
import { type Letter, LetterError, type Signer } from '../src/directive/letter.ts';
import { readLetterFile } from '../src/directive/read-file.ts';
import { getOrg, importLetter, letterOf, ORG_FIELDS, type Org } from '../src/features/directive.ts';
import { buildReportDocx, reportDocFileName } from '../src/features/report-docx.ts';
import { buildReportDocInput } from '../src/features/summary.ts';
import { foldKey } from '../src/fold.ts';
import { t } from '../src/texts/index.ts';

export interface AdminHelpers {
  withDb<T>(fn: (database: Database) => Promise<T>): Promise<T>;
  out(json: boolean, data: unknown, text: string): void;
  userError(message: string): Error;
}

const dmy = (iso: string | null | undefined): string => (iso ? iso.split('-').reverse().join('/') : '—');

/** What the parser read, laid out so an admin can check it against the paper letter before activating it. */
export function describeLetter(letter: Letter, warnings: string[]): string {
  const d = letter.deadline;
  const label = t.cliLetterLabels;
  // The values line up after the labels, a longer label pushing its own value on by one space.
  const line = (name: string, value: string) => `  ${name.padEnd(17)} ${value}`;
  const lines = [
    line(label.number, letter.number ?? `${t.cliLetterNumberBlank} ${letter.numberRaw ?? ''}`.trim()),
    line(label.placeDate, `${letter.place ?? '—'}, ${dmy(letter.date)}`),
    line(label.issuer, letter.issuer ?? '—'),
    line(label.subject, letter.subject ?? '—'),
    line(label.addressees, letter.addressees.join('; ') || '—'),
    ...letter.legalBasis.map((b) =>
      line(label.basis, `${b.document ?? b.text}${b.date ? ` ${t.cliLetterOnDay(dmy(b.date))}` : ''}`),
    ),
    line(
      label.holiday,
      `${letter.holiday?.name ?? '—'}${letter.holiday?.tetFirstDay ? ` ${t.cliLetterTetFirstDay(dmy(letter.holiday.tetFirstDay))}` : ''}`,
    ),
    line(
      label.deadline,
      `${t.cliLetterDeadline(d.time, d.weekday, d.date)}${d.lunarText ? ` (${d.lunarText})` : d.lunarDay ? ` (${t.lunarTetDay(d.lunarDay)})` : ''}`,
    ),
    `${' '.repeat(20)}"${d.sentence.length > 160 ? `${d.sentence.slice(0, 159)}…` : d.sentence}"`,
    line(
      label.daily,
      letter.dailyReport ? t.cliLetterBefore(letter.dailyReport.time) : t.cliLetterNotRequired,
    ),
    line(label.emails, letter.emails.join(', ') || '—'),
    line(
      label.hotline,
      letter.hotline
        ? `${letter.hotline.phone}${letter.hotline.person ? ` (${[letter.hotline.title, letter.hotline.person].filter(Boolean).join(' ')})` : ''}`
        : t.cliLetterNone,
    ),
    line(label.recipients, letter.recipients.join('; ') || '—'),
    line(label.signer, letter.signer ? signerLine(letter.signer) : '—'),
    `  ${label.outline}`,
    ...letter.outline.map((o) => `    • ${o.title}`),
    `  ${t.cliLetterClauses(letter.clauses.length)}`,
  ];
  if (warnings.length) lines.push(`  ${label.check}`, ...warnings.map((w) => `    ⚠ ${w}`));
  return lines.join('\n');
}

function describeOrg(org: Org): string {
  const labels: Record<keyof Org, string> = t.cliOrgLabels;
  return ORG_FIELDS.map((k) => `  ${labels[k].padEnd(28)} ${org[k] || '—'}`).join('\n');
}

/** `directive …` and `org …`: a new letter every Tết, and the department as data, without a developer. */
export function addDirectiveCommands(program: Command, h: AdminHelpers): void {
  const directive = program.command('directive').description(t.cliDirective);

  directive
    .command('import')
    .description(t.cliDirectiveImport)
    .argument(t.cliArgFile, t.cliDirectiveFileArg)
    .option('--activate', t.cliDirectiveActivateNow)
    .option('--json', t.cliJsonOption)
    .action(async (file: string, opts: { activate?: boolean; json?: boolean }) => {
      let text: string;
      try {
        text = await readLetterFile(file);
        await h.withDb(async ({ db }) => {
          const { version, letter, warnings } = await importLetter(db, {
            sourceName: path.basename(file),
            text,
            activate: opts.activate === true,
            at: new Date(),
          });
          h.out(
            opts.json === true,
            { id: version.id, active: version.active, letter, warnings },
            [
              t.cliDirectiveImported(path.basename(file), version.id, version.active),
              describeLetter(letter, warnings),
              version.active ? t.cliDirectiveLive : t.cliDirectiveCheckFirst(version.id),
            ].join('\n'),
          );
        });
      } catch (err) {
        if (err instanceof LetterError)
          throw h.userError(t.cliDirectiveRejected(path.basename(file), err.message));
        throw err;
      }
    });

  directive
    .command('list')
    .description(t.cliDirectiveList)
    .option('--json', t.cliJsonOption)
    .action(async (opts: { json?: boolean }) =>
      h.withDb(async ({ db }) => {
        const rows = await listDirectiveVersions(db);
        h.out(
          opts.json === true,
          rows,
          rows.length === 0
            ? t.cliNoDirectives
            : rows
                .map((r) => t.cliDirectiveLine(r.id, r.active, r.sourceName, formatVnDateTime(r.importedAt)))
                .join('\n'),
        );
      }),
    );

  directive
    .command('show')
    .description(t.cliDirectiveShow)
    .argument('[id]', t.cliVersionArg)
    .option('--json', t.cliJsonOption)
    .action(async (id: string | undefined, opts: { json?: boolean }) =>
      h.withDb(async ({ db }) => {
        const version = id
          ? await getDirectiveVersion(db, Number(id) || 0)
          : await getActiveDirectiveVersion(db);
        if (!version) throw h.userError(id ? t.cliNoVersion(id) : t.cliNoActiveDirective);
        const letter = letterOf(version);
        h.out(
          opts.json === true,
          {
            id: version.id,
            active: version.active,
            sourceName: version.sourceName,
            letter,
            warnings: version.warnings,
          },
          `${t.cliDirectiveVersion(version.id, version.active, version.sourceName)}\n${describeLetter(letter, version.warnings)}`,
        );
      }),
    );

  directive
    .command('activate')
    .description(t.cliDirectiveActivate)
    .argument('<id>', t.cliVersionArg)
    .option('--json', t.cliJsonOption)
    .action(async (id: string, opts: { json?: boolean }) =>
      h.withDb(async ({ db }) => {
        if (!(await activateDirectiveVersion(db, Number(id) || 0, new Date())))
          throw h.userError(t.cliNoVersionSeeList(id));
        h.out(opts.json === true, { id: Number(id), active: true }, t.cliDirectiveSwitched(id));
      }),
    );

  const org = program.command('org').description(t.cliOrg);
  const setter = org.command('set').description(t.cliOrgSet);
  const flag = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  for (const k of ORG_FIELDS) setter.option(`--${flag(k)} ${t.cliArgValue}`);
  setter.option('--json', t.cliJsonOption).action(async (opts: Record<string, string | boolean>) =>
    h.withDb(async ({ db }) => {
      const current = await getOrgData(db);
      const changes = Object.fromEntries(
        ORG_FIELDS.flatMap((k) => (typeof opts[k] === 'string' ? [[k, (opts[k] as string).trim()]] : [])),
      );
      if (Object.keys(changes).length === 0) throw h.userError(t.cliOrgNothingToSet);
      await setOrgData(db, { ...current, ...changes }, new Date());
      const result = await getOrg(db);
      h.out(opts.json === true, result, t.cliOrgSaved(describeOrg(result)));
    }),
  );
  org
    .command('show')
    .description(t.cliOrgShow)
    .option('--json', t.cliJsonOption)
    .action(async (opts: { json?: boolean }) =>
      h.withDb(async ({ db }) => {
        const result = await getOrg(db);
        h.out(opts.json === true, result, describeOrg(result));
      }),
    );
}

const UNIT_KINDS = ['xã', 'phường', 'đặc khu', 'thị trấn'];

/** `areas import <csv>`: the province's communes and wards, one per line (a "Tên" column, or the first column). */
export function addAreaAndReportCommands(program: Command, h: AdminHelpers): void {
  program
    .command('areas')
    .description(t.cliAreas)
    .command('import')
    .description(t.cliAreasImport)
    .argument(t.cliArgFile, t.cliCsvFileArg)
    .option('--json', t.cliJsonOption)
    .action(async (file: string, opts: { json?: boolean }) => {
      const decoded = decodeText(readFileSync(file));
      if ('problem' in decoded)
        throw h.userError(`${file}: ${t.lineProblem(decoded.problem.line, decoded.problem.message)}`);
      let records: string[][];
      try {
        records = parseCsv(decoded.text, { delimiter: 'auto' }).map((r) => r.fields);
      } catch (err) {
        throw h.userError(`${file}: ${(err as Error).message}`);
      }
      const header = (records[0] ?? []).map(foldKey);
      const nameAt = Math.max(
        0,
        header.findIndex((c) => ['ten', 'ten xa phuong', 'ten don vi', 'name'].includes(c)),
      );
      const body = header.some((c) => /^(ten|name|stt|ma)/.test(c)) ? records.slice(1) : records;
      const rows = body
        .map((r) => (r[nameAt] ?? '').trim())
        .filter(Boolean)
        .map((name) => ({
          name,
          unitKind: UNIT_KINDS.find((k) => name.toLocaleLowerCase('vi').startsWith(`${k} `)) ?? null,
        }));
      if (rows.length === 0) throw h.userError(t.cliAreasNone(file));
      await h.withDb(async ({ db }) => {
        const added = await importAreas(db, rows);
        h.out(opts.json === true, { read: rows.length, added }, t.cliAreasImported(rows.length, added));
      });
    });

  program
    .command('report')
    .description(t.cliReport)
    .option(`--out ${t.cliArgFile}`, t.cliReportOutOption)
    .option('--from <dd/mm/yyyy>', t.cliFromOption)
    .option('--to <dd/mm/yyyy>', t.cliToOption)
    .option('--json', t.cliJsonOption)
    .action(async (opts: { out?: string; from?: string; to?: string; json?: boolean }) =>
      h.withDb(async ({ db }) => {
        const iso = (v?: string) => (v ? v.split(/[/.-]/).reverse().join('-') : undefined);
        const input = await buildReportDocInput(db, {
          now: new Date(),
          ...(opts.from ? { fromDay: iso(opts.from)! } : {}),
          ...(opts.to ? { toDay: iso(opts.to)! } : {}),
        });
        const target = opts.out ?? reportDocFileName(input);
        if (path.extname(target).toLowerCase() !== '.docx')
          throw h.userError(t.fileNeedsExtension(target, ['.docx']));
        const checked = checkOutputPath(target);
        if ('problem' in checked) throw h.userError(checked.problem);
        await writeFile(checked.path, await buildReportDocx(input));
        h.out(
          opts.json === true,
          { out: target, from: input.period.from, to: input.period.to, incidents: input.incidents.length },
          t.cliReportWritten(target, dmy(input.period.from), dmy(input.period.to), input.incidents.length),
        );
      }),
    );
}

/** "KT. Giám đốc — Phó Giám đốc Trần Văn B"; a plain "Giám đốc Võ Thị C" when the block names no other title. */
function signerLine({ authority, title, name }: Signer): string {
  return title && title.toLowerCase() !== authority.toLowerCase()
    ? `${authority} — ${title} ${name}`
    : `${authority} ${name}`;
}
