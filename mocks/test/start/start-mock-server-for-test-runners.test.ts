/**
 * `startMockServer()` is what a test runner's globalSetup calls: a free loopback port by default, every
 * provider answering, quiet, a typed error for bad options, and `close()` that frees the port.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sampleRequest, showcaseOperation } from '../../src/catalog/sample-request.js';
import { MockServerOptionsError, startMockServer } from '../../src/index.js';
import { startMock } from '../support/mock.js';

describe('startMockServer', () => {
  it('listens on a free 127.0.0.1 port and answers every provider as the server does', async () => {
    const reference = await startMock();
    const mock = await startMockServer();
    try {
      expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
      expect(mock.port).toBeGreaterThan(0);
      expect(mock.providers.map((provider) => provider.slug)).toEqual(reference.providers.map((provider) => provider.slug));
      for (const provider of reference.providers) {
        const operation = showcaseOperation(provider);
        if (!operation) continue;
        const sample = sampleRequest(provider, operation);
        const init = { method: sample.method, headers: sample.headers, ...(sample.body === undefined ? {} : { body: sample.body }) };
        const [ours, theirs] = await Promise.all([
          fetch(`${mock.url}/${provider.slug}${sample.path}`, init),
          fetch(`${reference.url}/${provider.slug}${sample.path}`, init),
        ]);
        expect(ours.status, provider.slug).toBe(theirs.status);
        expect(await ours.text(), provider.slug).toBe(await theirs.text());
        expect(mock.providers.find((entry) => entry.slug === provider.slug)?.url).toBe(`${mock.url}/${provider.slug}`);
      }
    } finally {
      await mock.close();
      await reference.close();
    }
    await expect(fetch(`${mock.url}/`)).rejects.toThrow();
  });

  it('refuses bad options with a MockServerOptionsError before listening', async () => {
    await expect(startMockServer({ port: 70_000 })).rejects.toBeInstanceOf(MockServerOptionsError);
    await expect(startMockServer({ proxies: { nobody: 'http://127.0.0.1:9' } })).rejects.toThrow(/unknown provider "nobody"/);
    await expect(startMockServer({ sandbox: { webhookUrls: ['ftp://example.com/hook'] } })).rejects.toThrow(/must be http\(s\)/);
    await expect(startMockServer({ specsDir: '/nonexistent' })).rejects.toThrow(/No provider bundle/);
  });

  it('runs nothing at import time: importing the package prints nothing and lets the process exit', async () => {
    const entry = new URL('../../src/index.ts', import.meta.url).href;
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(entry)}); console.log(typeof m.startMockServer, typeof m.main);`,
      ],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        timeout: 20_000,
      },
    );
    expect(stdout).toBe('function function\n');
    expect(stderr).toBe('');
  });

  it('gives the sandbox when asked', async () => {
    const mock = await startMockServer({ sandbox: true });
    try {
      expect(mock.sandboxSummary).toMatch(/^sandbox: /);
      expect((await fetch(`${mock.url}/_sandbox/`)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});
