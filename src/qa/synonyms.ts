/**
 * Words of the trade that name one thing several ways, folded. A letter uses one of them; an officer types
 * another ("máy nổ" for the letter's "máy phát điện"). Each group lists its members, the most usual first.
 */
export const SYNONYM_GROUPS: ReadonlyArray<readonly string[]> = [
  [
    'lich truc',
    'danh sach truc',
    'danh sach can bo truc',
    'phan cong truc',
    'bang phan cong truc',
    'ke hoach truc',
  ],
  ['truc', 'ung truc', 'truc ban', 'thuong truc'],
  ['khac phuc', 'ung cuu', 'xu ly', 'sua chua'],
  ['may phat dien', 'may no', 'may phat', 'nguon dien du phong', 'nguon du phong', 'dien du phong'],
  ['tin nhan rac', 'tin rac', 'spam'],
  ['buu gui', 'buu pham', 'buu kien', 'hang gui', 'kien hang', 'hang hoa', 'don hang', 'goi hang', 'do gui'],
  ['nhien lieu', 'xang dau', 'dau diesel', 'dau may', 'xang'],
  ['gio', 'tieng'],
  ['ban dien tu', 'ban mem', 'ban scan', 'ban pdf', 'thu dien tu'],
  ['ban giay', 'ban cung'],
  ['mat dien', 'cat dien', 'cup dien', 'mat dien luoi'],
  ['nghen mang', 'qua tai', 'tac mang', 'nghen'],
  ['lua dao', 'mao danh', 'gia mao'],
  ['chuc vu', 'chuc danh'],
  ['phong chay chua chay', 'chua chay', 'phong chay', 'cuu hoa'],
  ['giao thua', 'dem 30'],
  ['quang cao', 'tiep thi'],
  ['hang cam', 'vat pham cam', 'hang quoc cam'],
  ['dau moi', 'nguoi tiep nhan', 'can bo phu trach', 'nguoi phu trach'],
  ['cot ang ten', 'cot anten'],
  ['phat qua', 'trao qua', 'chuyen qua', 'tang qua'],
  ['sat lo', 'lo dat'],
  ['bao dam', 'dam bao'],
  // Who keeps the duty: the letter's "người trực" is the officer's "ca trực", "kíp trực".
  ['nguoi truc', 'can bo truc', 'ca truc', 'kip truc', 'nhan su truc'],
  // Folded and spelled as tokens are: "ắc quy" → "ac qui".
  ['ac qui', 'binh ac qui', 'pin du phong', 'nguon pin'],
  ['bo tri', 'san sang'],
  // Banned printed matter: "văn hóa phẩm đồi trụy" for the letter's "trái đạo đức xã hội".
  ['trai dao duc', 'doi truy', 'khieu dam', 'dam o', 'trai thuan phong my tuc'],
  // Compared with last year: the letter's "cùng kỳ" is the officer's "năm ngoái".
  ['cung ki', 'nam ngoai', 'nam truoc', 'cung ki nam truoc'],
  // Compared: the letter's "so với cùng kỳ" is the officer's "so sánh với năm ngoái".
  ['so voi', 'so sanh voi', 'so sanh'],
  // The last day: the templates' "hạn chót" is the officer's "hạn cuối", "hết hạn".
  ['han chot', 'han cuoi', 'het han', 'thoi han cuoi'],
  // Parcels piling up: "ùn ứ", "tồn đọng", "ùn tắc".
  ['un u', 'ton dong', 'un tac', 'ach tac', 'dong hang', 'ton hang'],
  // A network down in the officer's words: "mất sóng", "rớt mạng" for the letter's "mất liên lạc".
  ['mat lien lac', 'mat thong tin lien lac', 'mat song', 'mat mang', 'rot mang', 'sap mang'],
  ['tram bts', 'tram phat song', 'tram thu phat song', 'tram goc', 'cot song'],
  ['an toan thong tin', 'an ninh mang', 'bao mat'],
  ['truoc tet', 'giap tet', 'can tet'],
  ['lanh dao', 'sep'],
  ['chuyen phat', 'giao hang', 'ship'],
  // Round the clock: the letter's "24/24 giờ" is the officer's "suốt ngày đêm".
  ['24 24', '24 7', 'suot ngay dem', 'ca ngay lan dem', 'ca ngay dem', 'ngay dem'],
  // Stopping scams and spam: "chống lừa đảo" for the letter's "ngăn chặn".
  ['ngan chan', 'chong', 'chan'],
  // On time: "kịp thời", "đúng thời gian", "đúng hạn".
  ['kip thoi', 'dung thoi gian', 'dung han', 'nhanh chong'],
  // A surge: the letter's "tăng đột biến" is the officer's "tăng cao", "tăng mạnh".
  ['tang dot bien', 'tang cao', 'tang manh', 'tang vot'],
  // Handing a report in: the templates' "nộp" is the letter's "gửi".
  ['gui', 'nop'],
  // Taking a parcel in: the letter's "chấp nhận bưu gửi" is the officer's "nhận gửi".
  ['chap nhan', 'nhan gui', 'thu nhan'],
  // More network where crowds gather: the letter's "tăng cường dung lượng" is the officer's "tăng sóng".
  [
    'tang cuong dung luong',
    'nang cap dung luong',
    'tang dung luong',
    'tang song',
    'tang cuong song',
    'phu song them',
  ],
  // Reporting by phone: the letter's "bằng điện thoại" is the officer's "gọi điện".
  ['dien thoai', 'goi dien thoai', 'goi dien'],
  // The tide: the letter's "triều cường" is the Mekong officer's "nước lớn", "nước dâng".
  ['trieu cuong', 'nuoc lon', 'nuoc dang', 'trieu dang'],
  ['du khach', 'khach du lich'],
  // Where travellers crowd: the letter's "Cảng hàng không", "Ga Vinh" are the officer's "sân bay", "nhà ga".
  ['cang hang khong', 'san bay', 'phi truong'],
  ['ga', 'nha ga', 'ga tau', 'ga xe lua'],
  // Post offices open late: the letter's "kéo dài giờ mở cửa" is the officer's "mở muộn", "đóng cửa muộn".
  ['keo dai gio mo cua', 'mo rong gio mo cua', 'mo cua muon', 'mo muon', 'dong cua muon', 'mo cua den toi'],
  // A grave incident: the letter's "sự cố nghiêm trọng" is the officer's "sự cố lớn".
  ['su co nghiem trong', 'su co lon', 'su co nang', 'su co lon nghiem trong'],
  // A stretch of days: the officer's "giai đoạn" is the letter's "thời gian".
  ['thoi gian', 'giai doan', 'khoang thoi gian'],
  // Wrong subscriber details: the letter's "không chính xác" is the officer's "sai".
  ['khong chinh xac', 'sai', 'sai lech'],
  // The report at the end: the letter's "toàn đợt" is the officer's "cuối đợt", "cả đợt".
  // The report at the end, by the names letters give it: "báo cáo tổng hợp", "báo cáo kết quả", "cuối đợt", and
  // the officer's "báo cáo cuối cùng".
  [
    'bao cao tong hop',
    'bao cao cuoi dot',
    'bao cao tong ket',
    'bao cao ket qua',
    'bao cao ket thuc',
    'bao cao cuoi cung',
  ],
  ['toan dot', 'cuoi dot', 'ca dot', 'het dot'],
  // Back at work after the break, by the letter's "trở lại làm việc": "công nhân đi làm lại".
  ['tro lai lam viec', 'di lam lai', 'lam viec lai', 'quay lai lam viec', 'di lam tro lai'],
  // Where an online form is: "link", "đường dẫn", the letter's "tại địa chỉ https://…".
  ['duong dan', 'link', 'duong link', 'website', 'trang web', 'dia chi'],
  // Pay television by the kind an officer names: the letter's "truyền hình trả tiền" is their "truyền hình cáp".
  ['truyen hinh tra tien', 'truyen hinh cap', 'truyen hinh ky thuat so', 'iptv'],
  // Whether a call costs: the letter's "miễn phí", "không thu cước" is what "có mất tiền không" asks about.
  [
    'mien phi',
    'thu cuoc',
    'mat tien',
    'mat phi',
    'mat cuoc',
    'tinh tien',
    'tinh phi',
    'tinh cuoc',
    'ton tien',
  ],
];

