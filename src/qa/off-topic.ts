import { foldDiacritics } from './normalise.ts';

/**
 * Near-domain topics officers ask about that a Tết letter seldom covers: next year, penalties, pay, weekly
 * reports, tariffs. A question on one of them is declined unless the letter itself uses the words, so "hạn báo
 * cáo năm sau?" is never answered with this year's deadline.
 */
const TOPICS = [
  'nam sau',
  'nam toi',
  'tet sau',
  'tet toi',
  'nam ke tiep',
  'nam tiep theo',
  'sang nam',
  'nam ngoai',
  'nam truoc',
  'hang tuan',
  'hang tuan',
  'moi tuan',
  'tuan sau',
  'hang thang',
  'moi thang',
  'thang sau',
  'hang quy',
  'bao cao quy',
  'quy 1',
  'quy 2',
  'quy 3',
  'quy 4',
  'quy i',
  'quy iv',
  'bao cao tuan',
  'bao cao thang',
  'bao cao nam',
  'bao cao 6 thang',
  // A year's review ("báo cáo tổng kết năm 2026") is another report than the Tết one.
  'tong ket nam',
  // A meeting to review the Tết ("họp tổng kết", "hội nghị rút kinh nghiệm"), which a letter asking for reports
  // does not call.
  'hop tong ket',
  'hoi nghi tong ket',
  'hop rut kinh nghiem',
  'hop so ket',
  'tai chinh',
  'doanh thu',
  'ket qua kinh doanh',
  'san xuat kinh doanh',
  'tinh hinh kinh doanh',
  'loi nhuan',
  'chuyen doi so',
  'tong dai',
  // A festival's own rites, which a letter on its communications names only by the festival: "khai ấn", "rước ấn".
  'khai an',
  'phat an',
  'ruoc an',
  // The year's zodiac animal: "Kỷ Dậu là năm con gì", "Tết này tuổi con gì", "con giáp năm nay".
  'nam con',
  'tuoi con',
  'con giap',
  'thoi tiet',
  // A forecast ("dự báo bão số 1 khi nào vào", "dự báo mưa lũ"), which a letter asks to follow, never gives.
  'du bao',
  'mua ret',
  'ret dam',
  'tuyet roi',
  'gio mo cua',
  // An office's own hours: "giờ hành chính của Sở" (a letter says "ngoài giờ hành chính" of the duty, not of whose).
  'gio hanh chinh cua',
  // An office's own hours: "giờ làm việc của Sở dịp Tết", "lịch làm việc của UBND", back at work after Tết.
  'gio lam viec',
  'lich lam viec',
  'lam viec lai',
  'di lam lai',
  'nghi bu',
  'mo cua may gio',
  // "Sở mở cửa làm việc mấy giờ", "Sở làm việc mấy giờ trong ngày thường": an office's hours, asked by the clock.
  'mo cua lam viec',
  'lam viec may gio',
  'lam viec tu may gio',
  'lam viec den may gio',
  'mo cua lai',
  // "chợ hoa xuân mở cửa đến ngày nào": a place's opening, which a letter that never speaks of opening does not set.
  'mo cua den',
  'mau bao cao',
  'bieu mau',
  'phu luc',
  'giam doc viettel',
  'giam doc vnpt',
  'giam doc mobifone',
  'giam doc vinaphone',
  'giam doc fpt',
  'cham soc khach hang',
  'ho tro khach hang',
  'dang ky sim',
  'chuan hoa thong tin thue bao',
  'xu phat',
  'bi phat',
  // What befalls a business that is late or does nothing: "bị gì", "có sao không", "bị xử lý".
  'bi xu ly',
  'bi gi',
  'bi sao',
  'co sao khong',
  'hau qua',
  'phat bao nhieu',
  'muc phat',
  'che tai',
  'ky luat',
  // Pay by its own names: "lương" alone is also "lưu lượng", "lực lượng", "chất lượng", "dung lượng".
  'tien luong',
  'muc luong',
  'luong tet',
  'luong truc',
  'tra luong',
  'bang luong',
  'luong thuong',
  'nhan luong',
  'luong thang',
  'co luong',
  'duoc luong',
  'luong bao nhieu',
  'luong the nao',
  'luong ra sao',
  'thuong',
  // "bất thường" in the letter would let "thưởng" through: the bonus is asked for by these names too.
  'thuong tet',
  'tien thuong',
  'tien truc',
  'phu cap',
  'boi duong',
  'tien an',
  'may dong',
  'bao nhieu tien',
  'uu dai',
  'tang data',
  'mien phi',
  'duoc nghi',
  'gia cuoc',
  'goi cuoc',
  'cuoc',
  'khuyen mai',
  'giam gia',
  // A business's own offers and prices: "tặng phút gọi", "giá cáp quang", "bảng giá".
  'tang phut',
  'phut goi',
  'bang gia',
  'gia cap quang',
  'gia internet',
  'gia wifi',
  'gia dich vu',
  'gia goi',
  'gia data',
  // Travel over Tết ("tàu ra đảo có chạy không", "vé xe khách"): transport, not the network the letter guards.
  'tau',
  'chuyen tau',
  'gio tau',
  // Traffic over Tết: "đèo … có cấm xe không", "cấm đường quanh hồ mấy giờ", "phân luồng".
  'cam xe',
  'cam duong',
  'phan luong',
  'xe khach',
  've xe',
  've tau',
  'chuyen bay',
  'may bay',
  'sim',
  'nghi tet',
  'lich nghi',
  'nghi may ngay',
  'ngay nghi',
  'tuyen dung',
  'bao hiem',
  // "Thuế" by its own names: "thue" alone is also "thuê bao".
  'nop thue',
  'tien thue',
  'quyet toan thue',
  'thue thu nhap',
  'thue tncn',
  'giay phep',
  // Licensing paperwork ("xin phép lắp trạm cần hồ sơ gì", "thủ tục cấp phép"): an office's procedure, not the letter.
  'ho so',
  'thu tuc',
  'giay to',
  'cap phep',
  'xin phep',
  'cuc vien thong',
  'bo thong tin',
  'bo khoa hoc',
  // New Year's Day, another holiday than Tết: "Tết dương lịch có phải báo cáo không".
  'tet duong lich',
  'tet duong',
  'tet tay',
  'nam moi duong lich',
  // The same topics in English loan words: "weekly report deadline", "bonus Tết".
  'weekly',
  'monthly',
  'penalty',
  'bonus',
  'salary',
  'next year',
  'last year',
  // How long the letter itself stands: "công văn có hiệu lực đến khi nào" ("hiệu lực" is no word of a Tết letter).
  'hieu luc',
  // Issuers above the province: a letter quoting none of them cannot say what they decided.
  'thu tuong',
  'chinh phu',
  'quoc hoi',
];

