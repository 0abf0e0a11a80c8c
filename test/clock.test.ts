/**
 * Vietnam time without the time zone database: UTC+7 since 13 June 1975 (no daylight saving), luxon's answer
 * for anything earlier or out of range. The fast paths must agree with luxon's Asia/Ho_Chi_Minh everywhere.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { formatVnDateTime, formatVnTime, VN_ZONE, vnDay, vnInstant } from '../src/clock.ts';

const luxon = (at: Date) => DateTime.fromJSDate(at, { zone: VN_ZONE });

test('vnDay, formatVnDateTime and formatVnTime agree with luxon, before and after 1975', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') }),
      (at) => {
        assert.equal(vnDay(at), luxon(at).toISODate());
        assert.equal(formatVnDateTime(at), luxon(at).toFormat('HH:mm dd/MM/yyyy'));
        assert.equal(formatVnTime(at), luxon(at).toFormat('HH:mm'));
      },
    ),
    { numRuns: 5000 },
  );
  // The last instant before midnight and the first after, Vietnam time.
  assert.equal(vnDay(new Date('2024-02-09T16:59:59.999Z')), '2024-02-09');
  assert.equal(vnDay(new Date('2024-02-09T17:00:00.000Z')), '2024-02-10');
});

test('vnInstant agrees with luxon, including impossible days and times', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1960, max: 2100 }),
      fc.integer({ min: 1, max: 13 }),
      fc.integer({ min: 1, max: 32 }),
      fc.integer({ min: 0, max: 24 }),
      fc.integer({ min: 0, max: 61 }),
      (y, mo, d, h, mi) => {
        const day = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const hhmm = `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
        const ours = vnInstant(day, hhmm).getTime();
        const theirs = DateTime.fromISO(`${day}T${hhmm}`, { zone: VN_ZONE }).toJSDate().getTime();
        assert.ok(ours === theirs || (Number.isNaN(ours) && Number.isNaN(theirs)), `${day} ${hhmm}`);
      },
    ),
    { numRuns: 5000 },
  );
});
