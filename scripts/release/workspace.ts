/**
 * The workspace's packages as pnpm sees them (`pnpm-workspace.yaml`), and which of them are published:
 * every package whose `package.json` is not `"private": true`. The release checks iterate over this list,
 * so a new publishable package gets every check without being named anywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../lib/providers.js';

/** The fields of a `package.json` the release machinery reads. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  description?: string;
  license?: string;
  keywords?: string[];
  homepage?: string;
  bugs?: { url?: string } | string;
  repository?: { type?: string; url?: string; directory?: string } | string;
  publishConfig?: Record<string, unknown>;
  exports?: Record<string, unknown>;
  files?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  name: string;
  /** Absolute path of the package's folder. */
  dir: string;
  /** Path from the repository root, with `/`: `packages/runtime`. */
  relativeDir: string;
  manifest: PackageManifest;
}

/**
 * The `packages:` globs of `pnpm-workspace.yaml`. Only the two shapes this repository uses are understood
 * (`folder` and `folder/*`); anything else is an error rather than a package silently left out.
 */
export function workspaceGlobs(yaml = readFileSync(join(repoRoot, 'pnpm-workspace.yaml'), 'utf8')): string[] {
  const block = /^packages:\n((?:[ \t]+-.*\n?|[ \t]*#.*\n?|[ \t]*\n)*)/m.exec(yaml)?.[1];
  if (block === undefined) throw new Error('pnpm-workspace.yaml has no `packages:` list');
  const globs = [...block.matchAll(/^[ \t]+-[ \t]*['"]?([^'"#\n]+?)['"]?[ \t]*(?:#.*)?$/gm)].map((match) => match[1] ?? '');
  for (const glob of globs) {
    if (!/^[\w.-]+(?:\/[\w.-]+)*(?:\/\*)?$/.test(glob))
      throw new Error(`pnpm-workspace.yaml: unsupported package glob ${JSON.stringify(glob)} (use \`folder\` or \`folder/*\`)`);
  }
  return globs;
}

function readManifest(dir: string): PackageManifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest;
}

/** Every package of the workspace (the root excluded), sorted by folder. */
export function workspacePackages(root = repoRoot): WorkspacePackage[] {
  const dirs = workspaceGlobs(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')).flatMap((glob) => {
    if (!glob.endsWith('/*')) return [join(root, glob)];
    const parent = join(root, glob.slice(0, -2));
    return existsSync(parent)
      ? readdirSync(parent, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(parent, entry.name))
      : [];
  });
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const manifest = readManifest(dir);
      return { name: manifest.name, dir, relativeDir: relative(root, dir).split('\\').join('/'), manifest };
    })
    .sort((a, b) => a.relativeDir.localeCompare(b.relativeDir));
}

/** The packages published to npm: every workspace package not marked `"private": true`. */
export function publishablePackages(root = repoRoot): WorkspacePackage[] {
  return workspacePackages(root).filter((pkg) => pkg.manifest.private !== true);
}

/** `packages` ordered so that each comes after the workspace packages it depends on (build order). */
export function inDependencyOrder(packages: WorkspacePackage[]): WorkspacePackage[] {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const ordered: WorkspacePackage[] = [];
  const visiting = new Set<string>();
  const visit = (pkg: WorkspacePackage): void => {
    if (ordered.includes(pkg)) return;
    if (visiting.has(pkg.name)) throw new Error(`workspace dependency cycle through ${pkg.name}`);
    visiting.add(pkg.name);
    for (const dependency of Object.keys({ ...pkg.manifest.dependencies, ...pkg.manifest.devDependencies })) {
      const inner = byName.get(dependency);
      if (inner) visit(inner);
    }
    visiting.delete(pkg.name);
    ordered.push(pkg);
  };
  for (const pkg of packages) visit(pkg);
  return ordered;
}
