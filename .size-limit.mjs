// Size budgets of the published client packages, checked by `pnpm test` (scripts/release/test/packed/size-budgets.test.ts)
// and printed by `pnpm size`. A figure is the entry point and everything it imports (the runtime, openapi-fetch),
// bundled and minified with esbuild, then gzipped: what a consumer's bundler ships. 1 KiB = 1024 bytes.
// Measures the built packages (`dist/`): the test builds them first.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * The runtime alone, and each provider's base entry (runtime included): issue 16's 8.5 KiB. The largest entry
 * (ECCOR FGTS) is within 30 B of it: a change that adds to the base entry takes the same out elsewhere.
 */
export const BASE_BUDGET = '8.5 KiB';
/** A base entry plus its `/extras` (pagination, cents, statuses): 1.5 KiB more than the base budget. */
export const EXTRAS_BUDGET = '10 KiB';

const CLIENTS = ['runtime', 'nossa-fintech-inss', 'banco-cdc', 'zemo', 'eccor-fgts'];
const dist = (folder, entry) => `packages/${folder}/dist/${entry}.js`;

/** `{ a, b }`: every name the built entry exports (size-limit cannot take `*` twice in one check). */
async function namedImports(path) {
  if (!existsSync(path))
    throw new Error(`.size-limit.mjs: ${path} is missing: build the packages first (pnpm -r --filter './packages/*' build)`);
  return `{ ${Object.keys(await import(pathToFileURL(path).href)).join(', ')} }`;
}

const checks = CLIENTS.map((folder) => ({
  name: `@credit-apis/${folder}`,
  path: dist(folder, 'index'),
  import: '*',
  gzip: true,
  limit: BASE_BUDGET,
}));
const exportsExtras = (folder) => './extras' in (JSON.parse(readFileSync(`packages/${folder}/package.json`, 'utf8')).exports ?? {});
for (const folder of CLIENTS.filter(exportsExtras)) {
  checks.push({
    name: `@credit-apis/${folder} + /extras`,
    path: [dist(folder, 'index'), dist(folder, 'extras')],
    import: { [dist(folder, 'index')]: '*', [dist(folder, 'extras')]: await namedImports(dist(folder, 'extras')) },
    gzip: true,
    limit: EXTRAS_BUDGET,
  });
}

export default checks;
