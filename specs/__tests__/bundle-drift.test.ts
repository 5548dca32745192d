import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { providerFiles } from '../../scripts/lib/providers.js';
import { freshBundles } from './bundles.js';

describe('committed bundles match their sources (run `pnpm bundle` after editing a spec)', () => {
  it.each(freshBundles().map((bundle) => [bundle.slug, bundle.text] as const))('generated/%s/openapi.json', (slug, fresh) => {
    const { bundlePath } = providerFiles(slug);
    expect(existsSync(bundlePath), `${bundlePath} is missing: run \`pnpm bundle\``).toBe(true);
    const committed = readFileSync(bundlePath, 'utf8');
    // Compare as text: key order and formatting are part of what is committed.
    expect(committed === fresh, `${bundlePath} is stale: run \`pnpm bundle\` and commit the result`).toBe(true);
  });
});
