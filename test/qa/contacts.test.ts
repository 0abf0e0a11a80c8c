import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  asksContactOnly,
  contactNamed,
  contactOfNumber,
  contactsOf,
  placeWords,
} from '../../src/qa/contacts.ts';
import { engineFor, smallLetter } from '../helpers/small-letter.ts';

const LIST = [
  {
    id: '3.doan-1',
    label: 'mục 3, đoạn 1',
    text: 'Đầu mối liên hệ của Sở: ông Trần Minh Khoa, Trưởng phòng Bưu chính, Viễn thông, điện thoại 0908 215 364; bà Lê Thị Ngọc Hân, chuyên viên, điện thoại 0937 482 119.',
  },
  { id: '3.a', label: 'mục 3, ý 1', text: 'VNPT Bắc Kạn: ông Phạm Quốc Bảo, 0913 702 458;' },
  { id: '3.b', label: 'mục 3, ý 2', text: 'Viettel Bắc Kạn: ông Nguyễn Đức Thịnh, 0982 114 670;' },
  {
    id: '3.c',
    label: 'mục 3, ý 3',
    text: 'Viettel Post chi nhánh Bắc Kạn: bà Trương Mỹ Linh, 0986 403 517;',
  },
  {
    id: '3.d',
    label: 'mục 3, ý 4',
    text: 'FPT Telecom chi nhánh Bắc Kạn: ông Huỳnh Tấn Phát, 0938 667 205.',
  },
];

describe('the contacts a letter lists, each with whom they answer for', () => {
  const contacts = contactsOf(LIST);
  const place = placeWords('Bắc Kạn');

  test('a line per business gives the business, the person and the number', () => {
    const vnpt = contacts.find((c) => c.org === 'VNPT Bắc Kạn');
    assert.equal(vnpt?.person, 'ông Phạm Quốc Bảo');
    assert.equal(vnpt?.phone, '0913 702 458');
  });

  test('a second person after a semicolon answers for what the first did, with their own title', () => {
    const han = contacts.find((c) => c.person === 'bà Lê Thị Ngọc Hân');
    assert.equal(han?.role, 'Đầu mối liên hệ của Sở');
    assert.equal(han?.title, 'chuyên viên');
    assert.equal(han?.org, undefined);
  });

  test('a whole name beats the start of a longer one, and a part of a name is enough alone', () => {
    assert.equal(contactNamed('sdt viettel', contacts, place).contacts[0]?.person, 'ông Nguyễn Đức Thịnh');
    assert.equal(
      contactNamed('viettel post sdt ai', contacts, place).contacts[0]?.person,
      'bà Trương Mỹ Linh',
    );
    assert.equal(contactNamed('fpt lh ai', contacts, place).contacts[0]?.person, 'ông Huỳnh Tấn Phát');
  });

  test('the place, even by its initials, belongs to the business named, not to what is asked', () => {
    const named = contactNamed('dau moi vnpt bk', contacts, place);
    assert.ok(asksContactOnly('dau moi vnpt bk', named.positions));
  });

  test('a question asking something else of the business is not a contact question', () => {
    const q = 'viettel gui bao cao cho ai';
    assert.equal(asksContactOnly(q, contactNamed(q, contacts, place).positions), false);
  });

  test('a number typed with other spacing finds its owner; a date does not', () => {
    assert.equal(contactOfNumber('so 0938667205 la cua ai', contacts)?.person, 'ông Huỳnh Tấn Phát');
    assert.equal(contactOfNumber('ngay 08/01/2030 la gi', contacts), undefined);
  });
});

describe('a letter listing a contact per business', () => {
  const engine = engineFor(
    smallLetter(`
1. Tổ chức trực Tết 24/24 giờ; khi có sự cố nghiêm trọng báo ngay qua đường dây nóng của Sở: 0209 3870 111.

2. Các doanh nghiệp gửi báo cáo về Sở trước 16 giờ 00 ngày 12/02/2027 qua địa chỉ bcvt@backan.gov.vn.

3. Đầu mối của các doanh nghiệp:
- VNPT Bắc Kạn: ông Phạm Quốc Bảo, 0913 702 458;
- MobiFone Bắc Kạn: bà Võ Thanh Trúc, 0904 339 826;
- Bưu điện tỉnh Bắc Kạn: ông Lý Hoàng Nam, 0903 126 784.
`),
  );

  test('"ai phụ trách MobiFone" is answered with MobiFone\'s contact, not the department\'s hotline', () => {
    const r = engine.ask('ai phụ trách MobiFone');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Võ Thanh Trúc/);
    assert.match(r.text, /0904 339 826/);
    assert.doesNotMatch(r.text, /3870 111/);
  });

  test('"buu dien lh ai" without diacritics', () => {
    const r = engine.ask('buu dien tinh lh ai');
    assert.match(r.text, /Lý Hoàng Nam/);
  });

  test('a number asked about is answered with its owner', () => {
    const r = engine.ask('so 0913 702 458 la cua ai');
    assert.match(r.text, /Phạm Quốc Bảo/);
    assert.match(r.text, /VNPT Bắc Kạn/);
  });
});

describe('the season said with the business', () => {
  test('"sđt viettel trực tết" asks the contact alone', () => {
    assert.equal(asksContactOnly('so dt viettel truc tet', new Set([2])), true);
  });
});
