/**
 * Compiles src/ to dist/ for `npm start` (run by `prestart`): one JavaScript file per TypeScript file, in the same
 * folders, so every `new URL('../../data/…', import.meta.url)` finds data/ and drizzle/ from dist/ as from src/.
 * esbuild (which tsx ships) strips the types and rewrites the `.ts` of relative imports to `.js`; packages stay
 * imports (node_modules is not bundled) and dynamic imports stay dynamic, so what a deployment does not use (PGlite,
 * exceljs, docx, Zalo) is never loaded. The board's static files are copied beside their module. Takes well under
 * a second; `npm run build` runs it alone.
 */
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = path.join(ROOT, 'src');

/** Every import stays an import; a relative one to a .ts file now points to its .js twin. */
const keepImports: Plugin = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const relative = args.path.startsWith('./') || args.path.startsWith('../');
      return { path: relative ? args.path.replace(/\.ts$/, '.js') : args.path, external: true };
    });
  },
};

/**
 * Builds into `outDir` (default dist/), emptied first. It must sit directly in the repository's root, as dist/
 * does, for the relative paths to data/ and drizzle/ to hold.
 */
export async function buildDist(outDir = path.join(ROOT, 'dist')): Promise<{ modules: number; ms: number }> {
  if (path.dirname(path.resolve(outDir)) !== path.resolve(ROOT))
    throw new Error(`the output folder must be directly in ${ROOT}`);
  const started = performance.now();
  const entryPoints = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(SRC, f));
  rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: outDir,
    outbase: SRC,
    bundle: true,
    plugins: [keepImports],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  cpSync(path.join(SRC, 'http/board/static'), path.join(outDir, 'http/board/static'), { recursive: true });
  return { modules: entryPoints.length, ms: performance.now() - started };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildDist().then(
    ({ modules, ms }) =>
      process.stdout.write(`built ${modules} modules into dist/ in ${Math.round(ms)} ms\n`),
    (err: unknown) => {
      process.stderr.write(`build failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
