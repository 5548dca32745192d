/**
 * The command behind `pnpm start`: binds 127.0.0.1 by default, prints each provider's base URL, logs one
 * line per request unless `--quiet`, refuses bad flags, and closes cleanly on SIGTERM and SIGINT.
 */
import { fileURLToPath } from 'node:url';
import { runCli, startCli, type Started } from '@credit-apis/test-kit/cli';
import { describe, expect, it } from 'vitest';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';

const cli = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));

function start(...args: string[]): Promise<Started> {
  return startCli(['--import', 'tsx', cli, '--port', '0', ...args], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
}

describe('the CLI', () => {
  it('binds loopback, lists the providers, logs requests and stops on SIGTERM', async () => {
    const mock = await start();
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const index = (await (await fetch(`${mock.url}/`)).json()) as { providers: { slug: string; baseUrl: string }[] };
    for (const provider of index.providers) expect(mock.output()).toContain(`${mock.url}/${provider.slug}/`);
    await fetch(`${mock.url}/zemo/nowhere?token=abc`, { headers: { authorization: SAMPLE_BEARER } });
    await mock.printed('/zemo/nowhere');
    expect(mock.output()).toMatch(/ GET \/zemo\/nowhere\?token=\*\*\* 404 \d+\.\dms/);
    expect(mock.output()).not.toContain(SAMPLE_BEARER);
    mock.child.kill('SIGTERM');
    expect(await mock.exited).toBe(0);
  });

  it('is quiet with --quiet and stops on SIGINT', async () => {
    const mock = await start('--quiet');
    await fetch(`${mock.url}/`);
    mock.child.kill('SIGINT');
    expect(await mock.exited).toBe(0);
    // The server flushes its request log when it closes: once the output is drained, a line for the GET would be there.
    await mock.closed;
    expect(mock.output()).toContain('SIGINT: closing');
    expect(mock.output()).not.toMatch(/ GET \/ 200 /);
  });

  it('refuses an unknown flag and an unknown proxy provider', async () => {
    for (const args of [['--nope'], ['--proxy', 'nobody=http://127.0.0.1:9'], ['--port', 'x']]) {
      const { code, stderr } = await runCli(['--import', 'tsx', cli, ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: credit-apis-mock');
    }
  });
});