// "ở đâu", "tại đâu", "về đâu", "đi đâu": the "đâu" that folds like "dầu" (oil) asks where.
const WHERE_BEFORE: ReadonlySet<string> = new Set(['o', 'tai', 've', 'di', 'den', 'toi', 'tu', 'cho']);

// Spelled as the normaliser spells tokens: "xử lý" is "xu li", "quy" is "qui".
const spellI = (word: string): string => word.replace(/^(qu|[bcdghklmnpqrstvx]+)y$/, '$1i');
const GROUPS = SYNONYM_GROUPS.map((group) => group.map((member) => member.split(' ').map(spellI)));

/**
 * Replaces each synonym the letter never uses with the group's first member it does use. `inLetter` says whether the
 * letter's own text has a term (a syllable or two joined by '_'), `known` whether the letter or the fact templates do:
 * the officer's "lịch trực" becomes the letter's "danh sách cán bộ trực" even though the templates say "lịch trực",
 * and "chức danh" becomes the templates' "chức vụ" when the letter says neither.
 */
export function toLetterWords(
  tokens: readonly string[],
  inLetter: (term: string) => boolean,
  known: (term: string) => boolean = inLetter,
): string[] {
  const has = (words: readonly string[], test: (term: string) => boolean): boolean =>
    words.length === 1 ? test(words[0]!) : words.slice(1).every((w, i) => test(`${words[i]}_${w}`));
  const out: string[] = [];
  const matches = (words: readonly string[], at: number): boolean => {
    for (let j = 0; j < words.length; j++) if (tokens[at + j] !== words[j]) return false;
    return true;
  };
  for (let i = 0; i < tokens.length; ) {
    let replaced = false;
    for (const group of GROUPS) {
      // The longest member written at this position: "nguồn điện dự phòng", not "điện dự phòng".
      let member: readonly string[] | undefined;
      for (const words of group)
        if (words.length > (member?.length ?? 0) && matches(words, i)) member = words;
      if (!member || has(member, inLetter)) continue;
      // "ở đâu mấy giờ" typed without diacritics reads "dau may" (engine oil): after a word of place it asks where.
      if (member[0] === 'dau' && WHERE_BEFORE.has(tokens[i - 1] ?? '')) continue;
      const target =
        group.find((words) => words !== member && has(words, inLetter)) ??
        (has(member, known) ? undefined : group.find((words) => words !== member && has(words, known)));
      if (!target) continue;
      out.push(...target);
      i += member.length;
      replaced = true;
      break;
    }
    if (!replaced) out.push(tokens[i++]!);
  }
  return out;
}
