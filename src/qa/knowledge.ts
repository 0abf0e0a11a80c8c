import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { sentences } from '../directive/facts.ts';
import type { Clause, Letter } from '../directive/letter.ts';
import type { Directive, DirectiveItem } from './directive.ts';
import { FACT_KINDS } from './facts.ts';
import type { QaPair } from './pairs.ts';
import { QUESTION_TYPES } from './question-type.ts';

/** What the engine answers from: the letter as structured data, and the questions that lead into it. */
export interface Knowledge {
  directive: Directive;
  pairs: QaPair[];
}

const templateSchema = z.array(
  z.object({
    id: z.string(),
    question: z.string(),
    types: z.array(z.enum(QUESTION_TYPES)).min(1),
    facts: z.enum(FACT_KINDS),
    yes: z.string().optional(),
    phrasings: z.array(z.string()).min(3),
    keywords: z.string(),
  }),
);
type Template = z.infer<typeof templateSchema>[number];

let templates: Template[] | undefined;
/** The ways people ask for each fact, whatever the letter: written once, filled with each letter's values. */
function factTemplates(): Template[] {
  templates ??= templateSchema.parse(
    JSON.parse(readFileSync(new URL('../../data/qa-templates.json', import.meta.url), 'utf8')),
  );
  return templates;
}

const TIME_SPOKEN = (hour: number, minute: number): string => {
  const part = hour < 11 ? 'sáng' : hour < 13 ? 'trưa' : hour < 18 ? 'chiều' : 'tối';
  const h = hour > 12 ? hour - 12 : hour;
  return `${h} giờ${minute ? ` ${minute} phút` : ''} ${part}`;
};

const lunarLabel = (day: number): string => (day <= 10 ? `mùng ${day} Tết` : `ngày ${day} tháng Giêng`);

const sentenceCase = (s: string): string => s.replace(/^\p{Ll}/u, (c) => c.toUpperCase());

/** A clause id made fit for a button action: "I.2.b" → "c-i-2-b". */
const clauseKey = (id: string): string =>
  `c-${id
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`.slice(0, 40);

/**
 * Each clause's key, unique in the letter: two ids may read alike once made fit for a button ("II.1~2", the parser's
 * second "II.1", and "II.1.2" are both "c-ii-1-2"), and the search index refuses a key twice.
 */
