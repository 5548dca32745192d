import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshBundles } from '../../specs/__tests__/bundles.js';
import { generateCollections, listCollectionFiles } from '../collections/index.js';
import { providerFiles, repoRoot } from '../lib/providers.js';
import { specsPackageFiles } from '../lib/specs-package.js';
import { generateTypes } from '../lib/types.js';

function expectCommitted(path: string, fresh: string): void {
  const shown = relative(repoRoot, path);
  expect(existsSync(path), `${shown} is missing: run \`pnpm generate\` and commit the result`).toBe(true);
  // Compared as text: key order and formatting are part of what is committed.
  expect(readFileSync(path, 'utf8') === fresh, `${shown} is stale: run \`pnpm generate\` and commit the result`).toBe(true);
}

describe('committed generated files match the specs (run `pnpm generate` after editing a spec)', () => {
  const bundles = freshBundles();
  it.each(bundles.map((bundle) => [bundle.slug, bundle.text] as const))('generated/%s/openapi.json', (slug, fresh) => {
    expectCommitted(providerFiles(slug).bundlePath, fresh);
  });
  it.each(bundles.map((bundle) => [bundle.slug, bundle.text] as const))('generated/%s/schema.d.ts', async (slug, fresh) => {
    expectCommitted(providerFiles(slug).typesPath, await generateTypes(slug, fresh));
  });
  it.each(bundles.map((bundle) => [bundle.slug, bundle.text] as const))('generated/%s/ Postman and Bruno collections', (slug, fresh) => {
    const { generatedDir } = providerFiles(slug);
    const files = generateCollections(slug, fresh);
    // No file too many (a renamed operation or environment leaves none behind) and none missing.
    expect(listCollectionFiles(generatedDir), `generated/${slug}/ holds other collection files than \`pnpm generate\` writes`).toEqual(
      files.map((file) => file.path).sort(),
    );
    for (const file of files) expectCommitted(join(generatedDir, file.path), file.text);
  });
  // The rest of @credit-apis/specs: YAML bundles, index, exports, and the version recorded for each content
  // hash (a contract changed under an unchanged info.version throws ContractVersionError here).
  const specsDir = join(repoRoot, 'generated');
  const committed = (path: string): string | undefined =>
    existsSync(join(specsDir, path)) ? readFileSync(join(specsDir, path), 'utf8') : undefined;
  it.each([...specsPackageFiles(bundles, committed)])('generated/%s', (path, fresh) => {
    expectCommitted(join(specsDir, path), fresh);
  });
});
