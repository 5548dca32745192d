/**
 * `pnpm run docs`: builds the static reference site into dist/docs/ (see build-site.ts for the layout) and
 * prints the build's own time and every page's size.
 *
 * `--if-stale` (used by `pnpm start`): builds only when the site is missing or older than its sources, and
 * a failed build is a warning, not an error: the mock server, the main job, must start without docs.
 */
import { relative } from 'node:path';
import { repoRoot } from '../lib/providers.js';
import { buildSite, isSiteFresh } from './build-site.js';

const kiB = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

const ifStale = process.argv.includes('--if-stale');

try {
  if (ifStale && isSiteFresh()) {
    console.log('docs: dist/docs is up to date');
    process.exit(0);
  }
  const site = await buildSite();
  const out = relative(repoRoot, site.outDir);
  console.log(`docs: Redocly CLI ${site.redoclyVersion}, offline (inlined Redoc, no CDN, telemetry off)`);
  for (const page of site.pages) {
    const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
    const webhooks = page.webhooks > 0 ? `, ${count(page.webhooks, 'webhook')}` : '';
    console.log(`  ${out}/${page.file}  ${kiB(page.bytes)}  (${count(page.operations, 'operation')}${webhooks})`);
  }
  console.log(`  ${out}/${site.index.file}  ${kiB(site.index.bytes)}`);
  console.log(`  ${out}/${site.testing.file}  ${kiB(site.testing.bytes)}`);
  const total = site.pages.reduce((sum, page) => sum + page.bytes, site.index.bytes + site.testing.bytes);
  console.log(`built ${site.pages.length} reference pages + index + testing page (${kiB(total)}) in ${site.ms} ms`);
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  if (ifStale) console.error('docs: the build failed; the mock server starts without /docs (run `pnpm run docs` to see why)');
  else process.exitCode = 1;
}
