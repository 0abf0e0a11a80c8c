import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { fixedClock, vnInstant } from '../../src/clock.ts';
import { COMMAND_TABLE } from '../../src/conversation/commands.ts';
import { type Conversation, createConversation } from '../../src/conversation/engine.ts';
import { parseCsv as parseCsvRecords } from '../../src/csv.ts';
import { activateCampaign, createCampaign } from '../../src/db/queries/campaigns.ts';
import { type Enterprise, insertEnterprises } from '../../src/db/queries/enterprises.ts';
import { attachIdentity, createPerson } from '../../src/db/queries/people.ts';
import type { Report } from '../../src/db/queries/reports.ts';
import type { IncidentDetails } from '../../src/db/schema.ts';
import { tet2024 } from '../../src/features/campaign-presets.ts';
import { ensureDirective } from '../../src/features/directive.ts';
import {
  buildExportData,
  DAY_STATE_LABELS,
  defuse,
  ENTERPRISE_DAY_COLUMNS,
  type ExportData,
  ExportError,
  enterpriseDays,
  exportCsv,
  exportDaysCsv,
  exportXlsx,
  INCIDENT_COLUMNS,
  REPORT_COLUMNS,
  resolveRange,
  writeExportFile,
} from '../../src/features/export.ts';
import { DOCX_MIME } from '../../src/features/report-docx.ts';
import type { IncomingMessage } from '../../src/messages.ts';
import { reportRef } from '../../src/texts/index.ts';
import { type OpenTestDatabase, openTestDatabase } from '../helpers/db.ts';
import { seedReport } from '../helpers/fixtures.ts';

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const parseCsv = (text: string): string[][] => parseCsvRecords(text).map((r) => r.fields);

const sheetRows = (ws: ExcelJS.Worksheet): unknown[][] => {
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
};

