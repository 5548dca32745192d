/**
 * TARBALL NAMES AFTER A VERSION BUMP: `pnpm version-packages` rewrites the tarball names that files carry
 * (the mock's Dockerfile) to the packages' new versions, so a version pull request does not fail on them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../lib/providers.js';
import { FILES_NAMING_TARBALLS, withCurrentTarballNames } from '../../sync-tarball-names.js';
import { publishablePackages } from '../../workspace.js';

describe('tarball names follow the versions', () => {
  it("rewrites each listed package's tarball name to its version, and nothing else", () => {
    const text =
      'COPY /t/credit-apis-specs-0.1.0.tgz /t/credit-apis-mock-server-0.1.0-next.1.tgz /t/credit-apis-specs-extra-0.1.0.tgz /t/other-0.1.0.tgz';
    expect(
      withCurrentTarballNames(text, [
        { name: '@credit-apis/specs', version: '0.3.0' },
        { name: '@credit-apis/mock-server', version: '1.0.0' },
      ]),
    ).toBe(
      'COPY /t/credit-apis-specs-0.3.0.tgz /t/credit-apis-mock-server-1.0.0.tgz /t/credit-apis-specs-extra-0.1.0.tgz /t/other-0.1.0.tgz',
    );
  });

  it('the files of this repository name the current versions', () => {
    const packages = publishablePackages().map((pkg) => ({ name: pkg.name, version: pkg.manifest.version }));
    for (const file of FILES_NAMING_TARBALLS) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      expect(withCurrentTarballNames(text, packages), `${file}: run tsx scripts/release/sync-tarball-names.ts`).toBe(text);
    }
  });
});
