/**
 * Where each provider's files live. A provider is a folder `specs/<slug>/` with an `openapi.yaml`;
 * everything else (bundle, types, package, mock prefix) is derived from the slug.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ProviderFiles {
  /** Folder name under `specs/`, also the mock prefix and the package name: `eccor-fgts`. */
  slug: string;
  /** Absolute path of the hand-written root document. */
  specRoot: string;
  /** Absolute path of the committed single-file bundle. */
  bundlePath: string;
  /** Absolute path of the committed openapi-typescript output. */
  typesPath: string;
  /** Absolute path of the folder of generated files. */
  generatedDir: string;
}

export function providerFiles(slug: string): ProviderFiles {
  const generatedDir = join(repoRoot, 'generated', slug);
  return {
    slug,
    specRoot: join(repoRoot, 'specs', slug, 'openapi.yaml'),
    bundlePath: join(generatedDir, 'openapi.json'),
    typesPath: join(generatedDir, 'schema.d.ts'),
    generatedDir,
  };
}

/** Every provider that has a spec, sorted by slug so that output is stable. */
export function listProviders(): ProviderFiles[] {
  const specsDir = join(repoRoot, 'specs');
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(specsDir, entry.name, 'openapi.yaml')))
    .map((entry) => providerFiles(entry.name))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}
