/** The days a letter keeps duty become the campaign's reporting days: `campaign create --tet <năm>`. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { findDutyPeriod } from '../../src/directive/duty-period.ts';
import { parseLetter } from '../../src/directive/parse.ts';
import { tetCampaignForYear } from '../../src/features/campaign-presets.ts';
import { smallLetter } from '../helpers/small-letter.ts';

const letterOf = (name: string) =>
  parseLetter(readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), 'utf8')).letter;

describe('the duty period of a letter', () => {
  it('reads "trực 24/24 giờ từ ngày … đến hết ngày …"', () => {
    const period = findDutyPeriod(letterOf('cong-van-tet-dinh-mui-2027-lam-dong'));
    assert.deepEqual([period?.from, period?.to], ['2027-02-04', '2027-02-13']);
  });

  it('reads a heading "Thời gian trực Tết:" with times before the days', () => {
    const period = findDutyPeriod(letterOf('cong-van-tet-canh-tuat-2030-dien-bien'));
    assert.deepEqual([period?.from, period?.to], ['2030-01-30', '2030-02-09']);
  });

  it('reads "Thời gian bảo đảm: Từ 07h00 ngày … đến …" and "Thời gian thực hiện: từ …", wider than a roster\'s days', () => {
    const sonLa = findDutyPeriod(letterOf('cong-van-tet-tan-hoi-2031-son-la'));
    assert.deepEqual([sonLa?.from, sonLa?.to], ['2031-01-20', '2031-01-28']);
    const plan = findDutyPeriod(letterOf('cong-van-tet-canh-tuat-2030-hai-phong'));
    assert.deepEqual([plan?.from, plan?.to], ['2030-01-28', '2030-02-09']);
  });

  it('takes the widest period, not one part\'s narrower duty ("từ 29 tháng Chạp đến mùng 4 Tết")', () => {
    const period = findDutyPeriod(letterOf('cong-van-tet-canh-tuat-2030-dak-lak'));
    assert.deepEqual([period?.from, period?.to], ['2030-01-30', '2030-02-06']);
  });

  it('converts lunar days, and finds nothing in a letter that sets no dates', () => {
    const { letter } = parseLetter(
      smallLetter(
        '1. Các doanh nghiệp tổ chức trực Tết từ 28 tháng Chạp đến hết mùng 6 Tết.\n\n2. Báo cáo kết quả về Sở trước 16 giờ 00 ngày 12/02/2027 qua thư điện tử bcvt@example.gov.vn.',
      ),
    );
    const period = findDutyPeriod(letter);
    assert.deepEqual([period?.from, period?.to], ['2027-02-04', '2027-02-11']);
    assert.equal(findDutyPeriod(letterOf('cong-van-tet-dinh-mui-2027-hue')), null);
  });

  it('gives the campaign its days; without a period the usual days stay', () => {
    const planned = tetCampaignForYear({
      year: 2027,
      letter: letterOf('cong-van-tet-dinh-mui-2027-lam-dong'),
    });
    assert.deepEqual(
      [planned.campaign.firstDay, planned.campaign.lastDay, planned.duty?.from],
      ['2027-02-04', '2027-02-13', '2027-02-04'],
    );
    const usual = tetCampaignForYear({ year: 2027, letter: letterOf('cong-van-tet-dinh-mui-2027-hue') });
    assert.equal(usual.duty, null);
    assert.equal(usual.campaign.firstDay, '2027-02-04');
    const otherYear = tetCampaignForYear({
      year: 2028,
      letter: letterOf('cong-van-tet-dinh-mui-2027-lam-dong'),
    });
    assert.equal(otherYear.duty, null, 'a letter about another Tết sets nothing');
  });
});
