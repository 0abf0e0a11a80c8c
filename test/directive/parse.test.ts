import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import { type Letter, LetterError, letterSchema } from '../../src/directive/letter.ts';
import { parseLetter } from '../../src/directive/parse.ts';
import { readLetterFile } from '../../src/directive/read-file.ts';
import { engineFor, SMALL_LETTER_FOOT, SMALL_LETTER_HEAD, smallLetter } from '../helpers/small-letter.ts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const LETTER_2024 = read('../../data/cong-van-tet-giap-thin-2024.txt');
const ROMAN = read('./fixtures/cong-van-quoc-hieu-la-ma.txt');
const SHORT = read('./fixtures/cong-van-ngan-duong-day-nong.txt');
const DISTRICT = read('./fixtures/cong-van-huyen-chu-ky-truoc.txt');
const TWO_COLUMNS = read('./fixtures/cong-van-hai-cot.txt');

const tmp = mkdtempSync(join(tmpdir(), 'directive-test-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function parse(text: string): Letter {
  const { letter, warnings } = parseLetter(text);
  assert.deepEqual(warnings, []);
  letterSchema.parse(letter);
  return letter;
}

const clause = (letter: Letter, id: string) => {
  const found = letter.clauses.find((c) => c.id === id);
  assert.ok(found, `clause ${id}`);
  return found;
};
const childrenOf = (letter: Letter, id: string) => letter.clauses.filter((c) => c.parentId === id);

function refusal(code: string, message?: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof LetterError, String(error));
    assert.equal(error.code, code);
    if (message) assert.match(error.message, message);
    return true;
  };
}

describe('the 2024 letter (Bắc Giang, Giáp Thìn)', () => {
  const letter = parse(LETTER_2024);

  it('reads the heading: blank number, place, year, subject joined over two lines', () => {
    assert.equal(letter.number, null);
    assert.equal(letter.numberRaw, 'Số: /STTTT- BCVT');
    assert.equal(letter.place, 'Bắc Giang');
    assert.equal(letter.province, 'Bắc Giang');
    assert.equal(letter.date, null);
    assert.equal(letter.year, 2023);
    assert.equal(
      letter.subject,
      'V/v đảm bảo thông tin liên lạc trong dịp Tết Nguyên đán Giáp Thìn năm 2024',
    );
    assert.deepEqual(letter.addressees, ['Các doanh nghiệp bưu chính, viễn thông trên địa bàn tỉnh']);
  });

  it('takes the issuer from the body and the province from the place', () => {
    assert.equal(letter.issuer, 'Sở Thông tin và Truyền thông tỉnh Bắc Giang');
    assert.equal(letter.issuerShort, 'Sở Thông tin và Truyền thông');
  });

  it('reads the legal basis and the holiday', () => {
    assert.equal(letter.legalBasis.length, 1);
    assert.deepEqual(letter.legalBasis[0], {
      text: 'Thực hiện Chỉ thị số 14/CT-UBND ngày 22/12/2023 của Chủ tịch UBND tỉnh Bắc Giang về việc tổ chức đón Tết Nguyên đán Giáp Thìn năm 2024.',
      document: 'Chỉ thị số 14/CT-UBND ngày 22/12/2023 của Chủ tịch UBND tỉnh Bắc Giang',
      kind: 'Chỉ thị',
      number: '14/CT-UBND',
      date: '2023-12-22',
      issuedBy: 'Chủ tịch UBND tỉnh Bắc Giang',
      about: 'tổ chức đón Tết Nguyên đán Giáp Thìn năm 2024',
    });
    assert.deepEqual(letter.holiday, {
      name: 'Tết Nguyên đán Giáp Thìn năm 2024',
      canChi: 'Giáp Thìn',
      year: 2024,
      tetFirstDay: '2024-02-10',
    });
  });

  it('finds the deadline, checked against the lunar calendar, with the bold markers stripped', () => {
    const { deadline } = letter;
    assert.equal(deadline.at, '2024-02-13T09:00:00+07:00');
    assert.equal(new Date(deadline.at).getTime(), Date.parse('2024-02-13T02:00:00Z'));
    assert.equal(deadline.time, '9h00');
    assert.equal(deadline.date, '13/02/2024');
    assert.equal(deadline.weekday, 'thứ Ba');
    assert.equal(deadline.lunarDay, 4);
    assert.equal(deadline.lunarText, 'ngày 04 Tết');
    assert.equal(deadline.phrase, 'truoc');
    assert.equal(deadline.clauseId, 'bao-cao');
    assert.ok(
      deadline.sentence.startsWith('Các doanh nghiệp gửi báo cáo kết quả về Sở Thông tin và Truyền thông'),
    );
    assert.ok(!deadline.sentence.includes('**'));
    assert.deepEqual(letter.deadlines, [deadline]);
    assert.equal(letter.dailyReport, null);
  });

  it('reads where reports go, the e-mail, and no hotline', () => {
    assert.equal(letter.email, 'so_tttt_vt@bacgiang.gov.vn');
    assert.deepEqual(letter.emails, ['so_tttt_vt@bacgiang.gov.vn']);
    assert.equal(letter.reportTo, 'Sở Thông tin và Truyền thông');
    assert.equal(letter.hotline, null);
  });

  it('reads the recipients and the signer', () => {
    assert.deepEqual(letter.recipients, [
      'Như trên',
      'PCT TT UBND tỉnh Mai Sơn (b/c)',
      'Đ/c Dũng - CV KGVX, VP UBND tỉnh',
      'Lãnh đạo Sở',
      'Các phòng, đơn vị thuộc Sở',
      'Lưu: VT',
    ]);
    assert.deepEqual(letter.signer, {
      authority: 'KT. Giám đốc',
      title: 'Phó Giám đốc',
      name: 'Nguyễn Gia Phong',
    });
  });

  it('reads parts 1 and 2 with their dash items, in reading order', () => {
    assert.deepEqual(
      letter.clauses.map((c) => c.id),
      ['mo-dau', '1', '1.-1', '1.-2', '1.-3', '1.-4', '2', '2.-1', '2.-2', '2.-3', 'bao-cao'],
    );
    assert.equal(clause(letter, '1').heading, 'Các doanh nghiệp bưu chính, chuyên phát');
    assert.equal(clause(letter, '2').heading, 'Các doanh nghiệp viễn thông, Internet');
    assert.equal(childrenOf(letter, '1').length, 4);
    assert.equal(childrenOf(letter, '2').length, 3);
    const item = clause(letter, '1.-3');
    assert.deepEqual(
      {
        label: item.label,
        kind: item.kind,
        parentId: item.parentId,
        depth: item.depth,
        heading: item.heading,
      },
      { label: 'mục 1, ý 3', kind: 'dash', parentId: '1', depth: 1, heading: null },
    );
    assert.ok(item.text.startsWith('Cung cấp đầy đủ, chính xác thông tin'));
    assert.equal(clause(letter, 'mo-dau').label, 'phần mở đầu');
  });

  it('joins a sentence broken by a page break', () => {
    const text = clause(letter, '1.-4').text;
    assert.match(text, /qua mạng bưu chính và thông báo kịp thời cho cơ quan nhà nước có thẩm quyền/);
    assert.ok(text.endsWith('theo quy định của pháp luật.'));
  });

  it('outlines the top-level parts', () => {
    assert.deepEqual(letter.outline, [
      { id: 'mo-dau', title: 'Phần mở đầu' },
      { id: '1', title: 'Mục 1. Các doanh nghiệp bưu chính, chuyên phát' },
      { id: '2', title: 'Mục 2. Các doanh nghiệp viễn thông, Internet' },
      { id: 'bao-cao', title: 'Báo cáo kết quả' },
    ]);
  });

  it('reads the same letter with a BOM and Windows line ends', () => {
    const windows = `\uFEFF${LETTER_2024.replace(/\n/g, '\r\n')}`;
    assert.deepEqual(parse(windows), letter);
  });
});

