/**
 * `pnpm bundle`: writes generated/<slug>/openapi.json for every provider spec.
 * The drift test (specs/__tests__/bundle-drift.test.ts) fails when these files are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { bundleProvider } from './lib/bundle.js';
import { listProviders, repoRoot } from './lib/providers.js';

const started = performance.now();
const providers = listProviders();
const bundles = await Promise.all(providers.map(async (provider) => ({ provider, text: await bundleProvider(provider) })));
for (const { provider, text } of bundles) {
  mkdirSync(provider.generatedDir, { recursive: true });
  writeFileSync(provider.bundlePath, text);
  console.log(`bundled ${relative(repoRoot, provider.bundlePath)} (${(text.length / 1024).toFixed(1)} kB)`);
}
console.log(`bundled ${providers.length} specs in ${Math.round(performance.now() - started)} ms`);
