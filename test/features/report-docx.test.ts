import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import mammoth from 'mammoth';
import {
  buildReportDocx,
  durationText,
  placeDateLine,
  type ReportDay,
  type ReportDocInput,
  reportDocFileName,
} from '../../src/features/report-docx.ts';

const ENTERPRISES: ReportDocInput['enterprises'] = [
  { name: 'VNPT Bắc Giang', sector: 'telecom' },
  { name: 'Viettel Bắc Giang', sector: 'telecom' },
  { name: 'MobiFone Bắc Giang', sector: 'telecom' },
  { name: 'Bưu điện tỉnh Bắc Giang', sector: 'postal' },
  { name: 'Viettel Post Bắc Giang', sector: 'postal' },
];

const LABELS: [string, string][] = [
  ['2024-02-08', '29 Tết (08/02/2024)'],
  ['2024-02-09', '30 Tết (09/02/2024)'],
  ['2024-02-10', 'mùng 1 Tết (10/02/2024)'],
  ['2024-02-11', 'mùng 2 Tết (11/02/2024)'],
  ['2024-02-12', 'mùng 3 Tết (12/02/2024)'],
  ['2024-02-13', 'mùng 4 Tết (13/02/2024)'],
  ['2024-02-14', 'mùng 5 Tết (14/02/2024)'],
];

const MISSING: Record<string, string[]> = {
  '2024-02-11': ['Viettel Post Bắc Giang'],
  '2024-02-12': ['MobiFone Bắc Giang'],
  '2024-02-13': ['Viettel Post Bắc Giang'],
};

const INCIDENTS_BY_DAY: Record<string, number> = { '2024-02-10': 1, '2024-02-13': 1 };

function tetWeek(): ReportDay[] {
  return LABELS.map(([day, label]) => {
    const missing = MISSING[day] ?? [];
    return {
      day,
      label,
      expected: 5,
      reported: 5 - missing.length,
      incidents: INCIDENTS_BY_DAY[day] ?? 0,
      missing,
    };
  });
}

function fullInput(): ReportDocInput {
  return {
    org: {
      parentBody: 'UBND tỉnh Bắc Giang',
      name: 'Sở Thông tin và Truyền thông tỉnh Bắc Giang',
      shortName: 'Sở Thông tin và Truyền thông',
      symbol: 'STTTT',
      place: 'Bắc Giang',
      signerAuthority: 'KT. GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      signerName: 'Nguyễn Văn Hùng',
    },
    title: 'Tình hình đảm bảo thông tin liên lạc dịp Tết Nguyên đán Giáp Thìn năm 2024',
    addressee: 'Ủy ban nhân dân tỉnh Bắc Giang',
    directive: {
      reference:
        'Chỉ thị số 14/CT-UBND ngày 22/12/2023 của Chủ tịch UBND tỉnh Bắc Giang về việc tổ chức Tết Nguyên đán Giáp Thìn năm 2024',
      ownLetter: 'Công văn số 1520/STTTT-BCVT ngày 28/12/2023 của Sở Thông tin và Truyền thông',
    },
    period: { from: '2024-02-08', to: '2024-02-14' },
    // 00:30 on 15/02 in Vietnam, still the 14th in UTC.
    issuedAt: new Date('2024-02-14T17:30:00Z'),
    enterprises: ENTERPRISES,
    days: tetWeek(),
    incidents: [
      {
        enterprise: 'Viettel Bắc Giang',
        sector: 'telecom',
        kind: 'Mất liên lạc / mất sóng',
        area: 'Huyện Lục Ngạn',
        scale: '12 trạm BTS',
        description: 'Mất điện lưới diện rộng, 12 trạm BTS mất liên lạc',
        openedAt: new Date('2024-02-10T07:30:00Z'),
        resolvedAt: new Date('2024-02-10T10:50:00Z'),
        updates: [
          { at: new Date('2024-02-10T08:10:00Z'), text: 'Đã điều 6 máy phát điện lưu động đến các trạm' },
        ],
      },
      {
        enterprise: 'Bưu điện tỉnh Bắc Giang',
        sector: 'postal',
        kind: 'Dồn ứ bưu gửi',
        area: 'TP Bắc Giang',
        scale: 'khoảng 1.200 bưu gửi',
        description: 'Don u buu gui tai buu cuc trung tam do thieu nhan luc',
        descriptionWithoutDiacritics: true,
        openedAt: new Date('2024-02-13T02:15:00Z'),
        resolvedAt: null,
        updates: [],
      },
    ],
  };
}

