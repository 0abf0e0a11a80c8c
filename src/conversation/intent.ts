import { foldAligned, resolvedFromText } from '../features/incident-text.ts';

/** What a short message means before it is taken for a question about the directive. */
export type Intent =
  | { type: 'normal'; sure: boolean }
  | { type: 'incident'; note: string; explicit: boolean }
  /** "có sự cố" without details: start the step-by-step incident form. */
  | { type: 'incident_form' }
  /** "báo cáo", "bc": start the report dialog. */
  | { type: 'report' }
  | { type: 'greeting' }
  | { type: 'thanks' }
  | { type: 'ack' }
  | { type: 'register'; code: string }
  /** "đã khắc phục", "xong rồi": an officer saying the enterprise's open incident is fixed. */
  | { type: 'fixed' }
  /** "đã khôi phục được 8/12 trạm", "vẫn chưa khắc phục xong": how an open incident is going, not fixed yet. */
  | { type: 'progress'; note: string }
  /** "ai chưa báo cáo?", "tình hình báo cáo hôm nay": staff asking for /status in words. */
  | { type: 'status' }
  /** "em báo cáo rồi chưa?", "sở nhận được bc chưa": an officer asking whether today's report got through. */
  | { type: 'check_report' }
  /** "VNPT báo cáo chưa?", "bưu điện đã gửi bc chưa": staff asking about one enterprise (its name as typed). */
  | { type: 'check_enterprise'; name: string }
  | null;

