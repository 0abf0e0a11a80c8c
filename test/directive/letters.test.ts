import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseLetter } from '../../src/directive/parse.ts';

const read = (path: string) => readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8');

/** The three letters the evaluation uses, read as an admin's import would: the facts the answers rest on. */
const LETTERS = [
  {
    file: 'cong-van-tet-giap-thin-2024.txt',
    number: null,
    deadline: '2024-02-13T09:00:00+07:00',
    lunarDay: 4,
    email: 'so_tttt_vt@bacgiang.gov.vn',
    signer: 'Nguyễn Gia Phong',
    tet: '2024-02-10',
  },
  {
    file: 'letters/cong-van-tet-at-ty-2025-thai-nguyen.txt',
    number: '2315/STTTT-BCVT',
    deadline: '2025-02-03T10:00:00+07:00',
    lunarDay: 6,
    email: 'bcvt.stttt@thainguyen.gov.vn',
    signer: 'Lê Quang Tuấn',
    tet: '2025-01-29',
  },
  {
    file: 'letters/cong-van-tet-dinh-mui-2027-quang-tri.txt',
    number: '1847/SKHCN-BCVTCĐS',
    deadline: '2027-02-10T15:00:00+07:00',
    lunarDay: 5,
    email: 'pcds.skhcn@quangtri.gov.vn',
    signer: 'Hồ Sỹ Thành',
    tet: '2027-02-06',
  },
];

for (const expected of LETTERS) {
  test(`${expected.file}: number, deadline with its Tết day, e-mail, signer, mùng 1`, () => {
    const t0 = performance.now();
    const { letter, warnings } = parseLetter(read(expected.file));
    assert.ok(performance.now() - t0 < 2000, 'a letter imports in well under 2 s');
    assert.equal(letter.number, expected.number);
    assert.equal(letter.deadline.at, expected.deadline);
    assert.equal(letter.deadline.lunarDay, expected.lunarDay);
    assert.equal(letter.email, expected.email);
    assert.equal(letter.signer?.name, expected.signer);
    assert.equal(letter.holiday?.tetFirstDay, expected.tet);
    assert.ok(letter.outline.length >= 2);
    assert.deepEqual(warnings, []);
  });
}
