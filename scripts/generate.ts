/**
 * `pnpm generate`: for every provider spec, writes
 *   generated/<slug>/openapi.json  the single-file bundle (redocly bundle)
 *   generated/<slug>/schema.d.ts   its TypeScript types (openapi-typescript)
 *   generated/<slug>/postman_*.json, bruno/   API-client collections (scripts/collections)
 * and the rest of the @credit-apis/specs package that generated/ is (YAML bundles, index, exports, versions:
 * lib/specs-package.ts).
 * The drift test (scripts/__tests__/generated-drift.test.ts) fails when these files are stale.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateCollections, writeCollections } from './collections/index.js';
import { bundleProvider } from './lib/bundle.js';
import { listProviders, repoRoot } from './lib/providers.js';
import { specsPackageFiles } from './lib/specs-package.js';
import { generateTypes } from './lib/types.js';

const started = performance.now();
const providers = listProviders();
const outputs = await Promise.all(
  providers.map(async (provider) => {
    const bundle = await bundleProvider(provider);
    return { provider, bundle, types: await generateTypes(provider.slug, bundle) };
  }),
);
// Computed before anything is written: a contract changed under an unchanged version stops the run here.
const specsDir = join(repoRoot, 'generated');
const committed = (path: string): string | undefined =>
  existsSync(join(specsDir, path)) ? readFileSync(join(specsDir, path), 'utf8') : undefined;
const packageFiles = specsPackageFiles(
  outputs.map(({ provider, bundle }) => ({ slug: provider.slug, text: bundle })),
  committed,
);
for (const { provider, bundle, types } of outputs) {
  mkdirSync(provider.generatedDir, { recursive: true });
  writeFileSync(provider.bundlePath, bundle);
  writeFileSync(provider.typesPath, types);
  writeCollections(provider.generatedDir, generateCollections(provider.slug, bundle));
  const kB = (text: string): string => `${(text.length / 1024).toFixed(1)} kB`;
  console.log(`${relative(repoRoot, provider.generatedDir)}/: openapi.json ${kB(bundle)}, schema.d.ts ${kB(types)}`);
}
for (const [path, text] of packageFiles) writeFileSync(join(specsDir, path), text);
console.log(`generated ${providers.length} providers in ${Math.round(performance.now() - started)} ms`);
