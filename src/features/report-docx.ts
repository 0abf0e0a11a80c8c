import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { formatDay, formatVnDateTime, vnTime } from '../clock.ts';
import { t } from '../texts/index.ts';
import { durationText } from './duration.ts';

export type ReportSector = 'postal' | 'telecom' | 'both';

export interface ReportOrg {
  /** "UBND TỈNH BẮC GIANG" */
  parentBody: string;
  /** "Sở Thông tin và Truyền thông tỉnh Bắc Giang" */
  name: string;
  /** "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", for the header. */
  shortName: string;
  /** "STTTT", for "Số: …/BC-STTTT". */
  symbol: string;
  /** "Bắc Giang" */
  place: string;
  /** "KT. GIÁM ĐỐC" */
  signerAuthority?: string;
  /** "PHÓ GIÁM ĐỐC" */
  signerTitle?: string;
  signerName?: string;
}

export interface ReportDay {
  /** yyyy-mm-dd */
  day: string;
  /** "mùng 1 Tết (10/02/2024)" */
  label: string;
  expected: number;
  reported: number;
  incidents: number;
  /** Names of the enterprises that did not report that day. */
  missing: string[];
}

export interface ReportIncident {
  enterprise: string;
  sector: ReportSector;
  /** A label, "Mất liên lạc / mất sóng". */
  kind: string;
  area: string | null;
  /** "12 trạm BTS", "101–1.000 thuê bao" */
  scale: string | null;
  description: string | null;
  /** Typed without Vietnamese diacritics: quoted as written and marked so. */
  descriptionWithoutDiacritics?: boolean;
  openedAt: Date;
  resolvedAt: Date | null;
  updates: { at: Date; text: string }[];
}

