/**
 * PACKED-INSTALL TEST of the mock (slow: runs npm three times; bounded at 4 min).
 *
 * What a partner gets from the tarballs alone, outside the monorepo (an empty project in the OS temp folder,
 * so nothing resolves through the workspace):
 *   (a) `npm install` of @credit-apis/mock-server (+ @credit-apis/specs, its dependency): the install size is
 *       printed; `npx credit-apis-mock --port 0 --quiet` names its URL on the first line and answers every
 *       documented request of every provider exactly as the in-repo server does — and so does the installed
 *       bin on Node 22 and 24 (`inject('nodeBinaries')`, from the npm registry);
 *   (c) `@credit-apis/specs/<slug>.json` resolves there and is the bundle;
 *   (b) the README's vitest examples (globalSetup calling startMockServer(), a test through @credit-apis/zemo;
 *       a test of the journal and faults through the handle), their files taken from mocks/README.md as they
 *       are written, run green there.
 * The tarballs are the ones the `packed` project's global setup built and packed once for this run
 * (scripts/release/packed.global-setup.ts), shared with the providers' packed-install test.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sampleRequest } from '../../src/catalog/sample-request.js';
import { startMock } from '../support/mock.js';
import { readmeFiles } from './readme-files.js';

const run = promisify(execFile);
/**
 * The environment of a partner's shell: without the NODE_PATH that pnpm sets for its scripts (pointing into
 * the workspace's store, where Prism is), so that what resolves is what was installed.
 */
const partnerEnv = (() => {
  const { NODE_PATH: _nodePath, ...rest } = process.env;
  return { ...rest, CI: 'true' };
})();
const root = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'credit-apis-packed-mock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function sh(command: [string, string[]], cwd: string, timeout = 120_000): Promise<string> {
  try {
    const { stdout } = await run(command[0], command[1], { cwd, timeout, maxBuffer: 16 * 1024 * 1024, env: partnerEnv });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${[command[0], ...command[1]].join(' ')} (in ${cwd}) failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

function folderSize(dir: string): { bytes: number; packages: number } {
  let bytes = 0;
  let packages = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
    if (entry.isFile() && entry.name === 'package.json' && /node_modules\/(@[^/]+\/)?[^/@]+$/.test(entry.parentPath)) packages++;
  }
  return { bytes, packages };
}

/**
 * Starts the installed bin and resolves with its URL, read from the first line it prints: through its npm bin
 * link (`npx --no-install credit-apis-mock`) on this process's node, or the bin's file on another `node`.
 */
function startInstalledBin(app: string, node?: string): Promise<{ url: string; firstLine: string; stop(): Promise<void> }> {
  const args = ['--port', '0', '--quiet'];
  const [command, commandArgs] =
    node === undefined
      ? ['npx', ['--no-install', 'credit-apis-mock', ...args]]
      : [node, [join(app, 'node_modules', '@credit-apis', 'mock-server', 'dist', 'bin.js'), ...args]];
  const child = spawn(command, commandArgs, { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], env: partnerEnv });
  let output = '';
  let stdout = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`no banner in 20 s: ${output}`))), 20_000);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline === -1) return;
      clearTimeout(timer);
      const firstLine = stdout.slice(0, newline);
      const url = /listening on (http:\/\/\S+)/.exec(firstLine)?.[1];
      if (url) resolve({ url, firstLine, stop });
      else void stop().then(() => reject(new Error(`first line names no URL: ${firstLine}`)));
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
}

