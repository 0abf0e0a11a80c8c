import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ABBREVIATIONS } from '../../src/qa/abbreviations.ts';
import { bigrams, foldDiacritics, normalize } from '../../src/qa/normalise.ts';
import { accentedWords, canonicalTone } from '../../src/qa/tone.ts';

// What each abbreviation means here, written out in Vietnamese: generic teencode lists get bc and vt wrong.
const MEANINGS: Record<string, string> = {
  bc: 'báo cáo',
  bcao: 'báo cáo',
  bcvt: 'bưu chính viễn thông',
  bccp: 'bưu chính chuyển phát',
  vt: 'viễn thông',
  dn: 'doanh nghiệp',
  dnbc: 'doanh nghiệp bưu chính',
  dnvt: 'doanh nghiệp viễn thông',
  cty: 'công ty',
  ko: 'không',
  k: 'không',
  hok: 'không',
  hk: 'không',
  khg: 'không',
  hem: 'không',
  dc: 'được',
  ntn: 'như thế nào',
  sdt: 'số điện thoại',
  dt: 'điện thoại',
  pccc: 'phòng cháy chữa cháy',
  mpd: 'máy phát điện',
  ds: 'danh sách',
  dsach: 'danh sách',
  vde: 'vấn đề',
  tgian: 'thời gian',
  cb: 'cán bộ',
  ldao: 'lãnh đạo',
  khcn: 'khoa học công nghệ',
  skhcn: 'sở khoa học công nghệ',
  sms: 'tin nhắn',
  acquy: 'ắc quy',
  acqui: 'ắc quy',
  file: 'bản',
  spam: 'tin nhắn rác',
  tt: 'thông tin',
  ttin: 'thông tin',
  tttt: 'thông tin truyền thông',
  stttt: 'sở thông tin truyền thông',
  sotttt: 'sở thông tin truyền thông',
  attt: 'an toàn thông tin',
  ttll: 'thông tin liên lạc',
  ubnd: 'ủy ban nhân dân',
  ub: 'ủy ban',
  cv: 'công văn',
  vb: 'văn bản',
  pgd: 'phó giám đốc',
  gd: 'giám đốc',
  dv: 'dịch vụ',
  hh: 'hàng hóa',
  cskh: 'chăm sóc khách hàng',
  pa: 'phương án',
  ktra: 'kiểm tra',
  nvu: 'nhiệm vụ',
  bdien: 'bưu điện',
  vn: 'Việt Nam',
  mxh: 'mạng xã hội',
  net: 'Internet',
  inet: 'Internet',
  mail: 'email',
  gmail: 'email',
  j: 'gì',
  z: 'vậy',
  bh: 'bao giờ',
  h: 'giờ',
  bgio: 'bao giờ',
  bn: 'bao nhiêu',
  trc: 'trước',
  tg: 'thời gian',
  hnay: 'hôm nay',
  lm: 'làm',
  ng: 'người',
  vs: 'với',
  ms: 'mới',
  r: 'rồi',
  mk: 'mình',
  mik: 'mình',
  bik: 'biết',
  bit: 'biết',
  t2: 'thứ hai',
  t3: 'thứ ba',
  t4: 'thứ tư',
  t5: 'thứ năm',
  t6: 'thứ sáu',
  t7: 'thứ bảy',
  dl: 'dương lịch',
  al: 'âm lịch',
  deadline: 'hạn chót',
  duty: 'trực',
  period: 'thời gian',
  schedule: 'lịch',
  shift: 'ca trực',
  ql: 'quốc lộ',
  report: 'báo cáo',
  daily: 'hằng ngày',
  hotline: 'đường dây nóng số điện thoại',
  phone: 'điện thoại',
  viettel: 'doanh nghiệp viễn thông',
  vnpt: 'doanh nghiệp viễn thông',
  mobifone: 'doanh nghiệp viễn thông',
  mobi: 'doanh nghiệp viễn thông',
  vinaphone: 'doanh nghiệp viễn thông',
  vietnamobile: 'doanh nghiệp viễn thông',
  gmobile: 'doanh nghiệp viễn thông',
  fpt: 'doanh nghiệp viễn thông Internet',
  viettelpost: 'doanh nghiệp bưu chính chuyển phát',
  vnpost: 'doanh nghiệp bưu chính',
  buudien: 'bưu điện',
  ghn: 'doanh nghiệp chuyển phát',
  ghtk: 'doanh nghiệp chuyển phát',
  jt: 'doanh nghiệp chuyển phát',
  ems: 'doanh nghiệp chuyển phát',
  nd: 'nội dung',
  scam: 'lừa đảo',
  incident: 'sự cố',
  traffic: 'lưu lượng',
  roaming: 'chuyển vùng',
  cloud: 'điện toán đám mây',
  datacenter: 'trung tâm dữ liệu',
  backup: 'dự phòng',
  power: 'nguồn điện',
  generator: 'máy phát điện',
  fiber: 'cáp quang',
  fibre: 'cáp quang',
  fibercut: 'đứt cáp quang',
  fix: 'khắc phục',
  check: 'kiểm tra',
  hacker: 'tấn công mạng',
  hack: 'tấn công mạng',
  ddos: 'tấn công từ chối dịch vụ',
  final: 'tổng kết',
  yc: 'yêu cầu',
  kcn: 'khu công nghiệp',
  ccn: 'cụm công nghiệp',
  form: 'biểu mẫu',
  online: 'trực tuyến',
};

