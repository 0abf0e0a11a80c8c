import { z } from 'zod';

const itemSchema = z.object({ id: z.string(), label: z.string(), text: z.string() });
const partSchema = z.object({
  id: z.string(),
  /** The part's words as the Q&A indexes them. */
  title: z.string(),
  /** The title as the outline shows it, when it differs: sentence case, closings told apart by their start. */
  shown: z.string().optional(),
  items: z.array(itemSchema).min(1),
});

export const directiveSchema = z.object({
  dispatch: z.object({
    number: z.string(),
    numberNote: z.string(),
    /** The document's kind when it is not a công văn ("Kế hoạch"), and its urgency mark ("Hỏa tốc"). */
    kind: z.string().optional(),
    urgency: z.string().optional(),
    place: z.string(),
    year: z.number(),
    /** "ngày 26/12/2024" when the letter is dated. */
    date: z.string().optional(),
    issuer: z.string(),
    department: z.string(),
    subject: z.string(),
    purpose: z.string(),
    holiday: z.string(),
    implements: z.string(),
    implementsShort: z.string(),
    recipients: z.string(),
    /** The businesses the opening names one by one ("đề nghị VNPT Nghệ An, … thực hiện"), of a "Kính gửi" naming none. */
    named: z.array(z.string()).optional(),
    copyTo: z.array(z.string()),
    signer: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
    report: z.object({
      to: z.string(),
      forwarding: z.string(),
      deadline: z.object({
        iso: z.string(),
        time: z.string(),
        timeSpoken: z.string(),
        hour: z.number(),
        date: z.string(),
        day: z.number(),
        month: z.number(),
        weekday: z.string(),
        lunar: z.string(),
        lunarDay: z.number(),
        lunarOfficial: z.string(),
        tetFirstDay: z.string(),
        /** How the letter words the limit when not "trước": "chậm nhất". */
        lead: z.string().optional(),
      }),
      email: z.string(),
      format: z.string(),
      /** The reporting sentence as written: how reports go (in writing, signed and stamped, by e-mail). */
      sentence: z.string().optional(),
      /** The sentence giving the e-mail address, when another than the reporting one: it may say where else. */
      emailSentence: z.string().optional(),
      /** "Nội dung báo cáo gồm: …" in a sentence of its own after the reporting one: what the report holds. */
      contentsSentence: z.string().optional(),
      /** A daily report time ("16h00 hằng ngày") when the letter asks for one. */
      daily: z
        .object({
          time: z.string(),
          sentence: z.string(),
          /** Citation of the daily report's own clause ("mục III, điểm a"), which may not be the final report's. */
          clause: z.string().optional(),
        })
        .optional(),
    }),
    hotline: z
      .object({
        phone: z.string(),
        person: z.string().optional(),
        title: z.string().optional(),
        /** The clause giving the number, as written: it may name a contact the parser did not single out. */
        source: z.string().optional(),
      })
      .optional(),
    /** Citation of the clause with the reporting sentence ("mục IV, điểm 2"); "đoạn báo cáo kết quả" by default. */
    reportClause: z.string().optional(),
  }),
  parts: z.array(partSchema).min(1),
});

export type Directive = z.infer<typeof directiveSchema>;
export type Dispatch = Directive['dispatch'];
export type DirectiveItem = z.infer<typeof itemSchema>;
export interface DirectivePart {
  id: string;
  /** Button label and heading, e.g. "Mục 1. Các doanh nghiệp bưu chính, chuyển phát". */
  title: string;
  /** The part's full text without the title. */
  text: string;
}

const isBullet = (item: DirectiveItem): boolean => /, ý \d+$/.test(item.label);

/** A part's paragraphs, bullets numbered as they are cited ("Ý 2." is mục N, ý 2); the title stays apart. */
export function renderPart(part: Directive['parts'][number]): DirectivePart {
  const paragraphs = part.items.map((item, i) => (isBullet(item) ? `Ý ${i + 1}. ${item.text}` : item.text));
  return { id: part.id, title: part.shown ?? part.title, text: paragraphs.join('\n\n') };
}

/** One bullet per part, with the number of ý where the part has several. */
export function outlineLines(directive: Directive, shown = false): string[] {
  return directive.parts.map((part) => {
    const bullets = part.items.filter(isBullet).length;
    return `• ${(shown && part.shown) || part.title}${bullets > 1 ? ` (${bullets} ý)` : ''}`;
  });
}

export function renderOutline(directive: Directive): string {
  const { dispatch } = directive;
  const { deadline } = dispatch.report;
  return [
    `Công văn của ${dispatch.issuer}`,
    dispatch.subject,
    `Thực hiện ${dispatch.implementsShort}.`,
    `Kính gửi: ${dispatch.recipients}.`,
    '',
    'Bố cục:',
    ...outlineLines(directive, true),
    '',
    `Hạn báo cáo: trước ${deadline.time ? `${deadline.time} ` : ''}${deadline.weekday}, ngày ${deadline.date}` +
      `${deadline.lunar ? ` (${deadline.lunar})` : ''}, ` +
      `bản điện tử gửi ${dispatch.report.email}.`,
    'Chọn một phần để xem toàn văn.',
  ].join('\n');
}

/** Every item by id, to resolve the clause references of the curated pairs. */
export function itemsById(directive: Directive): Map<string, DirectiveItem> {
  return new Map(directive.parts.flatMap((part) => part.items.map((item) => [item.id, item] as const)));
}
