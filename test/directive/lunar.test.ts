import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  canChiOfYear,
  lunarOfSolar,
  normalizeCanChi,
  solarOfLunar,
  tetDay,
  tetFirstDay,
  tetYearOfCanChi,
} from '../../src/directive/lunar.ts';

describe('tetFirstDay', () => {
  it('gives mùng 1 Tết by the Vietnamese calendar, 2024–2030', () => {
    const expected: Record<number, string> = {
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
      2028: '2028-01-26',
      2029: '2029-02-13',
      2030: '2030-02-02',
    };
    for (const [year, iso] of Object.entries(expected)) assert.equal(tetFirstDay(Number(year)), iso, year);
  });

  it('follows UTC+7 new moons: 2030 and 1985 differ from the Chinese calendar', () => {
    assert.equal(tetFirstDay(2030), '2030-02-02'); // China: 2030-02-03
    assert.equal(tetFirstDay(1985), '1985-01-21'); // China: 1985-02-20
  });

  it('refuses years outside the supported tables', () => {
    assert.throws(() => tetFirstDay(2200), RangeError);
    assert.throws(() => tetFirstDay(1799), RangeError);
  });
});

describe('tetDay', () => {
  it('converts mùng n Tết to the solar date', () => {
    assert.equal(tetDay(2024, 4), '2024-02-13');
    assert.equal(tetDay(2025, 6), '2025-02-03');
    assert.equal(tetDay(2025, 9), '2025-02-06');
    assert.equal(tetDay(2027, 5), '2027-02-10');
    assert.equal(tetDay(2030, 4), '2030-02-05');
    assert.equal(tetDay(2028, 6), '2028-01-31');
  });

  it('refuses days that do not exist', () => {
    assert.throws(() => tetDay(2024, 0), RangeError);
    assert.throws(() => tetDay(2024, 31), RangeError);
    assert.throws(() => tetDay(2024, 30), RangeError); // tháng Giêng Giáp Thìn has 29 days
    assert.equal(tetDay(2025, 30), '2025-02-27');
  });
});

describe('lunarOfSolar and solarOfLunar', () => {
  it('reads a solar date as a lunar one', () => {
    assert.deepEqual(lunarOfSolar('2024-02-13'), { day: 4, month: 1, year: 2024, leap: false });
    assert.deepEqual(lunarOfSolar('2024-02-09'), { day: 30, month: 12, year: 2023, leap: false });
    assert.deepEqual(lunarOfSolar('2025-01-28'), { day: 29, month: 12, year: 2024, leap: false });
    assert.deepEqual(lunarOfSolar('2023-03-22'), { day: 1, month: 2, year: 2023, leap: true });
  });

  it('round-trips and refuses a leap month that year does not have', () => {
    assert.equal(solarOfLunar(1, 6, 2025, true), '2025-07-25');
    assert.equal(solarOfLunar(4, 1, 2024), '2024-02-13');
    assert.throws(() => solarOfLunar(1, 3, 2024, true), /tháng 3 nhuận/);
  });

  it('returns copies, so a caller cannot spoil the cache', () => {
    const first = lunarOfSolar('2026-02-17');
    first.day = 99;
    assert.equal(lunarOfSolar('2026-02-17').day, 1);
  });

  it('adds days across months and years', () => {
    assert.equal(addDays('2024-02-28', 2), '2024-03-01');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  });
});

describe('can chi', () => {
  it('names years', () => {
    assert.equal(canChiOfYear(2024), 'Giáp Thìn');
    assert.equal(canChiOfYear(2025), 'Ất Tỵ');
    assert.equal(canChiOfYear(2026), 'Bính Ngọ');
    assert.equal(canChiOfYear(2027), 'Đinh Mùi');
    assert.equal(canChiOfYear(1984), 'Giáp Tý');
  });

  it('normalises spellings and refuses impossible pairs', () => {
    assert.equal(normalizeCanChi('đinh  mùi'), 'Đinh Mùi');
    assert.equal(normalizeCanChi('Ất Tị'), 'Ất Tỵ');
    assert.equal(normalizeCanChi('Quý Mẹo'), 'Quý Mão');
    assert.equal(normalizeCanChi('Giáp Sửu'), null);
    assert.equal(normalizeCanChi('Nguyên đán'), null);
  });

  it('finds the nearest year of a name', () => {
    assert.equal(tetYearOfCanChi('Đinh Mùi', 2026), 2027);
    assert.equal(tetYearOfCanChi('ất tị', 2024), 2025);
    assert.equal(tetYearOfCanChi('Canh Tý', 2024), 2020);
    assert.equal(tetYearOfCanChi('Giáp Thìn', 2024), 2024);
    assert.equal(tetYearOfCanChi('Giáp Sửu', 2024), null);
  });
});
