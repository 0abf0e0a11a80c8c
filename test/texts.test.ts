/** Texts are data: every key is used somewhere, none is defined twice, and none is empty or lacks its diacritics. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lacksDiacritics } from '../src/fold.ts';
import { TEXT_FILES, t } from '../src/texts/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path.endsWith(join('src', 'texts')) ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

test('every text key is used by the code outside src/texts/ (the admin scripts included)', () => {
  const code = [...sources(join(root, 'src')), ...sources(join(root, 'scripts'))].join('\n');
  const unused = Object.entries(TEXT_FILES).flatMap(([file, texts]) =>
    Object.keys(texts)
      .filter((key) => !new RegExp(`\\.${key}\\b`).test(code))
      .map((key) => `${file}.${key}`),
  );
  assert.deepEqual(unused, []);
});

test('no key is defined in two files (the merged table would hide one)', () => {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const [file, texts] of Object.entries(TEXT_FILES))
    for (const key of Object.keys(texts)) {
      if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${file}`);
      seen.set(key, file);
    }
  assert.deepEqual(twice, []);
  assert.equal(Object.keys(t).length, seen.size);
});

test('plain texts are Vietnamese with their diacritics, never empty', () => {
  for (const [file, texts] of Object.entries(TEXT_FILES))
    for (const [key, value] of Object.entries(texts)) {
      if (typeof value !== 'string') continue;
      assert.ok(value.trim().length > 0, `${file}.${key} is empty`);
      assert.ok(!lacksDiacritics(value), `${file}.${key} lacks diacritics: ${value}`);
    }
});
