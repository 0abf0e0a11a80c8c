import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseLetter } from '../../src/directive/parse.ts';
import { createEngine } from '../../src/qa/engine.ts';
import { knowledgeFromLetter } from '../../src/qa/knowledge.ts';

/** An engine answering from one of the parser's test letters alone. */
const engineOf = (name: string) =>
  createEngine({
    knowledge: knowledgeFromLetter(
      parseLetter(readFileSync(new URL(`../directive/fixtures/${name}.txt`, import.meta.url), 'utf8')).letter,
    ),
  });

describe('the categories of question the letter rules serve', () => {
  const shortClauses = engineOf('cong-van-hai-cot');

  test('a clause of a few words ("Bố trí trực 24/7.") is a task the engine answers from', () => {
    const r = shortClauses.ask('truc tet ntn');
    assert.equal(r.kind, 'answer');
    assert.match(r.text, /Bố trí trực 24\/7/);
  });
});