const spaced = (question: string): string =>
  ` ${foldDiacritics(question)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

// Reporting late or not at all: "nộp bc muộn", "chậm nộp", "không gửi báo cáo" ("chậm nhất" is "at the latest").
const LATE_RE =
  / (nop|gui|bao cao|bc|thuc hien)( bao cao| bc)? (muon|tre|cham|qua han|tre han)(?! nhat)| (cham|tre|quen|khong) (nop|gui|bao cao|thuc hien)(?! (ngay|ngan|ngoai|hang|qua (email|mail|buu)))/;
// …and what then befalls the business: "thì sao", "có sao không", "bị gì", "xử lý thế nào".
const CONSEQUENCE_RE = / (thi sao|co sao|sao khong|bi|xu ly|hau qua|the nao|ra sao|ntn) /;
const PENALTY_RE = / (xu phat|xu ly vi pham|che tai|ky luat|ki luat) /;

/** "Nộp báo cáo muộn thì sao?": what the letter never says, the sanction for a late or missing report. */
export function lateConsequence(text: string): boolean {
  const m = LATE_RE.exec(text);
  return m !== null && CONSEQUENCE_RE.test(text.slice(m.index + m[0].length - 1));
}

// An extension asked for: "có được gia hạn nộp bc không", "xin gia hạn báo cáo tổng hợp". A move claimed with its
// target ("gia hạn sang 10/2 à") is a claim about the deadline, for the deadline answer to check.
const EXTENSION_RE = / gia han(?! (\S+ ){0,3}?(sang|den|toi|thanh|ngay|\d))/;
// Leave to report late: "nộp muộn được không", "gửi bc trễ vài ngày có được không".
const LEAVE_RE = / (duoc|dc|duoc phep) (khong|ko|k|hong|hem) /;

/** "Được gia hạn nộp báo cáo không?": an extension, which a letter that never speaks of one does not grant. */
export function asksExtension(text: string, letterText: string): boolean {
  if (/ gia han /.test(letterText)) return false;
  if (EXTENSION_RE.test(text)) return true;
  const m = LATE_RE.exec(text);
  return m !== null && LEAVE_RE.test(text.slice(m.index + m[0].length - 1));
}

// How long a holiday lasts: "nghỉ Tết mấy ngày", "được nghỉ bao nhiêu ngày"; and civil servants' own days off
// ("công chức nghỉ Tết"), which a letter to businesses never sets.
const DAYS_OFF_RE =
  / nghi (tet )?(\S+ ){0,3}?(may|bao nhieu|bn) ngay | cong chuc (\S+ ){0,2}?nghi | nghi (\S+ ){0,3}?cong chuc /;
// A letter that does set them: "nghỉ Tết 7 ngày", "công chức nghỉ từ …".
const SETS_DAYS_OFF_RE = / nghi (tet )?(\S+ ){0,2}?\d+ ngay | cong chuc (\S+ ){0,2}?nghi /;

/** "Công chức nghỉ Tết mấy ngày?": the length of the holiday, which a Tết letter seldom sets. */
export function asksDaysOff(text: string, letterText: string): boolean {
  return DAYS_OFF_RE.test(text) && !SETS_DAYS_OFF_RE.test(letterText);
}

// The duty roster sent to the department: "danh sách trực gửi về Sở trước ngày nào", "nộp lịch trực".
const ROSTER_RE = / (danh sach|lich) (can bo |nhan su |nguoi )?truc /;
const SENT_RE = / (gui|nop|bao) /;
// A letter that asks for one says "danh sách", "lịch trực" or "đăng ký trực".
const ASKS_ROSTER_RE = / (danh sach|lich truc|lich phan cong|dang ky truc) /;

/** "Danh sách trực phải gửi về Sở trước ngày nào?" of a letter asking for no roster: its date is no deadline. */
export function asksRoster(text: string, letterText: string): boolean {
  return ROSTER_RE.test(text) && SENT_RE.test(text) && !ASKS_ROSTER_RE.test(letterText);
}

// A boat, a ferry or a coach running or leaving: "tàu … có chạy không", "phà chạy mấy giờ", "xe khách nghỉ chạy".
const RUNS_RE = / (tau|pha|xe khach|xe buyt) (\S+ ){0,6}?(chay|xuat ben|khoi hanh|nhan khach)(?! may phat) /;

const MOST_OFTEN_RE = / (hay|thuong|thuong xuyen|nhieu) (\S+ ){0,4}?nhat /;

// How long a festival lasts: "lễ hội Bái Đính kéo dài đến khi nào", "lễ hội kết thúc ngày nào".
const FESTIVAL_END_RE =
  / le hoi (\S+ ){0,4}?(keo dai|ket thuc|be mac|den khi nao|den bao gio|den ngay nao|den mung may)/;
const SETS_FESTIVAL_END_RE = / (be mac|ket thuc le hoi|le hoi (\S+ ){0,8}?(den het|ket thuc|keo dai))/;

/** "Lễ hội … kéo dài đến khi nào?" of a letter that names the festival but not its end: the festival's own calendar. */
export function asksFestivalEnd(text: string, letterText: string): boolean {
  return FESTIVAL_END_RE.test(text) && !SETS_FESTIVAL_END_RE.test(letterText);
}

// "lượng" words that fold to hold "lương" (pay): "lực lượng trực", "dung lượng", "lưu lượng", "chất lượng".
const NOT_PAY_RE = / (luc|dung|luu|chat|so|khoi|san|trong|dien) luong /g;

/** The letter's folded text, with a space at each end, is `foldedLetter`. */
export function nearDomainTopic(question: string, foldedLetter: string): boolean {
  // Words that fold to hold a topic: "chuẩn bị gì", "thiết bị gì" hold "bị gì" (what befalls a business),
  // "cuộc gọi" holds "cước", "thường trực", "bất thường" hold "thưởng", "triển khai an toàn" holds "khai ấn". Glued,
  // they are no topic.
  let text = spaced(question)
    .replace(/ (chuan|thiet|trang|du) bi /g, ' $1bi ')
    .replace(/ cuoc (goi|hop) /g, ' cuoc$1 ')
    .replace(/ (binh|bat) thuong /g, ' $1thuong ')
    .replace(/ thuong (truc|xuyen) /g, ' thuong$1 ')
    // "triển khai an toàn", "phát an ninh": no seal ("ấn") of a festival.
    .replace(/ an (toan|ninh|tam) /g, ' an$1 ')
    .replace(NOT_PAY_RE, ' $1luong ');
  // The letter glued alike: its "lực lượng trực" says no "lương trực".
  const letterText = foldedLetter.replace(NOT_PAY_RE, ' $1luong ');
  // "so với năm ngoái" in a letter that asks for a comparison ("so với cùng kỳ", "so sánh với Tết 2028") is that
  // comparison, not a question about last year.
  if (/ so (sanh )?voi /.test(letterText))
    text = text.replace(/ so (sanh )?voi (tet )?(nam ngoai|nam truoc|cung ki|cung ky) /g, ' so voi ');
  // "những ngày nghỉ Tết" in a letter that speaks of "thời gian nghỉ Tết" is that time, not a question on days off.
  if (letterText.includes(' nghi tet ')) text = text.replace(/ ngay nghi tet /g, ' nghi tet ');
  // "nghỉ Tết đến bao giờ thì phát hàng lại" of a letter on a post's "lịch nghỉ phát hàng": that schedule's break.
  if (/ lich nghi (phat|giao|chuyen|nhan) /.test(letterText))
    text = text.replace(/ nghi tet /g, ' lich nghi ');
  // "báo cáo tháng 3": a monthly report, whatever the month.
  if (/ bao cao thang \d/.test(text) && !/ bao cao thang \d/.test(letterText)) return true;
  if (lateConsequence(text) && !PENALTY_RE.test(letterText)) return true;
  if (asksExtension(text, letterText)) return true;
  if (asksDaysOff(text, letterText)) return true;
  if (asksRoster(text, letterText)) return true;
  if (asksFestivalEnd(text, letterText)) return true;
  // "tàu ra Cô Tô dịp Tết có chạy không": a letter speaking of "tàu cá", "lịch tàu" for parcels still says nothing of
  // a boat or a coach running.
  if (RUNS_RE.test(text) && !RUNS_RE.test(letterText)) return true;
  // "trạm nào hay mất điện nhất", "xã nào nhiều sự cố nhất": a record of past incidents, which a letter never keeps.
  if (MOST_OFTEN_RE.test(text) && !/ (nhieu nhat|hay \S+ nhat|thuong xuyen nhat) /.test(letterText))
    return true;
  // "căn cứ công văn của Bộ TT&TT đúng không": what the letter rests on, claimed; the answer on its basis names the
  // issuer it does rest on, so the ministry named is no topic of its own.
  const basis = BASIS_RE.test(text);
  // "tuyết rơi thì DN phải làm gì": the weather as the condition of a task the letter sets, not a forecast.
  const task = TASK_RE.test(text);
  // "Tết năm 2027 là năm con gì": a year asked by its number is named by the letter's own Tết ("Đinh Mùi"); only
  // a year already named ("Kỷ Dậu là năm con gì") asks for the animal, which no letter says.
  const yearByNumber =
    / (?:nam|tet) 20\d\d /.test(text) && !CAN_CHI.some((name) => text.includes(` ${name} `));
  return TOPICS.some(
    (topic) =>
      text.includes(` ${topic} `) &&
      !(yearByNumber && topic === 'nam con') &&
      !(basis && ISSUERS.has(topic)) &&
      !(
        saysLoosely(letterText, topic) &&
        !onlyAsFake(letterText, topic, text) &&
        !onlyAsBulletin(letterText, topic, text)
      ) &&
      !SAID_AS.get(topic)?.test(letterText) &&
      !(REOPENING.has(topic) && reopensAsked(text, topic, letterText)) &&
      !(task && COVERED_BY.get(topic)?.test(letterText)),
  );
}
const BASIS_RE = / can cu | (thuc hien|theo) (cong van|cv|van ban|vb) /;

// What a letter names to be blocked as fake: "ngăn chặn … khuyến mại giả mạo".
const FAKE_AFTER_RE = /^(gia mao|lua dao) /;
const ASKS_FAKE_RE = / (gia mao|lua dao|ngan chan|chan|khuyen mai gia|khuyen mai ao|rac) /;
/**
 * "Viettel khuyến mại Tết gì": a letter that names promotions only as fakes to block ("khuyến mại giả mạo") says
 * nothing of a business's real ones; asked without the fake, the topic is still not the letter's.
 */
function onlyAsFake(letterText: string, topic: string, question: string): boolean {
  if (ASKS_FAKE_RE.test(question)) return false;
  const parts = letterText.split(` ${topic} `);
  // "giả mạo chương trình khuyến mãi": the fake said before, the programme between.
  return (
    parts.length > 1 &&
    parts.slice(1).every((rest, i) => FAKE_AFTER_RE.test(rest) || FAKE_BEFORE_RE.test(` ${parts[i]!} `))
  );
}
const FAKE_BEFORE_RE = / (gia mao|lua dao|mao danh)( chuong trinh)? $/;
/**
 * "thời tiết An Giang Tết thế nào": a letter that names the weather only as a bulletin to broadcast ("phát bản tin dự
 * báo thời tiết biển") says nothing of the weather itself, unless the bulletin is asked about.
 */
function onlyAsBulletin(letterText: string, topic: string, question: string): boolean {
  if (topic !== 'thoi tiet' && topic !== 'du bao') return false;
  if (/ (ban tin|phat) /.test(question)) return false;
  const parts = letterText.split(` ${topic} `);
  return parts.length > 1 && parts.slice(0, -1).every((before) => / ban tin( du bao)?$/.test(before));
}
// Issuers above the department a letter may rest on.
const ISSUERS: ReadonlySet<string> = new Set(['bo thong tin', 'bo khoa hoc', 'cuc vien thong']);

// Weather a letter speaks of in its own words: snow that settles ("tuyết bám", "băng giá") is the snow asked about,
// "rét hại" the cold; asked as what to do then ("thì … làm gì"), not whether it will snow ("Tết này có tuyết rơi
// không").
const COVERED_BY = new Map<string, RegExp>([
  ['tuyet roi', / (tuyet|bang gia|dong bang) /],
  ['ret dam', / ret (dam|hai) /],
  ['mua ret', / (ret dam|ret hai|dot ret|mua ret) /],
]);

// Back at work or open again after Tết: an office's own calendar, unless the letter says when what is asked about
// comes back ("bưu cục … hoạt động trở lại", "công nhân … trở lại làm việc").
const REOPENING: ReadonlySet<string> = new Set(['mo cua lai', 'lam viec lai', 'di lam lai']);

/**
 * "bưu cục mở cửa lại khi nào", "khi nào công nhân đi làm lại": the two words before the topic name who comes back;
 * the letter answers when it names them with "trở lại" a few words on. A lone "Sở" names no such one.
 */
function reopensAsked(text: string, topic: string, letterText: string): boolean {
  const before = text
    .slice(0, text.indexOf(` ${topic} `))
    .trim()
    .split(' ')
    .slice(-2);
  if (before.length < 2 || before.some((w) => !/^[a-z]+$/.test(w))) return false;
  return new RegExp(` ${before.join(' ')} (?:\\S+ ){0,15}?tro lai `).test(letterText);
}

// Topics a letter says in other words: a report form it gives ("báo cáo trên biểu mẫu trực tuyến") is the "mẫu báo
// cáo" asked for.
const SAID_AS = new Map<string, RegExp>([
  ['mau bao cao', / (bieu mau|mau bieu) /],
  // "bưu cục mở cửa phục vụ đến 12 giờ": a letter that speaks of opening says until when.
  ['mo cua den', / mo cua /],
]);

const TASK_RE = / (thi|khi|neu) (\S+ ){0,4}?(lam gi|can gi|phai|can|xu ly) /;

const LOOSE = new Map<string, RegExp>();
/** Whether the letter says a topic, a word perhaps between its own: "mở cửa trở lại" says "mở cửa lại". */
function saysLoosely(letterText: string, topic: string): boolean {
  if (letterText.includes(` ${topic} `)) return true;
  const words = topic.split(' ');
  if (words.length < 3) return false;
  let re = LOOSE.get(topic);
  if (!re) {
    re = new RegExp(` ${words.join('(?: [a-z0-9]+)? ')} `);
    LOOSE.set(topic, re);
  }
  return re.test(letterText);
}

// Provinces and cities before and after the 2025 merger, folded. Named after a place word ("tỉnh Hà Giang",
// "ở Hà Giang") so that "diễn biến" is not Điện Biên.
const PROVINCES = [
  'an giang',
  'ba ria vung tau',
  'bac giang',
  'bac kan',
  'bac lieu',
  'bac ninh',
  'ben tre',
  'binh dinh',
  'binh duong',
  'binh phuoc',
  'binh thuan',
  'ca mau',
  'can tho',
  'cao bang',
  'da nang',
  'dak lak',
  'dak nong',
  'dien bien',
  'dong nai',
  'dong thap',
  'gia lai',
  'ha giang',
  'ha nam',
  'ha noi',
  'ha tinh',
  'hai duong',
  'hai phong',
  'hau giang',
  'hoa binh',
  'hung yen',
  'khanh hoa',
  'kien giang',
  'kon tum',
  'lai chau',
  'lam dong',
  'lang son',
  'lao cai',
  'long an',
  'nam dinh',
  'nghe an',
  'ninh binh',
  'ninh thuan',
  'phu tho',
  'phu yen',
  'quang binh',
  'quang nam',
  'quang ngai',
  'quang ninh',
  'quang tri',
  'soc trang',
  'son la',
  'tay ninh',
  'thai binh',
  'thai nguyen',
  'thanh hoa',
  'thua thien hue',
  'hue',
  'tien giang',
  'tra vinh',
  'tuyen quang',
  'vinh long',
  'vinh phuc',
  'yen bai',
  'ho chi minh',
  'sai gon',
];
// "sở Gia Lai", "Sở KHCN Gia Lai", "UBND tỉnh Gia Lai": the department or council of a province names it too.
// "VNPT Nghệ An", "Viettel Hà Tĩnh", "bưu điện tỉnh …": a business's branch named by its province is that province's.
const PLACE_WORDS =
  '(?:tinh|thanh pho|tp|o|tai|cua|vnpt|viettel|mobifone|vinaphone|buu dien|(?:so|ubnd)(?: khcn| kh cn| khoa hoc(?: va)? cong nghe| tttt| tt tt)?)';
const PROVINCE_RE = new RegExp(` ${PLACE_WORDS} (${PROVINCES.join('|')}) `);
// "Nghệ An quy định hạn bc ngày nào": a province opening the question is what it is about, place word or not.
const PROVINCE_FIRST_RE = new RegExp(`^ (${PROVINCES.join('|')}) `);

/** "Tỉnh Hà Giang yêu cầu gì?" asked of the Lào Cai letter: another province, another letter. */
export function otherProvince(question: string, letterText: string): boolean {
  const text = spaced(question);
  // "HCM", "TPHCM", "Sài Gòn" name the city on their own.
  if (/ (tp ?hcm|hcm|sai gon) /.test(text) && !letterText.includes(' ho chi minh ')) return true;
  const m = PROVINCE_RE.exec(text) ?? PROVINCE_FIRST_RE.exec(text);
  return m !== null && !letterText.includes(` ${m[1]} `);
}

/** "Hạn báo cáo Tết Bính Ngọ 2026?" asked of the Đinh Mùi 2027 letter: another Tết, another letter. */
export function otherTet(question: string, tetYear: number, letterText = ''): boolean {
  if (!tetYear) return false;
  const text = foldDiacritics(question);
  const years = [...text.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  if (years.some((y) => y !== tetYear && y !== tetYear - 1)) return true;
  // The year before is the letter's own for its dates ("ngày 25/12/2030"), but a Tết named by it ("Tết năm 2030",
  // "Tết 2030") is last Tết's, unless the letter names that Tết too ("so sánh với Tết 2030").
  const tetOf = /\btet (?:nguyen dan |am lich )?(?:nam )?(20\d\d)(?!\d)/.exec(text);
  if (tetOf && Number(tetOf[1]) !== tetYear) {
    const named = new RegExp(` tet (?:nguyen dan |am lich )?(?:nam )?${tetOf[1]} `);
    if (!named.test(letterText)) return true;
  }
  const named = CAN_CHI.find((name) => text.includes(` ${name}`) || text.startsWith(name));
  return named !== undefined && named !== canChiKey(tetYear);
}

const STEMS = ['canh', 'tan', 'nham', 'quy', 'giap', 'at', 'binh', 'dinh', 'mau', 'ky'];
const BRANCHES = ['than', 'dau', 'tuat', 'hoi', 'ty', 'suu', 'dan', 'mao', 'thin', 'ty', 'ngo', 'mui'];
const canChiKey = (year: number): string => `${STEMS[year % 10]} ${BRANCHES[year % 12]}`;
/** The sixty year names, folded: "giap thin", "dinh mui"… */
const CAN_CHI = [...new Set(Array.from({ length: 60 }, (_, i) => canChiKey(2000 + i)))];

// Operators an officer names for the business they work for.
const OPERATORS = ['viettel', 'vnpt', 'vinaphone', 'mobifone', 'fpt', 'vnpost', 'vietnamobile', 'gmobile'];

/**
 * "Viettel có phải gửi lịch trực không?" asked of a district letter to its own offices: a letter that names no
 * business at all (neither that operator nor "doanh nghiệp") asks nothing of it.
 */
export function unaddressedOperator(question: string, letterText: string): boolean {
  const text = spaced(question);
  if (letterText.includes(' doanh nghiep ')) return false;
  return OPERATORS.some((name) => text.includes(` ${name} `) && !letterText.includes(` ${name} `));
}

// Words that ask for the mailbox reports are sent to, or the act of sending: "địa chỉ email", "địa chỉ gửi báo cáo";
// or a web address: "địa chỉ biểu mẫu trực tuyến", "link form online".
const MAILBOX_WORDS =
  / (e ?mail|mail|gmail|thu|hop thu|dien tu|gui|nop|bao cao|bc|bcao|bao|truc tuyen|online|web|website|link|bieu mau|form|duong dan|trang) /;

// "gửi bằng đường nào" is the way a report goes (e-mail, post), not a street; "tuyến đường nào" a route.
const STREET_RE =
  / (so nha|so may duong|(?<!(theo|bang|qua|gui|nop|tuyen) )(duong|pho) (nao|gi)|nam o (dau|duong|pho)|toa nha|tang may) /;

/**
 * "Địa chỉ trụ sở Sở KHCN ở đâu?": a building's address, which a letter gives only when it says "trụ sở" or
 * "số nhà"; "địa chỉ" with e-mail, sending or a report is the mailbox the letter does give.
 */
export function physicalAddress(question: string, letterText: string): boolean {
  const text = spaced(question);
  // "Sở ở số mấy đường nào", "nằm ở phố nào", "tầng mấy": a street address asked without saying "địa chỉ".
  const street = STREET_RE.test(text);
  if (!street && (!/ dia chi | tru so /.test(text) || MAILBOX_WORDS.test(text))) return false;
  return !/ (tru so|so nha) /.test(letterText);
}

/**
 * "Email của anh Vinh?": a person's own mailbox. A letter gives the department's; it is answered only when the
 * contact sentence itself has an address.
 */
export function personalEmail(question: string, contactSource: string): boolean {
  const text = spaced(question);
  return (
    / (e ?mail|mail|gmail) /.test(text) &&
    // "của chị Linh", "email anh Vinh" ("địa chỉ email" is no chị).
    / (cua (anh|chi|ong|ba|dong chi|d c)|(e ?mail|mail) (anh|ong|ba|dong chi)) [a-z]+ /.test(text) &&
    !contactSource.includes('@')
  );
}

// A document named as another than the letter: by its number, by an issuer above the department ("của Bộ", "của
// UBND tỉnh"), or by a kind the letter never is (a directive, a decree). A bare "công văn", "văn bản" is the letter.
const CITED_RE =
  / (?:(?:cong van|chi thi|quyet dinh|ke hoach|cong dien|thong tu|nghi dinh|van ban) (?:so )?(\d+)\b|(?:cong van|ke hoach|van ban|quyet dinh) (?:cua )?(?:bo|uy ban nhan dan|chu tich|thu tuong|chinh phu|cuc|tinh uy)\b|(?:chi thi|cong dien|thong tu|nghi dinh)\b)/;
// What it says, asked for: "yêu cầu gì", "quy định những gì", "nói gì", "gồm những nội dung gì", "có cấm … không".
// How it is laid out counts too: "kế hoạch 15 có bao nhiêu mục", "công văn của Bộ có mấy phần".
const CONTENT_RE =
  / (yeu cau|quy dinh|qui dinh|chi dao|de nghi|noi|viet|neu|gom|bao gom|cam) .*\b(gi|nao|khong)\b| noi dung | co nhung [a-z ]*\b(gi|nao)\b| (bao nhieu|may) (muc|phan|dieu|diem|chuong|trang) /;

/**
 * "Công văn 95 của Bộ yêu cầu báo cáo gì?", "nội dung chỉ thị của Chủ tịch tỉnh": what a document the letter only
 * cites says. The letter gives its number, date and subject, never its content; its own number (`ownNumber`) is the
 * letter itself.
 */
export function citedRequirements(normalizedQuestion: string, ownNumber: string): boolean {
  const text = ` ${normalizedQuestion} `;
  const m = CITED_RE.exec(text);
  if (!m || (m[1] !== undefined && Number(m[1]) === Number(/\d+/.exec(ownNumber)?.[0] ?? -1))) return false;
  // "nội dung chỉ thị…" says it before the document; the rest of the question after it.
  const asked = / noi dung /.test(text.slice(0, m.index + 1)) ? text : text.slice(m.index + m[0].length);
  return CONTENT_RE.test(` ${asked} `.replace(/ ve viec gi /, ' '));
}

// Asking for a number or a mailbox: "sdt", "hotline", "đường dây nóng", "email" ("số mấy" is a document's too).
const NUMBER_ASKED = /(?<= )(so dien thoai|dien thoai|hotline|duong day nong|email|mail) /g;
const CALLING = /(?<= )(goi cho|goi) /g;
const NUMBER_AFTER_RE = / so (may|nao|bao nhieu|gi)(?= )/;
// Bodies an officer may want to reach that a Tết letter names without giving their number.
const BODIES = [
  'cong an',
  'dien luc',
  'cuu hoa',
  'canh sat',
  'phong chay',
  'pccc',
  'benh vien',
  'cap cuu',
  'uy ban',
  'chu tich',
  'giam doc',
  'bo khoa hoc',
  'bo thong tin',
  'cuc vien thong',
  'bien phong',
  // "đồn biên phòng Tà Lùng", "đồn công an": a post of a body.
  'don bien phong',
  'don cong an',
  'quan su',
  'tong dai',
  'cham soc khach hang',
  'buu dien',
  ...OPERATORS,
];

/**
 * "Số điện thoại của Công an tỉnh?", "hotline điện lực": the number of a body the letter gives none for. The letter's
 * contact is its own department's; `contactText` is the folded text of the letter's sentences that give a number or
 * an e-mail address, and a body they name is answered.
 */
export function othersNumber(normalizedQuestion: string, contactText: string): boolean {
  const text = ` ${normalizedQuestion} `;
  // "gọi điện lực số mấy": calling a body, its number asked after it, is asking that body's number.
  const calling = NUMBER_AFTER_RE.test(text) ? [...text.matchAll(CALLING)] : [];
  // Whose number: the body right after the ask ("sdt của Công an tỉnh", "hotline điện lực"), not the business
  // asking ("Bưu điện tỉnh gửi email nào").
  return [...text.matchAll(NUMBER_ASKED), ...calling].some((asked) => {
    const rest = text.slice(asked.index + asked[0].length - 1);
    // …or the body it belongs to after what the number is for: "hotline chống lừa đảo của Bộ Công an".
    const owner = OWNER_RE.exec(rest);
    const whose = [rest, ...(owner ? [rest.slice(owner[0].length)] : [])].flatMap((s) => {
      const w = s.replace(WHOSE_FILLER, '');
      // "Bộ Công an", "Sở Y tế": the body under its ministry's or department's name.
      return [w, w.replace(/^ (bo|so)(?= )/, '')];
    });
    return (
      BODIES.some(
        (body) => whose.some((w) => w.startsWith(` ${body} `)) && !contactText.includes(` ${body} `),
      ) || whose.some((w) => SCAMMERS_RE.test(w))
    );
  });
}
// "danh sách các số điện thoại lừa đảo", "số spam là số nào": the scammers' own numbers, which a letter asking to
// block them never lists; "số điện thoại lừa đảo báo cho ai" asks where to report them, and goes on.
const SCAMMERS_RE =
  /^ (lua dao|mao danh|gia mao|rac|tin nhan rac|quang cao)(?: (?:la|gom|nhung|cac|so|gi|nao|khong|vay|a|do))* $/;
const WHOSE_FILLER = /^(?: (?:cua|ben|phia|o|tai|duong|day|nong|hotline|truc|la|gi|may|so)(?= ))*/;
const OWNER_RE = /^(?: [a-z0-9]+){1,5}? cua(?= )/;

// Kinds of legal document a letter may rest on; "kế hoạch", "công văn" are also the letter's own words.
const LEGAL_KINDS = / (nghi dinh|thong tu|luat|quyet dinh|chi thi|cong dien)(?= (so|nao|gi|cua|ve|\d)| ?$)/;
const ANY_LEGAL_KIND = / (nghi dinh|thong tu|luat|quyet dinh|chi thi|cong dien)(?= )/g;

/**
 * "Căn cứ nghị định nào về chống tin nhắn rác?": a kind of document the letter never names cannot be what it rests
 * on, nor can the letter say what one says.
 */
export function unnamedDocument(normalizedQuestion: string, letterText: string): boolean {
  // "văn bản pháp luật nào" is any document, not a law.
  const text = ` ${normalizedQuestion} `.replaceAll(' phap luat ', ' van ban ');
  const m = LEGAL_KINDS.exec(text);
  if (m === null || letterText.includes(` ${m[1]} `)) return false;
  // "UBND tỉnh ban hành công điện hay chỉ thị": one of the kinds offered is the letter's, and the question is its.
  return ![...text.matchAll(ANY_LEGAL_KIND)].some((k) => letterText.includes(` ${k[1]} `));
}

// Bodies that keep plans, requirements and deadlines of their own: a department, an agency, a ministry, the police.
const BODY_HEADS =
  'so|cuc|bo|cong an|dien luc|uy ban nhan dan|uy ban|bien phong|bo doi bien phong|canh sat|quan su|benh vien';
// "Sở GTVT có kế hoạch gì cho Tết", "Công an Thành phố có yêu cầu gì về …", "Cục Viễn thông hạn báo cáo là ngày nào":
// the body, then what it plans, asks or sets for itself.
const OWN_ASK_RE = new RegExp(
  `^ (${BODY_HEADS})((?: [a-z0-9]+){0,4}?) (?:co )?(ke hoach|yeu cau|qui dinh|chi dao|huong dan|han)(?= )`,
);
const ASKED_RE = / (gi|nao|khi nao|bao gio|ngay nao|the nao|ra sao|khong)(?= )/;
// Where a body is: "Công an thành phố", "Sở Y tế tỉnh Điện Biên" is still that body.
const PLACE_WORD_RE = / (tinh|thanh pho|tp|huyen|xa|phuong|quan)(?= |$)/g;

// "Số điện thoại", "số hiệu", "số công văn" are no "Sở".
const NOT_A_NUMBER =
  '(?!so (?:dien thoai|dt|hieu|ki hieu|may|fax|zalo|cong van|van ban|lieu|luong|tram|thue bao|nguoi|lien he|lien lac) )';
// "Sở Y tế có công văn Tết không", "Sở Công Thương có văn bản gì": whether another body wrote a letter of its own.
const OWN_DOCUMENT_RE = new RegExp(
  `^ ${NOT_A_NUMBER}(${BODY_HEADS})((?: [a-z0-9]+){0,4}?) co (cong van|van ban|thong bao|ke hoach|chi thi)(?= )`,
);
// "Sở Lao động liên hệ ai", "Cục Viễn thông đầu mối là ai": whom to reach at another body.
const OWN_CONTACT_RE = new RegExp(
  `^ ${NOT_A_NUMBER}(${BODY_HEADS})((?: [a-z0-9]+){0,4}?) (lien he|lien lac|dau moi)(?= )`,
);
const ASKED_WHO_RE = / (ai|gi|nao|so may|so nao|the nao|ra sao|o dau)(?= )/;

/**
 * "Sở GTVT có kế hoạch gì cho Tết", "Cục Viễn thông hạn báo cáo là ngày nào", "Sở Y tế có công văn Tết không", "Sở
 * Lao động liên hệ ai": what another body plans, requires, must meet or writes, and whom to reach there. A letter
 * says what its issuer asks of the bodies it is addressed to, never another body's own plans, deadlines, letters or
 * staff. Not the issuer ("Sở có yêu cầu … không"), nor a body addressed (what it must do is the letter's), nor the
 * body whose document the letter rests on (`basis`), nor one the letter names (`letterText`) when whom to reach is
 * asked. `issuer`, `addressees`, `basis` and `letterText` are folded.
 */
export function otherBodysOwn(
  normalizedQuestion: string,
  issuer: string,
  addressees: string,
  basis = '',
  letterText = '',
): boolean {
  const text = ` ${normalizedQuestion} `;
  const plan = OWN_ASK_RE.exec(text);
  const document = plan ? null : OWN_DOCUMENT_RE.exec(text);
  const contact = plan || document ? null : OWN_CONTACT_RE.exec(text);
  const m = plan ?? document ?? contact;
  if (!m || !(contact ? ASKED_WHO_RE : ASKED_RE).test(text.slice(m[0].length))) return false;
  const body = `${m[1]}${m[2]}`;
  const named = ` ${body.replace(PLACE_WORD_RE, ' ').trim()} `;
  const own = ` ${issuer} `;
  // The issuer named short ("Sở", "Sở KH&CN" as "so khoa hoc cong nghe") is the letter's own body.
  if (
    named
      .trim()
      .split(' ')
      .every((word) => own.includes(` ${word} `))
  )
    return false;
  if (document && ` ${basis} `.includes(named)) return false;
  if (contact && ` ${letterText} `.includes(named)) return false;
  return !` ${addressees} `.includes(` ${body.trim()} `);
}
