/**
 * The npm metadata every publishable package carries, derived from the root `package.json` (`repository`,
 * `homepage`, `bugs`: one place to change them) and the package's folder. The metadata test compares each
 * package with `expectedMetadata()`; `pnpm release:metadata` writes it into every publishable package (run it
 * after adding one) and copies the root LICENSE beside it.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../lib/providers.js';
import { publishablePackages, type PackageManifest, type WorkspacePackage } from './workspace.js';

/** What `repository.url` (and so `homepage`, `bugs`) are built from. */
export interface RootMetadata {
  repository: { type: 'git'; url: string };
  homepage: string;
  bugs: { url: string };
}

export function rootMetadata(): RootMetadata {
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Partial<RootMetadata>;
  if (typeof root.repository?.url !== 'string' || typeof root.homepage !== 'string' || typeof root.bugs?.url !== 'string') {
    throw new Error('the root package.json must have repository.url, homepage and bugs.url: the packages’ metadata is derived from them');
  }
  return root as RootMetadata;
}

/** The files every tarball ships besides its build output (which each package's `files` names first). */
export const SHIPPED_BESIDE_BUILD = ['README.md', 'CHANGELOG.md', 'LICENSE'];

/** The fields of `pkg`'s manifest that must be exactly these (keywords only need to be there: they are the package's own). */
export function expectedMetadata(
  pkg: WorkspacePackage,
  root: RootMetadata = rootMetadata(),
): Pick<PackageManifest, 'repository' | 'homepage' | 'bugs' | 'publishConfig'> {
  return {
    repository: { type: 'git', url: root.repository.url, directory: pkg.relativeDir },
    homepage: `${root.homepage.replace(/#.*$/, '')}/tree/main/${pkg.relativeDir}#readme`,
    bugs: { url: root.bugs.url },
    publishConfig: { access: 'public', provenance: true },
  };
}

/** `manifest` with the expected metadata set, keys in a stable, readable order (the rest keep theirs). */
function withMetadata(manifest: PackageManifest, expected: ReturnType<typeof expectedMetadata>): PackageManifest {
  const ordered: Record<string, unknown> = {};
  const files = [
    ...new Set([...(manifest.files ?? ['dist']).filter((file) => !SHIPPED_BESIDE_BUILD.includes(file)), ...SHIPPED_BESIDE_BUILD]),
  ];
  const rest = { ...manifest, ...expected, files, keywords: manifest.keywords ?? [] } as Record<string, unknown>;
  for (const key of ['name', 'version', 'description', 'keywords', 'homepage', 'bugs', 'repository', 'license']) {
    if (key in rest) ordered[key] = rest[key];
  }
  for (const [key, value] of Object.entries(rest)) {
    if (!(key in ordered) && key !== 'publishConfig') ordered[key] = value;
    if (key === 'files') ordered.publishConfig = expected.publishConfig;
  }
  return ordered as unknown as PackageManifest;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = rootMetadata();
  for (const pkg of publishablePackages()) {
    const path = join(pkg.dir, 'package.json');
    writeFileSync(path, `${JSON.stringify(withMetadata(pkg.manifest, expectedMetadata(pkg, root)), null, 2)}\n`);
    copyFileSync(join(repoRoot, 'LICENSE'), join(pkg.dir, 'LICENSE'));
    console.log(`release:metadata: ${pkg.relativeDir}/package.json, ${pkg.relativeDir}/LICENSE`);
  }
}
