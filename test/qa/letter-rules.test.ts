import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseLetter } from '../../src/directive/parse.ts';
import { createEngine } from '../../src/qa/engine.ts';
import { knowledgeFromLetter } from '../../src/qa/knowledge.ts';
import { nearDomainTopic } from '../../src/qa/off-topic.ts';

/** An engine answering from one of the parser's test letters alone. */
const engineOf = (name: string) =>
  createEngine({
    knowledge: knowledgeFromLetter(
      parseLetter(readFileSync(new URL(`../directive/fixtures/${name}.txt`, import.meta.url), 'utf8')).letter,
    ),
  });

const tuningLetter = () =>
  createEngine({
    knowledge: knowledgeFromLetter(
      parseLetter(
        readFileSync(new URL('../../data/cong-van-tet-giap-thin-2024.txt', import.meta.url), 'utf8'),
      ).letter,
    ),
  });

describe('the categories of question the letter rules serve', () => {
  const shortClauses = engineOf('cong-van-hai-cot');

  test('a clause of a few words ("Bố trí trực 24/7.") is a task the engine answers from', () => {
    const r = shortClauses.ask('truc tet ntn');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Bố trí trực 24\/7/);
  });

  const nghean = engineOf('cong-van-tet-binh-ngo-2026-nghe-an');
  const district = engineOf('cong-van-huyen-chu-ky-truoc');

  test('what to do about an incident is the clause on incidents; whom to call is the contact', () => {
    const todo = nghean.ask('khi co su co thi lam gi');
    assert.equal(todo.kind, 'answer');
    assert.match(todo.text, /Xử lý sự cố/);
    assert.doesNotMatch(todo.text, /đầu mối liên hệ/);
    assert.match(nghean.ask('gặp sự cố thì gọi ai').text, /đầu mối liên hệ: 0238/);
  });

  test('a fact the letter lacks (no daily report) yields to a clause as close that says it', () => {
    const r = district.ask('can bao nhanh nhung gi');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /sự cố, vụ việc đột xuất/);
  });

  const addressed = engineOf('cong-van-tet-dinh-mui-2027-binh-dinh');
  const border = engineOf('cong-van-tet-ky-dau-2029-lao-cai');

  test('a business named before the question is who asks: the clause answers, not the "Kính gửi" list', () => {
    const email = addressed.ask('Viettel Bình Định nộp báo cáo qua email nào');
    assert.equal(email.kind, 'answer');
    assert.match(email.text, /bcvt\.stttt@binhdinh\.gov\.vn/);
    assert.doesNotMatch(email.text, /Kính gửi/);
    const fuel = border.ask('Viettel Lào Cai phải dự trữ nhiên liệu bao lâu');
    assert.match(fuel.text, /ít nhất 24 giờ/);
    // "Bưu điện tỉnh" is the postal business: its name carries that sense to the clause on postal items.
    const banned = border.ask('Bưu điện tỉnh Lào Cai không được nhận những hàng gì');
    assert.equal(banned.kind, 'answer');
    assert.match(banned.text, /pháo, ma túy/);
  });

  test('whether the letter is addressed to a business is still the "Kính gửi" list', () => {
    assert.match(
      addressed.ask('VNPT có phải thực hiện công văn này không').text,
      /Kính gửi.*Viettel Bình Định/,
    );
    assert.match(border.ask('MobiFone Lào Cai có thuộc đối tượng áp dụng không').text, /Kính gửi/);
  });

  test('the letter number asked alone is the number fact, whatever the question says of the letter', () => {
    for (const q of ['so cua van ban nay la gi', 'số hiệu công văn về Tết Kỷ Dậu là gì ạ']) {
      const r = border.ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, /176\/STTTT-BCVTCNTT/, q);
    }
    // The number of a document the letter rests on is not the letter's.
    assert.doesNotMatch(border.ask('số chỉ thị căn cứ của công văn').text, /176\/STTTT/);
  });

  const coast = engineOf('cong-van-tet-canh-tuat-2030-ca-mau');

  test('how long to report an incident is the clause stating a span ("trong vòng 30 phút")', () => {
    for (const q of ['khi có sự cố thì báo cáo trong bao lâu', 'sự cố mạng thì mấy tiếng phải báo']) {
      const r = coast.ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, /trong vòng 30 phút/, q);
    }
  });

  test('"ngoài Sở ra … báo cho ai" is who else: the clause not naming the Sở', () => {
    const r = coast.ask('ngoài Sở ra phải thông báo cho ai khi có sự cố');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Ủy ban nhân dân xã, phường/);
  });

  test('a document the letter rests on is given with what it is about and its date as dd/mm/yyyy', () => {
    const basis = engineOf('cong-van-quoc-hieu-la-ma').ask('công văn 4120 của Bộ ban hành ngày nào');
    assert.equal(basis.kind, 'answer');
    assert.match(basis.text, /4120\/BTTTT-CVT ngày 10\/12\/2026 .* về bảo đảm thông tin liên lạc/);
  });

  test('duty claimed for office hours or by day only is answered by the clause setting the duty', () => {
    const dated = engineOf('cong-van-tet-dinh-mui-2027-binh-dinh');
    for (const q of ['trực Tết chỉ cần trực giờ hành chính phải không', 'ban đêm có phải trực không']) {
      const r = dated.ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, /trực 24\/24 giờ/, q);
    }
  });

  test('a vague question on duty is the duty clause: its frame ("yêu cầu", "quy định … ra sao") weighs little', () => {
    const r = district.ask('yêu cầu về trực Tết thế nào');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /trực lãnh đạo, trực cơ quan 24\/24 giờ/);
    const duty = border.ask('quy định trực ra sao');
    assert.equal(duty.kind, 'answer');
    assert.match(duty.text, /Công tác trực Tết/);
    // "cấu trúc" (structure) is not "trực" (duty), nor "yêu cầu trực" a structure.
    assert.match(district.ask('cấu trúc công văn').text, /^Công văn gồm/);
  });

  test('two items of one clause saying the thing asked, as closely, are answered together by their clause', () => {
    for (const q of ['máy phát điện thì sao', 'quy định về máy phát điện']) {
      const r = coast.ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, /bảo dưỡng máy phát điện[\s\S]*máy phát điện di động/, q);
    }
  });

  test('a near-domain topic the officer sets aside ("ngoài ngày nghỉ Tết còn …") does not decline', () => {
    const r = shortClauses.ask('ngoài ngày nghỉ Tết còn phải bảo đảm thông tin dịp nào');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /lễ hội đầu xuân/);
    // "năm ngoái" is last year, nothing set aside.
    assert.equal(shortClauses.ask('kết quả năm ngoái ra sao').kind, 'out_of_scope');
  });

  test('pay is asked for by its own names: "lưu lượng", "lực lượng" are not "lương"', () => {
    assert.equal(nearDomainTopic('luu luong tin nhan tang dot bien thi sao', ' '), false);
    assert.equal(nearDomainTopic('phoi hop voi luc luong chuc nang', ' '), false);
    for (const q of ['trực Tết có được lương không', 'lương trực Tết bao nhiêu', 'tien luong truc tet'])
      assert.equal(nearDomainTopic(q, ' '), true, q);
  });

  test('"khoảng thời gian nào" frames the question: the daily report covers the 24 hours before it', () => {
    const r = border.ask('báo cáo hằng ngày tính trong khoảng thời gian nào');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /24 giờ trước đó/);
  });

  test('a date or number claimed for the letter itself is checked against its own', () => {
    for (const q of ['cv ký ngày 20/1 phải không', 'công văn số 180 hả']) {
      const r = border.ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, /176\/STTTT-BCVTCNTT.*22\/01\/2029/, q);
    }
  });

  test('a business named with a question the letter does not cover is declined, not given the "Kính gửi" list', () => {
    assert.equal(border.ask('VNPT có bán iPhone không').kind, 'out_of_scope');
    assert.equal(addressed.ask('Viettel có bán iPhone không').kind, 'out_of_scope');
  });

  test('the officer’s words for who keeps duty and for batteries reach the letter’s own', () => {
    assert.match(border.ask('kíp trực có được ở nhà không').text, /không trực qua điện thoại tại nhà/);
    assert.match(border.ask('pin dự phòng đủ mấy giờ').text, /ắc quy đủ duy trì hoạt động ít nhất 24 giờ/);
  });

  test('banned printed matter asked by its everyday names reaches the letter’s "trái đạo đức xã hội"', () => {
    const engine = tuningLetter();
    for (const q of [
      'văn hóa phẩm khiêu dâm có được gửi không',
      'gửi sách báo trái thuần phong mỹ tục được không',
    ]) {
      const r = engine.ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, /trái đạo đức xã hội/, q);
    }
  });

  const dayOnly = engineOf('cong-van-tet-dinh-mui-2027-hue');

  test('a count asked of a clause whose only figure is a percentage ("30%" read "30 phần trăm") is declined', () => {
    for (const q of ['phải lắp mấy trạm BTS lưu động', 'Viettel có bao nhiêu trạm BTS']) {
      assert.equal(dayOnly.ask(q).kind, 'out_of_scope', q);
    }
    assert.match(dayOnly.ask('tăng dung lượng mạng bao nhiêu').text, /30%/);
  });

  test('the holder of a title the letter does not give is declined, though the contact is named with another', () => {
    for (const q of ['trưởng phòng bưu chính viễn thông là ai', 'chanh van phong so ten gi']) {
      assert.equal(dayOnly.ask(q).kind, 'out_of_scope', q);
    }
    assert.match(dayOnly.ask('chuyên viên đầu mối tên gì').text, /Tôn Nữ Minh Thư/);
  });

  test('the hour of a deadline the letter gives as a day alone is not given; the day is said', () => {
    const r = dayOnly.ask('hạn nộp báo cáo trước mấy giờ');
    assert.equal(r.kind, 'out_of_scope');
    assert.match(r.text, /không ghi giờ.*18\/02\/2027/);
    assert.equal(dayOnly.ask('hạn nộp báo cáo ngày nào').kind, 'answer');
  });

  const highlands = engineOf('cong-van-tet-canh-tuat-2030-dak-lak');

  test('what a named business owns ("VNPT có bao nhiêu trạm") is declined; a count the letter sets is answered', () => {
    for (const q of ['VNPT có bao nhiêu nhân viên', 'mobifone co may tram bts']) {
      assert.equal(highlands.ask(q).kind, 'out_of_scope', q);
    }
    assert.match(highlands.ask('mỗi cụm trạm vùng sâu có mấy nhân viên kỹ thuật trực').text, /01 nhân viên/);
  });

  test('which short code ("đầu số nào") is answered only by a clause giving one', () => {
    assert.equal(highlands.ask('tin nhắn cảnh báo gửi từ đầu số nào').kind, 'out_of_scope');
  });

  test('phone weighed against writing is the report made by phone, with what writing follows', () => {
    const r = engineOf('cong-van-tet-dinh-mui-2027-ha-tinh').ask(
      'đã gọi điện báo thì có phải làm văn bản không',
    );
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /bằng điện thoại.*sau đó gửi báo cáo bằng văn bản/);
    const quick = engineOf('cong-van-tet-at-ty-2025-quang-ninh').ask('báo cáo nhanh gửi mail hay gọi điện');
    assert.match(quick.text, /bằng điện thoại/);
  });

  test('the report’s form said in its clause heading ("Báo cáo tổng hợp bằng văn bản:") is quoted with it', () => {
    const r = engineOf('cong-van-tet-at-ty-2025-quang-ninh').ask('báo cáo tổng hợp gửi bản giấy hay email');
    assert.match(r.text, /Báo cáo tổng hợp bằng văn bản: kết quả thực hiện/);
    assert.match(r.text, /stttt@quangninh\.gov\.vn/);
  });

  test('whom the letter itself is reported to is "Nơi nhận" (để b/c), not where businesses send their report', () => {
    for (const q of ['công văn này báo cáo lên cơ quan nào', 'cv gửi ai để báo cáo']) {
      const r = engineOf('cong-van-tet-at-ty-2025-quang-ninh').ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, /Cục Viễn thông\) \(để b\/c\); UBND tỉnh \(để b\/c\)/, q);
    }
  });

  test('a span asked for ("từ ngày nào tới ngày nào") is the clause stating one, in the officer’s words', () => {
    for (const q of [
      'bảo đảm mạng lưới từ ngày nào tới ngày nào',
      'giai doan bao dam he thong tu ngay nao den ngay nao',
    ]) {
      const r = dayOnly.ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, /từ ngày 01\/02\/2027 đến hết ngày 20\/02\/2027/, q);
    }
    assert.match(
      dayOnly.ask('bưu cục mở cửa muộn từ ngày nào đến ngày nào').text,
      /25\/01\/2027 đến ngày 04\/02\/2027/,
    );
  });

  test('how many hours duty lasts is the clause setting it ("24/24 giờ"), though the letter gives no dates', () => {
    assert.match(dayOnly.ask('trực Tết mấy tiếng').text, /trực 24\/24 giờ/);
  });

  test('the issuer the officer believes sent the letter is confirmed or corrected', () => {
    const engine = engineOf('cong-van-tet-at-ty-2025-quang-ninh');
    assert.match(
      engine.ask('cv này của sở KHCN phải không').text,
      /^Không đúng\. Công văn do Sở Thông tin và Truyền thông/,
    );
    assert.match(engine.ask('công văn do sở thông tin truyền thông ban hành à').text, /^Đúng\./);
    assert.match(engine.ask('công văn này của sở nào').text, /^Công văn do Sở Thông tin và Truyền thông/);
  });

  test('a kind of document offered with one the letter cites ("công điện hay chỉ thị") is not declined', () => {
    const r = highlands.ask('UBND tỉnh ra chỉ thị hay công điện về Tết, số mấy');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Công điện số 02\/CĐ-UBND/);
    assert.equal(highlands.ask('căn cứ nghị định nào').kind, 'out_of_scope');
  });

  test('a date claimed for another deadline than the report’s is checked by the clause setting it', () => {
    const wrong = highlands.ask('hạn gửi lịch trực là 26/1 à');
    assert.equal(wrong.kind, 'answer');
    assert.match(wrong.text, /^Không đúng\..*25\/01\/2030/s);
    assert.match(highlands.ask('deadline lich truc la 25/1 dung ko').text, /^Đúng\./);
  });

  test('a business the letter is addressed to asking whether it must report is told yes, and the deadline', () => {
    const engine = engineOf('cong-van-tet-dinh-mui-2027-tuyen-quang');
    const r = engine.ask('MobiFone có phải nộp báo cáo không');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /^Có\. MobiFone tỉnh Tuyên Quang có tên trong phần "Kính gửi".*12\/02\/2027/);
  });
});