describe('a letter with the national motto, Roman parts, subsections and lettered items', () => {
  const letter = parse(ROMAN);

  it('reads the two-column heading', () => {
    assert.equal(letter.number, '2315/STTTT-BCVT');
    assert.equal(letter.numberRaw, 'Số: 2315/STTTT-BCVT');
    assert.equal(letter.issuer, 'Sở Thông tin và Truyền thông tỉnh Lạng Sơn');
    assert.equal(letter.issuerShort, 'Sở Thông tin và Truyền thông');
    assert.equal(letter.province, 'Lạng Sơn');
    assert.equal(letter.place, 'Lạng Sơn');
    assert.equal(letter.date, '2026-12-28');
    assert.equal(letter.year, 2026);
    assert.equal(
      letter.subject,
      'V/v triển khai công tác bảo đảm thông tin liên lạc phục vụ Tết Nguyên đán Đinh Mùi năm 2027',
    );
    assert.deepEqual(letter.addressees, [
      'Viễn thông Lạng Sơn',
      'Viettel Lạng Sơn',
      'Bưu điện tỉnh Lạng Sơn',
      'Các doanh nghiệp bưu chính, viễn thông khác trên địa bàn tỉnh',
    ]);
  });

  it('reads two "Căn cứ" documents, one dated in words', () => {
    assert.deepEqual(
      letter.legalBasis.map(({ number, date, issuedBy, kind }) => ({ number, date, issuedBy, kind })),
      [
        {
          number: '45/CT-UBND',
          date: '2026-12-15',
          issuedBy: 'Chủ tịch UBND tỉnh Lạng Sơn',
          kind: 'Chỉ thị',
        },
        {
          number: '4120/BTTTT-CVT',
          date: '2026-12-10',
          issuedBy: 'Bộ Thông tin và Truyền thông',
          kind: 'Công văn',
        },
      ],
    );
    assert.equal(letter.legalBasis[1]?.about, 'bảo đảm thông tin liên lạc dịp Tết Nguyên đán');
    assert.equal(letter.holiday?.canChi, 'Đinh Mùi');
    assert.equal(letter.holiday?.tetFirstDay, '2027-02-06');
  });

  it('builds the hierarchy with ids and the labels a reader cites', () => {
    const rows = letter.clauses.map((c) => `${c.id} | ${c.label} | ${c.parentId ?? '-'} | ${c.depth}`);
    assert.deepEqual(rows, [
      'mo-dau | phần mở đầu | - | 0',
      'I | mục I | - | 0',
      'I.1 | mục I, điểm 1 | I | 1',
      'I.2 | mục I, điểm 2 | I | 1',
      'II | mục II | - | 0',
      'II.1 | mục II, điểm 1 | II | 1',
      'II.1.a | mục II, điểm 1.a | II.1 | 2',
      'II.1.b | mục II, điểm 1.b | II.1 | 2',
      'II.1.b.-1 | mục II, điểm 1.b, ý 1 | II.1.b | 3',
      'II.1.b.-2 | mục II, điểm 1.b, ý 2 | II.1.b | 3',
      'II.1.b.-2.+1 | mục II, điểm 1.b, ý 2.1 | II.1.b.-2 | 4',
      'II.1.b.-2.+2 | mục II, điểm 1.b, ý 2.2 | II.1.b.-2 | 4',
      'II.2 | mục II, điểm 2 | II | 1',
      'II.2.a | mục II, điểm 2.a | II.2 | 2',
      'II.2.b | mục II, điểm 2.b | II.2 | 2',
      'III | mục III | - | 0',
      'III.1 | mục III, điểm 1 | III | 1',
      'III.2 | mục III, điểm 2 | III | 1',
      'ket-thuc | đoạn kết | - | 0',
    ]);
    assert.equal(clause(letter, 'II').heading, 'NHIỆM VỤ CỤ THỂ');
    assert.equal(clause(letter, 'II.1').heading, 'Đối với các doanh nghiệp viễn thông');
    assert.deepEqual(
      { heading: clause(letter, 'II.1.a').heading, text: clause(letter, 'II.1.a').text.slice(0, 30) },
      { heading: 'Bảo đảm hạ tầng', text: 'rà soát, gia cố nhà trạm, cột ' },
    );
    assert.equal(clause(letter, 'II.1.b').text, '');
    assert.match(clause(letter, 'II.2.a').text, /qua mạng bưu chính và thông báo ngay cho cơ quan chức năng/);
    assert.match(clause(letter, 'mo-dau').text, /^Căn cứ Chỉ thị.*\nCăn cứ Công văn.*\nSở Thông tin/s);
  });

  it('finds the final deadline with its lunar day and the daily report time', () => {
    const { deadline } = letter;
    assert.equal(deadline.at, '2027-02-10T10:00:00+07:00');
    assert.equal(deadline.time, '10 giờ 00');
    assert.equal(deadline.date, '10/02/2027');
    assert.equal(deadline.weekday, 'thứ Tư');
    assert.equal(deadline.lunarDay, 5);
    assert.equal(deadline.lunarText, 'mùng 5 Tết Đinh Mùi');
    assert.equal(deadline.phrase, 'truoc');
    assert.equal(deadline.clauseId, 'III.1');
    assert.deepEqual(
      {
        time: letter.dailyReport?.time,
        hour: letter.dailyReport?.hour,
        clauseId: letter.dailyReport?.clauseId,
      },
      { time: '16h00', hour: 16, clauseId: 'III.1' },
    );
  });

  it('reads the contact person, e-mail, recipients and a TL. signature', () => {
    assert.deepEqual(letter.hotline, {
      phone: '0912 345 678',
      digits: '0912345678',
      person: 'Trần Minh Đức',
      title: 'Trưởng phòng Bưu chính - Viễn thông',
      clauseId: 'III.2',
    });
    assert.equal(letter.email, 'bcvt.stttt@langson.gov.vn');
    assert.equal(letter.reportTo, 'Sở Thông tin và Truyền thông');
    assert.equal(letter.recipients.length, 5);
    assert.equal(letter.recipients[4], 'Lưu: VT, BCVT');
    assert.deepEqual(letter.signer, {
      authority: 'TL. Giám đốc',
      title: 'Chánh Văn phòng',
      name: 'Hoàng Thị Lan',
    });
  });

  it('outlines the Roman parts in sentence case', () => {
    assert.deepEqual(letter.outline, [
      { id: 'mo-dau', title: 'Phần mở đầu' },
      { id: 'I', title: 'Mục I. Mục đích, yêu cầu' },
      { id: 'II', title: 'Mục II. Nhiệm vụ cụ thể' },
      { id: 'III', title: 'Mục III. Tổ chức thực hiện' },
      { id: 'ket-thuc', title: 'Đoạn kết' },
    ]);
  });
});

