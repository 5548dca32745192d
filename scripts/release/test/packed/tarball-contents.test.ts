/**
 * TARBALL CONTENTS: each publishable package, as packed once by this project's global setup, holds exactly the
 * files listed here for it — its build output (the contracts, for the specs), package.json, README, CHANGELOG and
 * LICENSE — and nothing else (no sources, tests, examples or config). A `*` stands for the hash tsup puts in a shared chunk's name.
 * A file added or lost (a new entry point, a chunk no longer split) fails until the list here says so.
 */
import { describe, expect, inject, it } from 'vitest';
import { listProviders } from '../../../lib/providers.js';

const ALWAYS = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];
/** The four files tsup writes for an entry point: ESM and CommonJS, each with its declarations. */
const entry = (...names: string[]): string[] =>
  names.flatMap((name) => [`dist/${name}.js`, `dist/${name}.cjs`, `dist/${name}.d.ts`, `dist/${name}.d.cts`]);

const EXPECTED: Record<string, string[]> = {
  '@credit-apis/runtime': [
    ...ALWAYS,
    ...entry('index', 'validate'),
    'dist/chunk-*.js',
    'dist/chunk-*.cjs',
    'dist/logger-*.d.ts',
    'dist/logger-*.d.cts',
    // Intended: the runtime's source maps carry their sources (`sourcesContent`), so a stack trace through
    // retries or auth points at the TypeScript a user can read.
    'dist/*.js.map',
    'dist/*.cjs.map',
  ],
  '@credit-apis/nossa-fintech-inss': [...ALWAYS, ...entry('index', 'validate')],
  '@credit-apis/banco-cdc': [...ALWAYS, ...entry('index', 'validate')],
  '@credit-apis/zemo': [...ALWAYS, ...entry('index', 'validate')],
  '@credit-apis/eccor-fgts': [
    ...ALWAYS,
    ...entry('index', 'extras', 'validate', 'webhooks'),
    'dist/chunk-*.js',
    'dist/chunk-*.cjs',
    'dist/types-*.d.ts',
    'dist/types-*.d.cts',
  ],
  // The contracts: per provider its bundle in JSON and YAML and its types, and the index.
  '@credit-apis/specs': [
    ...ALWAYS,
    'index.js',
    'index.d.ts',
    ...listProviders().flatMap(({ slug }) => [`${slug}/openapi.json`, `${slug}/openapi.yaml`, `${slug}/schema.d.ts`]),
  ],
  // ESM only: the library entry with its declarations, the bin, and the chunk they share.
  '@credit-apis/mock-server': [...ALWAYS, 'dist/index.js', 'dist/index.d.ts', 'dist/bin.js', 'dist/chunk-*.js'],
};

const toRegExp = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}$`,
  );

const packed = inject('packed');

describe('each tarball holds exactly its expected files', () => {
  it('every packed package has its list here', () => {
    expect(packed.map((pkg) => pkg.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(packed.map((pkg) => [pkg.name, pkg] as const))('%s', (name, pkg) => {
    const patterns = EXPECTED[name] ?? [];
    const unexpected = pkg.files.filter((file) => !patterns.some((pattern) => toRegExp(pattern).test(file)));
    const missing = patterns.filter((pattern) => !pkg.files.some((file) => toRegExp(pattern).test(file)));
    expect({ unexpected, missing }, `files in ${pkg.tarball}: ${pkg.files.join(', ')}`).toEqual({ unexpected: [], missing: [] });
  });
});