describe('export: xlsx and csv of the reports', () => {
  let handle: OpenTestDatabase;
  let viettel: Enterprise;
  let vnpost: Enterprise;
  let ghn: Enterprise;
  let officerId: number;
  const refs: Record<string, Report> = {};
  const db = () => handle.db;
  const at = (day: string, hhmm: string) => vnInstant(day, hhmm);
  const now = at('2024-02-11', '10:00');

  const report = (
    e: Enterprise,
    day: string,
    hhmm: string,
    incident: IncidentDetails | null,
    note: string | null = null,
  ) =>
    seedReport(db(), {
      enterprise: e,
      day,
      hhmm,
      incident,
      note,
      reporterId: officerId,
      channel: 'telegram',
    });

  before(async () => {
    handle = await openTestDatabase({ maxConnections: 2 });
    [viettel, vnpost, ghn] = (await insertEnterprises(db(), [
      { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
      { code: 'VNPOST', name: 'Bưu điện tỉnh Bắc Giang', sector: 'both' },
      { code: 'GHN', name: 'Giao Hàng Nhanh Bắc Giang', sector: 'postal' },
    ])) as [Enterprise, Enterprise, Enterprise];
    officerId = (
      await createPerson(db(), { displayName: 'Nguyễn Văn An', role: 'officer', enterpriseId: viettel.id })
    ).id;
    refs.v09a = await report(viettel, '2024-02-09', '08:00', null);
    refs.v09b = await report(
      viettel,
      '2024-02-09',
      '09:30',
      { kind: 'mat_lien_lac', area: 'Huyện Lục Ngạn', affected: '11–100', ongoing: false },
      'Mất sóng 2 trạm BTS, đã khắc phục lúc 10:00',
    );
    refs.p09 = await report(vnpost, '2024-02-09', '16:00', null, '=HYPERLINK("http://x","bấm")');
    refs.v10 = await report(
      viettel,
      '2024-02-10',
      '15:00',
      null,
      'Ghi chú, có dấu phẩy và "ngoặc kép"\ndòng 2',
    );
    refs.g10 = await report(
      ghn,
      '2024-02-10',
      '16:30',
      { kind: 'don_u', ongoing: true },
      '@SUM(A1) bưu gửi dồn',
    );
  });

  after(async () => {
    await handle.dispose();
  });

  const data = (): Promise<ExportData> =>
    buildExportData(db(), { fromDay: '2024-02-09', toDay: '2024-02-10' });

  test('buildExportData: days, every revision, latest per day and the incidents', async () => {
    const d = await data();
    assert.deepEqual(d.days, ['2024-02-09', '2024-02-10']);
    assert.equal(d.enterprises.length, 3);
    assert.deepEqual(
      d.revisions.map((r) => r.id),
      [refs.v09a, refs.v09b, refs.p09, refs.v10, refs.g10].map((r) => r!.id).sort((a, b) => a - b),
    );
    assert.equal(d.latest.size, 4);
    assert.deepEqual(
      d.incidents.map((i) => i.reportId),
      [refs.v09b!.id, refs.g10!.id],
    );
    assert.deepEqual(
      d.incidents.map((i) => i.updates.map((u) => u.kind)),
      [['opened', 'resolved'], ['opened']],
    );
  });

  test('xlsx: the "Tổng hợp" matrix shows Sự cố, Đã báo cáo and Chưa báo cáo with colours and a frozen header', async () => {
    const wb = await readXlsx(await exportXlsx(await data()));
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['Tổng hợp', 'Theo ngày', 'Báo cáo', 'Sự cố'],
    );
    const ws = wb.getWorksheet('Tổng hợp')!;
    const rows = sheetRows(ws);
    assert.deepEqual(rows[0], ['Doanh nghiệp', 'Mã', '09/02', '10/02']);
    const byCode = new Map(rows.slice(1).map((r) => [r[1], r]));
    assert.deepEqual(byCode.get('VIETTEL'), ['Viettel Bắc Giang', 'VIETTEL', 'Sự cố', 'Đã báo cáo']);
    assert.deepEqual(byCode.get('VNPOST'), [
      'Bưu điện tỉnh Bắc Giang',
      'VNPOST',
      'Đã báo cáo',
      'Chưa báo cáo',
    ]);
    assert.deepEqual(byCode.get('GHN'), ['Giao Hàng Nhanh Bắc Giang', 'GHN', 'Chưa báo cáo', 'Sự cố']);
    assert.deepEqual(rows.at(-1), ['Số doanh nghiệp đã báo cáo', '', '2/3', '2/3']);

    const rowOf = (code: string) => {
      let found: ExcelJS.Row | undefined;
      ws.eachRow((row) => {
        if (row.getCell(2).value === code) found = row;
      });
      return found!;
    };
    const fill = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern).fgColor?.argb;
    assert.equal(fill(rowOf('VIETTEL').getCell(3)), 'FFFFC7CE');
    assert.equal(fill(rowOf('VIETTEL').getCell(4)), 'FFC6EFCE');
    assert.equal(fill(rowOf('VNPOST').getCell(4)), 'FFD9D9D9');
    const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
    assert.equal(view.state, 'frozen');
    assert.equal(view.ySplit, 1);
  });

  test('xlsx: "Báo cáo" holds every revision, "Sự cố" every incident with its final state', async () => {
    const wb = await readXlsx(await exportXlsx(await data()));
    const reports = sheetRows(wb.getWorksheet('Báo cáo')!);
    assert.deepEqual(reports[0], [...REPORT_COLUMNS]);
    assert.equal(reports.length, 1 + 5);
    const byRef = new Map(reports.slice(1).map((r) => [r[0], r]));
    const original = byRef.get(reportRef(refs.v09a!.id))!;
    const amended = byRef.get(reportRef(refs.v09b!.id))!;
    assert.deepEqual(original.slice(1, 6), ['09/02/2024', 'Viettel Bắc Giang', 'VIETTEL', 0, 'Bình thường']);
    assert.deepEqual(amended, [
      reportRef(refs.v09b!.id),
      '09/02/2024',
      'Viettel Bắc Giang',
      'VIETTEL',
      1,
      'Sự cố',
      'Mất liên lạc / mất sóng',
      'Huyện Lục Ngạn',
      '11–100',
      'Đã khắc phục',
      'Mất sóng 2 trạm BTS, đã khắc phục lúc 10:00',
      'Nguyễn Văn An',
      'Telegram',
      '09:30 09/02/2024',
    ]);
    // Formula injection: stored as text with a leading apostrophe, never as a formula.
    const cell = wb
      .getWorksheet('Báo cáo')!
      .getRow(reports.findIndex((r) => r[0] === reportRef(refs.p09!.id)) + 1)
      .getCell(11);
    assert.equal(cell.type, ExcelJS.ValueType.String);
    assert.equal(cell.value, '\'=HYPERLINK("http://x","bấm")');
    assert.equal(byRef.get(reportRef(refs.g10!.id))![10], "'@SUM(A1) bưu gửi dồn");

    const incidents = sheetRows(wb.getWorksheet('Sự cố')!);
    assert.deepEqual(incidents[0], [...INCIDENT_COLUMNS]);
    assert.deepEqual(
      incidents.slice(1).map((r) => [r[0], r[2], r[6], r[7]]),
      [
        ['Viettel Bắc Giang', 'Mất liên lạc / mất sóng', '09:30 09/02/2024', 'Đã khắc phục'],
        ['Giao Hàng Nhanh Bắc Giang', 'Dồn ứ bưu gửi', '16:30 10/02/2024', 'Đang xử lý'],
      ],
    );
    assert.equal(incidents[2]![5], "'@SUM(A1) bưu gửi dồn");
  });

  test('csv: BOM, CRLF, quoting that round-trips and the formula guard', async () => {
    const csv = exportCsv(await data());
    assert.ok(csv.startsWith('\uFEFFSố tham chiếu,Ngày,Doanh nghiệp,'));
    assert.ok(csv.endsWith('\r\n'));
    assert.ok(csv.includes('"Ghi chú, có dấu phẩy và ""ngoặc kép""\ndòng 2"'));
    const rows = parseCsv(csv.slice(1));
    assert.equal(rows.length, 6);
    for (const r of rows) assert.equal(r.length, REPORT_COLUMNS.length);
    const note = (ref: Report) => rows.find((r) => r[0] === reportRef(ref.id))![10];
    assert.equal(note(refs.v10!), 'Ghi chú, có dấu phẩy và "ngoặc kép"\ndòng 2');
    assert.equal(note(refs.p09!), '\'=HYPERLINK("http://x","bấm")');
    assert.equal(note(refs.g10!), "'@SUM(A1) bưu gửi dồn");
    assert.equal(rows.find((r) => r[0] === reportRef(refs.v09b!.id))![4], '1');
  });

  test('defuse: only cells a spreadsheet would evaluate get the apostrophe', () => {
    for (const s of ['=1+2', '+84912345678', '-5', '@cmd', '\t=1', '\r=1']) assert.equal(defuse(s), `'${s}`);
    for (const s of ['Bình thường', '09/02/2024', '', ' =1', "'=1"]) assert.equal(defuse(s), s);
  });

  test('writeExportFile writes .xlsx, or the two CSVs, by extension and refuses anything else', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'export-'));
    try {
      const range = { fromDay: '2024-02-09', toDay: '2024-02-10', now };
      const x = await writeExportFile(db(), { out: path.join(dir, 'out/bc.xlsx'), ...range });
      assert.equal(x.format, 'xlsx');
      const wb = await readXlsx(await readFile(path.join(dir, 'out/bc.xlsx')));
      assert.equal(wb.getWorksheet('Báo cáo')!.rowCount, 6);
      const csv = await writeExportFile(db(), { out: path.join(dir, 'bc.CSV'), ...range });
      assert.deepEqual(csv.files, [path.join(dir, 'bc.CSV'), path.join(dir, 'bc-theo-ngay.CSV')]);
      assert.equal(parseCsv((await readFile(path.join(dir, 'bc.CSV'), 'utf8')).slice(1)).length, 1 + 5);
      const days = parseCsv((await readFile(path.join(dir, 'bc-theo-ngay.CSV'), 'utf8')).slice(1));
      assert.deepEqual(days[0], [...ENTERPRISE_DAY_COLUMNS]);
      assert.equal(days.length, 1 + 2 * 3, 'one row per enterprise and day');
      await assert.rejects(
        writeExportFile(db(), { out: path.join(dir, 'bc.pdf'), ...range }),
        (err) => err instanceof ExportError && err.code === 'bad_extension',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('default range: the last 7 days without a campaign, the campaign up to today while it runs', async () => {
    assert.deepEqual(await resolveRange(db(), { now }), { fromDay: '2024-02-05', toDay: '2024-02-11' });
    await assert.rejects(
      resolveRange(db(), { now, fromDay: '2024-02-10', toDay: '2024-02-09' }),
      (err) => err instanceof ExportError && err.code === 'reversed_range',
    );
    const campaign = await createCampaign(db(), tet2024());
    await activateCampaign(db(), campaign.id);
    assert.deepEqual(await resolveRange(db(), { now }), { fromDay: '2024-02-08', toDay: '2024-02-11' });
    assert.deepEqual(await resolveRange(db(), { now: at('2024-03-01', '09:00') }), {
      fromDay: '2024-02-08',
      toDay: '2024-02-14',
    });
    assert.deepEqual(await resolveRange(db(), { now, fromDay: '2024-02-10' }), {
      fromDay: '2024-02-10',
      toDay: '2024-02-11',
    });
  });

  describe('commands', () => {
    let conversation: Conversation;
    const message = (userId: string, text: string): IncomingMessage => ({
      channel: 'telegram',
      chatId: `chat-${userId}`,
      userId,
      displayName: userId,
      text,
    });

    before(async () => {
      conversation = createConversation({
        clock: fixedClock(now),
        commands: COMMAND_TABLE.filter((c) => c.name === 'export' || c.name === 'summary'),
        actions: {},
        onFreeText: async () => {},
      });
      const staff = await createPerson(db(), {
        displayName: 'Trần Thị Bình',
        role: 'staff',
        enterpriseId: null,
      });
      await attachIdentity(db(), {
        personId: staff.id,
        channel: 'telegram',
        externalId: 'staff',
        chatId: 'chat-staff',
        at: now,
      });
      await attachIdentity(db(), {
        personId: officerId,
        channel: 'telegram',
        externalId: 'officer',
        chatId: 'chat-officer',
        at: now,
      });
    });

    test('/export sends the workbook of the chosen days to staff', async () => {
      const out = await conversation.handle(db(), message('staff', '/export 09/02 10/02'));
      assert.equal(out.length, 1);
      const doc = out[0]!.document!;
      assert.equal(out[0]!.chatId, 'chat-staff');
      assert.equal(doc.filename, 'bao-cao-tet-2024-02-09-2024-02-10.xlsx');
      assert.equal(doc.mimeType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.match(
        out[0]!.text,
        /09\/02\/2024 đến 10\/02\/2024: 3 doanh nghiệp, 5 lượt báo cáo.*2 báo cáo sự cố/,
      );
      const wb = await readXlsx(Buffer.from(doc.contentBase64, 'base64'));
      assert.equal(wb.getWorksheet('Sự cố')!.rowCount, 3);
    });

    test('/export csv sends the reports and the per-enterprise days; a reversed range and an unknown word get an explanation', async () => {
      const [csv, days, ...rest] = await conversation.handle(
        db(),
        message('staff', '/export csv 09/02 10/02'),
      );
      assert.equal(rest.length, 0);
      assert.equal(csv!.document!.filename, 'bao-cao-tet-2024-02-09-2024-02-10.csv');
      assert.ok(
        Buffer.from(csv!.document!.contentBase64, 'base64')
          .toString('utf8')
          .startsWith('\uFEFFSố tham chiếu'),
      );
      assert.equal(days!.chatId, 'chat-staff');
      assert.equal(days!.document!.filename, 'bao-cao-tet-2024-02-09-2024-02-10-theo-ngay.csv');
      assert.equal(days!.document!.mimeType, 'text/csv');
      assert.match(days!.text, /từ 09\/02\/2024 đến 10\/02\/2024.*2 lượt "Chưa báo cáo", 2 lượt "Có sự cố"/);
      const rows = parseCsv(Buffer.from(days!.document!.contentBase64, 'base64').toString('utf8').slice(1));
      assert.deepEqual(rows[0], [...ENTERPRISE_DAY_COLUMNS]);
      assert.deepEqual(
        rows.slice(1).map((r) => [r[0], r[2], r[4]]),
        [
          ['09/02/2024', 'VNPOST', 'Bình thường'],
          ['09/02/2024', 'GHN', 'Chưa báo cáo'],
          ['09/02/2024', 'VIETTEL', 'Có sự cố'],
          ['10/02/2024', 'VNPOST', 'Chưa báo cáo'],
          ['10/02/2024', 'GHN', 'Có sự cố'],
          ['10/02/2024', 'VIETTEL', 'Bình thường'],
        ],
      );
      const [reversed] = await conversation.handle(db(), message('staff', '/export 10/02 09/02'));
      assert.match(reversed!.text, /Ngày bắt đầu 10\/02\/2024 sau ngày kết thúc 09\/02\/2024/);
      assert.equal(reversed!.document, undefined);
      const [usage] = await conversation.handle(db(), message('staff', '/export pdf'));
      assert.match(usage!.text, /Cách dùng: \/export/);
    });

    test("/tonghop answers with the draft as text and as a Decree 30 .docx with the department's data", async () => {
      await ensureDirective(db(), now);
      const out = await conversation.handle(db(), message('staff', '/tonghop 09/02 10/02'));
      assert.equal(out.length, 2);
      assert.match(
        out[0]!.text,
        /^BÁO CÁO\nTình hình đảm bảo thông tin liên lạc dịp Tết Nguyên đán Giáp Thìn 2024/,
      );
      const doc = out[1]!.document!;
      assert.equal(doc.filename, 'bao-cao-tet-giap-thin-2024.docx');
      assert.equal(doc.mimeType, DOCX_MIME);
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(doc.contentBase64, 'base64') });
      for (const part of [
        'UBND TỈNH BẮC GIANG',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: ',
        'Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang',
        'Chỉ thị số 14/CT-UBND',
        'Viettel Bắc Giang',
        'Nơi nhận',
        'Nguyễn Gia Phong',
      ])
        assert.ok(value.includes(part), `the .docx lacks ${part}`);
      assert.doesNotMatch(value, /BC\d{6}|\b(VIETTEL|VNPOST|GHN)\b/);
    });

    test('officers get the staff-only answer and no file', async () => {
      for (const command of ['/export', '/tonghop']) {
        const out = await conversation.handle(db(), message('officer', command));
        assert.equal(out.length, 1);
        assert.equal(out[0]!.document, undefined);
        assert.match(out[0]!.text, /chỉ dành cho cán bộ Sở/);
      }
    });
  });
});

