/**
 * PUBLISH DRY RUN: what the release workflow's publish step does, short of uploading. `pnpm -r publish
 * --dry-run --no-git-checks` from the root packs and checks every publishable package (the registry is asked
 * which versions exist) and names each one it would publish; no private package is among them. Lifecycle
 * scripts are skipped (`--ignore-scripts`): this project's global setup has built the packages already, and a
 * rebuild would rewrite `dist/` under the other tests.
 */
import { describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../../../lib/providers.js';
import { pnpm, sh } from '../../exec.js';

const packed = inject('packed');

describe('pnpm -r publish --dry-run', () => {
  it('succeeds and would publish every publishable package at its version, and nothing else', { timeout: 120_000 }, async () => {
    const output = await sh(pnpm(['-r', 'publish', '--dry-run', '--no-git-checks', '--ignore-scripts']), repoRoot, { timeout: 120_000 });
    const published = [...output.matchAll(/^\+ (\S+)$/gm)].map((match) => match[1]).sort();
    expect(published).toEqual(packed.map((pkg) => `${pkg.name}@${pkg.version}`).sort());
  });
});
