import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repairTokens } from '../../src/qa/repair.ts';

describe('typing slips', () => {
  const known = new Set(['email', 'gui', 'bao', 'cao', 'nguoi', 'truc']);

  test('two neighbouring keys swapped in a long word are put back', () => {
    assert.deepEqual(repairTokens(['emial', 'gui'], known), ['email', 'gui']);
    assert.deepEqual(repairTokens(['ngoui', 'truc'], known), ['nguoi', 'truc']);
  });

  test('a loan word the normaliser expands, typed with two keys swapped, is expanded ("hotlien")', () => {
    assert.deepEqual(repairTokens(['hotlien'], known), ['duong', 'day', 'nong', 'so', 'dien', 'thoai']);
  });

  test('a short word, or one that two swaps could explain, is left as typed', () => {
    assert.deepEqual(repairTokens(['tcur'], known), ['tcur']);
    assert.deepEqual(repairTokens(['abcde'], new Set(['bacde', 'abced'])), ['abcde']);
  });

  test('glued syllables are split, but a syllable of its own is not cut into two known ones', () => {
    const syllables = new Set(['bao', 'cao', 'chu', 'an', 'bi']);
    assert.deepEqual(repairTokens(['baocao'], syllables), ['bao', 'cao']);
    assert.deepEqual(repairTokens(['chuan', 'bi'], syllables), ['chuan', 'bi']);
  });

  test('a telex tone key typed before the last vowel is dropped: "baso caos" is "báo cáo"', () => {
    assert.deepEqual(repairTokens(['baso', 'caos'], known), ['bao', 'cao']);
  });
});