const clean = (folded: string): string =>
  folded
    .replace(/[!?.,;:…~"'“”()*_]+/g, ' ')
    .replace(/\p{Extended_Pictographic}|\u{FE0F}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const POLITE = '(?: ?(?:a|ah|ak|nhe|nha|nhe ad|ad|ban oi|sep|anh|chi|em|roi|ca|het|luon|a ad))*';
const REPORT_PREFIX =
  '(?:(?:bao cao|bc|bcao|baocao)(?: hom nay| ngay hom nay| tinh hinh)?|hom nay|tinh hinh|tinh hinh hom nay|mang luoi|mang|he thong|hoat dong|don vi|dv|tat ca|moi thu|moi viec|cac tram|van|dem qua|sang nay|ca truc|ca dem|tren dia ban|dia ban)';
/** "Không có sự cố", "ko phát sinh sự cố gì", "không có vấn đề nào": nothing to report, however it is said. */
const NOTHING_WRONG =
  '(?:khong|ko|k|kh|khg|kg|chua) (?:co |phat sinh |xay ra |ghi nhan |thay )?(?:su co|van de|gi|gi bat thuong|bat thuong)(?: (?:gi|nao|bat thuong|xay ra|phat sinh))*';
const NORMAL_ONE = `(?:binh thuong|bthuong|bt|on dinh|on ca|moi thu on|tot|thong suot|on dinh thong suot|van hanh binh thuong|hoat dong binh thuong|hoat dong on dinh|hoat dong tot|an toan|khong su co|ok|oke|okay|on|${NOTHING_WRONG})`;
// Said once or twice: "hoạt động ổn định, không có sự cố", "bình thường và thông suốt".
const NORMAL_CORE = `${NORMAL_ONE}(?: (?:va |,)?${NORMAL_ONE})*`;
const NORMAL_SURE = new RegExp(`^(?:${REPORT_PREFIX} ){0,2}${NORMAL_CORE}${POLITE}$`);
const UNSURE = /^(?:ok|oke|okay|on|ok ok|okie|oki)$/;

const GREETING =
  /^(?:xin chao|chao|hello|hi|alo|a lo|chao ban|chao bot|chao ad|chao anh|chao chi|chao em|chao buoi sang|chuc mung nam moi|happy new year)(?: (?:ban|bot|ad|anh|chi|em|moi nguoi|so|a|nhe))*$/;
const THANKS =
  /^(?:cam on|cam on nhieu|cam on ban|cam on bot|cam on ad|cam on a|cam on nhe|thanks|thank you|thank|tks|thks|ty|camon|cảm ơn)(?: (?:ban|bot|ad|anh|chi|em|nhieu|nhe|a|so))*$/;
const ACK = /^(?:ok|oke|okay|vang|da|da vang|vang a|da a|uh|uhm|u|roger|ro|ro roi|hieu roi|da ro|👍)$/;

const INCIDENT_PREFIX =
  /^(?:(?:bao cao|bc) )?(?:co )?(?:su co|suco|sc)(?: (?:moi|khac|nua))?\s*(?:[:\-–—]\s*|\s+)/;
const INCIDENT_ALONE = /^(?:(?:bao cao|bc) )?(?:co )?(?:su co|suco)(?: (?:moi|khac|nua))?$/;
const INCIDENT_WORDS =
  /^(?:(?:buu cuc|buu dien|kho|trung tam khai thac|diem giao dich|diem phuc vu)(?: [a-z0-9]+){0,3} )?(?:(?:bi|dang|co|da|hien|hien dang|bao) )*(?:mat song|mat lien lac|mat ket noi|mat tin hieu|mat mang|dut cap|dut tuyen|dut quang|nghen mang|nghen|qua tai|tan cong|ddos|don u|un u|ton dong|that lac|mat hang|mat dien|tram)/;
// A question about incidents is a question, not a report.
const QUESTION_WORDS =
  /(?:^| )(?:thi sao|the nao|ntn|nhu the nao|lam sao|bao gio|khi nao|o dau|gi|ai|khong|ko|k|co phai|co can|can|phai|bao nhieu|may|duoc khong|dc khong|sao)$|^(?:co phai|lam sao|khi nao|bao gio|tai sao|vi sao|neu|lam the nao)(?: |$)/;

// Asking words anywhere in the message, and "X thì Y" (a condition: "mất sóng thì phải báo trong bao lâu"): an
// officer asking what to do about an incident must not have one recorded and staff alerted.
// "sự cố nào phải báo nhanh", "sự cố gì thì gọi": which incident is asked about, none is reported.
// "trạm BTS nào hay mất điện nhất": which station is asked about ("trạm nào cũng mất điện" reports them all).
const ASKS_ANYWHERE =
  /(?:^| )(?:su co (?:nao|gi|j|loai nao)|(?:tram|xa|khu vuc|tuyen|huyen|vung|noi)(?: bts| viba| vien thong)? nao(?! cung)|bao nhieu|bao lau|bn|may (?:h|gio|tieng|phut|ngay|tram)|the nao|nhu the nao|ntn|nhu nao|kieu (?:gi|j)|loai nao|truong hop nao|nhung truong hop|sdt nao|so nao|goi (?:cho )?ai|lam (?:gi|j)|la gi|la (?:j|nhung)|phai lam|co can|co phai|thi|hay (?:la )?(?:goi|gui|bao|nop|email|mail|dien thoai|nhan tin|qua|zalo))(?: |$)/;
const ASKS_AT_END = /(?:^| )(?:nao|j|ha|hả|chua|dau|ve dau|o dau|k|hok|hong)$/;
const CODE_CHARS = /^[0-9a-z]+$/i;

const WHO =
  '(?:ai|nhung ai|don vi nao|dv nao|nhung don vi nao|doanh nghiep nao|dn nao|nhung doanh nghiep nao|bao nhieu don vi|bao nhieu doanh nghiep|bao nhieu dv|bao nhieu dn|may don vi|may doanh nghiep|may dv|may dn)';
/** Staff asking about today's incidents: /status lists them ("có sự cố nào không", "đơn vị nào bị sự cố"). */
const INCIDENTS_TODAY = `(?:(?:hom nay |hnay )?co )?(?:su co|sc) (?:nao|gi|j)|(?:tinh hinh|danh sach|ds|thong ke) (?:cac )?su co|su co hom nay|(?:co )?${WHO} (?:bao |gap |bi |co )?su co`;
const STATUS = new RegExp(
  `^(?:cho (?:em |toi |minh |anh |chi )?xem |xem )?(?:${WHO} (?:chua|da|van chua|con chua) (?:gui )?(?:bao cao|bc|nop bao cao|nop bc)|${WHO} (?:da )?(?:gui |nop )?(?:bao cao|bc)|(?:tinh hinh|thong ke|trang thai|ket qua) (?:bao cao|bc|nop bao cao)|tinh hinh hom nay|danh sach (?:chua|da) (?:bao cao|bc)|con (?:ai|don vi nao|dv nao|doanh nghiep nao) chua (?:bao cao|bc)|${INCIDENTS_TODAY})(?: (?:hom nay|ngay hom nay|hnay|the nao|ra sao|sao|roi|chua|vay|the|a|ah|nhi|nhe|khong|ko))*$`,
);
const WHO_ME = '(?:em|toi|minh|anh|chi|ben em|ben minh|ben toi|don vi em|don vi minh|dv em|dv minh)';
const REPORT_WORD = '(?:bao cao|bc|bcao|baocao|bao)';
const GOT_THROUGH_END =
  '(?:chua|roi chua|chua a|chua ah|chua vay|chua nhi|chua ha|chua nhe|roi a|roi ha|roi nhi|roi dung (?:khong|ko|k)|roi phai (?:khong|ko|k)|duoc (?:khong|ko|k)|dc (?:khong|ko|k))';
/**
 * An officer on a patchy line asking whether today's report got through: "em báo cáo rồi chưa?", "hôm nay bc chưa",
 * "sở nhận được báo cáo của em chưa", "bc gửi được chưa", "đã ghi nhận chưa ạ".
 */
const CHECK_REPORT = new RegExp(
  `^(?:(?:hom nay|hnay|sang nay|toi nay|dem nay|ca nay) )?(?:(?:${WHO_ME}|so) )?(?:(?:hom nay|hnay) )?(?:${[
    `(?:da )?(?:gui |nop )?${REPORT_WORD}(?: (?:hom nay|hnay|cua (?:${WHO_ME}|don vi)))?(?: (?:da |duoc |da duoc )?(?:gui|nop|ghi nhan|nhan|toi|den|di|len)(?: (?:duoc|dc|thanh cong))?)?`,
    `(?:da )?(?:nhan|nhan duoc|nhan dc|ghi nhan|thay)(?: ${REPORT_WORD}(?: (?:hom nay|hnay|cua (?:${WHO_ME}|don vi)))?)?`,
    '(?:da )?gui (?:duoc|dc|thanh cong|di duoc|toi so|len so)',
  ].join('|')})(?: ${GOT_THROUGH_END})(?: (?:a|ah|ak|ad|nhe|nha|vay|the|so|ban|bot))*$`,
);

/** "<tên doanh nghiệp> (đã) báo cáo chưa": the name is what comes before. */
const CHECK_ENTERPRISE = new RegExp(
  `^(?:(?:doanh nghiep|dn|don vi|dv|ben|cty|cong ty) )?(.{2,60}?) (?:(?:da|hom nay|hnay|van|con) )*(?:(?:gui|nop) )?${REPORT_WORD}(?: (?:hom nay|hnay))? (?:roi )?chua(?: (?:a|ah|ak|nhi|vay|the|ha))*$`,
);

/** Asking whether it is fixed is not saying so: "đã khắc phục chưa?". */
const FIXED_ASKS = /(?:^| )(?:chua|khong|ko|k|chua a|chua vay|duoc chua|dc chua)$/;

/** A pasted invite code: 16 letters and digits, possibly in groups with spaces or dashes. */
export function looksLikeCode(text: string): string | null {
  const joined = text.replace(/[\s\-_.]/g, '');
  if (joined.length !== 16 || !CODE_CHARS.test(joined)) return null;
  // Four groups of four, or one run: not a sentence of short words that happens to be 16 letters long.
  if (!/^[0-9a-z]{16}$/i.test(text.trim()) && !/^[0-9a-z]{4}([\s\-.]+[0-9a-z]{4}){3}$/i.test(text.trim()))
    return null;
  return /\d/.test(joined) || /^[A-Z0-9]+$/.test(joined) ? joined : null;
}

const REGISTER = /^(?:dang ky|dangky|dang ki|dangki|dk|đk)\s*[:-]?\s*(.*)$/;
/** "Tôi muốn đăng ký", "đăng ký thế nào?": how to register, asked without a code (the answer says how). */
const HOW_TO_REGISTER =
  /^(?:(?:toi|em|minh|anh|chi|cho (?:toi|em|minh)) )?(?:muon |can |xin |lam sao (?:de )?|lam the nao (?:de )?|the nao (?:de )?|huong dan )?(?:dang ky|dang ki|dangky|dk)(?: (?:the nao|ntn|nhu the nao|nhu nao|sao|o dau|bang cach nao|voi|di|duoc khong|dc khong|duoc ko|dc ko|ra sao|tai khoan|su dung|cho (?:toi|em|minh)|(?:lam )?(?:can bo|cb) truc|nhe|a|ah|ak|ha|nha|bot|the nao a))*$/;

const MENDING = '(?:khac phuc|khoi phuc|xu ly|sua chua|sua|phat song lai|co song lai|hoat dong lai)';
/**
 * Part of it mended, or not yet: "đã khôi phục được 8/12 trạm", "khắc phục được 60%", "đã xử lý một phần", "còn 4
 * trạm chưa có sóng", "vẫn chưa khắc phục xong", "đang khắc phục".
 */
const PROGRESS = new RegExp(
  [
    `${MENDING}(?: duoc| xong| lai)* (?:\\d+ ?\\/ ?\\d+|\\d+ ?%|\\d+ phan tram|mot phan|mot so|phan lon|\\d+ (?:tram|tuyen|thue bao|diem|xa|buu cuc|bts|tren))`,
    '(?:^| )con (?:lai )?\\d+ (?:tram|tuyen|thue bao|diem|xa|bts|buu cuc)',
    `(?:^| )(?:van |hien |hien van )?chua ${MENDING}(?: duoc)?(?: xong| het| hoan toan)`,
    `(?:^| )(?:van |hien |hien van )?chua ${MENDING} duoc$`,
    `^(?:(?:ben em|ben minh|don vi|dv|em|minh|chung toi) )?(?:van |hien |hien van )?dang (?:tiep tuc )?${MENDING}`,
  ].join('|'),
);

/** All of it: "12/12 trạm", "100%". */
const COMPLETE = /(?:^| )(\d+) ?\/ ?\1(?: |$)|(?:^| )100 ?%/;
const partly = (words: string): boolean => PROGRESS.test(words) && !COMPLETE.test(words);

/** A short "đã khắc phục xong", "có sóng lại rồi": a longer message saying it is most likely a question or a report. */
function saysFixed(words: string, asks: boolean): boolean {
  if (
    asks ||
    FIXED_ASKS.test(words) ||
    words.split(' ').length > 8 ||
    INCIDENT_WORDS.test(words) ||
    partly(words)
  )
    return false;
  return (
    resolvedFromText(words) === true || /^(?:da )?co song lai|^song (?:da )?(?:on dinh )?tro lai/.test(words)
  );
}

export function detectIntent(text: string): Intent {
  const nfc = text.normalize('NFC').trim();
  const folded = foldAligned(nfc);
  if (!folded.startsWith('/') && HOW_TO_REGISTER.test(clean(folded))) return { type: 'register', code: '' };
  const register = REGISTER.exec(folded.replace(/^\/+/, ''));
  if (register) {
    const rest = nfc.slice(nfc.length - register[1]!.length).trim();
    const joined = rest.replace(/[\s\-_.]/g, '');
    if (!rest) return { type: 'register', code: '' };
    // Several words are a code only as groups of four ("7KQ2 M9XA 4TPB W3HD"): "đăng ký sim 5g ở đâu" asks.
    if (/\s/.test(rest) && !/^[0-9a-z]{4}([\s\-.]+[0-9a-z]{4})+$/i.test(rest)) return null;
    // "đăng ký thế nào?" is a question; only something shaped like a code is a code.
    if (CODE_CHARS.test(joined) && joined.length >= 6 && joined.length <= 24 && /\d|^[A-Z0-9]+$/.test(joined))
      return { type: 'register', code: joined };
    // One word after "đăng ký" is a code, even a mistyped one: the person is told it is wrong, not "not covered".
    if (/^[0-9a-z][0-9a-z\-_.]{3,29}$/i.test(rest)) return { type: 'register', code: joined };
    return null;
  }
  const code = looksLikeCode(nfc);
  if (code) return { type: 'register', code };

  const words = clean(folded);
  if (!words) return null;
  if (INCIDENT_ALONE.test(words)) return { type: 'incident_form' };
  // Before "sự cố …" is taken for a report: "sự cố hôm nay?" from staff asks for the day's incidents.
  if (STATUS.test(words)) return { type: 'status' };
  if (CHECK_REPORT.test(words)) return { type: 'check_report' };
  const about = CHECK_ENTERPRISE.exec(words);
  if (
    about &&
    !/^(?:ai|nhung ai|don vi nao|dv nao|doanh nghiep nao|dn nao|bao nhieu|may)(?: |$)/.test(about[1]!)
  )
    return { type: 'check_enterprise', name: about[1]! };
  const explicit = INCIDENT_PREFIX.exec(folded.trim());
  // "sự cố thì báo ai?" asks; "sự cố: …" and "sự cố mất sóng …" report.
  const asks =
    QUESTION_WORDS.test(words) || ASKS_ANYWHERE.test(words) || ASKS_AT_END.test(words) || nfc.includes('?');
  if (explicit && !(asks && !/[:\-–—]/.test(explicit[0]))) {
    const note = nfc.slice(explicit[0].length).trim();
    // "sự cố đã được xử lý": the incident is fixed, not a new one; "sự cố: đã khôi phục 8/12 trạm" is how it goes.
    const said = clean(foldAligned(note));
    if (saysFixed(said, false)) return { type: 'fixed' };
    if (partly(said) && !INCIDENT_WORDS.test(said)) return { type: 'progress', note };
    return note ? { type: 'incident', note, explicit: true } : { type: 'incident_form' };
  }
  if (/^(?:bao cao|bc|bcao|baocao|gui bao cao|gui bc|bao cao ngay|bao cao hom nay)$/.test(words))
    return { type: 'report' };
  if (UNSURE.test(words)) return { type: 'normal', sure: false };
  if (NORMAL_SURE.test(words)) return { type: 'normal', sure: true };
  if (GREETING.test(words)) return { type: 'greeting' };
  if (THANKS.test(words)) return { type: 'thanks' };
  if (ACK.test(words)) return { type: 'ack' };
  if (explicit) return null;
  // Said of an incident already reported: how it is going, in twenty words or fewer.
  if (
    !asks &&
    !FIXED_ASKS.test(words) &&
    !INCIDENT_WORDS.test(words) &&
    partly(words) &&
    words.split(' ').length <= 20
  )
    return { type: 'progress', note: nfc };
  if (INCIDENT_WORDS.test(words) && !asks) return { type: 'incident', note: nfc, explicit: false };
  if (saysFixed(words, asks)) return { type: 'fixed' };
  return null;
}

const CODE_GROUPS = /(?<![0-9a-z])[0-9a-z]{4}(?:[\s\-.][0-9a-z]{4}){2,3}(?![0-9a-z])/gi;
/** A code's part: letters and digits with a digit in it, or capitals (codes are shown in capitals). */
const codePart = (token: string): boolean =>
  /^[0-9a-z]+$/i.test(token) &&
  !/^\d+$/.test(token) &&
  (/\d/.test(token) || (/^[A-Z0-9]+$/.test(token) && token.length >= 4));

/** Anything shaped like an invite or link code, wherever it sits in a sentence, replaced before storing text. */
export function redactCodes(text: string): string {
  const grouped = text.replace(CODE_GROUPS, (run) => (/\d/.test(run) ? '[mã]' : run));
  // Runs of code-like tokens (separated by spaces or dashes) long enough to be a code.
  const tokens = grouped.split(/(\s+|-)/);
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const joined = run.filter((t) => !/^(\s+|-)$/.test(t)).join('');
    if (joined.length >= 8 && joined.length <= 24) out.push('[mã]');
    else out.push(...run);
    run = [];
  };
  for (const token of tokens) {
    if (codePart(token) || (run.length > 0 && /^(\s+|-)$/.test(token))) run.push(token);
    else {
      const trailing: string[] = [];
      while (run.length > 0 && /^(\s+|-)$/.test(run.at(-1)!)) trailing.unshift(run.pop()!);
      flush();
      out.push(...trailing, token);
    }
  }
  const trailing: string[] = [];
  while (run.length > 0 && /^(\s+|-)$/.test(run.at(-1)!)) trailing.unshift(run.pop()!);
  flush();
  out.push(...trailing);
  return out.join('');
}
