/**
 * `/docs/` serves regular files under its folder only: a symbolic link out of the folder is a 404 (its
 * target is never read), and a FIFO or a device is refused at once instead of hanging the request.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';

let running: RunningMock;
const root = mkdtempSync(join(tmpdir(), 'mock-docs-links-'));
beforeAll(async () => {
  const docs = join(root, 'docs');
  mkdirSync(join(docs, 'zemo'), { recursive: true });
  writeFileSync(join(docs, 'index.html'), '<h1>docs</h1>');
  writeFileSync(join(docs, 'zemo', 'page.html'), '<h1>zemo</h1>');
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET-CONTENT');
  symlinkSync(join(root, 'secret.txt'), join(docs, 'leak.txt'));
  symlinkSync(root, join(docs, 'up'));
  symlinkSync('/etc/passwd', join(docs, 'passwd.txt'));
  symlinkSync('/dev/zero', join(docs, 'zero.txt'));
  symlinkSync(join(docs, 'zemo', 'page.html'), join(docs, 'inside.html'));
  execFileSync('mkfifo', [join(docs, 'fifo.txt')]);
  running = await startMock({ docsDir: docs });
});
afterAll(async () => {
  await running.close();
  rmSync(root, { recursive: true, force: true });
});

describe('/docs and links', () => {
  it('answers 404 for a link that leads out of the folder, file or folder', async () => {
    for (const path of ['/docs/leak.txt', '/docs/up/secret.txt', '/docs/passwd.txt']) {
      const answer = await send(`${running.url}${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.text, path).not.toMatch(/TOP-SECRET-CONTENT|root:/);
    }
  });

  it('refuses a FIFO and a device without waiting on them', async () => {
    for (const path of ['/docs/fifo.txt', '/docs/zero.txt']) {
      const answer = await send(`${running.url}${path}`, { signal: AbortSignal.timeout(5000) });
      expect(answer.status, path).toBe(404);
    }
  });

  it('still serves a link that stays inside the folder', async () => {
    expect((await send(`${running.url}/docs/inside.html`)).text).toBe('<h1>zemo</h1>');
    expect((await send(`${running.url}/docs/`)).text).toBe('<h1>docs</h1>');
  });
});
