// Prints the minified + gzipped size of each built ESM entry point as a consumer's bundler would ship it:
// the entry and everything it imports (openapi-fetch included; ajv and ajv-formats for /validate), bundled
// and minified with esbuild, then gzipped. Run after `pnpm build`.
// Used by the client benchmark (scripts/bench-client.ts); the enforced budgets are size-limit's (.size-limit.mjs).
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'runtime', 'dist');

/**
 * Bundles `entry` (a file path or package name, or `{ contents }`: an ES module's source, resolved from
 * `resolveDir`), minified, as ESM; returns its size minified and gzipped, in bytes, and the packages bundled.
 */
export async function measure(entry, { resolveDir = dist } = {}) {
  const result = await build({
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { contents: entry.contents, resolveDir, loader: 'js' } }),
    absWorkingDir: resolveDir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const packages = new Set(
    Object.keys(result.metafile.inputs)
      .map((input) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1])
      .filter(Boolean),
  );
  return { minified: code.length, gzipped: gzipSync(code).length, packages: [...packages].sort() };
}

/** `12.3 kB`: bytes in kB of 1024 bytes, with `digits` decimals (one by default). */
export const kB = (bytes, digits = 1) => `${(bytes / 1024).toFixed(digits)} kB`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const entries = [
    ['index.js', join(dist, 'index.js')],
    ['validate.js', join(dist, 'validate.js')],
    ['(openapi-fetch alone, for comparison)', 'openapi-fetch'],
  ];
  for (const [name, entryPoint] of entries) {
    const { minified, gzipped, packages } = await measure(entryPoint);
    console.log(`${name}: ${kB(minified)} minified, ${kB(gzipped)} min+gzip (bundled: ${packages.join(', ') || 'nothing else'})`);
  }
}
