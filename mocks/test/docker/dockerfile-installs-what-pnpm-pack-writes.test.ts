/**
 * No Docker engine runs here, so the Dockerfile is checked as text against the real pack output: the
 * tarballs it copies and installs are exactly those `pnpm pack` writes for the mock and for each workspace
 * package the mock depends on at run time; it has a build stage and a slim run stage, runs as non-root,
 * uses the exec form, has a health check, and the command it runs is the package's bin.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const dockerfile = readFileSync(join(root, 'mocks', 'Dockerfile'), 'utf8');
// One instruction per entry: continuation lines joined, comments dropped.
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

interface Manifest {
  name: string;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
}

function pnpm(args: string[]): [string, string[]] {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath) ? [process.execPath, [execPath, ...args]] : ['npx', ['-y', 'pnpm@10', ...args]];
}

/** The file name `pnpm pack` writes for the package in `dir` (a dry run: nothing is built or written). */
async function packedName(dir: string): Promise<string> {
  const [command, args] = pnpm(['pack', '--dry-run', '--json', '--config.ignore-scripts=true']);
  const { stdout } = await run(command, args, { cwd: join(root, dir), timeout: 60_000 });
  return (JSON.parse(stdout.slice(stdout.indexOf('{'))) as { filename: string }).filename;
}

/** Folder of each workspace package by name. */
function workspaceDirs(): Map<string, string> {
  const dirs = new Map<string, string>();
  const workspace = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [...workspace.matchAll(/^ {2}- (\S+)$/gm)].map((match) => match[1] as string);
  for (const glob of globs) {
    const candidates = glob.endsWith('/*')
      ? readdirSync(join(root, glob.slice(0, -2))).map((name) => `${glob.slice(0, -2)}/${name}`)
      : [glob];
    for (const dir of candidates) {
      try {
        dirs.set((JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Manifest).name, dir);
      } catch {
        // a folder without a manifest is no package
      }
    }
  }
  return dirs;
}

describe('mocks/Dockerfile', () => {
  it('copies and installs exactly the tarballs pnpm pack writes for the mock and its workspace dependencies', async () => {
    const mock = JSON.parse(readFileSync(join(root, 'mocks', 'package.json'), 'utf8')) as Manifest;
    const dirs = workspaceDirs();
    const workspaceDeps = Object.entries(mock.dependencies ?? {})
      .filter(([, range]) => range.startsWith('workspace:'))
      .map(([name]) => name);
    const expected = (await Promise.all(['mocks', ...workspaceDeps.map((name) => dirs.get(name) as string)].map(packedName))).sort();
    expect(
      expected.some((name) => name.startsWith('credit-apis-mock-server-')),
      expected.join(', '),
    ).toBe(true);

    const copy = instructions.find((line) => line.startsWith('COPY --from=pack /tarballs/'));
    const copied = [...(copy ?? '').matchAll(/\/tarballs\/(\S+\.tgz)/g)].map((match) => match[1] as string).sort();
    expect(copied, 'COPY --from=pack of the tarballs').toEqual(expected);
    const install = instructions.find((line) => line.includes('npm install --omit=dev'));
    const installed = [...(install ?? '').matchAll(/\/tmp\/tarballs\/(\S+\.tgz)/g)].map((match) => match[1] as string).sort();
    expect(installed, 'npm install of the tarballs').toEqual(expected);
    // Each tarball comes from a `pnpm pack` of its package in the build stage.
    const packs = instructions.find((line) => line.includes('pnpm pack')) ?? '';
    for (const dir of ['mocks', ...workspaceDeps.map((name) => dirs.get(name) as string)])
      expect(packs, dir).toContain(`cd /repo/${dir} && pnpm pack`);
  });

  it('runs the package bin from a slim image, as non-root, in exec form, with a health check', () => {
    const froms = instructions.filter((line) => line.startsWith('FROM '));
    expect(froms.length, 'a build stage and a run stage').toBe(2);
    expect(froms[1]).toMatch(/^FROM node:\d[\w.]*-(bookworm-)?slim$/);
    const runStage = instructions.slice(instructions.indexOf(froms[1] as string));
    expect(
      runStage.some((line) => /^USER (node|\d+)$/.test(line) && line !== 'USER 0'),
      'USER node',
    ).toBe(true);
    expect(
      runStage.some((line) => line.startsWith('HEALTHCHECK ') && line.includes('CMD [')),
      'HEALTHCHECK in exec form',
    ).toBe(true);
    const entrypoint = runStage.find((line) => line.startsWith('ENTRYPOINT '));
    const argv = JSON.parse((entrypoint ?? 'ENTRYPOINT null').slice('ENTRYPOINT '.length)) as string[];
    expect(Array.isArray(argv), 'ENTRYPOINT in exec form').toBe(true);
    const bin = JSON.parse(readFileSync(join(root, 'mocks', 'package.json'), 'utf8')) as Manifest;
    expect(argv[1]).toBe(join('/app/node_modules/@credit-apis/mock-server', bin.bin?.['credit-apis-mock'] ?? '?'));
    expect(argv.slice(2)).toEqual(expect.arrayContaining(['--host', '0.0.0.0']));
  });
});