describe('a short letter with a hotline and "chậm nhất"', () => {
  const letter = parse(SHORT);

  it('reads the heading and the legal basis introduced by "Triển khai"', () => {
    assert.equal(letter.number, '87/STTTT-BCVT');
    assert.equal(letter.issuer, 'Sở Thông tin và Truyền thông tỉnh Quảng Trị');
    assert.equal(letter.date, '2025-01-20');
    assert.deepEqual(letter.addressees, ['Các doanh nghiệp viễn thông, Internet trên địa bàn tỉnh']);
    assert.equal(letter.legalBasis[0]?.number, '12/KH-UBND');
    assert.equal(letter.legalBasis[0]?.kind, 'Kế hoạch');
    assert.equal(letter.legalBasis[0]?.issuedBy, 'UBND tỉnh Quảng Trị');
    assert.deepEqual(letter.holiday, {
      name: 'Tết Ất Tỵ',
      canChi: 'Ất Tỵ',
      year: 2025,
      tetFirstDay: '2025-01-29',
    });
  });

  it('finds "chậm nhất 15 giờ ngày 03/02/2025 (mùng 6 Tết)" in item 2', () => {
    const { deadline } = letter;
    assert.equal(deadline.at, '2025-02-03T15:00:00+07:00');
    assert.equal(deadline.time, '15 giờ');
    assert.equal(deadline.weekday, 'thứ Hai');
    assert.equal(deadline.lunarDay, 6);
    assert.equal(deadline.lunarText, 'mùng 6 Tết');
    assert.equal(deadline.phrase, 'cham-nhat');
    assert.equal(deadline.clauseId, '2');
    assert.equal(clause(letter, '2').label, 'mục 2');
    assert.equal(letter.email, 'phongbcvt@quangtri.gov.vn');
    assert.equal(letter.dailyReport, null);
  });

  it('reads the hotline, the recipients and a Q. signature', () => {
    assert.deepEqual(letter.hotline, {
      phone: '0233.3 852 999',
      digits: '02333852999',
      clauseId: 'ket-thuc',
    });
    assert.deepEqual(letter.recipients, ['Như trên', 'Lưu: VT, BCVT']);
    assert.deepEqual(letter.signer, {
      authority: 'Q. Giám đốc',
      title: 'Quyền Giám đốc',
      name: 'Lê Văn Hùng',
    });
    assert.deepEqual(
      letter.clauses.map((c) => c.id),
      ['mo-dau', '1', '2', 'ket-thuc'],
    );
  });

  it('warns when the lunar day written does not match the date', () => {
    const { letter: wrong, warnings } = parseLetter(SHORT.replace('(mùng 6 Tết)', '(mùng 7 Tết)'));
    assert.equal(wrong.deadline.date, '03/02/2025');
    assert.equal(wrong.deadline.lunarDay, 6);
    assert.equal(wrong.deadline.lunarText, 'mùng 7 Tết');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /03\/02\/2025 là ngày 6 tháng 1 âm lịch, không khớp với "mùng 7 Tết"/);
  });

  it('warns when the weekday written does not match the date', () => {
    const { warnings } = parseLetter(
      SHORT.replace('15 giờ ngày 03/02/2025', '15 giờ thứ Ba, ngày 03/02/2025'),
    );
    assert.deepEqual(warnings, ['Ngày 03/02/2025 là thứ Hai, không phải "thứ Ba" như công văn ghi.']);
  });

  it('computes the date of a deadline given only as a lunar day', () => {
    const { letter: lunarOnly, warnings } = parseLetter(
      SHORT.replace('15 giờ ngày 03/02/2025 (mùng 6 Tết)', '15 giờ mùng 6 Tết'),
    );
    assert.equal(lunarOnly.deadline.at, '2025-02-03T15:00:00+07:00');
    assert.equal(lunarOnly.deadline.lunarText, 'mùng 6 Tết');
    assert.match(warnings.join('\n'), /chỉ ghi theo âm lịch/);
  });

  it('takes a deadline given only as a lunar day with no hour ("trước ngày mùng 8 tháng Giêng năm Ất Tỵ")', () => {
    const { letter: noHour } = parseLetter(
      SHORT.replace(
        'chậm nhất 15 giờ ngày 03/02/2025 (mùng 6 Tết)',
        'trước ngày mùng 8 tháng Giêng năm Ất Tỵ',
      ),
    );
    assert.equal(noHour.deadline.date, '05/02/2025');
    assert.equal(noHour.deadline.time, '');
    assert.equal(noHour.deadline.at, '2025-02-05T00:00:00+07:00', 'before the day begins');
  });
});

