/**
 * The layers of ARCHITECTURE.md, checked on every import: channels are transport only (they hand IncomingMessages to
 * the inbox and send OutgoingMessages); the conversation knows no transport; features, jobs, delivery and the
 * database never reach back up into the conversation or the channels; texts are a leaf.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Files matching `from` may not import modules matching any of `forbid` (paths from the repository root). */
const RULES: { from: RegExp; forbid: RegExp[] }[] = [
  {
    from: /^src\/channels\//,
    forbid: [/^src\/(conversation|features|jobs|http)\//, /^src\/db\/queries\//],
  },
  { from: /^src\/conversation\//, forbid: [/^src\/(channels|http|delivery)\//, /^(telegraf|axios)$/] },
  {
    from: /^src\/(features|jobs|db|delivery|qa|directive)\//,
    forbid: [/^src\/(conversation|channels|http)\//, /^(telegraf|axios)$/],
  },
  { from: /^src\/texts\//, forbid: [/^src\/(?!texts\/)/, /^(?!src\/)/] },
];

/** Static imports and re-exports (`from '…'`), side-effect imports and dynamic `import('…')`. */
const IMPORT = /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?tsx?$/.test(entry.name) ? [path] : [];
  });
}

export function layeringViolations(files: { path: string; source: string }[]): string[] {
  return files.flatMap(({ path, source }) => {
    const from = relative(root, path).replaceAll(sep, '/');
    const rules = RULES.filter((r) => r.from.test(from));
    return [...source.matchAll(IMPORT)].flatMap((m) => {
      const specifier = m[1] ?? m[2] ?? m[3]!;
      if (specifier.startsWith('node:')) return [];
      const target = specifier.startsWith('.')
        ? relative(root, resolve(dirname(path), specifier)).replaceAll(sep, '/')
        : specifier;
      return rules.some((r) => r.forbid.some((re) => re.test(target))) ? [`${from} imports ${target}`] : [];
    });
  });
}

test('no import runs back up the layers', () => {
  const files = sourceFiles(join(root, 'src')).map((path) => ({ path, source: readFileSync(path, 'utf8') }));
  assert.ok(files.length >= 100, `found ${files.length} source files`);
  assert.deepEqual(layeringViolations(files), []);
});

test('the scan sees static, type-only, re-exported and dynamic imports', () => {
  const path = join(root, 'src', 'channels', 'zalo', 'example.ts');
  const source = [
    "import { t } from '../../texts/index.ts';",
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
  const feature = join(root, 'src', 'features', 'example.ts');
  assert.deepEqual(
    layeringViolations([
      { path: feature, source: "import { t } from '../conversation/engine.ts';\nimport 'axios';" },
    ]),
    ['src/features/example.ts imports src/conversation/engine.ts', 'src/features/example.ts imports axios'],
  );
  const text = join(root, 'src', 'texts', 'example.ts');
  assert.deepEqual(layeringViolations([{ path: text, source: "import { x } from '../clock.ts';" }]), [
    'src/texts/example.ts imports src/clock.ts',
  ]);
});
