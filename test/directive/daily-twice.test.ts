import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLetter } from '../../src/directive/parse.ts';
import { smallLetter } from '../helpers/small-letter.ts';

test('a report "02 lần/ngày, trước 08 giờ 00 và trước 16 giờ 00" is a daily report at both hours', () => {
  const { letter } = parseLetter(
    smallLetter(`
1. Từ ngày 31/01/2027 đến hết ngày 04/02/2027, các doanh nghiệp báo cáo 02 lần/ngày, trước 08 giờ 00 và trước 16 giờ 00, qua thư điện tử.

2. Các doanh nghiệp gửi báo cáo tổng hợp về Sở trước 10 giờ 00 ngày 12/02/2027.
`),
  );
  assert.equal(letter.dailyReport?.time, '08 giờ 00 và 16 giờ 00');
  assert.equal(letter.deadline.date, '12/02/2027');
});