test('every abbreviation in the table has a tested meaning', () => {
  assert.deepEqual(Object.keys(ABBREVIATIONS).sort(), Object.keys(MEANINGS).sort());
});

for (const [abbreviation, meaning] of Object.entries(MEANINGS)) {
  test(`abbreviation "${abbreviation}" means "${meaning}"`, () => {
    assert.equal(normalize(`${abbreviation} a`), normalize(`${meaning} a`));
  });
}

test('"báo" alone before how it is asked is "báo cáo"; before "cho ai" it stays', () => {
  assert.equal(normalize('thi bao ntn'), 'thi bao cao nhu the nao');
  assert.equal(normalize('bao cho ai'), 'bao cho ai');
  assert.equal(normalize('bao nhieu'), 'bao nhieu');
});

test('"QL279" is national road 279, written apart as letters write it', () => {
  assert.equal(normalize('QL279 co sat lo ko'), 'quoc lo 279 co sat lo khong');
});

test('abbreviations are found whatever the case and diacritics typed', () => {
  assert.equal(normalize('BC'), 'bao cao');
  assert.equal(normalize('đc ko'), 'duoc khong');
  assert.equal(normalize('SĐT sở TT&TT'), 'so dien thoai so thong tin truyen thong');
});

test('"kh" is "không" closing a question and "khách hàng" inside one', () => {
  assert.equal(normalize('co phai truc kh'), 'co phai truc khong');
  assert.equal(normalize('bao kh biet'), 'bao khach hang biet');
});

test('"bđ" before a place is the post office; elsewhere it stays ambiguous', () => {
  assert.equal(normalize('bđ tỉnh có chuyển phát không'), 'buu dien tinh co chuyen phat khong');
  assert.equal(normalize('bđ huyện'), 'buu dien huyen');
  assert.equal(normalize('bđ trực từ ngày nào'), 'bd truc tu ngay nao');
});

test('"dv" asking which ones is a body (đơn vị); elsewhere it is a service', () => {
  assert.equal(normalize('cv gui cho nhung dv nao'), 'cong van gui cho nhung don vi nao');
  assert.equal(normalize('dv nao phai bao cao'), 'don vi nao phai bao cao');
  assert.equal(normalize('chat luong dv'), 'chat luong dich vu');
});

test('loan words for what the letter names: roaming, cloud, data center, a backup copy', () => {
  assert.equal(normalize('tru tien roaming'), 'tru tien chuyen vung');
  assert.equal(normalize('dn lam cloud'), 'doanh nghiep lam dien toan dam may');
  assert.equal(normalize('co data center'), 'co trung tam du lieu');
  assert.equal(normalize('bản backup để đâu'), 'ban sao luu de dau');
  assert.equal(normalize('chạy backup mấy tiếng'), 'chay du phong may tieng');
  assert.equal(normalize('backup power can chuan bi gi'), 'du phong nguon dien can chuan bi gi');
  assert.equal(normalize('fibre cut thi phai fix xong'), 'dut cap quang thi phai khac phuc xong');
  assert.equal(normalize('fiber cut'), 'dut cap quang');
});

