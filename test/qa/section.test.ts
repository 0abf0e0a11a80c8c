import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asksWholeSection, namedSection, sectionReferences } from '../../src/qa/section.ts';

const roman = ['mo-dau', 'I', 'I.1', 'I.2', 'II', 'II.1', 'II.1.a', 'II.2', 'III', 'III.3', 'ket-thuc'];
const numbered = ['mo-dau', '1', '1.+1', '1.+2', '5', '5.+1', '6', '6.+1', '6.+2', 'ket-thuc'];

test('a part of the letter named by its number, Roman or not, in any order', () => {
  assert.equal(namedSection(sectionReferences('muc 6 noi gi'), numbered), '6');
  assert.equal(namedSection(sectionReferences('ý 2 mục 6 nói gì'), numbered), '6.+2');
  assert.equal(namedSection(sectionReferences('phan III noi gi'), roman), 'III');
  assert.equal(namedSection(sectionReferences('muc 2 phan II noi ve ai'), roman), 'II.2');
  assert.equal(namedSection(sectionReferences('điểm a mục 1 phần II'), roman), 'II.1.a');
  // "mục 3" of a letter in Roman parts is its part III.
  assert.equal(namedSection(sectionReferences('mục 3 yêu cầu gì'), roman), 'III');
  // No part named: a purpose, "chú ý", a law's article.
  assert.deepEqual(sectionReferences('cv nham muc dich gi'), []);
  assert.deepEqual(sectionReferences('Mục I yêu cầu chú ý khu vực nào'), ['1']);
  assert.deepEqual(sectionReferences('theo điều 5 khoản 2 nghị định'), []);
  assert.equal(namedSection(sectionReferences('mục 9 nói gì'), numbered), null);
  // A dash item ("1.-3", the 3rd dash of part 1) is named by "ý" as a "+" item is.
  assert.equal(namedSection(sectionReferences('ý 3 mục 1'), ['1', '1.-1', '1.-2', '1.-3']), '1.-3');
});

test('what the part says, asked as a whole or asked something of', () => {
  for (const q of ['muc 6 noi gi', 'muc 5 noi ve j', 'mục 1 yêu cầu những gì', 'phần III nội dung là gì'])
    assert.ok(asksWholeSection(q), q);
  for (const q of ['Mục I yêu cầu chú ý khu vực nào', 'mục 2 có nói về giá cước không'])
    assert.ok(!asksWholeSection(q), q);
});
