import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseLetter } from '../../src/directive/parse.ts';
import { createEngine } from '../../src/qa/engine.ts';
import { clauseKeys, knowledgeFromLetter } from '../../src/qa/knowledge.ts';

const root = new URL('../../', import.meta.url).pathname;
const letterFiles = [
  'data',
  'data/letters',
  'data/holdout',
  'data/unseen',
  'test/directive/fixtures',
].flatMap((dir) => {
  try {
    return readdirSync(path.join(root, dir))
      .filter((f) => f.endsWith('.txt') && !f.includes('khong-han'))
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
});

test('clause keys stay unique when two clause ids read alike in a button', () => {
  const keys = clauseKeys(['II.1', 'II.1.2', 'II.1~2', 'II.1-2']);
  assert.equal(new Set(keys.values()).size, 4, JSON.stringify([...keys]));
});

test('every letter the project holds imports and answers (nothing about its content asserted)', () => {
  assert.ok(letterFiles.length >= 12, letterFiles.join(', '));
  for (const file of letterFiles) {
    const { letter } = parseLetter(readFileSync(path.join(root, file), 'utf8'));
    assert.ok(letter.deadline.date, `${file}: a deadline`);
    const engine = createEngine({ knowledge: knowledgeFromLetter(letter) });
    assert.equal(engine.ask('hạn nộp báo cáo là khi nào').kind, 'answer', file);
  }
});
