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
import { type Letter, LetterError } from '../src/directive/letter.ts';
import { readLetterFile } from '../src/directive/read-file.ts';
import { getOrg, importLetter, letterOf, ORG_FIELDS, type Org } from '../src/features/directive.ts';
import { buildReportDocx, reportDocFileName } from '../src/features/report-docx.ts';
import { buildReportDocInput } from '../src/features/summary.ts';
import { foldKey } from '../src/fold.ts';

export interface AdminHelpers {
  withDb<T>(fn: (database: Database) => Promise<T>): Promise<T>;
  out(json: boolean, data: unknown, text: string): void;
  userError(message: string): Error;
}

const dmy = (iso: string | null | undefined): string => (iso ? iso.split('-').reverse().join('/') : '—');

/** What the parser read, laid out so an admin can check it against the paper letter before activating it. */
export function describeLetter(letter: Letter, warnings: string[]): string {
  const d = letter.deadline;
  const lines = [
    `  Số, ký hiệu:      ${letter.number ?? `(để trống) ${letter.numberRaw ?? ''}`.trim()}`,
    `  Nơi, ngày ban hành: ${letter.place ?? '—'}, ${dmy(letter.date)}`,
    `  Cơ quan ban hành: ${letter.issuer ?? '—'}`,
    `  Trích yếu:        ${letter.subject ?? '—'}`,
    `  Kính gửi:         ${letter.addressees.join('; ') || '—'}`,
    ...letter.legalBasis.map(
      (b) => `  Căn cứ:           ${b.document ?? b.text}${b.date ? ` (ngày ${dmy(b.date)})` : ''}`,
    ),
    `  Dịp Tết:          ${letter.holiday?.name ?? '—'}${letter.holiday?.tetFirstDay ? ` (mùng 1 Tết: ${dmy(letter.holiday.tetFirstDay)})` : ''}`,
    `  Hạn báo cáo:      trước ${d.time} ${d.weekday}, ngày ${d.date}${d.lunarText ? ` (${d.lunarText})` : d.lunarDay ? ` (mùng ${d.lunarDay} Tết)` : ''}`,
    `                    "${d.sentence.length > 160 ? `${d.sentence.slice(0, 159)}…` : d.sentence}"`,
    `  Báo cáo hằng ngày: ${letter.dailyReport ? `trước ${letter.dailyReport.time}` : 'không yêu cầu'}`,
    `  E-mail nhận:      ${letter.emails.join(', ') || '—'}`,
    `  Đường dây nóng:   ${letter.hotline ? `${letter.hotline.phone}${letter.hotline.person ? ` (${[letter.hotline.title, letter.hotline.person].filter(Boolean).join(' ')})` : ''}` : 'không có'}`,
    `  Nơi nhận:         ${letter.recipients.join('; ') || '—'}`,
    `  Người ký:         ${letter.signer ? `${letter.signer.authority} — ${letter.signer.title ?? ''} ${letter.signer.name}`.replace(/\s+/g, ' ') : '—'}`,
    '  Bố cục:',
    ...letter.outline.map((o) => `    • ${o.title}`),
    `  (${letter.clauses.length} đoạn, mục, điểm)`,
  ];
  if (warnings.length) lines.push('  Cần kiểm tra:', ...warnings.map((w) => `    ⚠ ${w}`));
  return lines.join('\n');
}

function describeOrg(org: Org): string {
  const labels: Record<keyof Org, string> = {
    name: 'Tên cơ quan',
    shortName: 'Tên viết hoa (tiêu đề)',
    parentBody: 'Cơ quan chủ quản',
    province: 'Tỉnh',
    place: 'Địa danh',
    email: 'E-mail nhận báo cáo',
    phone: 'Điện thoại',
    reportingUnit: 'Đơn vị nhận báo cáo',
    symbol: 'Chữ viết tắt (ký hiệu)',
    addressee: 'Kính gửi (báo cáo tổng hợp)',
    signerAuthority: 'Thẩm quyền ký',
    signerTitle: 'Chức vụ người ký',
    signerName: 'Họ tên người ký',
  };
  return ORG_FIELDS.map((k) => `  ${labels[k].padEnd(28)} ${org[k] || '—'}`).join('\n');
}

