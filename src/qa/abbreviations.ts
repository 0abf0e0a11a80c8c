import { lookup } from '../lookup.ts';
/**
 * Abbreviations officers type on phones, keyed by the folded form (đc → dc). Domain meaning wins over
 * teencode: bc is "báo cáo" (not "bạn cũng"), vt is "viễn thông".
 * Deliberately absent because they are ambiguous here: ct (công ty / chỉ thị), nv (nhân viên / nhiệm vụ),
 * kt (kiểm tra / ký thay), hong (không / hỏng), kg, bd, cn.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  bc: 'bao cao',
  // "bcáo", "bcao": half the word written out.
  bcao: 'bao cao',
  bcvt: 'buu chinh vien thong',
  bccp: 'buu chinh chuyen phat',
  vt: 'vien thong',
  dn: 'doanh nghiep',
  dnbc: 'doanh nghiep buu chinh',
  dnvt: 'doanh nghiep vien thong',
  cty: 'cong ty',
  ko: 'khong',
  k: 'khong',
  hok: 'khong',
  hk: 'khong',
  khg: 'khong',
  hem: 'khong',
  dc: 'duoc',
  ntn: 'nhu the nao',
  sdt: 'so dien thoai',
  dt: 'dien thoai',
  tt: 'thong tin',
  ttin: 'thong tin',
  tttt: 'thong tin truyen thong',
  stttt: 'so thong tin truyen thong',
  sotttt: 'so thong tin truyen thong',
  attt: 'an toan thong tin',
  ttll: 'thong tin lien lac',
  ubnd: 'uy ban nhan dan',
  ub: 'uy ban',
  cv: 'cong van',
  vb: 'van ban',
  pgd: 'pho giam doc',
  gd: 'giam doc',
  dv: 'dich vu',
  hh: 'hang hoa',
  cskh: 'cham soc khach hang',
  pa: 'phuong an',
  ktra: 'kiem tra',
  nvu: 'nhiem vu',
  bdien: 'buu dien',
  vn: 'viet nam',
  mxh: 'mang xa hoi',
  net: 'internet',
  inet: 'internet',
  mail: 'email',
  gmail: 'email',
  j: 'gi',
  z: 'vay',
  bh: 'bao gio',
  h: 'gio',
  bgio: 'bao gio',
  bn: 'bao nhieu',
  trc: 'truoc',
  tg: 'thoi gian',
  hnay: 'hom nay',
  lm: 'lam',
  ng: 'nguoi',
  vs: 'voi',
  ms: 'moi',
  r: 'roi',
  mk: 'minh',
  mik: 'minh',
  bik: 'biet',
  bit: 'biet',
  t2: 'thu hai',
  t3: 'thu ba',
  t4: 'thu tu',
  t5: 'thu nam',
  t6: 'thu sau',
  t7: 'thu bay',
  dl: 'duong lich',
  al: 'am lich',
  pccc: 'phong chay chua chay',
  mpd: 'may phat dien',
  ds: 'danh sach',
  dsach: 'danh sach',
  vde: 'van de',
  nd: 'noi dung',
  tgian: 'thoi gian',
  cb: 'can bo',
  ldao: 'lanh dao',
  khcn: 'khoa hoc cong nghe',
  skhcn: 'so khoa hoc cong nghe',
  sms: 'tin nhan',
  // "acquy", "ác-quy" typed as one word: the letter's "ắc quy".
  acquy: 'ac qui',
  acqui: 'ac qui',
  // "file mềm": the copy (bản) sent, not "phile" by the f → ph teencode rule.
  file: 'ban',
  // Loan words and company names: what an officer types for the thing the letter names.
  deadline: 'han chot',
  duty: 'truc',
  period: 'thoi gian',
  schedule: 'lich',
  shift: 'ca truc',
  // "QL 279": a national road (quốc lộ), as letters name the routes they guard.
  ql: 'quoc lo',
  report: 'bao cao',
  // "daily report": the report sent every day.
  daily: 'hang ngay',
  spam: 'tin nhan rac',
  scam: 'lua dao',
  incident: 'su co',
  traffic: 'luu luong',
  roaming: 'chuyen vung',
  cloud: 'dien toan dam may',
  datacenter: 'trung tam du lieu',
  backup: 'du phong',
  // "backup power", "generator": the standby power the letter names; "fibre cut … fix": a cut fibre repaired.
  power: 'nguon dien',
  generator: 'may phat dien',
  fiber: 'cap quang',
  fibre: 'cap quang',
  fibercut: 'dut cap quang',
  fix: 'khac phuc',
  check: 'kiem tra',
  hacker: 'tan cong mang',
  hack: 'tan cong mang',
  ddos: 'tan cong tu choi dich vu',
  final: 'tong ket',
  hotline: 'duong day nong so dien thoai',
  phone: 'dien thoai',
  viettel: 'doanh nghiep vien thong',
  vnpt: 'doanh nghiep vien thong',
  mobifone: 'doanh nghiep vien thong',
  mobi: 'doanh nghiep vien thong',
  vinaphone: 'doanh nghiep vien thong',
  vietnamobile: 'doanh nghiep vien thong',
  gmobile: 'doanh nghiep vien thong',
  fpt: 'doanh nghiep vien thong internet',
  viettelpost: 'doanh nghiep buu chinh chuyen phat',
  vnpost: 'doanh nghiep buu chinh',
  buudien: 'buu dien',
  ghn: 'doanh nghiep chuyen phat',
  ghtk: 'doanh nghiep chuyen phat',
  jt: 'doanh nghiep chuyen phat',
  ems: 'doanh nghiep chuyen phat',
  // "sở yc làm gì", "ở kcn": what is asked, where it is done.
  yc: 'yeu cau',
  kcn: 'khu cong nghiep',
  ccn: 'cum cong nghiep',
  // "nộp qua form online": the letter's "biểu mẫu trực tuyến" (form is no "phorm" by the f → ph rule).
  form: 'bieu mau',
  // One syllable, as "trực tuyến" typed becomes (normalise.ts).
  online: 'tructuyen',
};

// What follows a lone "báo" asking how or by what it is reported ("báo cho ai" is whom to tell, left as typed).
const REPORT_ASKED_AFTER = new Set(['nhu', 'ntn', 'the', 'sao', 'bang']);

/** "kh" closing a question is "không?"; elsewhere (kh nhận hàng) it is "khách hàng". */
const KH_FINAL = 'khong';
const KH_INSIDE = 'khach hang';

