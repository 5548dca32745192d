/**
 * `changeset version` moves the versions; files that name a package's tarball (`credit-apis-specs-0.2.0.tgz`,
 * the mock's Dockerfile) must follow, or their tests fail on the version pull request. Run by
 * `pnpm version-packages` after `changeset version`: rewrites each tarball name to the package's current version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../lib/providers.js';
import { publishablePackages } from './workspace.js';

/** The files that name tarballs, from the repository root. */
export const FILES_NAMING_TARBALLS = ['mocks/Dockerfile'];

/** `pnpm pack`'s file name stem of a package: `@credit-apis/specs` → `credit-apis-specs`. */
export const tarballStem = (name: string): string => name.replace(/^@/, '').replace('/', '-');

/** `text` with every `<stem>-<version>.tgz` of these packages at their current versions. */
export function withCurrentTarballNames(text: string, packages: Array<{ name: string; version: string }>): string {
  let result = text;
  for (const { name, version } of packages) {
    const stem = tarballStem(name).replace(/[.-]/g, '\\$&');
    result = result.replace(
      new RegExp(`\\b${stem}-\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?\\.tgz`, 'g'),
      `${tarballStem(name)}-${version}.tgz`,
    );
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const packages = publishablePackages().map((pkg) => ({ name: pkg.name, version: pkg.manifest.version }));
  for (const file of FILES_NAMING_TARBALLS) {
    const path = join(repoRoot, file);
    const before = readFileSync(path, 'utf8');
    const after = withCurrentTarballNames(before, packages);
    if (after !== before) {
      writeFileSync(path, after);
      console.log(`sync-tarball-names: ${file}`);
    }
  }
}
