import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { asksMissingFigure } from '../../src/qa/answer-kind.ts';

const tokens = (q: string) => q.split(' ');

describe('a question that only a figure answers', () => {
  const fireworks = ' lap dat tram phat song luu dong tai diem ban phao hoa dem giao thua ';
  const deadline = ' gui bao cao truoc 16 gio 00 ngay 31 01 2028 ';

  test('a clock time asked of a clause without one is not answered from it', () => {
    assert.equal(asksMissingFigure(tokens('ban phao hoa luc may gio'), fireworks), true);
    assert.equal(asksMissingFigure(tokens('nop bao cao truoc may gio'), deadline), false);
    assert.equal(asksMissingFigure(tokens('truc may gio'), ' truc 24/24 gio '), false);
    assert.equal(asksMissingFigure(tokens('bao cao luc may gio'), ' truoc 16h ngay 31 01 '), false);
  });

  test('a count of a thing the letter never names is not answered from any clause, however many figures it holds', () => {
    const has = (bigram: string) => ['tram_bts', 'can_bo'].includes(bigram);
    const own = ' cong van so 245 skhcn bcvt ngay 18 01 2027 ';
    assert.equal(asksMissingFigure(tokens('vnpt co bao nhieu nhan vien'), own, has), true);
    assert.equal(asksMissingFigure(tokens('co bao nhieu tram bts'), ' 10 tram bts ', has), false);
    // The thing counted before "bao nhiêu", or no thing at all after it.
    assert.equal(asksMissingFigure(tokens('truc tu ngay bao nhieu am lich'), own, has), false);
    assert.equal(asksMissingFigure(tokens('pham vi bao nhieu thi phai bao'), own, has), false);
  });

  test('workers are counted by a figure, not listed like tasks; minutes are a length a date does not give', () => {
    const parks =
      ' tang cuong dung luong vao thoi diem cong nhan nhan luong tro lai lam viec tu ngay 19 02 2029 ';
    const has = (bigram: string) => bigram === 'cong_nhan';
    assert.equal(asksMissingFigure(tokens('kcn co bao nhieu cong nhan'), parks, has), true);
    assert.equal(asksMissingFigure(tokens('kcn co bao nhieu cong nhan'), ' 50000 cong nhan ', has), false);
    assert.equal(asksMissingFigure(tokens('ban phao hoa keo dai bao nhieu phut'), fireworks), true);
    assert.equal(asksMissingFigure(tokens('ban phao hoa keo dai bao nhieu phut'), ' trong 15 phut '), false);
  });

  test('"mấy" counts as "bao nhiêu" does, unless it asks which one ("mùng mấy") or the letter speaks of machines', () => {
    const has = (bigram: string) => bigram === 'may_phat';
    const duty =
      ' bo tri can bo truc 24 24 gio tu ngay 4 02 2027 den het ngay 11 02 2027 mung 6 tet lanh dao ';
    assert.equal(asksMissingFigure(tokens('moi ca truc can may lanh dao'), duty, has), true);
    assert.equal(
      asksMissingFigure(
        tokens('moi ca truc can may lanh dao'),
        ' moi ca truc co it nhat 1 can bo lanh dao ',
        has,
      ),
      false,
    );
    assert.equal(
      asksMissingFigure(tokens('han bao cao la mung may tet'), ' truoc 16 gio mung 6 tet ', has),
      false,
    );
    assert.equal(asksMissingFigure(tokens('may phat dien chay duoc khong'), duty, has), false);
    assert.equal(
      asksMissingFigure(tokens('cu may nguoi lam dau moi'), ' cu 1 lanh dao lam dau moi ', has),
      false,
    );
  });

  test('"bao lâu" wants a span with its unit, and "tăng bao nhiêu phần trăm" a percentage', () => {
    assert.equal(
      asksMissingFigure(tokens('chan thue bao lua dao trong bao lau'), ' chan tin nhan rac lua dao '),
      true,
    );
    assert.equal(
      asksMissingFigure(tokens('chan thue bao trong bao lau'), ' trong thoi han khong qua 2 gio '),
      false,
    );
    assert.equal(
      asksMissingFigure(
        tokens('mat lien lac bao lau thi phai bao'),
        ' truc 24 24 gio khi mat lien lac bao ngay ',
      ),
      true,
    );
    assert.equal(asksMissingFigure(tokens('truc bao lau'), ' truc 24 24 gio '), false);
    assert.equal(
      asksMissingFigure(
        tokens('khach du lich tang bao nhieu phan tram'),
        ' can cu cong van so 95 ngay 10 01 2029 ',
      ),
      true,
    );
    assert.equal(
      asksMissingFigure(tokens('du khach tang bao nhieu phan tram'), ' tang 30 40 phan tram '),
      false,
    );
  });

  test('a count asked of a clause without a number is not answered from it, a count of listed kinds is', () => {
    assert.equal(asksMissingFigure(tokens('lap bao nhieu tram luu dong'), fireworks), true);
    assert.equal(asksMissingFigure(tokens('kiem tra bao nhieu tram'), ' kiem tra 100 tram loai 1 '), false);
    assert.equal(asksMissingFigure(tokens('co bao nhieu loai truc'), ' truc lanh dao truc ky thuat '), false);
    assert.equal(asksMissingFigure(tokens('phao hoa o dau'), fireworks), false);
    // A date elsewhere in the clause is no count of stations; a span is counted from dates.
    assert.equal(asksMissingFigure(tokens('lap bao nhieu tram'), `${fireworks} tu ngay 24 01 2028 `), true);
    assert.equal(asksMissingFigure(tokens('truc bao nhieu ngay'), ' truc tu ngay 24 01 den 30 01 '), false);
    assert.equal(asksMissingFigure(tokens('sdt bao nhieu vay'), ' dien thoai 0905 214 368 '), false);
  });
});

test('"tăng bao nhiêu" asks for a change, which a clause states only as a percentage or a multiple', () => {
  const clause = ' bao cao luu luong so voi cung ki gui truoc 15 gio ngay 12 2 2027 ';
  assert.equal(asksMissingFigure(['luu', 'luong', 'tang', 'bao', 'nhieu'], clause), true);
  assert.equal(asksMissingFigure(['luu', 'luong', 'tang', 'bao', 'nhieu'], ' luu luong tang 30 % '), false);
});