describe('a district letter: bullets, hard-wrapped lines, the signature before "Nơi nhận"', () => {
  const letter = parse(DISTRICT);

  it('reads a district issuer without guessing a province', () => {
    assert.equal(letter.number, '45/UBND-VHTT');
    assert.equal(letter.issuer, 'Ủy ban nhân dân huyện Lục Ngạn');
    assert.equal(letter.province, null);
    assert.deepEqual(letter.addressees, [
      'Phòng Văn hóa và Thông tin',
      'Trung tâm Văn hóa - Thể thao và Truyền thông huyện',
      'UBND các xã, thị trấn',
    ]);
    assert.deepEqual(letter.legalBasis, []);
  });

  it('reads bullets and joins wrapped lines', () => {
    assert.deepEqual(
      letter.clauses.map((c) => `${c.id} ${c.label}`),
      ['mo-dau phần mở đầu', '*1 ý 1', '*2 ý 2', '*3 ý 3', 'bao-cao đoạn báo cáo kết quả'],
    );
    assert.match(
      clause(letter, '*1').text,
      /nghỉ Tết từ ngày 25\/01\/2025 .* UBND huyện trước ngày 24\/01\/2025\.$/,
    );
  });

  it('finds "9 giờ 30 phút sáng thứ Năm, ngày 06/02/2025 (tức mùng 9 Tết)"', () => {
    const { deadline } = letter;
    assert.equal(deadline.at, '2025-02-06T09:30:00+07:00');
    assert.equal(deadline.weekday, 'thứ Năm');
    assert.equal(deadline.lunarDay, 9);
    assert.equal(deadline.clauseId, 'bao-cao');
    assert.equal(letter.reportTo, 'Văn phòng HĐND và UBND huyện');
    assert.equal(letter.email, null);
  });

  it('reads the contact named after the number, and a three-line signature block', () => {
    assert.deepEqual(letter.hotline, {
      phone: '0204.3 882 123',
      digits: '02043882123',
      person: 'Ngô Văn Tùng',
      title: 'Chánh Văn phòng',
      clauseId: '*3',
    });
    assert.deepEqual(letter.signer, {
      authority: 'TM. Ủy ban nhân dân, KT. Chủ tịch',
      title: 'Phó Chủ tịch',
      name: 'Đỗ Quang Minh',
    });
    assert.deepEqual(letter.recipients, ['Như trên', 'TT Huyện ủy, TT HĐND huyện (b/c)', 'Lưu: VT']);
  });
});