const PLACES = new Set(['tinh', 'huyen', 'xa', 'thanh', 'tp', 'quan', 'vn', 'trung']);

function expandOne(
  token: string,
  previous: string | undefined,
  next: string | undefined,
  isLast: boolean,
): string {
  if (token === 'kh') return isLast ? KH_FINAL : KH_INSIDE;
  // "mất 6 trạm thì báo ntn", "báo bằng gì": "báo" alone, then how, is reporting (báo cáo); typed without
  // marks it would be "bảo" of "bảo dưỡng" too.
  if (token === 'bao' && next !== undefined && REPORT_ASKED_AFTER.has(next)) return 'bao cao';
  // "Lưu: VT" in the recipients block is the records office (văn thư), not telecom.
  if (token === 'vt' && previous === 'luu') return 'van thu';
  // "bđ tỉnh", "bđ huyện": the post office of a place; "bđ trực", "bđ từ" stay ambiguous (bắt đầu, bảo dưỡng).
  if (token === 'bd' && next !== undefined && PLACES.has(next)) return 'buu dien';
  // "gửi cho những dv nào", "dv nào phải báo cáo": which bodies (đơn vị); "chất lượng dv", "dv 4G" is a service.
  if (token === 'dv' && (next === 'nao' || previous === 'nhung' || previous === 'moi')) return 'don vi';
  // "backup dữ liệu", "backup data" is a copy of the data (sao lưu); "chạy backup" is the standby power.
  // "bản backup" is a copy too.
  if (token === 'backup' && (next === 'du' || next === 'data' || previous === 'ban')) return 'sao luu';
  const expansion = lookup(ABBREVIATIONS, token);
  if (expansion !== undefined) return expansion;
  // Teencode spelling: fai → phai, wa → qua, wy → quy.
  if (/^f[aeiouy]/.test(token)) return `ph${token.slice(1)}`;
  if (/^w[aoy]/.test(token)) return `qu${token.slice(1)}`;
  return token;
}

/** "kí" and "ký", "qui định" and "quy định" are both accepted spellings: keep one, the i. */
const spellI = (token: string): string => token.replace(/^(qu|[bcdghklmnpqrstvx]+)y$/, '$1i');

export function expandAbbreviations(input: readonly string[]): string[] {
  const result: string[] = [];
  // "Viettel Post" is a postal company, not Viettel's telecom network.
  const tokens = input.flatMap((token, i) =>
    token === 'viettel' && input[i + 1] === 'post'
      ? ['viettelpost']
      : token === 'post' && input[i - 1] === 'viettel'
        ? []
        : // "fibre cut", "fiber cut": the letter's "đứt cáp quang", in its order.
          /^fib(er|re)$/.test(token) && input[i + 1] === 'cut'
          ? ['fibercut']
          : token === 'cut' && /^fib(er|re)$/.test(input[i - 1] ?? '')
            ? []
            : // "data center" is one thing, the data centre (trung tâm dữ liệu).
              token === 'data' && input[i + 1] === 'center'
              ? ['datacenter']
              : token === 'center' && input[i - 1] === 'data'
                ? []
                : [token],
  );
  tokens.forEach((token, i) => {
    for (const part of expandOne(token, tokens[i - 1], tokens[i + 1], i === tokens.length - 1).split(' ')) {
      result.push(spellI(part));
    }
  });
  return result;
}
