import { type Directive, outlineLines } from './directive.ts';

export const FACT_KINDS = [
  'deadline',
  'email',
  'signer',
  'issuer',
  'implements',
  'holiday',
  'subject',
  'number',
  'contact',
  'recipients',
  'outline',
  'daily',
  'addressees',
  'contents',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

function describeDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${WEEKDAYS[date.getUTCDay()]}, ngày ${dd}/${mm}/${date.getUTCFullYear()}`;
}

/**
 * High-stakes answers are rendered from the structured facts in data/directive.json, never from a passage
 * match, so a deadline or an address can only be stated one way.
 */
const QUOTE_MAX = 400;
/**
 * The part of the reporting sentence that says where and how a report goes. A long sentence listing what the report
 * holds before "gửi về Sở … (qua Phòng …), bằng văn bản và qua thư điện tử …" is quoted from its "gửi": the form
 * and the office asked about are there, the list is the contents' answer.
 */
export function sendingPart(sentence: string): string | undefined {
  if (sentence.length <= QUOTE_MAX) return sentence;
  const at = [...sentence.matchAll(/(?<!\p{L})gửi (?:về|tới|đến|qua)(?!\p{L})/gu)].at(-1)?.index;
  if (at === undefined || sentence.length - at > QUOTE_MAX) return undefined;
  return `…${sentence.slice(at)}`;
}

export function factAnswer(kind: FactKind, directive: Directive): string {
  const { dispatch } = directive;
  const { report, signer } = dispatch;
  const { deadline } = report;
  const lunar = deadline.lunar ? ` – tức ${deadline.lunar}` : '';
  // The hour and the date together as letters write them ("16h ngày 31/01/2028"), then how it is said.
  // A letter that gives only the day ("trước ngày 18/02/2027") is quoted so, without an hour.
  const deadlineText = deadline.time
    ? `${deadline.lead ?? 'trước'} ${deadline.time} ngày ${deadline.date} (${deadline.timeSpoken}, ${deadline.weekday})${lunar}`
    : `${deadline.lead ?? 'trước'} ngày ${deadline.date} (${deadline.weekday})${lunar}`;
  const where = dispatch.reportClause
    ? `Theo ${dispatch.reportClause} của công văn`
    : 'Theo đoạn báo cáo kết quả của công văn';
  const official =
    deadline.lunarOfficial && deadline.lunarOfficial !== deadline.lunar
      ? ` (công văn ghi "${deadline.lunarOfficial}")`
      : '';
  const hotline = dispatch.hotline
    ? `${dispatch.hotline.phone}${dispatch.hotline.person ? ` (${[dispatch.hotline.title, dispatch.hotline.person].filter(Boolean).join(' ')})` : ''}`
    : null;
  switch (kind) {
    case 'deadline':
      return (
        `${where}, doanh nghiệp gửi báo cáo kết quả về ${report.to} ${deadlineText}${official}. ` +
        `${report.email ? `Bản điện tử gửi tới địa chỉ ${report.email}.` : ''}` +
        `${report.daily ? ` Ngoài ra, báo cáo hằng ngày ${report.daily.time}.` : ''}`
      ).trim();
    case 'email':
      return (
        `${where}, báo cáo gửi về ${report.to}; ` +
        (report.email
          ? `${report.format} gửi tới địa chỉ e-mail: ${report.email}\n`
          : 'công văn không ghi địa chỉ e-mail nhận báo cáo.\n') +
        `Hạn gửi: ${deadlineText}.${report.forwarding ? ` ${report.forwarding}.` : ''}` +
        // The sentence itself says in what form: "bằng văn bản và bản điện tử", "bản giấy có ký tên, đóng dấu".
        (report.sentence && sendingPart(report.sentence)
          ? `\nCông văn ghi: "${sendingPart(report.sentence)}"`
          : '') +
        (report.emailSentence ? `\nVề địa chỉ nhận, công văn ghi: "${report.emailSentence}"` : '')
      );
    case 'contents':
      // What a report holds is said in the reporting sentence itself ("Báo cáo kết quả (tình hình …, sự cố …)").
      return report.sentence
        ? `${where}, công văn ghi: "${report.sentence}"` +
            (report.contentsSentence ? ` "${report.contentsSentence}"` : '') +
            (report.daily && report.daily.sentence !== report.sentence
              ? `\nBáo cáo hằng ngày: "${report.daily.sentence}"`
              : '')
        : `Công văn không nêu nội dung báo cáo; doanh nghiệp gửi báo cáo kết quả ${deadlineText}.`;
    case 'signer':
      return `Theo phần chữ ký, công văn do ${signer.title} ${signer.name} ký (ghi "${signer.authority}"), thay mặt ${dispatch.issuer}.`;
    case 'issuer':
      return (
        `Công văn do ${dispatch.issuer} ban hành (số hiệu dạng ${dispatch.number}), ` +
        `${signer.title} ${signer.name} ký (${signer.authority}).`
      );
    case 'implements':
      // A letter without "Thực hiện …"/"Căn cứ …" in its opening: say so rather than leave the sentence empty.
      return dispatch.implements
        ? `Theo phần mở đầu, công văn được ban hành để thực hiện ${dispatch.implements}.`
        : 'Phần mở đầu công văn không nêu văn bản căn cứ hay văn bản cấp trên mà công văn thực hiện.';
    case 'holiday':
      return (
        `Theo phần mở đầu, công văn áp dụng cho dịp ${dispatch.holiday} ` +
        // No deadline here: a question about the season that is answered with this fact must not get one.
        `(mùng 1 Tết là ${describeDay(deadline.tetFirstDay)}).`
      );
    case 'subject':
      return (
        `Công văn của ${dispatch.issuer} ${dispatch.subject}. ` +
        `Theo phần mở đầu, mục đích là ${dispatch.purpose}. ` +
        'Công văn giao nhiệm vụ cho doanh nghiệp bưu chính, chuyển phát (mục 1) và doanh nghiệp viễn thông, ' +
        `Internet (mục 2); doanh nghiệp báo cáo kết quả ${deadlineText}.`
      );
    case 'number':
      return dispatch.numberNote
        ? `Theo phần đầu công văn, số hiệu có dạng ${dispatch.number}, ban hành tại ${dispatch.place} năm ${dispatch.year}. ` +
            `${dispatch.numberNote} Nếu cần số và ngày cụ thể, bạn đối chiếu bản chính có đóng dấu.`
        : `Theo phần đầu công văn, ${(dispatch.kind ?? 'công văn').toLocaleLowerCase('vi')}${dispatch.urgency ? ` ${dispatch.urgency.toLocaleLowerCase('vi')}` : ''} số ${dispatch.number}, ban hành tại ${dispatch.place}${dispatch.date ? `, ${asWritten(dispatch.date)}` : ` năm ${dispatch.year}`}.`;
    case 'contact':
      if (hotline) {
        // The clause itself when it says more than the number (a contact person with another phone).
        const source = dispatch.hotline?.source;
        const more = !dispatch.hotline?.person || (source?.replace(/\D/g, '').length ?? 0) > 11;
        const quoted = source && more && source.length <= 400 ? ` Công văn ghi: "${source}"` : '';
        // Too long to quote, its other numbers are still said: "hoặc gọi số trực của Sở 0296.3957.115".
        const others = source && !quoted ? otherNumbers(source, dispatch.hotline!.phone) : [];
        const also = others.length > 0 ? ` Công văn còn ghi: ${others.join('; ')}.` : '';
        return `Theo công văn, đầu mối liên hệ: ${hotline}.${also}${report.email ? ` E-mail nhận báo cáo: ${report.email}.` : ''}${quoted}`;
      }
      return (
        'Công văn không ghi số điện thoại hay tên cán bộ đầu mối. ' +
        `Bạn có thể liên hệ ${dispatch.issuer}${dispatch.department ? ` (${dispatch.department})` : ''}` +
        (report.email ? ` qua e-mail ${report.email} – cũng là địa chỉ nhận báo cáo.` : '.')
      );
    case 'daily':
      return report.daily
        ? `${report.daily.clause ? `Theo ${report.daily.clause} của công văn` : where}: ${report.daily.sentence}`
        : `Công văn không yêu cầu báo cáo hằng ngày; doanh nghiệp gửi báo cáo kết quả ${deadlineText}.`;
    case 'addressees':
      return (
        `Theo phần "Kính gửi", công văn gửi: ${dispatch.recipients}.` +
        (dispatch.named ? ` Phần mở đầu nêu cụ thể: ${dispatch.named.join(', ')}.` : '')
      );
    case 'recipients':
      return (
        `Theo phần Nơi nhận, công văn gửi: ${dispatch.copyTo.join('; ')}. ` +
        `("Như trên" là ${dispatch.recipients.replace(/^\p{Lu}/u, (c) => c.toLowerCase())}; "Lưu: VT" là lưu tại văn thư.)`
      );
    case 'outline':
      return ['Công văn gồm:', ...outlineLines(directive), 'Gõ /vanban để xem toàn văn từng phần.'].join(
        '\n',
      );
  }
}

// A phone number: nine to eleven digits, dots and spaces between.
const PHONE_IN_TEXT_RE = /(?<!\d)0\d{2,3}(?:[ .]?\d){6,8}(?!\d)/g;

// Where a person is named: "ông Lê Đình Thắng", "bà Hoàng Thị Thu Hà", "đồng chí …".
const PERSON_START_RE = /(?<!\p{L})(?:ông|bà|đồng chí|đ\/c)\s+\p{Lu}/u;

/**
 * The numbers of a contact sentence besides the hotline, each with the words before it back to a comma, a
 * semicolon or "hoặc": "gọi số trực của Sở 0296.3957.115".
 */
function otherNumbers(source: string, hotline: string): string[] {
  const digits = (s: string): string => s.replace(/\D/g, '');
  const seen = new Set([digits(hotline)]);
  const out: string[] = [];
  for (const m of source.matchAll(PHONE_IN_TEXT_RE)) {
    const number = digits(m[0]);
    if (number.length < 9 || number.length > 11 || seen.has(number)) continue;
    seen.add(number);
    const before = source.slice(0, m.index);
    // "ông Lê Đình Thắng, Trưởng phòng …, ĐT: 0913 …": the person whose number it is, named back to a semicolon,
    // "hoặc" or the sentence's start, is said with it.
    const stretch = Math.max(before.lastIndexOf(';'), before.lastIndexOf(' hoặc '), before.lastIndexOf('. '));
    const person = PERSON_START_RE.exec(before.slice(stretch + 1));
    const from = person
      ? stretch + 1 + person.index
      : Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(' hoặc '));
    const label = before
      .slice(from + (person ? 0 : 1))
      .replace(/^\s*(?:hoặc\s+)?/u, '')
      .replace(/[\s:(]+$/u, '')
      .slice(person ? -140 : -80)
      .trim();
    out.push(label ? `${label} ${m[0]}` : m[0]);
  }
  return out;
}

export function outOfScopeText(directive: Directive): string {
  const { dispatch } = directive;
  return (
    'Công văn không đề cập nội dung này. ' +
    `Bạn vui lòng liên hệ ${dispatch.issuer}${dispatch.department ? ` (${dispatch.department})` : ''}, ` +
    `${[dispatch.report.email ? `e-mail ${dispatch.report.email}` : '', dispatch.hotline ? `điện thoại ${dispatch.hotline.phone}` : ''].filter(Boolean).join(', ') || 'văn thư của Sở'}. Gõ /vanban để xem nội dung công văn.`
  );
}

/**
 * "ngày 15/01/2027" as a letter's heading writes it, "ngày 15 tháng 01 năm 2027", with the short form after: an
 * officer reads the date back against the paper in either form.
 */
function asWritten(date: string): string {
  const m = /^ngày (\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
  return m ? `ngày ${m[1]} tháng ${m[2]} năm ${m[3]} (${m[1]}/${m[2]}/${m[3]})` : date;
}
