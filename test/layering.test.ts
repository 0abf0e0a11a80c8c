/**
 * Channels are transport only: they hand IncomingMessages to the inbox and send OutgoingMessages. Nothing under
 * src/channels/ may reach into the conversation or the query modules (the texts are the one exception, until they
 * move to src/texts/).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const channels = join(root, 'src', 'channels');

const FORBIDDEN = [/^src\/conversation\//, /^src\/db\/queries\//];
const ALLOWED = new Set(['src/conversation/texts.ts']);

/** Static imports and re-exports (`from '…'`), side-effect imports and dynamic `import('…')`. */
const IMPORT = /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?tsx?$/.test(entry.name) ? [path] : [];
  });
}

function layeringViolations(files: { path: string; source: string }[]): string[] {
  return files.flatMap(({ path, source }) =>
    [...source.matchAll(IMPORT)].flatMap((m) => {
      const specifier = m[1] ?? m[2] ?? m[3]!;
      if (!specifier.startsWith('.')) return [];
      const target = relative(root, resolve(dirname(path), specifier)).replaceAll(sep, '/');
      return FORBIDDEN.some((re) => re.test(target)) && !ALLOWED.has(target)
        ? [`${relative(root, path)} imports ${target}`]
        : [];
    }),
  );
}

test('no file under src/channels/ imports from src/conversation/ (but texts.ts) or src/db/queries/', () => {
  const files = sourceFiles(channels).map((path) => ({ path, source: readFileSync(path, 'utf8') }));
  assert.ok(files.length >= 10, `found ${files.length} channel files`);
  assert.deepEqual(layeringViolations(files), []);
});

test('the scan sees static, type-only, re-exported and dynamic imports', () => {
  const path = join(channels, 'zalo', 'example.ts');
  const source = [
    "import { t } from '../../conversation/texts.ts';",
    "import type { Turn } from '../../conversation/engine.ts';",
    "export { getMember } from '../../db/queries/people.ts';",
    "const m = await import('../../conversation/registration.ts');",
    "import '../../db/queries/outbox.ts';",
    "import type { Db } from '../../db/client.ts';",
  ].join('\n');
  assert.deepEqual(layeringViolations([{ path, source }]), [
    'src/channels/zalo/example.ts imports src/conversation/engine.ts',
    'src/channels/zalo/example.ts imports src/db/queries/people.ts',
    'src/channels/zalo/example.ts imports src/conversation/registration.ts',
    'src/channels/zalo/example.ts imports src/db/queries/outbox.ts',
  ]);
});