async function textOf(input: ReportDocInput): Promise<{ buffer: Buffer; text: string }> {
  const buffer = await buildReportDocx(input);
  const { value } = await mammoth.extractRawText({ buffer });
  return { buffer, text: value };
}

/** The paragraph (mammoth separates them with blank lines) that contains a needle. */
function lineWith(text: string, needle: string): string {
  const line = text.split('\n').find((l) => l.includes(needle));
  assert.ok(line, `no line contains ${needle}`);
  return line;
}

describe('buildReportDocx', () => {
  it('writes the Decree 30 report of a Tết week with incidents and missed reports', async () => {
    const { buffer, text } = await textOf(fullInput());

    assert.equal(buffer.subarray(0, 2).toString('latin1'), 'PK');
    assert.match(text, /UBND TỈNH BẮC GIANG/);
    assert.match(text, /SỞ THÔNG TIN VÀ TRUYỀN THÔNG/);
    assert.match(text, /Số: +\/BC-STTTT/);
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(text, /Bắc Giang, ngày 15 tháng 02 năm 2024/);
    assert.match(text, /^BÁO CÁO$/m);
    assert.match(text, /Tình hình đảm bảo thông tin liên lạc dịp Tết Nguyên đán Giáp Thìn năm 2024/);
    assert.match(text, /Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang\./);

    const opening = lineWith(text, 'Thực hiện Chỉ thị số 14/CT-UBND');
    assert.match(opening, /Công văn số 1520\/STTTT-BCVT/);
    assert.match(opening, /báo cáo tình hình đảm bảo thông tin liên lạc/);
    assert.match(opening, /từ ngày 08\/02\/2024 đến ngày 14\/02\/2024 như sau:$/);

    for (const heading of [
      'I. TÌNH HÌNH CHUNG',
      '1. Mạng viễn thông, Internet',
      '2. Mạng bưu chính',
      'II. SỰ CỐ VÀ KẾT QUẢ XỬ LÝ',
      'III. DOANH NGHIỆP CHƯA BÁO CÁO ĐẦY ĐỦ',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
    ]) {
      assert.match(text, new RegExp(`^${heading.replace(/[.,]/g, '\\$&')}$`, 'm'));
    }
    assert.match(text, /Mùng 1 Tết \(10\/02\/2024\)/);
    assert.match(text, /^4\/5$/m);
    assert.match(text, /^32\/35$/m);
    assert.match(lineWith(text, '- Mùng 3 Tết (12/02/2024):'), /MobiFone Bắc Giang/);

    const resolved = lineWith(text, '1. Viettel Bắc Giang');
    assert.match(resolved, /Mất liên lạc \/ mất sóng/);
    assert.match(resolved, /Huyện Lục Ngạn/);
    assert.match(resolved, /12 trạm BTS/);
    assert.match(resolved, /“Mất điện lưới diện rộng, 12 trạm BTS mất liên lạc”/);
    assert.match(resolved, /Xảy ra lúc 14:30 10\/02\/2024/);
    assert.match(resolved, /đã khắc phục lúc 17:50 10\/02\/2024 \(khắc phục sau 3 giờ 20 phút\)/);
    assert.match(text, /- 15:10 10\/02\/2024: Đã điều 6 máy phát điện lưu động đến các trạm\./);

    const ongoing = lineWith(text, '2. Bưu điện tỉnh Bắc Giang');
    assert.match(ongoing, /Dồn ứ bưu gửi/);
    assert.match(
      ongoing,
      /“Don u buu gui tai buu cuc trung tam do thieu nhan luc” \(nguyên văn, không dấu\)/,
    );
    assert.match(ongoing, /Xảy ra lúc 09:15 13\/02\/2024; đến thời điểm báo cáo vẫn đang khắc phục\./);

    const missing = lineWith(text, '- Viettel Post Bắc Giang:');
    assert.match(missing, /2 ngày/);
    assert.match(missing, /mùng 2 Tết \(11\/02\/2024\), mùng 4 Tết \(13\/02\/2024\)/);
    assert.match(lineWith(text, '- MobiFone Bắc Giang:'), /1 ngày: mùng 3 Tết \(12\/02\/2024\);$/);

    assert.match(text, /Nơi nhận:/);
    assert.match(text, /- Như trên;/);
    assert.match(text, /- Lưu: VT, BCVT\./);
    assert.match(text, /KT\. GIÁM ĐỐC/);
    assert.match(text, /PHÓ GIÁM ĐỐC/);
    assert.match(text, /Nguyễn Văn Hùng/);
    assert.doesNotMatch(text, /BC\d{6}/);
  });

  it('says there were no incidents and opens without a directive', async () => {
    const input: ReportDocInput = {
      ...fullInput(),
      org: { ...fullInput().org, signerAuthority: undefined, signerTitle: undefined, signerName: undefined },
      directive: null,
      days: LABELS.map(([day, label]) => ({
        day,
        label,
        expected: 5,
        reported: 5,
        incidents: 0,
        missing: [],
      })),
      incidents: [],
      recipients: ['Như trên', 'Lưu: VT'],
    };
    const { buffer, text } = await textOf(input);

    assert.equal(buffer.subarray(0, 2).toString('latin1'), 'PK');
    assert.doesNotMatch(text, /Thực hiện/);
    assert.match(
      lineWith(text, 'như sau:'),
      /^Trên cơ sở báo cáo của các doanh nghiệp bưu chính, viễn thông, Sở Thông tin và Truyền thông tỉnh Bắc Giang báo cáo/,
    );
    assert.match(text, /Trong kỳ không có sự cố\./);
    assert.match(
      text,
      /mạng viễn thông, Internet trên địa bàn tỉnh hoạt động ổn định, thông suốt, không xảy ra sự cố/,
    );
    assert.match(text, /tất cả doanh nghiệp đã báo cáo đầy đủ/);
    assert.match(text, /IV\. ĐỀ XUẤT, KIẾN NGHỊ\n+1\. Đề nghị/);
    assert.match(text, /- Lưu: VT\./);
    assert.match(text, /^GIÁM ĐỐC$/m);
    assert.doesNotMatch(text, /KT\./);
    assert.doesNotMatch(text, /BC\d{6}/);
  });

  it('lists the given proposals', async () => {
    const { text } = await textOf({
      ...fullInput(),
      proposals: ['Đề nghị Viettel tăng cường trạm BTS lưu động'],
    });
    assert.match(text, /1\. Đề nghị Viettel tăng cường trạm BTS lưu động\./);
  });
});