describe('export: one row per enterprise and day, who did not report included', () => {
  let handle: OpenTestDatabase;
  let viettel: Enterprise;
  let vnpost: Enterprise;
  let an: number;
  let binh: number;
  const db = () => handle.db;
  const now = vnInstant('2024-02-11', '10:00');

  const report = (
    e: Enterprise,
    day: string,
    hhmm: string,
    reporterId: number,
    incident: IncidentDetails | null,
  ) => seedReport(db(), { enterprise: e, day, hhmm, incident, reporterId });

  before(async () => {
    handle = await openTestDatabase({ maxConnections: 2 });
    [viettel, vnpost] = (await insertEnterprises(db(), [
      { code: 'VIETTEL', name: 'Viettel Bắc Giang', sector: 'telecom' },
      { code: 'VNPOST', name: 'Bưu điện tỉnh Bắc Giang', sector: 'both' },
      { code: 'MOBIFONE', name: 'MobiFone Bắc Giang', sector: 'telecom' },
    ])) as [Enterprise, Enterprise];
    an = (
      await createPerson(db(), { displayName: 'Nguyễn Văn An', role: 'officer', enterpriseId: viettel.id })
    ).id;
    binh = (
      await createPerson(db(), { displayName: 'Lê Thị Bình', role: 'officer', enterpriseId: viettel.id })
    ).id;
    // 09/02: Viettel reports an incident still being handled, then a colleague reports "normal" an hour later.
    await report(viettel, '2024-02-09', '08:00', an, {
      kind: 'mat_lien_lac',
      area: 'Huyện Lục Ngạn',
      ongoing: true,
    });
    await report(viettel, '2024-02-09', '09:05', binh, null);
    await report(vnpost, '2024-02-09', '07:30', an, null);
    // 10/02: Viettel reports twice, both normal; Bưu điện reports "normal", then an incident fixed at once.
    await report(viettel, '2024-02-10', '08:00', an, null);
    await report(viettel, '2024-02-10', '11:00', an, null);
    await report(vnpost, '2024-02-10', '08:10', an, null);
    await report(vnpost, '2024-02-10', '14:00', an, { kind: 'don_u', affected: '101–1.000', ongoing: false });
    // 11/02 (today, 10:00): nobody has reported yet. MobiFone never reports at all.
  });

  after(async () => {
    await handle.dispose();
  });

  const data = () => buildExportData(db(), { fromDay: '2024-02-09', toDay: '2024-02-12' }, { now });
  const rowsByKey = async () => {
    const rows = parseCsv(exportDaysCsv(await data()).slice(1));
    return { header: rows[0], byKey: new Map(rows.slice(1).map((r) => [`${r[2]} ${r[0]}`, r])), rows };
  };

  test('every enterprise on every day up to today, by day then name; later days are left out', async () => {
    const days = enterpriseDays(await data());
    assert.deepEqual(
      days.map((d) => `${d.day} ${d.enterprise.code} ${d.state}`),
      [
        '2024-02-09 VNPOST normal',
        '2024-02-09 MOBIFONE missing',
        '2024-02-09 VIETTEL incident',
        '2024-02-10 VNPOST incident',
        '2024-02-10 MOBIFONE missing',
        '2024-02-10 VIETTEL normal',
        '2024-02-11 VNPOST missing',
        '2024-02-11 MOBIFONE missing',
        '2024-02-11 VIETTEL missing',
      ],
    );
  });

  test('an enterprise that never reported shows "Chưa báo cáo" with empty cells, each day', async () => {
    const { byKey } = await rowsByKey();
    for (const day of ['09/02/2024', '10/02/2024', '11/02/2024'])
      assert.deepEqual(byKey.get(`MOBIFONE ${day}`), [
        day,
        'MobiFone Bắc Giang',
        'MOBIFONE',
        'Viễn thông',
        'Chưa báo cáo',
        '',
        '',
        '0',
        '',
        '0',
        '',
      ]);
  });

  test('an incident of the day is not hidden by a later "normal" report', async () => {
    const { byKey } = await rowsByKey();
    assert.deepEqual(byKey.get('VIETTEL 09/02/2024'), [
      '09/02/2024',
      'Viettel Bắc Giang',
      'VIETTEL',
      'Viễn thông',
      'Có sự cố',
      '08:00 09/02/2024',
      'Nguyễn Văn An, Lê Thị Bình',
      '2',
      '09:05 09/02/2024',
      '1',
      'Mất liên lạc / mất sóng, Huyện Lục Ngạn (đang xử lý)',
    ]);
  });

  test('several reports in a day: the latest status, first time, count and last time', async () => {
    const { byKey } = await rowsByKey();
    assert.deepEqual(byKey.get('VIETTEL 10/02/2024')!.slice(4), [
      'Bình thường',
      '08:00 10/02/2024',
      'Nguyễn Văn An',
      '2',
      '11:00 10/02/2024',
      '0',
      '',
    ]);
    assert.deepEqual(byKey.get('VNPOST 10/02/2024')!.slice(3), [
      'Bưu chính, viễn thông',
      'Có sự cố',
      '08:10 10/02/2024',
      'Nguyễn Văn An',
      '2',
      '14:00 10/02/2024',
      '1',
      'Dồn ứ bưu gửi, 101–1.000 (đã khắc phục)',
    ]);
    assert.deepEqual(byKey.get('VNPOST 09/02/2024')!.slice(4, 10), [
      'Bình thường',
      '07:30 09/02/2024',
      'Nguyễn Văn An',
      '1',
      '',
      '0',
    ]);
  });

  test('the CSV: BOM, comma-separated Vietnamese headers, CRLF; the same rows in the "Theo ngày" sheet', async () => {
    const csv = exportDaysCsv(await data());
    assert.ok(csv.startsWith('\uFEFFNgày,Doanh nghiệp,Mã,Lĩnh vực,Tình trạng,Giờ báo cáo,Người báo cáo,'));
    assert.ok(csv.endsWith('\r\n'));
    const { rows } = await rowsByKey();
    assert.equal(rows.length, 1 + 3 * 3);

    const wb = await readXlsx(await exportXlsx(await data()));
    const ws = wb.getWorksheet('Theo ngày')!;
    const sheet = sheetRows(ws).map((r) => r.map((c) => String(c ?? '')));
    // exceljs leaves trailing empty cells out of a row's values.
    assert.deepEqual(
      sheet.map((r) => r.slice(0, 5)),
      rows.map((r) => r.slice(0, 5)),
    );
    const state = ENTERPRISE_DAY_COLUMNS.indexOf('Tình trạng') + 1;
    const fills = new Map<string, string | undefined>();
    ws.eachRow((row, n) => {
      if (n > 1)
        fills.set(
          String(row.getCell(state).value),
          (row.getCell(state).fill as ExcelJS.FillPattern).fgColor?.argb,
        );
    });
    assert.deepEqual(Object.fromEntries(fills), {
      [DAY_STATE_LABELS.normal]: 'FFC6EFCE',
      [DAY_STATE_LABELS.incident]: 'FFFFC7CE',
      [DAY_STATE_LABELS.missing]: 'FFD9D9D9',
    });
    assert.equal(ws.autoFilter, 'A1:K1', 'a filter on every column');
  });

  test('without a known today every day of the range is listed', async () => {
    const all = enterpriseDays(await buildExportData(db(), { fromDay: '2024-02-09', toDay: '2024-02-12' }));
    assert.equal(all.length, 4 * 3);
  });
});