export interface ReportDocInput {
  org: ReportOrg;
  /** "Tình hình đảm bảo thông tin liên lạc dịp Tết Nguyên đán Giáp Thìn năm 2024" */
  title: string;
  /** "Ủy ban nhân dân tỉnh Bắc Giang" */
  addressee: string;
  directive: { reference: string; ownLetter?: string } | null;
  /** yyyy-mm-dd */
  period: { from: string; to: string };
  issuedAt: Date;
  enterprises: { name: string; sector: ReportSector }[];
  days: ReportDay[];
  incidents: ReportIncident[];
  proposals?: string[];
  /** "Nơi nhận"; defaults to the texts' docDefaultRecipients. */
  recipients?: string[];
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Decree 30/2020/NĐ-CP, Appendix I: A4, margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
  top: convertMillimetersToTwip(20),
  bottom: convertMillimetersToTwip(20),
  left: convertMillimetersToTwip(30),
  right: convertMillimetersToTwip(15),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const HEADER_LEFT = convertMillimetersToTwip(68);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const FONT = 'Times New Roman';
/** Half-points. */
const SIZE = { body: 28, header: 26, small: 24, table: 26, recipients: 22, pageNumber: 26 };
const FIRST_LINE = convertMillimetersToTwip(12.7);

// --- text ---------------------------------------------------------------------------------------

const STEMS = ['giap', 'at', 'binh', 'dinh', 'mau', 'ky', 'canh', 'tan', 'nham', 'quy'];
const BRANCHES = ['ty', 'suu', 'dan', 'mao', 'thin', 'ty', 'ngo', 'mui', 'than', 'dau', 'tuat', 'hoi'];

/** The Tết falls in the Gregorian year the period ends in; its name is that year's stem and branch. */
export function reportDocFileName(input: Pick<ReportDocInput, 'period'>): string {
  const year = Number(input.period.to.slice(0, 4));
  const stem = STEMS[(((year - 4) % 10) + 10) % 10];
  const branch = BRANCHES[(((year - 4) % 12) + 12) % 12];
  return `bao-cao-tet-${stem}-${branch}-${year}.docx`;
}

const upper = (s: string): string => s.toLocaleUpperCase('vi');

/** Lower-cases a leading capital of an ordinary word, leaving acronyms ("UBND") alone. */
function lowerFirst(s: string): string {
  const [a, b] = [s.charAt(0), s.charAt(1)];
  return b && b === b.toLocaleLowerCase('vi') ? a.toLocaleLowerCase('vi') + s.slice(1) : s;
}

const upperFirst = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

const stripEnd = (s: string): string => s.trim().replace(/[\s.;,]+$/u, '');

/** Adds a full stop unless the sentence already ends with one. */
const sentence = (s: string): string => (/[.!?…:]$/u.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** "Bắc Giang, ngày 05 tháng 02 năm 2024": Decree 30 pads days below 10 and months 1 and 2 only. */
export function placeDateLine(place: string, at: Date): string {
  const time = vnTime(at);
  const day = String(time.day).padStart(2, '0');
  const month = time.month < 3 ? String(time.month).padStart(2, '0') : String(time.month);
  return t.docPlaceDate(place, day, month, time.year);
}

/** "3 giờ 20 phút", "1 ngày 2 giờ", "45 phút". */
export { durationText };

const percent = (part: number, whole: number): string =>
  `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format((part / whole) * 100)}%`;

const inSector = (sector: ReportSector, target: 'postal' | 'telecom'): boolean =>
  sector === target || sector === 'both';

function periodText(input: ReportDocInput): string {
  return t.docPeriod(formatDay(input.period.from), formatDay(input.period.to));
}

function openingText(input: ReportDocInput): string {
  const subject = t.docSubject(input.org.name, lowerFirst(stripEnd(input.title)), periodText(input));
  const { directive } = input;
  if (!directive) return t.docOpeningOnReports(subject);
  const basis = directive.ownLetter ? t.docOpeningOwnLetter(stripEnd(directive.ownLetter)) : '';
  return t.docOpening(stripEnd(directive.reference), basis, subject);
}

function incidentCountText(incidents: ReportIncident[]): string {
  const n = incidents.length;
  const ongoing = incidents.filter((i) => !i.resolvedAt).length;
  const resolved = n - ongoing;
  const state =
    ongoing === 0
      ? n === 1
        ? t.docIncidentsResolvedOne
        : t.docIncidentsResolvedAll
      : resolved === 0
        ? t.docIncidentsOngoing
        : t.docIncidentsMixed(resolved, ongoing);
  return t.docIncidentCount(n, state);
}

const SECTORS = [
  {
    id: 'telecom',
    heading: t.docTelecomHeading,
    network: t.docTelecomNetwork,
    firms: t.docTelecomFirms,
  },
  { id: 'postal', heading: t.docPostalHeading, network: t.docPostalNetwork, firms: t.docPostalFirms },
] as const;

function sectorTexts(input: ReportDocInput, sector: (typeof SECTORS)[number]): string[] {
  const firms = input.enterprises.filter((e) => inSector(e.sector, sector.id)).map((e) => e.name);
  if (firms.length === 0) return [t.docSectorNoFirms(sector.firms)];
  const incidents = input.incidents.filter((i) => inSector(i.sector, sector.id));
  const intro = t.docSectorIntro(firms.length, sector.firms, firms.join(', '));
  const state = incidents.length === 0 ? t.docSectorNormal(sector.network) : incidentCountText(incidents);
  return [intro, state];
}

function missingByDayLines(days: ReportDay[]): string[] {
  const lines = days
    .filter((d) => d.missing.length > 0)
    .map((d) => `- ${upperFirst(d.label)}: ${d.missing.join(', ')}`);
  return lines.map((line, i) => `${line}${i === lines.length - 1 ? '.' : ';'}`);
}

/** Enterprises in the order of the enterprise list, then any others by first miss. */
function missingByEnterprise(input: ReportDocInput): { name: string; days: ReportDay[] }[] {
  const byName = new Map<string, ReportDay[]>();
  for (const e of input.enterprises) byName.set(e.name, []);
  for (const day of input.days) {
    for (const name of day.missing) byName.set(name, [...(byName.get(name) ?? []), day]);
  }
  return [...byName].filter(([, days]) => days.length > 0).map(([name, days]) => ({ name, days }));
}

function defaultProposals(input: ReportDocInput): string[] {
  const addressee = stripEnd(input.addressee);
  const proposals = [t.docProposalKeepOnDuty(addressee)];
  if (input.incidents.some((i) => !i.resolvedAt)) {
    proposals.push(t.docProposalFixOngoing(input.org.name, addressee));
  } else if (input.days.some((d) => d.missing.length > 0)) {
    proposals.push(t.docProposalChaseMissing(input.org.name));
  }
  return proposals;
}

// --- paragraphs ---------------------------------------------------------------------------------

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

interface ParaStyle extends RunStyle {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  indent?: boolean;
  after?: number;
  before?: number;
  keepNext?: boolean;
}

const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({ text, font: FONT, size: style.size ?? SIZE.body, bold: style.bold, italics: style.italics });

function para(content: string | ParagraphChild[], style: ParaStyle = {}): Paragraph {
  return new Paragraph({
    children: typeof content === 'string' ? [run(content, style)] : content,
    alignment: style.align ?? AlignmentType.JUSTIFIED,
    indent: style.indent === false ? undefined : { firstLine: FIRST_LINE },
    spacing: { before: style.before ?? 0, after: style.after ?? 120, line: 288 },
    keepNext: style.keepNext,
  });
}

const centered = (text: string, style: RunStyle = {}, after = 0): Paragraph =>
  para(text, { ...style, align: AlignmentType.CENTER, indent: false, after });

const heading = (text: string): Paragraph => para(text, { bold: true, keepNext: true, before: 120 });

/** A short centered rule, drawn as the bottom border of an empty paragraph between indents. */
function rule(cellWidth: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - length) / 2) - 108);
  return new Paragraph({
    children: [run('', { size: 4 })],
    indent: { left: side, right: side },
    spacing: { before: 0, after: 60, line: 240 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

function borderlessTable(columns: [number, number], cells: [Paragraph[], Paragraph[]]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: cells.map(
          (children, i) => new TableCell({ children, width: { size: columns[i] ?? 0, type: WidthType.DXA } }),
        ),
      }),
    ],
  });
}

