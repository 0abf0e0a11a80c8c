import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const clauseKinds = [
  'intro',
  'roman',
  'number',
  'letter',
  'dash',
  'plus',
  'bullet',
  'paragraph',
  'report',
  'closing',
  'appendix',
] as const;

export const clauseSchema = z.object({
  /** Stable: "I", "I.2", "I.2.b", "1", "1.-3" (3rd dash of part 1), "1.-3.+2", "mo-dau", "bao-cao", "phu-luc-2.I"
   * (part I of appendix 2). */
  id: z.string().min(1),
  /** How a Vietnamese reader cites it: "mục I, điểm 2.b", "mục 1, ý 3", "phần mở đầu". */
  label: z.string().min(1),
  kind: z.enum(clauseKinds),
  /** The marker as written: "I.", "2.", "b)", "-"; null for paragraphs. */
  marker: z.string().nullable(),
  heading: z.string().nullable(),
  /** The clause's own text, without its children; "" for a heading that only introduces a list. */
  text: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int().min(0),
});

export const legalBasisSchema = z.object({
  /** The sentence as written, e.g. "Thực hiện Chỉ thị số 14/CT-UBND ngày 22/12/2023 của …". */
  text: z.string(),
  /** "Chỉ thị số 14/CT-UBND ngày 22/12/2023 của Chủ tịch UBND tỉnh Bắc Giang". */
  document: z.string().nullable(),
  kind: z.string().nullable(),
  number: z.string().nullable(),
  date: isoDate.nullable(),
  issuedBy: z.string().nullable(),
  about: z.string().nullable(),
});

export const holidaySchema = z.object({
  name: z.string(),
  canChi: z.string().nullable(),
  year: z.number().int().nullable(),
  tetFirstDay: isoDate.nullable(),
});

export const deadlinePhrases = ['truoc', 'cham-nhat', 'han', 'luc', 'khac'] as const;

export const deadlineSchema = z.object({
  /** "2024-02-13T09:00:00+07:00". */
  at: z.string(),
  /** As written: "9h00", "15 giờ"; empty when the letter gives only the day (then `at` is that day's start for
   * "trước ngày …", its end for "chậm nhất ngày …"). */
  time: z.string(),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
  /** dd/mm/yyyy. */
  date: z.string().regex(/^\d{2}\/\d{2}\/\d{4}$/),
  weekday: z.string(),
  /** From the calendar: the day of tháng Giêng (4 for mùng 4 Tết), null outside tháng Giêng. */
  lunarDay: z.number().int().nullable(),
  lunar: z.object({ day: z.number(), month: z.number(), year: z.number(), leap: z.boolean() }).nullable(),
  /** As written: "ngày 04 Tết", "mùng 6 Tết". */
  lunarText: z.string().nullable(),
  phrase: z.enum(deadlinePhrases),
  clauseId: z.string(),
  sentence: z.string(),
});

export const dailyReportSchema = z.object({
  time: z.string(),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
  clauseId: z.string(),
  sentence: z.string(),
});

export const hotlineSchema = z.object({
  /** As written: "0233.3 852 999". */
  phone: z.string(),
  digits: z.string(),
  person: z.string().optional(),
  title: z.string().optional(),
  clauseId: z.string(),
});

export const signerSchema = z.object({
  /** "KT. Giám đốc", "Q. Giám đốc", "Giám đốc". */
  authority: z.string(),
  /** "Phó Giám đốc"; null when the block names no title of its own (a lone "KT. GIÁM ĐỐC"). */
  title: z.string().nullable(),
  name: z.string(),
});

export const letterSchema = z.object({
  number: z.string().nullable(),
  numberRaw: z.string().nullable(),
  issuer: z.string().nullable(),
  issuerShort: z.string().nullable(),
  province: z.string().nullable(),
  place: z.string().nullable(),
  date: isoDate.nullable(),
  year: z.number().int().nullable(),
  subject: z.string().nullable(),
  /** The document's kind when written over its title ("Kế hoạch"); absent for a công văn. */
  kind: z.string().optional(),
  /** "Hỏa tốc", "Khẩn": how urgent the letter is marked. */
  urgency: z.string().optional(),
  addressees: z.array(z.string()),
  legalBasis: z.array(legalBasisSchema),
  holiday: holidaySchema.nullable(),
  clauses: z.array(clauseSchema).min(1),
  deadline: deadlineSchema,
  /** Every dated report moment found, in time order; `deadline` is the one chosen. */
  deadlines: z.array(deadlineSchema),
  dailyReport: dailyReportSchema.nullable(),
  email: z.string().nullable(),
  emails: z.array(z.string()),
  hotline: hotlineSchema.nullable(),
  reportTo: z.string().nullable(),
  recipients: z.array(z.string()),
  signer: signerSchema.nullable(),
  outline: z.array(z.object({ id: z.string(), title: z.string() })),
});

export type Clause = z.infer<typeof clauseSchema>;
export type ClauseKind = Clause['kind'];
export type LegalBasis = z.infer<typeof legalBasisSchema>;
export type Holiday = z.infer<typeof holidaySchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type DeadlinePhrase = Deadline['phrase'];
export type DailyReport = z.infer<typeof dailyReportSchema>;
export type Hotline = z.infer<typeof hotlineSchema>;
export type Signer = z.infer<typeof signerSchema>;
export type Letter = z.infer<typeof letterSchema>;

export interface ParsedLetter {
  letter: Letter;
  /** Things a reader should check: a lunar day that does not match the date, a date computed from the lunar day. */
  warnings: string[];
}

export type LetterErrorCode =
  | 'empty'
  | 'not_a_letter'
  | 'no_clauses'
  | 'no_deadline'
  | 'too_large'
  | 'corrupt_docx'
  | 'unsupported_format'
  | 'not_utf8'
  | 'unreadable';

/** A letter that cannot be read; `message` is Vietnamese and fit to show to the person who sent it. */
export class LetterError extends Error {
  readonly code: LetterErrorCode;

  constructor(code: LetterErrorCode, message: string) {
    super(message);
    this.name = 'LetterError';
    this.code = code;
  }
}