test('"VT" after "Lưu" is the records office, not telecom', () => {
  assert.equal(normalize('Lưu: VT'), 'luu van thu');
  assert.equal(normalize('dn vt'), 'doanh nghiep vien thong');
});

test('company names are the enterprises the letter addresses; "Viettel Post" is postal, not telecom', () => {
  assert.equal(normalize('Viettel co phai bao cao ko'), 'doanh nghiep vien thong co phai bao cao khong');
  assert.equal(normalize('Viettel Post phai lam gi'), 'doanh nghiep buu chinh chuyen phat phai lam gi');
});

test('teencode spellings fold to the syllable: fai → phai, wa → qua', () => {
  assert.equal(normalize('co fai truc ko'), 'co phai truc khong');
  assert.equal(normalize('gui wa mail'), 'gui qua email');
});

test('old and new tone placement are the same syllable', () => {
  for (const [older, newer] of [
    ['hòa', 'hoà'],
    ['thủy', 'thuỷ'],
    ['khỏe', 'khoẻ'],
    ['hóa', 'hoá'],
    ['Hòa', 'HOÀ'],
  ] as const) {
    assert.equal(canonicalTone(older), canonicalTone(newer), `${older} / ${newer}`);
    assert.equal(normalize(older), normalize(newer));
  }
  assert.deepEqual(accentedWords('văn hóa phẩm'), accentedWords('văn hoá phẩm'));
});

test('a lone y after a consonant is spelt as i: ký and kí, lý and lí, kỹ and kĩ are one word', () => {
  for (const [y, i] of [
    ['ký', 'kí'],
    ['lý', 'lí'],
    ['kỹ', 'kĩ'],
    ['Mỹ', 'mĩ'],
  ] as const) {
    assert.equal(canonicalTone(y), canonicalTone(i), `${y} / ${i}`);
  }
  assert.notEqual(canonicalTone('quý'), canonicalTone('quí'));
});

test('tone placement keeps the syllables that only have one spelling', () => {
  for (const syllable of ['toán', 'người', 'quý', 'giá', 'gìn', 'mùa', 'thuyền', 'hoàn', 'ngoài', 'gửi']) {
    assert.equal(canonicalTone(syllable), syllable);
  }
});

test('đ folds to d, in either case', () => {
  assert.equal(foldDiacritics('Đường điện'), 'duong dien');
  assert.equal(normalize('ĐỊA CHỈ'), 'dia chi');
});

test('combining marks (NFD input) fold like precomposed text', () => {
  const question = 'Hạn nộp báo cáo khi nào?';
  assert.equal(normalize(question.normalize('NFD')), normalize(question));
  assert.equal(normalize(question), 'han nop bao cao khi nao');
});

test('i and y spellings of one syllable are the same: kí / ký, qui / quy', () => {
  assert.equal(normalize('ai kí'), normalize('ai ký'));
  assert.equal(normalize('qui định'), normalize('quy định'));
  assert.equal(normalize('thủy'), 'thuy');
});

test('addresses, hours and numbers become stable tokens', () => {
  assert.equal(normalize('gửi so_tttt_vt@bacgiang.gov.vn'), 'gui email');
  assert.equal(normalize('e-mail'), 'email');
  assert.equal(normalize('trước 9h00 ngày 13/02'), 'truoc 9 gio ngay 13 2');
  assert.equal(normalize('9g30'), '9 gio');
  assert.equal(normalize('mạng 4g'), 'mang 4g');
  assert.equal(normalize('trực 24/7'), 'truc 24 7');
});

test('bigrams join adjacent syllables', () => {
  assert.deepEqual(bigrams(['han', 'nop', 'bao', 'cao']), ['han_nop', 'nop_bao', 'bao_cao']);
  assert.deepEqual(bigrams(['han']), []);
});

test('"backup dữ liệu" is a copy of the data, "chạy backup" the standby power', () => {
  assert.equal(normalize('backup dữ liệu'), 'sao luu du lieu');
  assert.equal(normalize('chạy backup'), 'chay du phong');
});

test('a percentage reads the same as "phần trăm"', () => {
  assert.equal(normalize('không quá 80%'), normalize('không quá 80 phần trăm'));
  assert.equal(normalize('tăng 30-40%'), 'tang 30 40 phan tram');
});