describe('report helpers', () => {
  it('names the file after the Tết year in ASCII', () => {
    assert.equal(
      reportDocFileName({ period: { from: '2027-02-03', to: '2027-02-11' } }),
      'bao-cao-tet-dinh-mui-2027.docx',
    );
    assert.equal(
      reportDocFileName({ period: { from: '2024-02-08', to: '2024-02-14' } }),
      'bao-cao-tet-giap-thin-2024.docx',
    );
    assert.equal(
      reportDocFileName({ period: { from: '2026-02-14', to: '2026-02-22' } }),
      'bao-cao-tet-binh-ngo-2026.docx',
    );
  });

  it('pads the date as Decree 30 asks: days below 10, months 1 and 2', () => {
    assert.equal(
      placeDateLine('Bắc Giang', new Date('2024-02-04T03:00:00Z')),
      'Bắc Giang, ngày 04 tháng 02 năm 2024',
    );
    assert.equal(
      placeDateLine('Bắc Giang', new Date('2024-03-20T03:00:00Z')),
      'Bắc Giang, ngày 20 tháng 3 năm 2024',
    );
  });

  it('spells durations out', () => {
    assert.equal(durationText(200 * 60_000), '3 giờ 20 phút');
    assert.equal(durationText(45 * 60_000), '45 phút');
    assert.equal(durationText(26 * 3_600_000), '1 ngày 2 giờ');
    assert.equal(durationText(10_000), 'dưới 1 phút');
  });
});
