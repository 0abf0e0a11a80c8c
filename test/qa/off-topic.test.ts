import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  asksFestivalEnd,
  asksRoster,
  citedRequirements,
  lateConsequence,
  nearDomainTopic,
  otherBodysOwn,
  otherProvince,
  othersNumber,
  otherTet,
  personalEmail,
  physicalAddress,
  unnamedDocument,
} from '../../src/qa/off-topic.ts';

const letter = ' so khoa hoc va cong nghe tinh lao cai bao cao gui ve dia chi email bcvt lao cai gov vn ';

describe('near-domain questions a letter does not cover', () => {
  test('another province named through its department or council is another letter', () => {
    assert.equal(otherProvince('so ha giang yeu cau gi', letter), true);
    assert.equal(otherProvince('Sở KHCN Hà Giang yêu cầu nộp báo cáo khi nào', letter), true);
    assert.equal(otherProvince('ubnd tinh ha giang chi dao gi', letter), true);
    assert.equal(otherProvince('so lao cai yeu cau gi', letter), false);
    assert.equal(otherProvince('so khcn yeu cau gi', letter), false);
    assert.equal(otherProvince('hcm co phai nop ko', letter), true);
    assert.equal(otherProvince('TP.HCM hạn nộp khi nào', letter), true);
  });

  test('another province\'s branch of a business ("VNPT Hà Giang") is another letter\'s', () => {
    assert.equal(otherProvince('đầu mối VNPT Hà Giang là ai', letter), true);
    assert.equal(otherProvince('bưu điện Hà Giang liên hệ ai', letter), true);
    assert.equal(otherProvince('đầu mối VNPT Lào Cai là ai', letter), false);
  });

  test('words that fold to hold a topic are no topic: "chuẩn bị gì", "thiết bị gì", "cuộc gọi", "thường xuyên"', () => {
    assert.equal(nearDomainTopic('may phat dien can chuan bi gi', letter), false);
    assert.equal(nearDomainTopic('khong nop bao cao thi bi gi', letter), true);
    assert.equal(nearDomainTopic('can du phong thiet bi gi', letter), false);
    assert.equal(nearDomainTopic('cuoc goi khan cap co uu tien khong', letter), false);
    assert.equal(nearDomainTopic('kiem tra thuong xuyen nhung gi', letter), false);
    assert.equal(nearDomainTopic('gia cuoc tet co tang khong', letter), true);
  });

  test('an extension asked for is declined unless the letter speaks of one; a move claimed with its date is checked', () => {
    assert.equal(nearDomainTopic('co duoc gia han nop bc ko', letter), true);
    assert.equal(nearDomainTopic('xin gia hạn báo cáo tổng hợp được không', letter), true);
    assert.equal(nearDomainTopic('nop bc muon duoc khong', letter), true);
    assert.equal(nearDomainTopic('nghe noi han bc duoc gia han sang 10/2 a', letter), false);
    assert.equal(nearDomainTopic('gia han den ngay 20 2 dung ko', letter), false);
    assert.equal(nearDomainTopic('co duoc gia han khong', ' so xem xet gia han bao cao '), false);
  });

  test("the length of the holiday, civil servants' days off and New Year's Day are topics a Tết letter leaves out", () => {
    assert.equal(nearDomainTopic('cong chuc nghi tet may ngay', letter), true);
    assert.equal(nearDomainTopic('lich nghi tet cua cong chuc nam nay ntn', letter), true);
    assert.equal(nearDomainTopic('tet duong lich 2028 co phai bc ko', letter), true);
    assert.equal(
      nearDomainTopic('yeu cau ve truc trong cac ngay nghi tet la gi', ' truc trong thoi gian nghi tet '),
      false,
    );
    assert.equal(nearDomainTopic('nghi tet may ngay', ' cong chuc nghi tet 7 ngay '), false);
  });

  test('a ministry named as what the letter rests on ("căn cứ công văn của Bộ TT&TT") is for the basis to answer', () => {
    assert.equal(nearDomainTopic('can cu cong van cua bo thong tin truyen thong dung khong', letter), false);
    assert.equal(nearDomainTopic('thuc hien cv cua bo thong tin truyen thong ha', letter), false);
    assert.equal(nearDomainTopic('bo thong tin truyen thong yeu cau gi', letter), true);
  });

  test('"nghỉ Tết" of a letter that sets a post\'s "lịch nghỉ phát hàng" is that break, not days off', () => {
    const post = ' thong bao cong khai lich nghi phat hang phat hang tro lai tu ngay 10 02 2027 ';
    assert.equal(nearDomainTopic('viettel post nghi tet den bao gio thi phat hang lai', post), false);
    assert.equal(nearDomainTopic('viettel post nghi tet den bao gio thi phat hang lai', letter), true);
    assert.equal(nearDomainTopic('cong chuc nghi tet may ngay', post), true);
  });

  test('discounts and travel over Tết are topics a Tết letter leaves out, unless it speaks of them', () => {
    assert.equal(nearDomainTopic('cuoc goi dip tet co giam gia khong', letter), true);
    assert.equal(nearDomainTopic('tau ra dao dip tet co chay ko', letter), true);
    assert.equal(nearDomainTopic('tau ra dao co song khong', ' phu song cho tau ca tren bien '), false);
    // A letter sending parcels "theo lịch tàu" says nothing of whether the boat runs over Tết.
    const parcels = ' buu gui ra huyen dao di theo lich tau tuyen cai rong tau ca ';
    assert.equal(nearDomainTopic('tau ra dao dip tet co chay ko', parcels), true);
    assert.equal(nearDomainTopic('deo co cam xe dip tet khong', letter), true);
    assert.equal(nearDomainTopic('viettel co tang phut goi tet k', letter), true);
  });

  test('forecasts, and the weather of a letter naming it only as a bulletin to broadcast, are left out', () => {
    const bulletin = ' dai thong tin duyen hai phat ban tin du bao thoi tiet bien cho tau ca ';
    assert.equal(nearDomainTopic('du bao bao so 1 khi nao vao tinh', letter), true);
    assert.equal(nearDomainTopic('thoi tiet an giang tet ky dau', bulletin), true);
    assert.equal(nearDomainTopic('ban tin thoi tiet bien phat cho khu vuc nao', bulletin), false);
  });

  test('a place opening until a day is asked only of a letter that speaks of opening', () => {
    assert.equal(nearDomainTopic('cho hoa xuan mo cua den ngay nao', letter), true);
    const post = ' buu cuc trung tam mo cua phuc vu den 12 gio 00 ngay 1 2 ';
    assert.equal(nearDomainTopic('buu cuc trung tam mo cua den may h', post), false);
  });

  test('licensing paperwork is a topic a Tết letter leaves out, unless it speaks of it', () => {
    assert.equal(nearDomainTopic('xin phep lap tram bts luu dong can ho so gi', letter), true);
    assert.equal(nearDomainTopic('thu tuc cap phep tram', letter), true);
    assert.equal(nearDomainTopic('nop ho so gi', ' doanh nghiep nop ho so ve so '), false);
  });

  test('how long the letter stands is a topic a Tết letter leaves out', () => {
    assert.equal(nearDomainTopic('cong van nay co hieu luc den khi nao', letter), true);
  });

  test('a province opening the question is what it asks about, place word or not', () => {
    assert.equal(otherProvince('nghe an quy dinh han bc tet ngay nao', letter), true);
    assert.equal(otherProvince('lao cai quy dinh han bc tet ngay nao', letter), false);
  });

  test("a year's review is another report than the Tết one, unless the letter asks for it", () => {
    assert.equal(nearDomainTopic('bao cao tong ket nam nop khi nao', letter), true);
    assert.equal(nearDomainTopic('bao cao tong ket nam nop khi nao', ' gui bao cao tong ket nam '), false);
  });

  test('"so với năm ngoái" is the comparison a letter asks for, not a question about last year', () => {
    const compares = ' san luong buu gui so voi cung ki ';
    assert.equal(nearDomainTopic('co phai bao cao san luong so voi nam ngoai khong', compares), false);
    assert.equal(nearDomainTopic('han bao cao nam ngoai la khi nao', compares), true);
    assert.equal(nearDomainTopic('co phai so sanh voi nam ngoai khong', letter), true);
  });

  test('"những ngày nghỉ Tết" is the Tết holiday a letter speaks of, not a question on days off', () => {
    const holiday = ' phat bao cong van trong suot thoi gian nghi tet ';
    assert.equal(
      nearDomainTopic('bd tinh co chuyen phat van ban trong nhung ngay nghi tet ko', holiday),
      false,
    );
    assert.equal(nearDomainTopic('tet nay co may ngay nghi', holiday), true);
    assert.equal(nearDomainTopic('nhung ngay nghi tet co phai truc khong', letter), true);
  });

  test('an issuer above the province the letter never quotes is not answered from it', () => {
    assert.equal(nearDomainTopic('chi thi cua thu tuong so may', letter), true);
    assert.equal(nearDomainTopic('chi thi cua thu tuong so may', ' thuc hien chi thi cua thu tuong '), false);
  });

  test('what a cited document requires is not in the letter; its date and the letter itself are', () => {
    assert.equal(citedRequirements('cong van 95 cua bo yeu cau bao cao gi', '318/SKHCN-VT'), true);
    assert.equal(citedRequirements('chi thi so 2 chi dao nhung gi', '318/SKHCN-VT'), true);
    assert.equal(citedRequirements('ke hoach 07 cua ubnd co nhung hoat dong gi', '318/SKHCN-VT'), true);
    // "có số hiệu gì", "của cơ quan nào" ask about the document, not what it says.
    assert.equal(citedRequirements('cong van 215 la cua co quan nao', '318/SKHCN-VT'), false);
    assert.equal(citedRequirements('chi thi 2 ki ngay nao', '318/SKHCN-VT'), false);
    assert.equal(citedRequirements('cong van 318 yeu cau gi', '318/SKHCN-VT'), false);
    // Named by its issuer or its kind rather than its number; its subject ("về việc gì") is in the letter.
    assert.equal(citedRequirements('cong van cua bo yeu cau nhung gi', '318/SKHCN-VT'), true);
    assert.equal(citedRequirements('noi dung chi thi cua chu tich tinh', '318/SKHCN-VT'), true);
    assert.equal(citedRequirements('chi thi 45 co cam dot phao khong', '318/SKHCN-VT'), true);
    assert.equal(citedRequirements('chi thi 14 ve viec gi', '318/SKHCN-VT'), false);
    assert.equal(citedRequirements('cong van cua so yeu cau gi', '318/SKHCN-VT'), false);
    assert.equal(citedRequirements('noi dung cong van la gi', '318/SKHCN-VT'), false);
  });

  test("a building's address is declined; the mailbox the report goes to is not", () => {
    assert.equal(physicalAddress('địa chỉ Sở KHCN ở đâu', letter), true);
    assert.equal(physicalAddress('dia chi tru so cua so', letter), true);
    assert.equal(physicalAddress('dia chi email gui bc', letter), false);
    assert.equal(physicalAddress('nhung tuyen duong nao co nguy co sat lo', letter), false);
    assert.equal(physicalAddress('so nam o duong nao', letter), true);
    assert.equal(physicalAddress('địa chỉ nộp báo cáo', letter), false);
    assert.equal(physicalAddress('dia chi so o dau', ' tru so so 12 duong tran phu '), false);
    assert.equal(physicalAddress('Sở ở số mấy đường nào', letter), true);
    assert.equal(physicalAddress('gui bao cao bang duong nao', letter), false);
  });

  test('what befalls a late or missing report is a sanction the letter does not name', () => {
    assert.equal(lateConsequence(' nop bao cao muon thi co bi sao khong '), true);
    assert.equal(lateConsequence(' neu khong gui bao cao thi bi gi '), true);
    assert.equal(lateConsequence(' cham nop thi xu ly ra sao '), true);
    assert.equal(lateConsequence(' nop bao cao cham nhat ngay nao '), false);
    assert.equal(lateConsequence(' mat dien thi sao '), false);
    assert.equal(nearDomainTopic('nộp bc trễ thì sao', letter), true);
    assert.equal(nearDomainTopic('nộp bc trễ thì sao', ' bi xu phat theo quy dinh '), false);
  });

  test("another body's number is not the letter's contact, unless a sentence with a number names it", () => {
    const contact = ' lien he phong buu chinh vien thong so dien thoai 0204 3854 111 ';
    assert.equal(othersNumber('so dien thoai cua cong an tinh', contact), true);
    assert.equal(othersNumber('duong day nong so dien thoai cua dien luc la so may', contact), true);
    assert.equal(othersNumber('email cua dien luc', contact), true);
    assert.equal(othersNumber('buu dien tinh gui bao cao qua email nao', contact), false);
    assert.equal(othersNumber('so dien thoai cua so', contact), false);
    assert.equal(othersNumber('so dien thoai cong an', ' cong an tinh so dien thoai 069 123 4567 '), false);
    // A post of a body: "đồn biên phòng Tà Lùng".
    assert.equal(othersNumber('so dien thoai don bien phong ta lung', contact), true);
    // Whose after what it is for, under its ministry's name.
    assert.equal(othersNumber('duong day nong chong lua dao cua bo cong an', contact), true);
    assert.equal(othersNumber('so dien thoai truc ban cua so la gi', contact), false);
    // The scammers' own numbers are listed nowhere; where to report them is asked of the contact.
    assert.equal(othersNumber('danh sach cac so dien thoai lua dao', contact), true);
    assert.equal(othersNumber('so dien thoai lua dao bao cho ai', contact), false);
  });

  test('pay is not said by "lực lượng", an office\'s hours and a review meeting are no task of the letter', () => {
    const duty = ' bo tri luc luong truc 24 24 gio ';
    assert.equal(nearDomainTopic('luong truc tet tinh the nao', duty), true);
    assert.equal(nearDomainTopic('luc luong truc gom nhung ai', duty), false);
    assert.equal(nearDomainTopic('So lam viec may gio trong ngay thuong', letter), true);
    assert.equal(nearDomainTopic('so mo cua lam viec may gio', letter), true);
    assert.equal(nearDomainTopic('sau tet bao gio hop tong ket', letter), true);
  });

  test('how a cited document is laid out is its content, which the letter does not give', () => {
    assert.equal(
      citedRequirements('ke hoach 15 cua uy ban nhan dan co bao nhieu muc', '142/STTTT-BCVT'),
      true,
    );
    assert.equal(citedRequirements('cong van 4127 cua bo co bao nhieu muc', '57/SKHCN-BCVT'), true);
    assert.equal(citedRequirements('cong van 142 co may muc', '142/STTTT-BCVT'), false);
  });

  test("a person's own e-mail is declined unless the contact sentence gives one", () => {
    const contact = 'Thông tin chi tiết xin liên hệ: ông Nguyễn Văn An, điện thoại 0912.345.678.';
    assert.equal(personalEmail('email cua anh An la gi', contact), true);
    assert.equal(personalEmail('cho xin mail ông An', contact), true);
    assert.equal(personalEmail('dia chi email gui bao cao', contact), false);
    assert.equal(personalEmail('email cua anh An', `${contact} E-mail: an.nv@laocai.gov.vn`), false);
  });

  test('a kind of legal document the letter never names is not what it rests on', () => {
    const basis = ' can cu ke hoach so 12 kh ubnd cua uy ban nhan dan tinh ';
    assert.equal(unnamedDocument('can cu nghi dinh nao ve chong tin nhan rac', basis), true);
    assert.equal(unnamedDocument('thong tu so may quy dinh ve buu chinh', basis), true);
    assert.equal(unnamedDocument('cong van can cu vao van ban phap luat nao', basis), false);
    assert.equal(unnamedDocument('can cu nghi dinh nao', ' can cu nghi dinh so 91 2020 '), false);
  });

  test('last Tết named by its year is another Tết, though the letter dates things in that year', () => {
    assert.equal(otherTet('ket qua dam bao ttll tet nam 2030 ra sao', 2031), true);
    assert.equal(otherTet('Kết quả Tết 2030 thế nào', 2031), true);
    assert.equal(otherTet('công văn ngày 25/12/2030 của Bộ nói gì', 2031), false);
    assert.equal(otherTet('tết 2031 trực mấy ngày', 2031), false);
    // The letter asks for a comparison with last Tết: that Tết is the letter's.
    assert.equal(otherTet('có phải so sánh với Tết 2030 không', 2031, ' so sanh voi tet 2030 '), false);
  });

  test("the year's zodiac animal is no topic of a letter", () => {
    assert.equal(nearDomainTopic('Kỷ Dậu là năm con gì', letter), true);
    assert.equal(nearDomainTopic('tet nay tuoi con gi', letter), true);
    assert.equal(nearDomainTopic('còn gì cần làm nữa không', letter), false);
  });

  test('weather the letter speaks of in its words is a task asked as what to do then, not a forecast', () => {
    const snow = ' bien phap chong dong bang tuyet bam tren anten ';
    assert.equal(nearDomainTopic('tuyet roi thi dn phai lam gi', snow), false);
    assert.equal(nearDomainTopic('tết này có tuyết rơi không', snow), true);
    assert.equal(nearDomainTopic('tuyet roi thi dn phai lam gi', letter), true);
  });

  test('a duty roster sent by a date, of a letter asking for none, is declined', () => {
    const duty = ' phan cong truc 24 24 gio tu ngay 03 02 2027 den het ngay 11 02 2027 ';
    assert.equal(asksRoster(' danh sach truc phai gui ve so truoc ngay nao ', duty), true);
    assert.equal(asksRoster(' nop lich truc khi nao ', duty), true);
    assert.equal(
      asksRoster(' danh sach truc phai gui ve so truoc ngay nao ', ' gui danh sach can bo truc ve so '),
      false,
    );
    assert.equal(asksRoster(' lich truc the nao ', duty), false);
  });

  test("a festival's own rites and end, of a letter naming only the festival, are declined", () => {
    const festival = ' lap dat tram phat song luu dong tai chua bai dinh khai hoi ngay mung 6 thang gieng ';
    assert.equal(nearDomainTopic('khai an den tran ngay nao', festival), true);
    assert.equal(nearDomainTopic('triển khai an toàn thông tin thế nào', festival), false);
    assert.equal(asksFestivalEnd(' le hoi bai dinh keo dai den khi nao ', festival), true);
    assert.equal(
      asksFestivalEnd(' le hoi ket thuc ngay nao ', ' le hoi dien ra tu mung 6 den het ngay 15 3 '),
      false,
    );
    assert.equal(nearDomainTopic('chua bai dinh khai hoi ngay nao', festival), false);
  });

  test('which place has most often had incidents is a record the letter does not keep', () => {
    assert.equal(nearDomainTopic('tram bts nao hay mat dien nhat', letter), true);
    assert.equal(nearDomainTopic('xã nào thường mất sóng nhất', letter), true);
    assert.equal(nearDomainTopic('phai du tru nhien lieu it nhat may ngay', letter), false);
  });
});