// --- blocks -------------------------------------------------------------------------------------

function headerBlock(input: ReportDocInput): Table {
  const { org } = input;
  const small = { size: SIZE.small };
  const left = [
    centered(upper(org.parentBody), small),
    centered(upper(org.shortName), { ...small, bold: true }),
    rule(HEADER_LEFT, convertMillimetersToTwip(22)),
    centered(t.docNumber(org.symbol), { size: SIZE.header }),
  ];
  const right = [
    centered(t.docNation, { ...small, bold: true }),
    centered(t.docMotto, { size: SIZE.header, bold: true }),
    rule(HEADER_RIGHT, convertMillimetersToTwip(62)),
    centered(placeDateLine(org.place, input.issuedAt), { size: SIZE.header, italics: true }),
  ];
  return borderlessTable([HEADER_LEFT, HEADER_RIGHT], [left, right]);
}

function titleBlock(input: ReportDocInput): Paragraph[] {
  return [
    para(t.reportHeading, { bold: true, align: AlignmentType.CENTER, indent: false, before: 360, after: 0 }),
    centered(stripEnd(input.title), { bold: true }, 240),
    centered(t.docAddressee(stripEnd(input.addressee)), {}, 240),
    para(openingText(input)),
  ];
}

function dayTable(days: ReportDay[]): Table {
  const widths = [700, 3955, 2700, TEXT_WIDTH - 700 - 3955 - 2700];
  const row = (texts: string[], bold = false) =>
    new TableRow({
      tableHeader: bold,
      children: texts.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            children: [
              para(text, {
                bold,
                size: SIZE.table,
                indent: false,
                after: 40,
                before: 40,
                align: i === 1 && !bold ? AlignmentType.LEFT : AlignmentType.CENTER,
              }),
            ],
          }),
      ),
    });
  const sum = (f: (d: ReportDay) => number) => days.reduce((n, d) => n + f(d), 0);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      row(t.docDayTableHeader, true),
      ...days.map((d, i) =>
        row([String(i + 1), upperFirst(d.label), `${d.reported}/${d.expected}`, String(d.incidents)]),
      ),
      row(
        [
          '',
          t.docDayTableTotal,
          `${sum((d) => d.reported)}/${sum((d) => d.expected)}`,
          String(sum((d) => d.incidents)),
        ],
        true,
      ),
    ],
  });
}

function reportingBlock(input: ReportDocInput): (Paragraph | Table)[] {
  const { days } = input;
  if (days.length === 0) return [heading(t.docReportingHeading), para(t.docReportingNoDays)];
  const reported = days.reduce((n, d) => n + d.reported, 0);
  const expected = days.reduce((n, d) => n + d.expected, 0);
  const rate = expected > 0 ? ` (${percent(reported, expected)})` : '';
  const missing = missingByDayLines(days);
  return [
    heading(t.docReportingHeading),
    para(t.docReportingRate(reported, expected, rate), { keepNext: true }),
    dayTable(days),
    ...(missing.length > 0
      ? [para(t.docMissingByDay, { before: 120, keepNext: true }), ...missing.map((l) => para(l))]
      : [para(t.docNoneMissingByDay, { before: 120 })]),
  ];
}

function generalSection(input: ReportDocInput): (Paragraph | Table)[] {
  return [
    heading(t.reportPartGeneral),
    ...SECTORS.flatMap((s) => [heading(s.heading), ...sectorTexts(input, s).map((text) => para(text))]),
    ...reportingBlock(input),
  ];
}

function descriptionText(incident: ReportIncident): string | null {
  const text = incident.description?.trim();
  if (!text) return null;
  if (incident.descriptionWithoutDiacritics) return t.docDescriptionWithoutDiacritics(text);
  return t.docDescription(text, /[.!?…]$/u.test(text) ? '' : '.');
}

function timelineText(incident: ReportIncident): string {
  const opened = t.docOpenedAt(formatVnDateTime(incident.openedAt));
  const { resolvedAt } = incident;
  if (!resolvedAt) return t.docStillOngoing(opened);
  const ms = resolvedAt.getTime() - incident.openedAt.getTime();
  const duration = ms >= 0 ? t.docFixedAfter(durationText(ms)) : '';
  return t.docResolved(opened, formatVnDateTime(resolvedAt), duration);
}