describe('a letter copied from a PDF: flattened columns, a page number inside a sentence', () => {
  const letter = parse(TWO_COLUMNS);

  it('splits the two header columns', () => {
    assert.equal(letter.number, '2410/STTTT-BCVT');
    assert.equal(letter.issuer, 'Sở Thông tin và Truyền thông tỉnh Bắc Giang');
    assert.equal(letter.date, '2024-12-26');
    assert.equal(letter.subject, 'V/v đảm bảo thông tin liên lạc dịp Tết Nguyên đán Ất Tỵ năm 2025');
    assert.deepEqual(letter.addressees, ['Các doanh nghiệp bưu chính, viễn thông trên địa bàn tỉnh']);
  });

  it('splits "Thực hiện A; Căn cứ B" into two bases', () => {
    assert.deepEqual(
      letter.legalBasis.map((b) => [b.text, b.number, b.issuedBy]),
      [
        [
          'Thực hiện Công văn số 4541/UBND-KGVX ngày 20/12/2024 của UBND tỉnh Bắc Giang',
          '4541/UBND-KGVX',
          'UBND tỉnh Bắc Giang',
        ],
        [
          'Căn cứ Kế hoạch số 210/KH-STTTT ngày 23/12/2024 của Sở Thông tin và Truyền thông',
          '210/KH-STTTT',
          'Sở Thông tin và Truyền thông',
        ],
      ],
    );
  });

  it('reads bold Roman parts without blank lines and drops the page number', () => {
    assert.deepEqual(
      letter.clauses.map((c) => c.id),
      ['mo-dau', 'I', 'I.1.1', 'I.1.2', 'II', 'II.-1', 'II.-2', 'ket-thuc'],
    );
    assert.equal(clause(letter, 'I.1.1').label, 'mục I, điểm 1.1');
    assert.match(clause(letter, 'I.1.1').text, /trong thời gian nghỉ Tết và các lễ hội đầu xuân\.$/);
  });

  it('takes report times from items under a "Chế độ báo cáo" heading', () => {
    assert.deepEqual(
      [
        letter.dailyReport?.time,
        letter.dailyReport?.hour,
        letter.dailyReport?.minute,
        letter.dailyReport?.clauseId,
      ],
      ['15 giờ 30', 15, 30, 'II.-1'],
    );
    const { deadline } = letter;
    assert.equal(deadline.at, '2025-02-03T16:00:00+07:00');
    assert.equal(deadline.phrase, 'cham-nhat');
    assert.equal(deadline.lunarDay, 6);
    assert.equal(deadline.lunarText, null);
    assert.equal(letter.reportTo, 'Phòng Bưu chính - Viễn thông');
    assert.equal(letter.email, 'pbcvt.stttt@bacgiang.gov.vn');
  });

  it('reads the contact and the signature interleaved with "Nơi nhận"', () => {
    assert.deepEqual(letter.hotline, {
      phone: '0204.3 854 123',
      digits: '02043854123',
      person: 'Vũ Thị Hạnh',
      title: 'Phó Trưởng phòng Bưu chính - Viễn thông',
      clauseId: 'ket-thuc',
    });
    assert.deepEqual(letter.recipients, ['Như trên', 'Lưu: VT, BCVT']);
    assert.deepEqual(letter.signer, {
      authority: 'KT. Giám đốc',
      title: 'Phó Giám đốc',
      name: 'Nguyễn Văn An',
    });
  });
});

