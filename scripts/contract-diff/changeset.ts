/**
 * `tsx scripts/contract-diff/changeset.ts [--base <git ref>] [--root <dir>]` (run by `pnpm version-packages`
 * before `changeset version`): for each provider, compares its bundle `generated/<slug>/openapi.json` in the
 * working tree with the same file at the provider package's last release — the tag changesets pushes when it
 * publishes, `@credit-apis/<slug>@<version>` — or at `--base`, and writes the differences as a changeset,
 * `.changeset/contract-<slug>.md` (rewritten on every run; removed when the contracts are equal again). So
 * `changeset version` puts the contract diff in the provider's CHANGELOG entry — and in the contracts package's
 * (`generated/`, `@credit-apis/specs`), which ships the bundle — and bumps them as the diff calls for
 * (breaking → major, minor while 0.x).
 *
 * A provider without a release tag (never published) and no `--base` is skipped, with a line saying so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { JsonObject } from '@credit-apis/contract-core';
import { repoRoot } from '../lib/providers.js';
import { diffContracts } from './diff.js';
import { bumpFor, changesetFile, contractSection, type Bump } from './render.js';

export interface ContractChangesetResult {
  slug: string;
  /** The changeset written, removed, or why there is none. */
  outcome: 'written' | 'removed' | 'unchanged' | 'no base';
  base?: string;
  path: string;
}

/** The git object `ref:path`, or `undefined` when the ref or the file is not there. */
function gitShow(root: string, ref: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${ref}:${path}`], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

function tagExists(root: string, tag: string): boolean {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes (or removes) `.changeset/contract-<slug>.md` for every provider that has a bundle and a package. */
export function writeContractChangesets({ root = repoRoot, base }: { root?: string; base?: string } = {}): ContractChangesetResult[] {
  const generated = join(root, 'generated');
  const slugs = existsSync(generated)
    ? readdirSync(generated)
        .filter((slug) => existsSync(join(generated, slug, 'openapi.json')))
        .sort()
    : [];
  const results: ContractChangesetResult[] = [];
  // `generated/` is itself a package when it is published as the contracts (`@credit-apis/specs`).
  const specsManifest = join(generated, 'package.json');
  const specs = existsSync(specsManifest)
    ? (JSON.parse(readFileSync(specsManifest, 'utf8')) as { name: string; version: string; private?: boolean })
    : undefined;
  for (const slug of slugs) {
    const manifestPath = join(root, 'packages', slug, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const { name, version } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name: string; version: string };
    const path = join(root, '.changeset', `contract-${slug}.md`);
    const bundle = `generated/${slug}/openapi.json`;
    const releaseTag = `${name}@${version}`;
    const ref = base ?? (tagExists(root, releaseTag) ? releaseTag : undefined);
    const beforeText = ref === undefined ? undefined : gitShow(root, ref, bundle);
    if (ref === undefined || beforeText === undefined) {
      results.push({ slug, outcome: 'no base', path, ...(ref === undefined ? {} : { base: ref }) });
      continue;
    }
    const before = JSON.parse(beforeText) as JsonObject;
    const after = JSON.parse(readFileSync(join(root, bundle), 'utf8')) as JsonObject;
    const changes = diffContracts(before, after);
    const bump = bumpFor(changes, version);
    if (bump === undefined) {
      const existed = existsSync(path);
      rmSync(path, { force: true });
      results.push({ slug, outcome: existed ? 'removed' : 'unchanged', base: ref, path });
      continue;
    }
    const title = typeof (after.info as JsonObject | undefined)?.title === 'string' ? String((after.info as JsonObject).title) : slug;
    // The contracts package ships every bundle: its CHANGELOG gets the same section, its bump by its own version.
    const bumps: Record<string, Bump> = { [name]: bump };
    if (specs && specs.private !== true) bumps[specs.name] = bumpFor(changes, specs.version) ?? bump;
    writeFileSync(path, changesetFile(bumps, contractSection(changes, { provider: title, since: ref, bundle })));
    results.push({ slug, outcome: 'written', base: ref, path });
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { base: { type: 'string' }, root: { type: 'string' } } });
  for (const result of writeContractChangesets({
    ...(values.root ? { root: values.root } : {}),
    ...(values.base ? { base: values.base } : {}),
  })) {
    const since = result.base ? ` (since ${result.base})` : '';
    const line = {
      written: `wrote ${relative(process.cwd(), result.path)}${since}`,
      removed: `removed ${relative(process.cwd(), result.path)}: no contract change${since}`,
      unchanged: `no contract change${since}`,
      'no base': result.base
        ? `${result.base} has no generated/${result.slug}/openapi.json: skipped`
        : 'no release tag yet (pass --base <ref> to compare with a commit): skipped',
    }[result.outcome];
    console.log(`contract-diff: ${result.slug}: ${line}`);
  }
}
