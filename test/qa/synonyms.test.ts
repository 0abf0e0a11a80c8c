import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toLetterWords } from '../../src/qa/synonyms.ts';

const terms = (...words: string[]) => {
  const set = new Set(
    words.flatMap((w) => [
      ...w.split(' '),
      ...w
        .split(' ')
        .slice(1)
        .map((x, i) => `${w.split(' ')[i]}_${x}`),
    ]),
  );
  return (term: string) => set.has(term);
};

test("the officer's word becomes the letter's, even when the templates know the officer's", () => {
  const letter = terms('danh sach can bo truc');
  const known = (t: string) => letter(t) || terms('lich truc')(t);
  assert.deepEqual(toLetterWords('lich truc gui ve dau'.split(' '), letter, known), [
    'danh',
    'sach',
    'can',
    'bo',
    'truc',
    'gui',
    've',
    'dau',
  ]);
});

test("a word neither the letter nor the templates use becomes the templates' word", () => {
  const known = terms('chuc vu');
  assert.deepEqual(toLetterWords('ai ki chuc danh gi'.split(' '), terms(), known), [
    'ai',
    'ki',
    'chuc',
    'vu',
    'gi',
  ]);
});

test('a word the letter uses is kept', () => {
  const letter = terms('may no', 'may phat dien');
  assert.deepEqual(toLetterWords('may no'.split(' '), letter), ['may', 'no']);
});

test('"nộp" a report is the letter\'s "gửi" when the letter never says "nộp"', () => {
  assert.deepEqual(toLetterWords('ds truc nop truoc ngay nao'.split(' '), terms('gui danh sach')), [
    'ds',
    'truc',
    'gui',
    'truoc',
    'ngay',
    'nao',
  ]);
});

test('"suốt ngày đêm" is the letter\'s "24/24"', () => {
  assert.deepEqual(toLetterWords('truc suot ngay dem a'.split(' '), terms('truc 24 24 gio')), [
    'truc',
    '24',
    '24',
    'a',
  ]);
});

test('a member with a y is matched as the normaliser spells it ("xử lý" is "xu li")', () => {
  assert.deepEqual(toLetterWords('xu li su co'.split(' '), terms('khac phuc su co')), [
    'khac',
    'phuc',
    'su',
    'co',
  ]);
});

test('a grave incident and a stretch of days in the officer’s words reach the letter’s', () => {
  const letter = terms('su co nghiem trong', 'thoi gian');
  assert.deepEqual(
    toLetterWords('su co lon bao ngay'.split(' '), letter).join(' '),
    'su co nghiem trong bao ngay',
  );
  assert.deepEqual(toLetterWords('giai doan bao dam'.split(' '), letter).join(' '), 'thoi gian bao dam');
});

test('post offices opening late in the officer’s words reach the letter’s "kéo dài giờ mở cửa"', () => {
  const letter = terms('keo dai gio mo cua');
  assert.equal(
    toLetterWords('buu cuc mo muon a'.split(' '), letter).join(' '),
    'buu cuc keo dai gio mo cua a',
  );
});

test('whether a call costs ("có mất tiền không", "mất phí") reaches the letter’s "miễn phí" or "thu cước"', () => {
  const free = terms('ket noi mien phi toi so khan cap');
  assert.deepEqual(toLetterWords('goi 115 co mat tien khong'.split(' '), free), [
    'goi',
    '115',
    'co',
    'mien',
    'phi',
    'khong',
  ]);
  const charged = terms('khong thu cuoc cuoc goi');
  assert.deepEqual(toLetterWords('co mat phi khong'.split(' '), charged), ['co', 'thu', 'cuoc', 'khong']);
});

test('the report "cuối đợt" is the letter’s "toàn đợt"', () => {
  const letter = terms('bao cao tong hop toan dot');
  assert.equal(toLetterWords('nop bc cuoi dot'.split(' '), letter).join(' '), 'nop bc toan dot');
});

test("the final report, coming back after the break and a web link go by the letter's own names", () => {
  const letter = terms('bao cao tong hop', 'tro lai lam viec', 'dia chi');
  assert.deepEqual(
    toLetterWords('bao cao cuoi dot gui ai'.split(' '), letter),
    'bao cao tong hop gui ai'.split(' '),
  );
  assert.deepEqual(
    toLetterWords('cong nhan di lam lai'.split(' '), letter),
    'cong nhan tro lai lam viec'.split(' '),
  );
  assert.deepEqual(toLetterWords('link bao cao'.split(' '), letter), 'dia chi bao cao'.split(' '));
});