describe('readLetterFile', () => {
  it('reads a .txt with a BOM and CRLF', async () => {
    const path = join(tmp, 'cong-van.txt');
    writeFileSync(path, `\uFEFF${SHORT.replace(/\n/g, '\r\n')}`, 'utf8');
    const text = await readLetterFile(path);
    assert.equal(text, SHORT);
  });

  it('reads a .docx made from a fixture into the same letter', async () => {
    const paragraphs = ROMAN.split('\n')
      .filter((line) => line.trim())
      .map((line) => new Paragraph(line));
    const path = join(tmp, 'cong-van.docx');
    writeFileSync(path, await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
    const text = await readLetterFile(path);
    assert.match(text, /Kính gửi:/);
    assert.deepEqual(parse(text), parse(ROMAN));
  });

  it('reads every layout the same from .docx, where each line is a paragraph with a blank line after it', async () => {
    for (const [name, source] of Object.entries({ LETTER_2024, SHORT, DISTRICT, TWO_COLUMNS })) {
      const paragraphs = source.split('\n').map((line) => new Paragraph(line));
      const path = join(tmp, `${name}.docx`);
      writeFileSync(path, await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
      assert.deepEqual(parse(await readLetterFile(path)), parse(source), name);
    }
  });

  it('refuses a file over 2 MB before reading it', async () => {
    const path = join(tmp, 'qua-lon.txt');
    writeFileSync(path, 'a'.repeat(3 * 1024 * 1024));
    await assert.rejects(readLetterFile(path), refusal('too_large', /3,0 MB.*2 MB/));
  });

  it('refuses a corrupt .docx', async () => {
    const path = join(tmp, 'hong.docx');
    writeFileSync(path, randomBytes(4096));
    await assert.rejects(readLetterFile(path), refusal('corrupt_docx', /hong\.docx/));
    const zipLike = join(tmp, 'zip-hong.docx');
    writeFileSync(zipLike, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2048)]));
    await assert.rejects(readLetterFile(zipLike), refusal('corrupt_docx'));
  });

  it('refuses other formats, missing files and text that is not UTF-8', async () => {
    await assert.rejects(
      readLetterFile(join(tmp, 'cong-van.pdf')),
      refusal('unsupported_format', /\.txt hoặc \.docx/),
    );
    await assert.rejects(
      readLetterFile(join(tmp, 'cu.doc')),
      refusal('unsupported_format', /lưu lại dưới dạng \.docx/),
    );
    await assert.rejects(readLetterFile(join(tmp, 'khong-co.txt')), refusal('unreadable'));
    const latin = join(tmp, 'windows-1258.txt');
    writeFileSync(latin, Buffer.from([0x53, 0xf4, 0x3a, 0x20, 0xe0, 0x0a]));
    await assert.rejects(readLetterFile(latin), refusal('not_utf8', /UTF-8/));
  });
});

describe('what is not a readable letter', () => {
  it('refuses empty text', () => {
    assert.throws(() => parseLetter(''), refusal('empty'));
    assert.throws(() => parseLetter(' \n\r\n\t \uFEFF'), refusal('empty'));
  });

  it('refuses ordinary Vietnamese prose', () => {
    const prose = [
      'Tết Nguyên đán là dịp lễ quan trọng nhất trong năm của người Việt.',
      '',
      'Những ngày giáp Tết, mọi người tất bật dọn dẹp nhà cửa, gói bánh chưng và sắm sửa. Sáng mùng 1 Tết,',
      'con cháu chúc thọ ông bà lúc 8 giờ ngày 10/02/2024 rồi cùng nhau đi lễ chùa, gửi lời chúc đầu năm.',
    ].join('\n');
    assert.throws(() => parseLetter(prose), refusal('not_a_letter', /Kính gửi/));
  });

  it('refuses a letter with no content', () => {
    const shell = [
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      'Số: 12/STTTT-BCVT',
      'Bắc Giang, ngày 02 tháng 01 năm 2025',
      'Kính gửi: Các doanh nghiệp.',
      'Nơi nhận:',
      '- Như trên;',
      'GIÁM ĐỐC',
      'Nguyễn Văn A',
    ].join('\n');
    assert.throws(() => parseLetter(shell), refusal('no_clauses', /nội dung/));
  });

  it('refuses a letter whose deadline sentence was removed, and says what is missing', () => {
    const withoutDeadline = LETTER_2024.replace(/Các doanh nghiệp gửi báo cáo kết quả[^\n]*\n/, '');
    assert.notEqual(withoutDeadline, LETTER_2024);
    assert.throws(
      () => parseLetter(withoutDeadline),
      refusal('no_deadline', /^Không tìm thấy hạn báo cáo \(giờ và ngày\) trong văn bản\.$/),
    );
  });

  it('reads a deadline given as a day without an hour, and answers it as written', () => {
    // "trước ngày 03/02/2025": before that day begins; "chậm nhất ngày …" / "hạn …": by its end.
    const before = SHORT.replace('chậm nhất 15 giờ ngày 03/02/2025', 'trước ngày 03/02/2025');
    assert.notEqual(before, SHORT);
    const { letter } = parseLetter(before);
    assert.equal(letter.deadline.time, '');
    assert.equal(letter.deadline.date, '03/02/2025');
    assert.equal(letter.deadline.at, '2025-02-03T00:00:00+07:00');
    const answer = engineFor(before).ask('hạn nộp báo cáo khi nào');
    assert.equal(answer.kind, 'answer');
    assert.match((answer as { text: string }).text, /trước ngày 03\/02\/2025 \(thứ Hai\)/);
    const latest = SHORT.replace('chậm nhất 15 giờ ngày 03/02/2025', 'chậm nhất ngày 03/02/2025');
    assert.equal(parseLetter(latest).letter.deadline.at, '2025-02-03T23:59:00+07:00');
    assert.match((engineFor(latest).ask('han bc') as { text: string }).text, /chậm nhất ngày 03\/02\/2025/);
  });

  it('refuses text far too long for a letter', () => {
    assert.throws(() => parseLetter(`${LETTER_2024}\n${'x'.repeat(1_000_001)}`), refusal('too_large'));
  });
});