async function answer(base: string, slug: string, sample: ReturnType<typeof sampleRequest>): Promise<Answer> {
  const response = await fetch(`${base}/${slug}${sample.path}`, {
    method: sample.method,
    headers: sample.headers,
    ...(sample.body === undefined ? {} : { body: sample.body }),
  });
  // Status, type and body: the headers hold one live value (UY3's rate-limit window end).
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

describe('packed install: @credit-apis/mock-server from its tarball, outside the monorepo', () => {
  it('installs small, serves every provider as the repository does, resolves the specs, and runs the README vitest example', {
    timeout: 240_000,
  }, async () => {
    const app = join(work, 'app');
    mkdirSync(app);
    const packed = inject('packed');
    const tarball = (name: 'runtime' | 'zemo' | 'specs' | 'mock-server'): string => {
      const found = packed.find((pkg) => pkg.name === `@credit-apis/${name}`);
      if (!found) throw new Error(`no tarball for @credit-apis/${name} among ${packed.map((pkg) => pkg.name).join(', ')}`);
      return found.tarball;
    };

    // (a) the default install: the mock and the contracts, nothing else of the kit.
    await sh(['npm', ['init', '-y']], app);
    await sh(['npm', ['pkg', 'set', 'type=module']], app);
    await sh(['npm', ['install', tarball('mock-server'), tarball('specs'), '--prefer-offline', '--no-audit', '--no-fund']], app);
    const size = folderSize(join(app, 'node_modules'));
    process.stdout.write(
      `packed install of @credit-apis/mock-server: node_modules ${(size.bytes / 1024 / 1024).toFixed(1)} MB, ${size.packages} packages\n`,
    );
    expect(existsSync(join(app, 'node_modules', '@stoplight', 'prism-http')), 'Prism must stay optional').toBe(false);

    // On each supported Node version (the bin link on this process's node, the bin's file on the others).
    const reference = await startMock();
    try {
      for (const [major, binary] of inject('nodeBinaries')) {
        const launched = performance.now();
        const installed = await startInstalledBin(app, binary === process.execPath ? undefined : binary);
        try {
          expect(installed.firstLine, `Node ${major}`).toMatch(/^credit-apis mock listening on http:\/\/127\.0\.0\.1:\d+ /);
          // One figure, printed, never asserted (pnpm bench:mock measures it properly, interleaved).
          await Promise.all(
            reference.providers.map((provider) =>
              answer(installed.url, provider.slug, sampleRequest(provider, provider.operations[0] as (typeof provider.operations)[number])),
            ),
          );
          process.stdout.write(
            `installed bin on Node ${major}, one launch → every provider answering: ${Math.round(performance.now() - launched)} ms\n`,
          );
          let compared = 0;
          for (const provider of reference.providers) {
            for (const operation of provider.operations) {
              const sample = sampleRequest(provider, operation);
              const [ours, theirs] = await Promise.all([
                answer(installed.url, provider.slug, sample),
                answer(reference.url, provider.slug, sample),
              ]);
              expect(ours, `Node ${major}: ${provider.slug} ${sample.method} ${sample.path}`).toEqual(theirs);
              compared++;
            }
          }
          expect(compared).toBeGreaterThanOrEqual(reference.providers.length);
          const index = (await (await fetch(`${installed.url}/`)).json()) as { providers: { slug: string }[] };
          expect(
            index.providers.map((provider) => provider.slug),
            `Node ${major}`,
          ).toEqual(reference.providers.map((provider) => provider.slug));
        } finally {
          await installed.stop();
        }
      }
      // Prism is not installed here: a dynamic answer says which packages to add.
      const installed = await startInstalledBin(app);
      try {
        const zemo = reference.provider('zemo');
        const sample = sampleRequest(zemo, zemo.operations[0] as (typeof zemo.operations)[number]);
        const dynamic = await fetch(`${installed.url}/zemo${sample.path}`, { headers: { ...sample.headers, prefer: 'dynamic=true' } });
        expect(dynamic.status).toBe(501);
        expect(await dynamic.text()).toContain('npm install --save-dev @stoplight/prism-http@5.12.0 @stoplight/prism-core@5.8.0');
      } finally {
        await installed.stop();
      }
    } finally {
      await reference.close();
    }

    // Without Prism, --proxy refuses to start, naming what to install.
    const proxy = await run('npx', ['--no-install', 'credit-apis-mock', '--port', '0', '--proxy', 'zemo=https://zemo.example.invalid'], {
      cwd: app,
      timeout: 30_000,
      env: partnerEnv,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? '' }),
    );
    expect(proxy.code).toBe(2);
    expect(proxy.stderr).toContain('the validating proxy (--proxy) needs Stoplight Prism');
    expect(proxy.stderr).toContain('@stoplight/prism-http@5.12.0');

    // (c) the contracts resolve by name, byte for byte the repository's bundles.
    const resolveCheck = `import { createRequire } from 'node:module'; import { readFileSync } from 'node:fs'; import { providers } from '@credit-apis/specs';
const require = createRequire(import.meta.url);
console.log(JSON.stringify(Object.fromEntries(providers.map((p) => [p.slug, readFileSync(require.resolve('@credit-apis/specs/' + p.slug + '.json'), 'utf8')]))));`;
    writeFileSync(join(app, 'resolve-specs.mjs'), resolveCheck);
    const resolved = JSON.parse(await sh([process.execPath, ['resolve-specs.mjs']], app, 30_000)) as Record<string, string>;
    const slugs = reference.providers.map((provider) => provider.slug);
    expect(Object.keys(resolved).sort()).toEqual([...slugs].sort());
    for (const slug of slugs)
      expect(resolved[slug] === readFileSync(join(root, 'generated', slug, 'openapi.json'), 'utf8'), slug).toBe(true);

    // (b) the README's vitest example, as written, with the client package and vitest added.
    const files = readmeFiles(readFileSync(join(root, 'mocks', 'README.md'), 'utf8'));
    expect(Object.keys(files).sort()).toEqual(['vitest.config.ts', 'vitest.global-setup.ts', 'zemo-bad-day.test.ts', 'zemo.test.ts']);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(app, name), text);
    const vitestVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'vitest', 'package.json'), 'utf8')) as { version: string })
      .version;
    await sh(
      [
        'npm',
        [
          'install',
          '--save-dev',
          tarball('runtime'),
          tarball('zemo'),
          `vitest@${vitestVersion}`,
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
        ],
      ],
      app,
      180_000,
    );
    const output = await sh(['npx', ['--no-install', 'vitest', 'run', '--reporter', 'verbose']], app, 60_000);
    expect(output).toMatch(/reads an operation from the mock/);
    // The journal and faults through the packed handle (the README's "Testing your integration").
    expect(output).toMatch(/retries a 503, and gives up on a connection that keeps dropping/);
    expect(output).toMatch(/2 passed/);
  });
});
