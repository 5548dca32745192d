/**
 * THE WORKFLOWS: what GitHub Actions runs cannot run here, but what it relies on can be read: the CI workflow
 * runs `.ci/run`; the release workflow versions and publishes with changesets, with the OIDC permission and the
 * setting npm provenance needs, through root scripts that exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../lib/providers.js';

const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

describe('GitHub Actions workflows', () => {
  it('CI runs the repository entry point, .ci/run', () => {
    expect(read('.github/workflows/ci.yml')).toMatch(/^\s+- run: bash \.ci\/run$/m);
  });

  it('release: changesets/action versions with pnpm version-packages and publishes with pnpm release, with npm provenance', () => {
    const workflow = read('.github/workflows/release.yml');
    expect(workflow).toMatch(/^\s+id-token: write\b/m);
    expect(workflow).toMatch(/^\s+NPM_CONFIG_PROVENANCE: true$/m);
    expect(workflow).toMatch(/uses: changesets\/action@v1/);
    expect(workflow).toMatch(/version: npx -y pnpm@10 run version-packages$/m);
    expect(workflow).toMatch(/publish: npx -y pnpm@10 run release$/m);
    // the contract diff reads the last release's tag: the whole history must be checked out
    expect(workflow).toMatch(/fetch-depth: 0/);
    expect(scripts['version-packages']).toBe(
      'tsx scripts/contract-diff/changeset.ts && changeset version && tsx scripts/release/sync-tarball-names.ts',
    );
    expect(scripts.release).toMatch(/&& changeset publish$/);
  });
});