describe('speed', () => {
  it('parses a letter of over 1,000 words well under 100 ms', () => {
    const long = LETTER_2024.replace(
      'thông báo kịp thời',
      `${'bảo đảm an toàn thông tin '.repeat(30)}thông báo kịp thời`,
    );
    assert.ok(long.split(/\s+/).length > 1000);
    const start = performance.now();
    const { letter } = parseLetter(long);
    const elapsed = performance.now() - start;
    assert.equal(letter.deadline.date, '13/02/2024');
    assert.ok(elapsed < 50, `${elapsed.toFixed(1)} ms`);
  });

  it('stays linear on a pathological list of 20,000 dashes', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `- ý số ${i};`).join('\n');
    const start = performance.now();
    const { letter } = parseLetter(SHORT.replace('1. Duy trì', `1. Danh sách:\n${items}\n\n1. Duy trì`));
    assert.ok(letter.clauses.length > 20_000);
    assert.ok(performance.now() - start < 3000);
  });
});

describe('a paragraph ending with a colon owns the bullets after it', () => {
  const letter = parse(read('./fixtures/cong-van-tet-dinh-mui-2027-kien-giang.txt'));
  const children = (id: string): string[] =>
    letter.clauses.filter((c) => c.parentId === id).map((c) => c.text.split(/[,;]/)[0]!);

  it('after the opening paragraph: "Đề nghị các doanh nghiệp viễn thông (…), cụ thể:" is a paragraph of its own', () => {
    assert.doesNotMatch(clause(letter, 'mo-dau').text, /doanh nghiệp viễn thông \(VNPT/u);
    assert.match(clause(letter, 'doan-1').text, /^Đề nghị các doanh nghiệp viễn thông \(VNPT .* cụ thể:$/u);
    assert.equal(children('doan-1').length, 4);
    assert.match(children('doan-1')[0]!, /^Tổ chức trực 24\/24 giờ/u);
  });

  it('between other paragraphs: "… thực hiện:" holds its dashes, the next paragraph closes it', () => {
    assert.deepEqual(children('doan-3'), [
      'Bố trí đủ nhân lực',
      'Kiểm tra chặt chẽ hàng hóa trước khi chấp nhận',
      'Niêm yết công khai thời gian ngừng nhận và thời gian nhận gửi trở lại sau Tết để người dân biết.',
    ]);
    assert.equal(clause(letter, 'ket-thuc').parentId, null);
  });
});

describe('an outline with two closing paragraphs', () => {
  it('names each by how it starts, so the admin checking the import can tell them apart', () => {
    const letter = parse(read('./fixtures/cong-van-tet-dinh-mui-2027-ninh-binh.txt'));
    const closings = letter.outline.filter((o) => o.title.startsWith('Đoạn kết'));
    assert.deepEqual(
      closings.map((o) => o.title),
      [
        'Đoạn kết: Cán bộ đầu mối: bà Đinh Thị Thu Hà, Phó Trưởng phòng Bưu…',
        'Đoạn kết: Đề nghị các doanh nghiệp quan tâm, phối hợp thực hiện',
      ],
    );
  });
});

describe('a signature block in spaced columns beside "Nơi nhận"', () => {
  const letter = parse(read('./fixtures/cong-van-tet-dinh-mui-2027-lam-dong.txt'));
  it('keeps a title wrapped onto a line starting "VÀ" in one piece', () => {
    assert.deepEqual(letter.signer, {
      authority: 'TL. Giám đốc',
      title: 'Trưởng phòng Viễn thông và Công nghệ thông tin',
      name: 'Hoàng Minh Khôi',
    });
  });
  it('does not take the "(Đã ký)" beside an item for part of it', () => {
    assert.ok(letter.recipients.includes('Công an tỉnh (PA05)'), letter.recipients.join(' / '));
    assert.ok(!letter.recipients.some((r) => /đã ký/i.test(r)));
  });
});

describe('appendices after the signature', () => {
  const body = `1. Tổ chức trực Tết 24/24 giờ.

2. Báo cáo kết quả theo đề cương tại Phụ lục 2 gửi về Sở trước 16 giờ 00 ngày 12/02/2027 qua thư điện tử bcvt@backan.gov.vn.`;
  const withAppendices = (appendices: string) =>
    `${SMALL_LETTER_HEAD}\n\n${body}\n\n${SMALL_LETTER_FOOT}\n\n\n${appendices}\n`;

  it('are parts of the letter, not recipients: "PHỤ LỤC 1: …" with its lines, "PHỤ LỤC 2" with its parts', () => {
    const letter = parse(
      withAppendices(`PHỤ LỤC 1: DANH SÁCH ĐẦU MỐI LIÊN HỆ
(Kèm theo Công văn số 12/SKHCN-BCVT ngày 10/01/2027 của Sở Khoa học và Công nghệ)
- VNPT Bắc Kạn: ông Nông Văn Bình, Phó Giám đốc, ĐT: 0913 290 586
- Viettel Bắc Kạn: bà Hà Thị Lan, Trưởng phòng kỹ thuật, ĐT: 0983 117 402

PHỤ LỤC 2: ĐỀ CƯƠNG BÁO CÁO
(Kèm theo Công văn số 12/SKHCN-BCVT ngày 10/01/2027 của Sở Khoa học và Công nghệ)
I. Công tác chuẩn bị: kế hoạch, lực lượng trực.
II. Sự cố và công tác ứng cứu: thời gian, địa điểm, nguyên nhân.`),
    );
    assert.deepEqual(letter.recipients, ['Như trên', 'UBND tỉnh (b/c)', 'Lưu: VT, BCVT']);
    assert.equal(letter.signer?.name, 'Lý Thị Hoa');
    assert.equal(clause(letter, 'phu-luc-1').heading, 'DANH SÁCH ĐẦU MỐI LIÊN HỆ');
    assert.deepEqual(
      childrenOf(letter, 'phu-luc-1').map((c) => [c.label, c.text]),
      [
        ['phụ lục 1, ý 1', 'VNPT Bắc Kạn: ông Nông Văn Bình, Phó Giám đốc, ĐT: 0913 290 586'],
        ['phụ lục 1, ý 2', 'Viettel Bắc Kạn: bà Hà Thị Lan, Trưởng phòng kỹ thuật, ĐT: 0983 117 402'],
      ],
    );
    const part = clause(letter, 'phu-luc-2.II');
    assert.equal(part.label, 'phụ lục 2, mục II');
    assert.equal(part.heading, 'Sự cố và công tác ứng cứu');
    assert.equal(part.parentId, 'phu-luc-2');
    assert.deepEqual(letter.outline.slice(-2), [
      { id: 'phu-luc-1', title: 'Phụ lục 1. Danh sách đầu mối liên hệ' },
      { id: 'phu-luc-2', title: 'Phụ lục 2. Đề cương báo cáo' },
    ]);
  });

  it("keep the deadline and the hotline the letter's own, whatever dates and phones an appendix holds", () => {
    const letter = parse(
      withAppendices(`PHỤ LỤC I
DANH SÁCH CÁN BỘ TRỰC
- VNPT Bắc Kạn: ông Nông Văn Bình, trực từ 08 giờ 00 ngày 05/02/2027, ĐT: 0913 290 586`),
    );
    assert.equal(letter.deadline.date, '12/02/2027');
    assert.equal(letter.hotline, null);
    assert.equal(clause(letter, 'phu-luc-I').heading, 'DANH SÁCH CÁN BỘ TRỰC');
    assert.equal(clause(letter, 'phu-luc-I.-1').label, 'phụ lục I, ý 1');
  });

  it('"Phụ lục kèm theo Công văn số …" without a number is the appendix, its title on the next line', () => {
    const letter = parse(
      withAppendices(`Phụ lục kèm theo Công văn số 12/SKHCN-BCVT
ĐỀ CƯƠNG BÁO CÁO
1. Công tác chuẩn bị.
2. Kiến nghị, đề xuất.`),
    );
    assert.equal(clause(letter, 'phu-luc').heading, 'ĐỀ CƯƠNG BÁO CÁO');
    assert.equal(clause(letter, 'phu-luc.2').label, 'phụ lục, mục 2');
    assert.equal(letter.recipients.length, 3);
  });

  it('a sentence of the body that starts with the word is no appendix', () => {
    const letter = parse(
      smallLetter(`${body}\n\nPhụ lục kèm theo công văn này gồm danh sách các đầu mối của Sở.`),
    );
    assert.ok(!letter.clauses.some((c) => c.kind === 'appendix'));
  });
});

describe('duties counted in words ("Một là, …", "Hai là, …")', () => {
  const letter = parse(
    smallLetter(`Sở Khoa học và Công nghệ đề nghị các doanh nghiệp thực hiện tốt một số nội dung sau:

Một là, tổ chức trực Tết nghiêm túc. Các doanh nghiệp bố trí lực lượng trực 24/24 giờ.

Hai là, đảm bảo nguồn điện dự phòng. Kiểm tra máy phát điện cho các trạm phát sóng.

Các doanh nghiệp gửi báo cáo về Sở trước 16 giờ 00 ngày 12/02/2027 qua thư điện tử bcvt@backan.gov.vn.`),
  );

  it('are numbered parts, cited by the number and the words the letter uses, their first sentence as title', () => {
    const second = clause(letter, '2');
    assert.equal(second.kind, 'number');
    assert.equal(second.label, 'mục 2 (“Hai là”)');
    assert.equal(second.heading, 'Đảm bảo nguồn điện dự phòng');
    assert.equal(second.text, 'Kiểm tra máy phát điện cho các trạm phát sóng.');
    assert.ok(letter.outline.some((o) => o.title === 'Mục 1 (“Một là”). Tổ chức trực Tết nghiêm túc'));
  });

  it('"Ba là con số …" without its comma is a sentence, not a part', () => {
    const plain = parse(
      smallLetter(
        '1. Tổ chức trực Tết.\n\nBa là số ca trực tối thiểu mỗi ngày, gửi báo cáo trước 16 giờ 00 ngày 12/02/2027.',
      ),
    );
    assert.ok(!plain.clauses.some((c) => c.label.includes('Ba là')));
  });
});
