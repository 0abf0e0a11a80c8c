import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseLetter } from '../../src/directive/parse.ts';
import { createEngine } from '../../src/qa/engine.ts';
import { knowledgeFromLetter } from '../../src/qa/knowledge.ts';

const letterOf = (file: string) => parseLetter(readFileSync(new URL(file, import.meta.url), 'utf8')).letter;

/** An engine built from one imported letter alone: no curated pairs. */
describe('Q&A from an imported letter', () => {
  const letter = letterOf('../directive/fixtures/cong-van-quoc-hieu-la-ma.txt');
  const engine = createEngine({ knowledge: knowledgeFromLetter(letter) });

  test('the deadline, e-mail and signer come from the structured facts of that letter', () => {
    const deadline = engine.ask('han nop bao cao khi nao');
    assert.equal(deadline.kind, 'answer');
    assert.match(deadline.text, /trước 10 giờ 00 ngày 10\/02\/2027 \(10 giờ sáng, thứ Tư\)/);
    assert.match(engine.ask('gui bc qua mail nao').text, /bcvt\.stttt@langson\.gov\.vn/);
    const signer = engine.ask('ai ky cong van');
    assert.equal(signer.kind, 'answer');
    assert.match(signer.text, new RegExp(letter.signer!.name));
  });

  test('a false premise is corrected: "hạn là 15/2 à?" → "Không đúng."', () => {
    const r = engine.ask('han bao cao la 15/2 a?');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /^Không đúng\./);
  });

  test('Tết days convert with the lunar calendar for the letter’s year', () => {
    assert.match(
      engine.ask('mùng 4 Tết là ngày nào?').text,
      /mùng 4 Tết Đinh Mùi.*thứ Ba, ngày 09\/02\/2027/,
    );
    // A letter that names its Tết without "Nguyên đán" ("Tết Đinh Mùi") is named once, not "Tết Tết Đinh Mùi".
    const ninhBinh = createEngine({
      knowledge: knowledgeFromLetter(
        letterOf('../directive/fixtures/cong-van-tet-dinh-mui-2027-ninh-binh.txt'),
      ),
    });
    assert.match(ninhBinh.ask('mung 4 tet la ngay may').text, /^Theo lịch âm, mùng 4 Tết Đinh Mùi là thứ Ba/);
    assert.match(engine.ask('giao thua la ngay may dl').text, /05\/02\/2027/);
    assert.match(engine.ask('10/2 la mung may').text, /mùng 5 Tết \(mùng 5 tháng Giêng\)/);
  });

  test('a lunar day outside the first ten of Tết names its month as officers do: "tháng Chạp", "tháng Giêng"', () => {
    // 2027: mùng 1 Tết is 06/02, so 25/01 is the 18th of tháng Chạp and 18/02 the 13th of tháng Giêng.
    assert.match(engine.ask('25/1 là ngày bao nhiêu âm lịch').text, /ngày 18 tháng Chạp/);
    assert.match(engine.ask('ngay 18/2 la mung may am').text, /ngày 13 tháng Giêng/);
    assert.match(engine.ask('30/1 la ngay bao nhieu am').text, /ngày 23 tháng Chạp/);
  });

  test('a lunar day named by its month is turned into the solar date: "26 tháng Chạp là ngày bao nhiêu dương"', () => {
    // 2027: tháng Chạp of the year before Tết, 18 tháng Chạp is 25/01 (the reverse of the test above).
    assert.match(
      engine.ask('18 thang chap la ngay bao nhieu duong').text,
      /ngày 18 tháng Chạp.*25\/01\/2027/,
    );
    assert.match(engine.ask('13 tháng Giêng là ngày mấy dương lịch').text, /18\/02\/2027/);
    assert.match(engine.ask('23 thang 12 am la ngay may').text, /30\/01\/2027/);
  });

  test('a Tết day or the year’s name claimed by the officer is checked against the calendar', () => {
    assert.match(engine.ask('mùng 1 Tết là 7/2 đúng không').text, /^Không đúng\..*ngày 06\/02\/2027/);
    assert.match(engine.ask('mung 4 tet roi vao 9/2 a').text, /^Đúng\..*ngày 09\/02\/2027/);
    assert.match(engine.ask('tết 2027 là tết Bính Ngọ phải ko').text, /^Không đúng\..*Tết Đinh Mùi/);
    assert.match(engine.ask('tet nay la tet dinh mui ha').text, /^Đúng\./);
  });

  test('answer first: a clear best match is answered with nearby questions offered, never "Có phải bạn muốn hỏi"', () => {
    const r = engine.ask('han chot bc');
    assert.equal(r.kind, 'answer');
    assert.ok(r.kind === 'answer' && (r.related?.length ?? 0) <= 3);
  });

  test('near-domain questions the letter does not cover are declined, never answered with the deadline', () => {
    for (const q of [
      'han bao cao nam sau la khi nao',
      'tien truc tet bao nhieu',
      'bao cao hang tuan gui thu may',
      'gia cuoc 4G bao nhieu',
    ]) {
      const r = engine.ask(q);
      assert.equal(r.kind, 'out_of_scope', q);
      assert.doesNotMatch(r.text, /10\/02\/2027/, q);
    }
  });

  test('a second letter answers its own facts: the knowledge is the letter’s, not the code’s', () => {
    const other = createEngine({
      knowledge: knowledgeFromLetter(letterOf('../directive/fixtures/cong-van-ngan-duong-day-nong.txt')),
    });
    assert.match(other.ask('hotline so may').text, /\d{3,}/);
    assert.match(other.ask('han nop bc').text, /03\/02\/2025/);
  });
});