export function clauseKeys(ids: readonly string[]): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    const base = clauseKey(id);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base.slice(0, 36)}-${n}`;
    taken.add(key);
    keys.set(id, key);
  }
  return keys;
}

function childrenOf(letter: Letter): Map<string | null, Clause[]> {
  const map = new Map<string | null, Clause[]>();
  for (const c of letter.clauses) map.set(c.parentId, [...(map.get(c.parentId) ?? []), c]);
  return map;
}

function descendants(id: string, children: Map<string | null, Clause[]>): Clause[] {
  return (children.get(id) ?? []).flatMap((c) => [c, ...descendants(c.id, children)]);
}

/** A clause with its sub-items: what "mục 1" says in full. */
function clauseBody(clause: Clause, children: Map<string | null, Clause[]>): string {
  const own = [clause.heading, clause.text].filter(Boolean).join(': ');
  const items = descendants(clause.id, children)
    .filter((c) => c.text)
    .map((c) => `• ${[c.heading, c.text].filter(Boolean).join(': ')}`);
  return [own, ...items].filter(Boolean).join('\n');
}

/**
 * "ngày 10 tháng 12 năm 2026" as "ngày 10/12/2026", the words the letter writes after it: one date an officer may
 * type either way, and reads back against the paper.
 */
const shortDates = (text: string): string =>
  text.replace(
    /ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/g,
    (written, d: string, m: string, y: string) =>
      `ngày ${d.padStart(2, '0')}/${m.padStart(2, '0')}/${y} (${written})`,
  );

/** A document the letter rests on, with what it is about: "Kế hoạch 12 về việc gì" is answered from it. */
const basisText = (basis: Letter['legalBasis'][number]): string =>
  shortDates(basis.document ? `${basis.document}${basis.about ? ` về ${basis.about}` : ''}` : basis.text);

/**
 * "Sở … đề nghị VNPT Nghệ An, Viettel Nghệ An, … và Công ty TNHH Truyền hình cáp Hồng Lam thực hiện các nội dung
 * sau": the opening names one by one whom a "Kính gửi" addressed to "Các doanh nghiệp …" means. None when it asks
 * "các doanh nghiệp" again.
 */
function namedInOpening(letter: Letter): string[] {
  const opening = letter.clauses.find((c) => c.id === 'mo-dau')?.text ?? '';
  const m = /đề nghị\s+(.+?)\s+(?:thực hiện|triển khai|khẩn trương|chủ động)/u.exec(opening);
  if (!m || /^(?:các|những|quý|doanh nghiệp|đơn vị)\b/iu.test(m[1]!)) return [];
  const names = m[1]!.split(/,\s*|\s+và\s+/u).map((name) => name.trim());
  return names.length >= 2 && names.every((name) => /^\p{Lu}/u.test(name)) ? names : [];
}

function directiveOf(letter: Letter): Directive {
  const d = letter.deadline;
  const children = childrenOf(letter);
  const top = letter.clauses.filter((c) => c.parentId === null);
  const item = (c: Clause): DirectiveItem => ({
    id: c.id,
    label: c.label,
    text: [c.heading, c.text].filter(Boolean).join(': ') || c.label,
  });
  const issuer = letter.issuer ?? 'Sở';
  const deadlineClause = letter.clauses.find((c) => c.id === d.clauseId);
  const reportClause = deadlineClause?.label;
  // The daily report cites its own clause: "mục III, điểm a", not the final report's "điểm c".
  const dailyClause = letter.clauses.find((c) => c.id === letter.dailyReport?.clauseId)?.label;
  // "c) Báo cáo tổng hợp bằng văn bản: kết quả thực hiện …, gửi về Sở trước …": the heading says which report and
  // in what form; the sentence that opens the clause's text is quoted with it.
  const reportSentence =
    d.sentence && deadlineClause?.heading && deadlineClause.text.trimStart().startsWith(d.sentence)
      ? `${deadlineClause.heading}: ${d.sentence}`
      : d.sentence;
  const basis = letter.legalBasis[0];
  const hotlineClause = letter.clauses.find((c) => c.id === letter.hotline?.clauseId);
  // Only its sentences that give a number and no date: a contact answer never states the deadline.
  const hotlineSource = hotlineClause
    ? sentences(hotlineClause.text)
        .filter((s) => s.replace(/\D/g, '').length >= 9 && !/\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]/.test(s))
        .join(' ')
    : '';
  // "Thông tin chi tiết xin liên hệ: ông Lê Quang Vinh, …, điện thoại 0905.214.368.": a named contact person in
  // another sentence than the hotline's is the contact too.
  // "3. Đầu mối liên hệ: ông Lò Văn Thắng, …": the clause's heading says "liên hệ" for its sentences.
  const personSentence = letter.clauses
    .flatMap((c) =>
      sentences(c.text).map((s) => (c.heading && /liên hệ/iu.test(c.heading) ? `${c.heading}: ${s}` : s)),
    )
    .find(
      (s) =>
        /liên hệ/iu.test(s) &&
        /(?:ông|bà|anh|chị|đồng chí|đ\/c)\s+\p{Lu}/u.test(s) &&
        s.replace(/\D/g, '').length >= 9 &&
        !/\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]/.test(s) &&
        !hotlineSource.includes(s),
    );
  const contactSource = [hotlineSource, personSentence].filter(Boolean).join(' ');
  // "Các báo cáo gửi về Sở … theo địa chỉ email: …, đồng thời gửi qua Hệ thống quản lý văn bản": the e-mail given
  // in a sentence of its own, which may say how else reports go.
  const emailSentence = letter.email
    ? letter.clauses
        .flatMap((c) => sentences(c.text))
        .find((s) => s.toLowerCase().includes(letter.email!) && !d.sentence?.includes(s))
    : undefined;
  // "Nội dung báo cáo gồm: tình hình mạng lưới, …": what the report holds, said after the reporting sentence.
  // "Về báo cáo: … Kết thúc đợt trực, doanh nghiệp tổng hợp kết quả …, sản lượng …" / "Thời hạn gửi báo cáo: …":
  // a deadline paragraph of its own says what the report holds in the paragraph on reports just before it.
  const before = deadlineClause && letter.clauses[letter.clauses.indexOf(deadlineClause) - 1];
  const reportNeighbour =
    deadlineClause &&
    !deadlineClause.marker &&
    before &&
    before.parentId === deadlineClause.parentId &&
    /báo cáo/iu.test(`${before.heading ?? ''} ${before.text}`)
      ? before
      : undefined;
  const contentsOpening = [deadlineClause, reportNeighbour]
    .flatMap((c) => (c ? sentences(c.text) : []))
    .find(
      (s) =>
        s !== d.sentence &&
        /^nội dung báo cáo|báo cáo (?:phải )?(?:gồm|nêu rõ)|tổng hợp (?:kết quả|tình hình|số liệu)/iu.test(s),
    );
  // "Nội dung báo cáo gồm:" and its bullets: the list is what the report holds.
  const listed =
    contentsOpening?.endsWith(':') && deadlineClause
      ? (children.get(deadlineClause.id) ?? []).map((c) => `- ${c.text}`)
      : [];
  const contentsSentence = listed.length > 0 ? `${contentsOpening}\n${listed.join('\n')}` : contentsOpening;
  return {
    dispatch: {
      number: letter.number ?? letter.numberRaw?.replace(/^Số:\s*/i, '').trim() ?? '…',
      numberNote: letter.number ? '' : 'Bản công văn đang lưu để trống số và ngày ký.',
      ...(letter.kind ? { kind: letter.kind } : {}),
      ...(letter.urgency ? { urgency: letter.urgency } : {}),
      place: letter.place ?? letter.province ?? '',
      year: letter.year ?? Number(d.date.slice(-4)),
      ...(letter.date ? { date: `ngày ${letter.date.split('-').reverse().join('/')}` } : {}),
      issuer,
      department: '',
      subject: letter.subject ?? '',
      purpose: letter.subject?.replace(/^V\/v\s*/i, '') ?? '',
      holiday: letter.holiday?.name ?? 'Tết Nguyên đán',
      implements: letter.legalBasis.map(basisText).join('; '),
      implementsShort: basis?.document ?? basis?.text ?? '',
      recipients: letter.addressees.join('; ') || 'các doanh nghiệp bưu chính, viễn thông trên địa bàn',
      ...(namedInOpening(letter).length > 0 ? { named: namedInOpening(letter) } : {}),
      copyTo: letter.recipients,
      signer: letter.signer
        ? { authority: letter.signer.authority, title: letter.signer.title ?? '', name: letter.signer.name }
        : { authority: '', title: '', name: '' },
      report: {
        to: letter.reportTo ?? issuer,
        forwarding: '',
        deadline: {
          iso: d.at,
          time: d.time,
          timeSpoken: d.time ? TIME_SPOKEN(d.hour, d.minute) : '',
          hour: d.hour,
          date: d.date,
          day: Number(d.date.slice(0, 2)),
          month: Number(d.date.slice(3, 5)),
          weekday: d.weekday,
          lunar: d.lunarDay ? lunarLabel(d.lunarDay) : '',
          lunarDay: d.lunarDay ?? 0,
          lunarOfficial: d.lunarText ?? '',
          tetFirstDay: letter.holiday?.tetFirstDay ?? '',
          // "chậm nhất 16h00 ngày 02/02/2028": the answer words the limit as the letter does.
          // "hạn ngày 18/02" with no hour is the whole of that day: "chậm nhất ngày", never "trước ngày".
          ...(d.phrase === 'cham-nhat' || (!d.time && d.phrase !== 'truoc') ? { lead: 'chậm nhất' } : {}),
        },
        email: letter.email ?? '',
        format: 'bản điện tử',
        ...(reportSentence ? { sentence: reportSentence } : {}),
        ...(emailSentence && emailSentence.length <= 400 ? { emailSentence } : {}),
        ...(contentsSentence && contentsSentence.length <= (listed.length > 0 ? 800 : 400)
          ? { contentsSentence }
          : {}),
        ...(letter.dailyReport
          ? {
              daily: {
                time: letter.dailyReport.time,
                sentence: letter.dailyReport.sentence,
                ...(dailyClause ? { clause: dailyClause } : {}),
              },
            }
          : {}),
      },
      ...(letter.hotline
        ? {
            hotline: {
              phone: letter.hotline.phone,
              ...(letter.hotline.person ? { person: letter.hotline.person } : {}),
              ...(letter.hotline.title ? { title: letter.hotline.title } : {}),
              ...(contactSource ? { source: contactSource } : {}),
            },
          }
        : {}),
      ...(reportClause ? { reportClause } : {}),
    },
    parts: top
      .map((c) => ({
        id: c.id,
        title: sentenceCase(c.heading ? `${c.label}. ${c.heading}` : c.label),
        // As the import showed it: headings in sentence case, several closing paragraphs told apart by their start.
        ...shownTitle(letter, c.id, sentenceCase(c.heading ? `${c.label}. ${c.heading}` : c.label)),
        items: [c, ...descendants(c.id, children)]
          .filter((x) => x.text || x.heading)
          .map(item)
          .slice(0, 60),
      }))
      .filter((p) => p.items.length > 0),
  };
}

function shownTitle(letter: Letter, id: string, title: string): { shown?: string } {
  const shown = letter.outline.find((o) => o.id === id)?.title;
  return shown && shown !== title ? { shown } : {};
}

const HAS_MOMENT =
  /\d{1,2}\s*(?:giờ|h\b|phút|ngày|tiếng)|\d{1,2}\s*[/.-]\s*\d{1,2}|(?:mùng|mồng)\s+\d|tháng\s+(?:Giêng|Chạp)|giao thừa|trước Tết|hằng ngày|hàng ngày|ngay|kịp thời/iu;
// Someone named: a person or a body. "Cán bộ", "lãnh đạo" alone name no one a who-question could want.
const HAS_BODY =
  /(?:ông|bà|đồng chí|đ\/c)\s+\p{Lu}|(?<!\p{L})(?:Sở|UBND|Ủy ban|Uỷ ban|Cục|Bộ|Công an|Điện lực|Bộ đội|Văn phòng|Phòng|Trung tâm|Bưu điện|Chủ tịch)(?!\p{L})|cơ quan|chính quyền/u;
const HAS_PLACE = /\b(?:tại|ở|về|qua|trên|khu vực|địa bàn|vùng|xã|huyện|trạm|điểm)\b|@/iu;

const WORDS_3 = /\p{L}+[^\p{L}]+\p{L}+[^\p{L}]+\p{L}/u;

// A paragraph of this many duties or more, split by semicolons, is matched duty by duty.
const DUTIES_MIN = 4;
/**
 * "Tổ chức trực 24/24 giờ …; bảo đảm thông tin … của Tỉnh ủy …; tăng dung lượng tại … Ga Vinh …; …": one long
 * paragraph of duties, each a task of its own. Matched whole, a question on one duty shares few words with the
 * paragraph and it is answered weakly or not at all; each duty is a pair of its own, under the paragraph.
 */
function dutiesOf(text: string): string[] {
  if (/\n/.test(text)) return [];
  const parts = text
    .split(/;\s+/)
    .map((part) => part.replace(/[.;]\s*$/u, '').trim())
    .filter((part) => WORDS_3.test(part));
  return parts.length >= DUTIES_MIN ? parts : [];
}

/** What a clause can answer besides what and how: a time, a number, someone, somewhere, from its own words. */
function clauseTypes(body: string): QaPair['types'] {
  const types: QaPair['types'] = ['list', 'how', 'what', 'yesno'];
  if (HAS_MOMENT.test(body)) types.push('time');
  if (/\d/.test(body)) types.push('number');
  if (HAS_BODY.test(body)) types.push('who');
  if (HAS_PLACE.test(body)) types.push('where');
  return types;
}

/**
 * "Phan Thị Diệu Linh" without its "Thị": a middle name every other woman (or "Văn", man) bears would make the
 * contact match "chỉ thị" and the signer "văn bản". The given and family names still point at the person.
 */
export const withoutMiddleNames = (text: string): string =>
  text.replace(/(\p{Lu}\p{Ll}*)\s+(?:Thị|Văn)(?=\s+\p{Lu})/gu, '$1');

/** The values a fact answer states: typed by someone who knows them, they point at that fact. */
function factKeywords(kind: Template['facts'], letter: Letter): string {
  const d = letter.deadline;
  switch (kind) {
    case 'deadline':
      return `${d.time} ${d.date} ${d.weekday} ${d.lunarText ?? ''}`;
    case 'email':
      return letter.emails.join(' ');
    case 'signer':
      return `${letter.signer?.name ?? ''} ${letter.signer?.title ?? ''} ${letter.signer?.authority ?? ''}`;
    case 'issuer':
      return letter.issuer ?? '';
    case 'implements':
      return letter.legalBasis.map((b) => b.document ?? b.text).join(' ');
    case 'subject':
      // What the letter is about, in its own words: a topic it does not name is no reason to pick this fact.
      return letter.subject ?? '';
    case 'holiday':
      return letter.holiday?.name ?? '';
    case 'recipients':
      return letter.recipients.join(' ');
    case 'addressees':
      return letter.addressees.join(' ');
    case 'number':
      return `${letter.number ?? ''} ${letter.kind ?? ''} ${letter.urgency ?? ''}`;
    case 'contact': {
      // The whole contact sentence: "anh Thịnh", "chị Diễm" may be named where the parser took only the number.
      const clause = letter.clauses.find((c) => c.id === letter.hotline?.clauseId);
      const sentence = sentences(clause?.text ?? '').find(
        (s) => letter.hotline && s.includes(letter.hotline.phone),
      );
      return `${letter.hotline?.phone ?? ''} ${letter.hotline?.person ?? ''} ${sentence ?? ''}`;
    }
    case 'daily':
      return letter.dailyReport?.time ?? '';
    default:
      return '';
  }
}

/**
 * Everything the engine needs, from the letter alone: one entry per fact (answered from the structured data) and
 * one per clause (answered with the clause's own words). Curated pairs, when a letter has them, come on top.
 */
export function knowledgeFromLetter(letter: Letter, extras: QaPair[] = []): Knowledge {
  const directive = directiveOf(letter);
  const children = childrenOf(letter);
  const reportRef = letter.deadline.clauseId;
  const facts: QaPair[] = factTemplates().map((t) => ({
    id: t.id,
    question: t.question,
    types: t.types,
    // Only the facts stated in the reporting sentence rest on it; the others come from the letter's frame.
    refs: ['deadline', 'email', 'daily', 'contact'].includes(t.facts) ? [reportRef] : [],
    facts: t.facts,
    ...(t.yes ? { yes: t.yes } : {}),
    phrasings: t.phrasings,
    keywords: `${t.keywords} ${withoutMiddleNames(factKeywords(t.facts, letter))}`.trim(),
  }));
  const keyOf = clauseKeys(letter.clauses.map((c) => c.id));
  const clauses: QaPair[] = letter.clauses
    // "Bố trí trực 24/7." is a whole task in four words: a clause is kept from three words on.
    .filter((c) => WORDS_3.test(c.text) || (children.get(c.id)?.length ?? 0) > 0)
    .map((c) => {
      const body = clauseBody(c, children);
      const first = (c.heading ?? c.text).split(/[.;:]/)[0]!.trim().slice(0, 120);
      // "Nội dung báo cáo gồm:" over "- Kết quả ngăn chặn tin nhắn rác;": a bullet is an item of what its parent
      // introduces, so "tin nhắn rác có phải đưa vào báo cáo không" finds it by the parent's words too.
      const parent = c.parentId ? letter.clauses.find((p) => p.id === c.parentId) : undefined;
      const introduced = parent?.text.endsWith(':')
        ? sentences(parent.text).at(-1)?.replace(/:$/, '')
        : undefined;
      return {
        id: keyOf.get(c.id)!,
        question: sentenceCase(first || c.label),
        types: clauseTypes(body),
        refs: [c.id],
        ...(c.parentId ? { parent: keyOf.get(c.parentId) ?? clauseKey(c.parentId) } : {}),
        answer: `Theo ${c.label} của công văn: ${body}`,
        phrasings: [
          first,
          c.label,
          ...(c.heading && c.parentId === null
            ? [`${c.heading} phải làm gì`, `nhiệm vụ của ${c.heading}`, `${c.heading} cần thực hiện những gì`]
            : [c.heading ?? first]),
          ...(introduced ? [`${introduced} ${first}`] : []),
        ].filter(Boolean),
        // A clause's own words are the only phrasing an imported letter has: they rank like curated keywords.
        keywords: `${c.heading ?? ''} ${c.text}`.trim(),
      };
    });
  const duties: QaPair[] = letter.clauses
    .filter((c) => (children.get(c.id)?.length ?? 0) === 0)
    .flatMap((c) => {
      const parts = dutiesOf(c.text);
      const parent = clauses.find((p) => p.refs[0] === c.id && p.refs.length === 1);
      if (parts.length < DUTIES_MIN || !parent) return [];
      return parts.map((duty, i) => {
        const first = duty.slice(0, 120);
        return {
          id: `${parent.id.slice(0, 36)}-y${i + 1}`,
          question: sentenceCase(first),
          types: clauseTypes(duty),
          refs: [c.id],
          parent: parent.id,
          answer: `Theo ${c.label} của công văn: ${sentenceCase(duty)}`,
          phrasings: [first, duty.split(/,/)[0]!.trim(), `${c.label} ${first}`],
          keywords: duty,
        };
      });
    });
  const ids = new Set([...facts, ...clauses, ...duties].map((p) => p.id));
  return { directive, pairs: [...facts, ...clauses, ...duties, ...extras.filter((p) => !ids.has(p.id))] };
}