function incidentParagraphs(incident: ReportIncident, index: number): Paragraph[] {
  const details = [
    incident.area?.trim() ? t.docArea(incident.area.trim()) : null,
    incident.scale?.trim() ? t.docScale(incident.scale.trim()) : null,
  ].filter((s) => s !== null);
  const body = [
    `${stripEnd(incident.kind)}.`,
    details.length > 0 ? `${upperFirst(details.join('; '))}.` : null,
    descriptionText(incident),
    timelineText(incident),
  ].filter((s) => s !== null);
  const head = run(`${index + 1}. ${incident.enterprise} (${t.sectorNames[incident.sector]}): `, {
    bold: true,
  });
  const updates = [...incident.updates]
    .filter((u) => u.text.trim())
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((u) => para(`- ${formatVnDateTime(u.at)}: ${sentence(u.text)}`));
  return [
    para([head, run(body.join(' '))], { keepNext: updates.length > 0 }),
    ...(updates.length > 0 ? [para(t.docHandling, { italics: true, keepNext: true }), ...updates] : []),
  ];
}

function incidentSection(input: ReportDocInput): Paragraph[] {
  const incidents = [...input.incidents].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  return [
    heading(t.docIncidentsHeading),
    ...(incidents.length === 0
      ? [para(t.docNoIncidents)]
      : incidents.flatMap((incident, i) => incidentParagraphs(incident, i))),
  ];
}

function missingSection(input: ReportDocInput): Paragraph[] {
  const missing = missingByEnterprise(input);
  const lines = missing.map(({ name, days }, i) => {
    const end = i === missing.length - 1 ? '.' : ';';
    return para(t.docMissingLine(name, days.length, days.map((d) => d.label).join(', '), end));
  });
  return [heading(t.docMissingHeading), ...(lines.length > 0 ? lines : [para(t.docNoneMissing)])];
}

function proposalSection(input: ReportDocInput): Paragraph[] {
  const given = (input.proposals ?? []).map((p) => p.trim()).filter(Boolean);
  const proposals = given.length > 0 ? given : defaultProposals(input);
  const closing = t.docClosing(lowerFirst(stripEnd(input.title)), input.org.name, stripEnd(input.addressee));
  return [
    heading(t.reportPartProposals),
    ...proposals.map((p, i) => para(`${i + 1}. ${sentence(p)}`)),
    para(closing, { before: 120 }),
  ];
}

function recipientsBlock(input: ReportDocInput): Paragraph[] {
  const given = (input.recipients ?? []).map(stripEnd).filter(Boolean);
  const recipients = given.length > 0 ? given : t.docDefaultRecipients;
  const line = (text: string) =>
    para(text, { size: SIZE.recipients, indent: false, align: AlignmentType.LEFT, after: 0 });
  return [
    para(t.docRecipientsHeading, {
      bold: true,
      italics: true,
      size: 24,
      indent: false,
      align: AlignmentType.LEFT,
      after: 0,
    }),
    ...recipients.map((r, i) => line(`- ${r}${i === recipients.length - 1 ? '.' : ';'}`)),
  ];
}

/** Decree 30: "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC" when signed on behalf, plain "GIÁM ĐỐC" otherwise. */
function signatureBlock(org: ReportOrg): Paragraph[] {
  const authority = org.signerAuthority?.trim() || (org.signerTitle?.trim() ? null : t.docDirector);
  const lines = [authority, org.signerTitle?.trim() || null].filter((s) => s !== null).map(upper);
  const bold = { bold: true };
  return [
    ...lines.map((l) => centered(l, bold)),
    ...Array.from({ length: 4 }, () => centered('')),
    centered(org.signerName?.trim() ?? '', bold),
  ];
}

function footerBlock(input: ReportDocInput): Table {
  const left = convertMillimetersToTwip(80);
  return borderlessTable([left, TEXT_WIDTH - left], [recipientsBlock(input), signatureBlock(input.org)]);
}

/** Decree 30: page numbers centred in the top margin, from the second page on. */
function pageNumberHeaders() {
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.pageNumber })],
  });
  return { default: new Header({ children: [number] }), first: new Header({ children: [] }) };
}

export async function buildReportDocx(input: ReportDocInput): Promise<Buffer> {
  const doc = new Document({
    creator: input.org.name,
    title: stripEnd(input.title),
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: PAGE, margin: { ...MARGIN, header: convertMillimetersToTwip(10) } },
        },
        headers: pageNumberHeaders(),
        children: [
          headerBlock(input),
          ...titleBlock(input),
          ...generalSection(input),
          ...incidentSection(input),
          ...missingSection(input),
          ...proposalSection(input),
          para('', { indent: false, after: 0 }),
          footerBlock(input),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