describe('the duty period and the report deadline are told apart', () => {
  const dated = createEngine({
    knowledge: knowledgeFromLetter(
      letterOf('../directive/fixtures/cong-van-tet-dinh-mui-2027-binh-dinh.txt'),
    ),
  });
  const undated = createEngine({
    knowledge: knowledgeFromLetter(letterOf('../directive/fixtures/cong-van-quoc-hieu-la-ma.txt')),
  });

  test('a question naming duty is answered from the clause setting the duty period, not with the deadline', () => {
    for (const q of ['trực Tết đến hết hôm nào vậy', 'ca truc tet bat dau tu khi nao']) {
      const r = dated.ask(q);
      assert.equal(r.kind, 'answer', q);
      assert.match(r.text, /04\/02\/2027.*11\/02\/2027/, q);
      assert.doesNotMatch(r.text, /12\/02\/2027/, q);
    }
  });

  test('a letter that sets no duty period declines the question instead of giving the deadline', () => {
    const r = undated.ask('trực Tết đến hết hôm nào vậy');
    assert.equal(r.kind, 'out_of_scope');
    assert.doesNotMatch(r.text, /10\/02\/2027/);
  });

  test('a deadline claimed with a date another clause holds is corrected with the true deadline', () => {
    const r = dated.ask('hạn là 11/2 hả');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /^Không đúng\..*12\/02\/2027/);
  });
});

describe('who-questions the letter does not answer are declined', () => {
  const deputySigned = createEngine({
    knowledge: knowledgeFromLetter(letterOf('../directive/fixtures/cong-van-hai-cot.txt')),
  });
  const district = createEngine({
    knowledge: knowledgeFromLetter(letterOf('../directive/fixtures/cong-van-huyen-chu-ky-truoc.txt')),
  });

  test('a title the signer does not hold is not answered with the signer', () => {
    assert.equal(deputySigned.ask('Giám đốc Sở tên là gì').kind, 'out_of_scope');
    assert.match(deputySigned.ask('ai ký công văn này').text, /Nguyễn Văn An/);
    assert.match(deputySigned.ask('ai là phó giám đốc ký công văn').text, /Nguyễn Văn An/);
  });

  test('who is on duty on a given day is the roster, not the letter', () => {
    assert.equal(district.ask('ai trực lãnh đạo đêm giao thừa').kind, 'out_of_scope');
    assert.equal(district.ask('ai duyệt lịch trực của huyện').kind, 'out_of_scope');
    assert.match(district.ask('đầu mối liên hệ là ai, chức vụ thế nào').text, /Ngô Văn Tùng/);
  });
});

