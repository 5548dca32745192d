// Prints the minified + gzipped size of each built ESM entry point as a consumer's bundler would ship it:
// the entry and everything it imports (openapi-fetch included; ajv and ajv-formats for /validate), bundled
// and minified with esbuild, then gzipped. Run after `pnpm build`.
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

const entries = [
  ['index.js', join(dist, 'index.js')],
  ['validate.js', join(dist, 'validate.js')],
  ['(openapi-fetch alone, for comparison)', 'openapi-fetch'],
];
for (const [entry, entryPoint] of entries) {
  const result = await build({
    entryPoints: [entryPoint],
    absWorkingDir: dist,
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
  console.log(
    `${entry}: ${(code.length / 1024).toFixed(1)} kB minified, ${(gzipSync(code).length / 1024).toFixed(1)} kB min+gzip` +
      ` (bundled: ${[...packages].sort().join(', ') || 'nothing else'})`,
  );
}
