/**
 * `/docs/` serves the built docs folder when it exists, with content types, and nothing outside it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';

let running: RunningMock;
let without: RunningMock;
const root = mkdtempSync(join(tmpdir(), 'mock-docs-'));
beforeAll(async () => {
  mkdirSync(join(root, 'docs', 'zemo'), { recursive: true });
  writeFileSync(join(root, 'docs', 'index.html'), '<h1>docs</h1>');
  writeFileSync(join(root, 'docs', 'zemo', 'index.html'), '<h1>zemo</h1>');
  writeFileSync(join(root, 'docs', 'app.css'), 'h1{}');
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET-CONTENT');
  running = await startMock({ docsDir: join(root, 'docs') });
  without = await startMock({ docsDir: join(root, 'missing') });
});
afterAll(async () => {
  await running.close();
  await without.close();
  rmSync(root, { recursive: true, force: true });
});

/** GET with the path sent exactly as written (fetch would resolve the dots first). */
function rawGet(path: string): Promise<{ status: number; text: string }> {
  const url = new URL(running.url);
  return new Promise((resolve, reject) => {
    get({ host: url.hostname, port: url.port, path }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    }).on('error', reject);
  });
}

describe('/docs', () => {
  it('serves files with their content types, and index.html for folders', async () => {
    const index = await send(`${running.url}/docs/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.text).toBe('<h1>docs</h1>');
    expect((await send(`${running.url}/docs/zemo`)).text).toBe('<h1>zemo</h1>');
    expect((await send(`${running.url}/docs/app.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${running.url}/docs`, { redirect: 'manual' })).headers.get('location')).toBe('/docs/');
    expect(((await send(`${running.url}/`)).json as { docs?: string }).docs).toBe(`${running.url}/docs/`);
  });

  it('never serves anything outside the docs folder', async () => {
    for (const path of [
      '/docs/../secret.txt',
      '/docs/%2e%2e/secret.txt',
      '/docs/..%2fsecret.txt',
      '/docs/%2e%2e%5csecret.txt',
      '/docs/zemo/../../secret.txt',
      '/docs/%00',
      '/docs//etc/passwd',
    ]) {
      const answer = await rawGet(path);
      expect(answer.status, path).toBe(404);
      expect(answer.text, path).not.toContain('TOP-SECRET-CONTENT');
    }
  });

  it('is absent from the index when the docs are not built', async () => {
    expect(((await send(`${without.url}/`)).json as { docs?: string }).docs).toBeUndefined();
    expect((await send(`${without.url}/docs/`)).status).toBe(404);
  });
});