describe('near-domain questions beside what a clause says are declined', () => {
  const engineOf = (name: string) =>
    createEngine({ knowledge: knowledgeFromLetter(letterOf(`../directive/fixtures/${name}.txt`)) });
  const district = engineOf('cong-van-huyen-chu-ky-truoc');
  const addressed = engineOf('cong-van-tet-dinh-mui-2027-binh-dinh');
  const festivals = engineOf('cong-van-quoc-hieu-la-ma');
  const border = engineOf('cong-van-tet-ky-dau-2029-lao-cai');

  test('an operator asks nothing of a letter that names no business at all', () => {
    assert.equal(district.ask('VNPT có phải báo cáo theo công văn này không').kind, 'out_of_scope');
    assert.match(addressed.ask('Viettel có phải gửi báo cáo không').text, /Viettel Bình Định/);
  });

  test('"which ones" is answered only by a clause that lists them', () => {
    assert.equal(festivals.ask('trong tỉnh có những lễ hội nào').kind, 'out_of_scope');
    assert.match(border.ask('băng giá ở những khu vực nào').text, /Sa Pa, Bát Xát, Y Tý/);
  });
});

test('a how-many question goes to a close runner-up holding a number when the leader holds none', () => {
  const engine = createEngine({
    knowledge: knowledgeFromLetter(letterOf('../directive/fixtures/cong-van-tet-canh-tuat-2030-ca-mau.txt')),
  });
  const r = engine.ask('mỗi ca trực có mấy người');
  assert.equal(r.kind, 'answer');
  assert.match(r.text, /01 cán bộ lãnh đạo và 01 cán bộ kỹ thuật/);
});

describe('a part of the letter named by its number', () => {
  const letter = letterOf('../directive/fixtures/cong-van-tet-tan-hoi-2031-khanh-hoa.txt');
  const engine = createEngine({ knowledge: knowledgeFromLetter(letter) });

  test('"phần III nói gì", "mục 2 phần II nói về ai": that part answers, with what is under it', () => {
    const whole = engine.ask('phan III noi gi');
    assert.equal(whole.kind, 'answer');
    assert.match(whole.text, /^Theo mục III của công văn/);
    const post = engine.ask('muc 2 phan II noi ve ai');
    assert.equal(post.kind, 'answer');
    assert.match(post.text, /^Theo mục II, điểm 2 của công văn: Đối với các doanh nghiệp bưu chính/);
  });

  test('something asked of a part is answered from under it', () => {
    const r = engine.ask('Mục I yêu cầu chú ý khu vực nào');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Trường Sa/);
  });
});

test('a body named in a parenthesis of the contact sentence, as the occasion to call, gives no number of its own', () => {
  const letter = letterOf('../directive/fixtures/cong-van-tet-ky-dau-2029-cao-bang.txt');
  const engine = createEngine({ knowledge: knowledgeFromLetter(letter) });
  assert.equal(engine.ask('so dien thoai don bien phong ta lung').kind, 'out_of_scope');
  assert.match(engine.ask('số điện thoại liên hệ').text, /0915\.277\.063/);
});

test('/vanban shows the parts as the import did: headings in sentence case, two closings told apart', () => {
  const letter = letterOf('../directive/fixtures/cong-van-tet-dinh-mui-2027-lam-dong.txt');
  const outline = createEngine({ knowledge: knowledgeFromLetter(letter) }).outline();
  const titles = outline.parts.map((p) => p.title);
  assert.ok(titles.includes('Mục I. Nhiệm vụ bảo đảm thông tin liên lạc'), titles.join(' / '));
  const closings = titles.filter((title) => title.startsWith('Đoạn kết'));
  assert.equal(closings.length, 2);
  assert.notEqual(closings[0], closings[1]);
  assert.match(outline.text, /• Mục II\. Công tác trực và chế độ báo cáo\n/);
});
