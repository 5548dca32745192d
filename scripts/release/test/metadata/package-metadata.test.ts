/**
 * PACKAGE METADATA: what npm shows about each publishable package, and the release configuration.
 * Every workspace package not marked private is checked (scripts/release/workspace.ts), so a new package
 * cannot miss a field; and the list of published packages is explicit here, so one published by mistake fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../lib/providers.js';
import { expectedMetadata, rootMetadata, SHIPPED_BESIDE_BUILD } from '../../metadata.js';
import { publishablePackages, workspacePackages } from '../../workspace.js';

/** The packages published to npm; every other workspace package is private. */
const PUBLISHED = [
  '@credit-apis/runtime',
  '@credit-apis/nossa-fintech-inss',
  '@credit-apis/banco-cdc',
  '@credit-apis/zemo',
  '@credit-apis/eccor-fgts',
  '@credit-apis/specs',
  '@credit-apis/mock-server',
];

const publishable = publishablePackages();
const each = publishable.map((pkg) => [pkg.name, pkg] as const);

/** The version headings of a changesets CHANGELOG, newest first, with the text under each. */
function changelogEntries(text: string): Array<{ version: string; body: string }> {
  return text
    .split(/^## /m)
    .slice(1)
    .map((section) => ({ version: section.slice(0, section.indexOf('\n')).trim(), body: section.slice(section.indexOf('\n') + 1) }));
}

describe('which packages are published', () => {
  it('exactly the runtime, the providers, the specs and the mock server; every other package is private', () => {
    expect(publishable.map((pkg) => pkg.name).sort()).toEqual([...PUBLISHED].sort());
    for (const pkg of workspacePackages().filter((other) => !PUBLISHED.includes(other.name)))
      expect(pkg.manifest.private, pkg.name).toBe(true);
  });
});

describe.each(each)('%s: npm metadata', (_name, pkg) => {
  it('depends on no private workspace package (npm could not install it: bundle it from devDependencies instead)', () => {
    const privateNames = workspacePackages()
      .filter((other) => other.manifest.private === true)
      .map((other) => other.name);
    const manifest = pkg.manifest as { peerDependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    const runtimeDependencies = Object.keys({
      ...pkg.manifest.dependencies,
      ...manifest.peerDependencies,
      ...manifest.optionalDependencies,
    });
    expect(runtimeDependencies.filter((name) => privateNames.includes(name))).toEqual([]);
  });

  it('has repository (with its directory), homepage, bugs and publishConfig (public, with provenance) derived from the root', () => {
    expect(pkg.manifest).toMatchObject(expectedMetadata(pkg, rootMetadata()));
  });

  it('has keywords, the MIT licence, Node >= 20.19, and ships README, CHANGELOG and LICENSE', () => {
    expect(pkg.manifest.keywords?.length ?? 0).toBeGreaterThan(2);
    expect(pkg.manifest.keywords).toContain('credit-apis');
    expect(pkg.manifest.license).toBe('MIT');
    expect((pkg.manifest as { engines?: { node?: string } }).engines?.node).toBe('>=20.19');
    expect(pkg.manifest.files).toEqual(expect.arrayContaining(SHIPPED_BESIDE_BUILD));
    for (const file of SHIPPED_BESIDE_BUILD) expect(existsSync(join(pkg.dir, file)), `${pkg.relativeDir}/${file}`).toBe(true);
    expect(readFileSync(join(pkg.dir, 'LICENSE'), 'utf8')).toBe(readFileSync(join(repoRoot, 'LICENSE'), 'utf8'));
  });

  it('has a README with its install line', () => {
    const name = pkg.name.replace(/[/.-]/g, '\\$&');
    expect(readFileSync(join(pkg.dir, 'README.md'), 'utf8')).toMatch(new RegExp(`^npm install (?:--save-dev )?${name}$`, 'm'));
  });

  it('has a CHANGELOG whose newest entry is its version and whose first entry says what the package is', () => {
    const changelog = readFileSync(join(pkg.dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog.startsWith(`# ${pkg.name}\n`)).toBe(true);
    const entries = changelogEntries(changelog);
    expect(entries[0]?.version).toBe(pkg.manifest.version);
    const first = entries.at(-1)?.body ?? '';
    expect(first).toContain('First versioned release.');
    expect(first).toContain(`\`${pkg.name}\` is `);
  });
});

describe('changesets configuration', () => {
  it('publishes publicly from main and never versions a private package', () => {
    const config = JSON.parse(readFileSync(join(repoRoot, '.changeset', 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ access: 'public', baseBranch: 'main', privatePackages: { version: false, tag: false } });
  });
});