/** `directive …` and `org …`: a new letter every Tết, and the department as data, without a developer. */
export function addDirectiveCommands(program: Command, h: AdminHelpers): void {
  const directive = program
    .command('directive')
    .description('Công văn chỉ đạo mà bot trả lời (mỗi lần nhập là một phiên bản)');

  directive
    .command('import')
    .description('Nhập công văn từ tệp .txt hoặc .docx; in bố cục và các thông tin đọc được để kiểm tra')
    .argument('<tệp>', 'tệp công văn (.txt hoặc .docx)')
    .option('--activate', 'dùng ngay phiên bản này để trả lời')
    .option('--json', 'in kết quả dạng JSON')
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
              `Đã nhập công văn "${path.basename(file)}" — phiên bản #${version.id}${version.active ? ' (đang dùng)' : ''}.`,
              describeLetter(letter, warnings),
              version.active
                ? 'Bot trả lời theo công văn này trong vòng 30 giây, không cần khởi động lại.'
                : `Kiểm tra các thông tin trên, rồi dùng: npm run admin -- directive activate ${version.id}`,
            ].join('\n'),
          );
        });
      } catch (err) {
        if (err instanceof LetterError)
          throw h.userError(`${path.basename(file)}: ${err.message} Chưa có gì thay đổi.`);
        throw err;
      }
    });

  directive
    .command('list')
    .description('Các phiên bản công văn đã nhập')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { json?: boolean }) =>
      h.withDb(async ({ db }) => {
        const rows = await listDirectiveVersions(db);
        h.out(
          opts.json === true,
          rows,
          rows.length === 0
            ? 'Chưa nhập công văn nào.'
            : rows
                .map(
                  (r) =>
                    `#${r.id}${r.active ? ' ✓ đang dùng' : ''}  ${r.sourceName}  (nhập lúc ${formatVnDateTime(r.importedAt)})`,
                )
                .join('\n'),
        );
      }),
    );

  directive
    .command('show')
    .description('Thông tin một phiên bản (mặc định: phiên bản đang dùng)')
    .argument('[id]', 'số phiên bản')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (id: string | undefined, opts: { json?: boolean }) =>
      h.withDb(async ({ db }) => {
        const version = id
          ? await getDirectiveVersion(db, Number(id) || 0)
          : await getActiveDirectiveVersion(db);
        if (!version)
          throw h.userError(id ? `Không có phiên bản #${id}.` : 'Chưa có công văn nào đang dùng.');
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
          `Phiên bản #${version.id}${version.active ? ' (đang dùng)' : ''} — ${version.sourceName}\n${describeLetter(letter, version.warnings)}`,
        );
      }),
    );

  directive
    .command('activate')
    .description('Dùng một phiên bản đã nhập để trả lời (mọi bản sao của dịch vụ nhận trong vòng 30 giây)')
    .argument('<id>', 'số phiên bản')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (id: string, opts: { json?: boolean }) =>
      h.withDb(async ({ db }) => {
        if (!(await activateDirectiveVersion(db, Number(id) || 0, new Date())))
          throw h.userError(`Không có phiên bản #${id}. Xem danh sách: npm run admin -- directive list`);
        h.out(opts.json === true, { id: Number(id), active: true }, `Đã chuyển sang phiên bản #${id}.`);
      }),
    );

  const org = program
    .command('org')
    .description('Thông tin của Sở dùng trong tin nhắn, báo cáo tổng hợp và tệp xuất');
  const setter = org
    .command('set')
    .description('Đặt một hoặc nhiều thông tin (trống: lấy từ công văn đang dùng)');
  const flag = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  for (const k of ORG_FIELDS) setter.option(`--${flag(k)} <giá trị>`);
  setter.option('--json', 'in kết quả dạng JSON').action(async (opts: Record<string, string | boolean>) =>
    h.withDb(async ({ db }) => {
      const current = await getOrgData(db);
      const changes = Object.fromEntries(
        ORG_FIELDS.flatMap((k) => (typeof opts[k] === 'string' ? [[k, (opts[k] as string).trim()]] : [])),
      );
      if (Object.keys(changes).length === 0)
        throw h.userError('Chưa có thông tin nào để đặt. Xem: npm run admin -- org set --help');
      await setOrgData(db, { ...current, ...changes }, new Date());
      const result = await getOrg(db);
      h.out(opts.json === true, result, `Đã lưu. Thông tin của Sở:\n${describeOrg(result)}`);
    }),
  );
  org
    .command('show')
    .description('Thông tin của Sở đang dùng')
    .option('--json', 'in kết quả dạng JSON')
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
    .description('Xã, phường của tỉnh (để cán bộ trực chọn khi báo cáo sự cố)')
    .command('import')
    .description('Nhập danh sách xã, phường từ tệp CSV (cột "Tên", hoặc cột đầu tiên)')
    .argument('<tệp>', 'tệp .csv')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const decoded = decodeText(readFileSync(file));
      if ('problem' in decoded)
        throw h.userError(`${file}: dòng ${decoded.problem.line}: ${decoded.problem.message}`);
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
      if (rows.length === 0) throw h.userError(`${file}: không có tên xã, phường nào.`);
      await h.withDb(async ({ db }) => {
        const added = await importAreas(db, rows);
        h.out(
          opts.json === true,
          { read: rows.length, added },
          `Đã đọc ${rows.length} đơn vị; thêm mới ${added}, ${rows.length - added} đã có.`,
        );
      });
    });

  program
    .command('report')
    .description('Báo cáo tổng hợp gửi UBND tỉnh (.docx theo Nghị định 30/2020/NĐ-CP)')
    .option('--out <tệp>', 'tệp .docx cần ghi (mặc định: theo tên dịp Tết)')
    .option('--from <dd/mm/yyyy>', 'từ ngày')
    .option('--to <dd/mm/yyyy>', 'đến ngày')
    .option('--json', 'in kết quả dạng JSON')
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
          throw h.userError(`${target}: tên tệp phải có đuôi .docx.`);
        const checked = checkOutputPath(target);
        if ('problem' in checked) throw h.userError(checked.problem);
        await writeFile(checked.path, await buildReportDocx(input));
        h.out(
          opts.json === true,
          { out: target, from: input.period.from, to: input.period.to, incidents: input.incidents.length },
          `Đã ghi ${target}: báo cáo từ ${dmy(input.period.from)} đến ${dmy(input.period.to)}, ${input.incidents.length} sự cố. Điền số văn bản, ký và đóng dấu trước khi gửi.`,
        );
      }),
    );
}