describe('another body’s own plans, requirements and deadlines', () => {
  const issuer = 'so khoa hoc va cong nghe';
  const addressees = 'doanh nghiep vien thong tinh buu dien tinh uy ban nhan dan cac xa';
  test('a body other than the issuer, asked what it plans, requires or must meet, is declined', () => {
    assert.equal(otherBodysOwn('so gtvt co ke hoach gi cho tet khong', issuer, addressees), true);
    assert.equal(
      otherBodysOwn('cong an thanh pho co yeu cau gi ve an toan thong tin', issuer, addressees),
      true,
    );
    assert.equal(otherBodysOwn('cuc vien thong han bao cao la ngay nao', issuer, addressees), true);
  });
  test('the issuer, named short or in full, and a body addressed are the letter’s own', () => {
    assert.equal(otherBodysOwn('so co yeu cau kiem tra nguon dien khong', issuer, addressees), false);
    assert.equal(otherBodysOwn('so khoa hoc cong nghe yeu cau gi', issuer, addressees), false);
    assert.equal(otherBodysOwn('uy ban nhan dan cac xa co yeu cau gi', issuer, addressees), false);
    assert.equal(otherBodysOwn('so cong van la bao nhieu', issuer, addressees), false);
  });
  test('another body’s own letter, and whom to reach there, are not the letter’s', () => {
    const basis = ' chi thi so 02 ct ubnd cua uy ban nhan dan tinh ';
    assert.equal(otherBodysOwn('so y te co cong van truc tet khong', issuer, addressees, basis), true);
    assert.equal(otherBodysOwn('so cong thuong co cong van tet khong', issuer, addressees, basis), true);
    assert.equal(otherBodysOwn('so lao dong lien he ai', issuer, addressees, basis), true);
    // The body whose document the letter rests on, the issuer, a number ("số công văn", "số điện thoại").
    assert.equal(
      otherBodysOwn('uy ban nhan dan tinh co van ban gi ve tet', issuer, addressees, basis),
      false,
    );
    assert.equal(otherBodysOwn('so co cong van nao khac khong', issuer, addressees, basis), false);
    assert.equal(otherBodysOwn('so dien thoai lien he la gi', issuer, addressees, basis), false);
    // A body the letter names may be reached through it.
    assert.equal(otherBodysOwn('dien luc lien he ai', issuer, addressees, basis, ' dien luc '), false);
  });
  test('calling a body, its number asked after it, asks that body’s number', () => {
    const contact = ' dau moi lien he ong tran minh khoa dien thoai 0905 318 462 ';
    assert.equal(othersNumber('mat dien o tram thi goi dien luc so may', contact), true);
    assert.equal(othersNumber('su co thi goi so nao', contact), false);
    assert.equal(othersNumber('mat dien thi goi dien luc khong', contact), false);
  });
});
