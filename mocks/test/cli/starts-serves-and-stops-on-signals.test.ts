/**
 * The command behind `pnpm start`: binds 127.0.0.1 by default, prints each provider's base URL, logs one
 * line per request unless `--quiet`, refuses bad flags, and closes cleanly on SIGTERM and SIGINT.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';

const cli = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));

interface Started {
  child: ChildProcessWithoutNullStreams;
  base: string;
  output(): string;
  exited: Promise<number | null>;
}

function start(...args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', ...args], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner: ${output}`)), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+) /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, base: match[1], output: () => output, exited });
      }
    });
    child.on('exit', () => reject(new Error(`exited early: ${output}`)));
  });
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('the CLI', () => {
  it('binds loopback, lists the providers, logs requests and stops on SIGTERM', async () => {
    const mock = await start();
    expect(mock.base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const index = (await (await fetch(`${mock.base}/`)).json()) as { providers: { slug: string; baseUrl: string }[] };
    for (const provider of index.providers) expect(mock.output()).toContain(`${mock.base}/${provider.slug}/`);
    await fetch(`${mock.base}/zemo/nowhere?token=abc`, { headers: { authorization: SAMPLE_BEARER } });
    await waitFor(() => mock.output().includes('/zemo/nowhere'));
    expect(mock.output()).toMatch(/ GET \/zemo\/nowhere\?token=\*\*\* 404 \d+\.\dms/);
    expect(mock.output()).not.toContain(SAMPLE_BEARER);
    mock.child.kill('SIGTERM');
    expect(await mock.exited).toBe(0);
  });

  it('is quiet with --quiet and stops on SIGINT', async () => {
    const mock = await start('--quiet');
    await fetch(`${mock.base}/`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mock.output()).not.toMatch(/ GET \/ 200 /);
    mock.child.kill('SIGINT');
    expect(await mock.exited).toBe(0);
  });

  it('refuses an unknown flag and an unknown proxy provider', async () => {
    for (const args of [['--nope'], ['--proxy', 'nobody=http://127.0.0.1:9'], ['--port', 'x']]) {
      const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args]);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: credit-apis-mock');
    }
  });
});
