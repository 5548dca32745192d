/**
 * Global setup of the `packed` test project: builds (when stale) and packs every publishable package once per
 * run, into a temporary folder removed at the end, and hands the list to the tests (`inject('packed')`), with
 * the `node` binary of each Node version the packages are tested on (`inject('nodeBinaries')`).
 * Only runs when a test of that project is selected, so a targeted `vitest run <file>` elsewhere never packs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { NODE_MAJORS, nodeBinary } from './node-versions.js';
import { buildAndPack, type PackedPackage } from './pack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Every publishable package, built and packed once for this run. */
    packed: PackedPackage[];
    /** `[major, path of its node binary]` for each Node major the packages are tested on (20, 22, 24). */
    nodeBinaries: Array<[major: number, path: string]>;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const destination = mkdtempSync(join(tmpdir(), 'credit-apis-packed-'));
  project.provide('packed', await buildAndPack(destination, (line) => console.log(line)));
  const binaries: Array<[number, string]> = [];
  for (const major of NODE_MAJORS) binaries.push([major, await nodeBinary(major, destination)]);
  project.provide('nodeBinaries', binaries);
  return () => rmSync(destination, { recursive: true, force: true });
}
