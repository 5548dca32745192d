/**
 * Builds (when stale) and packs every publishable package once, so that the release checks — tarball
 * contents, publint, attw, size budgets, the packed installs on each Node version — share one set of tarballs.
 *
 * A package is rebuilt when its `dist/` is missing or older than a file it is built from: its own files
 * (tests, examples and docs aside) and those of the workspace packages it depends on (the contracts, in
 * `generated/`, are @credit-apis/specs). Packing runs no lifecycle script (`ignore-scripts`: `prepare`/`prepack` would build again).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pnpm, sh } from './exec.js';
import { inDependencyOrder, publishablePackages, workspacePackages, type WorkspacePackage } from './workspace.js';

export interface PackedPackage {
  name: string;
  version: string;
  /** Path of the package's folder from the repository root: `packages/runtime`. */
  relativeDir: string;
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** The files in the tarball, relative to its `package/` folder, sorted. */
  files: string[];
}

/** Folders of a package that are not inputs of its build. */
const NOT_BUILD_INPUTS = new Set(['node_modules', 'dist', 'test', 'examples', 'bench']);

function newestFile(dir: string, skip: Set<string> = new Set()): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = join(dir, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestFile(path) : entry.name.endsWith('.md') || entry.name === 'LICENSE' ? 0 : statSync(path).mtimeMs,
    );
  }
  return newest;
}

function oldestFile(dir: string): number {
  if (!existsSync(dir)) return 0;
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return files.length === 0 ? 0 : Math.min(...files.map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs));
}

/** The workspace packages `pkg` depends on, itself included, transitively. */
function withWorkspaceDependencies(pkg: WorkspacePackage, all: WorkspacePackage[]): WorkspacePackage[] {
  const byName = new Map(all.map((other) => [other.name, other]));
  const found = new Set<WorkspacePackage>();
  const visit = (current: WorkspacePackage): void => {
    if (found.has(current)) return;
    found.add(current);
    for (const name of Object.keys({ ...current.manifest.dependencies, ...current.manifest.devDependencies })) {
      const dependency = byName.get(name);
      if (dependency) visit(dependency);
    }
  };
  visit(pkg);
  return [...found];
}

/** `dist/` is missing or older than one of the files it is built from. */
export function isBuildStale(pkg: WorkspacePackage, all: WorkspacePackage[] = workspacePackages()): boolean {
  const built = oldestFile(join(pkg.dir, 'dist'));
  const inputs = Math.max(...withWorkspaceDependencies(pkg, all).map((dependency) => newestFile(dependency.dir, NOT_BUILD_INPUTS)));
  return built === 0 || built < inputs;
}

function tarballFiles(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '' && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''))
    .sort();
}

/** Builds the stale publishable packages (dependencies first), packs them all into `destination`. */
export async function buildAndPack(destination: string, log: (line: string) => void = () => {}): Promise<PackedPackage[]> {
  const all = workspacePackages();
  const publishable = inDependencyOrder(publishablePackages());
  for (const pkg of publishable) {
    if (pkg.manifest.scripts?.build && isBuildStale(pkg, all)) {
      log(`release: building ${pkg.name} (dist/ missing or older than its sources)`);
      await sh(pnpm(['run', 'build']), pkg.dir, { timeout: 180_000 });
    }
  }
  const packed: PackedPackage[] = [];
  for (const pkg of publishable) {
    const output = await sh(pnpm(['pack', '--config.ignore-scripts=true', '--pack-destination', destination, '--json']), pkg.dir);
    const { filename } = JSON.parse(output) as { filename: string };
    const tarball = filename.startsWith('/') ? filename : join(destination, filename);
    packed.push({ name: pkg.name, version: pkg.manifest.version, relativeDir: pkg.relativeDir, tarball, files: tarballFiles(tarball) });
  }
  return packed;
}
