/**
 * `/` in a browser is a page: every provider with its operations and a curl each, links to its contract,
 * the docs (when built) and the sandbox (when on); no console error (favicon included) and no request off
 * this machine. Debian's Chromium through playwright-core; skipped locally without it, never in CI.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, launchBrowser } from '@credit-apis/test-kit/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox } from '../../src/sandbox/index.js';
import { startMock, type RunningMock } from '../support/mock.js';

const missing = existsSync(CHROMIUM) ? '' : `${CHROMIUM} is missing (apt-get install -y chromium)`;
const run = missing === '' || process.env.CI === 'true';

let mock: RunningMock;
const docsDir = mkdtempSync(join(tmpdir(), 'credit-apis-landing-docs-'));
beforeAll(async () => {
  writeFileSync(join(docsDir, 'index.html'), '<!doctype html><title>docs</title><link rel="icon" href="data:,">');
  mock = await startMock({ docsDir, sandbox: sandbox() });
});
afterAll(async () => {
  await mock?.close();
  rmSync(docsDir, { recursive: true, force: true });
});

describe('the landing page, without a browser', () => {
  it('is HTML for Accept: text/html and the JSON index for anything else', async () => {
    const html = await fetch(`${mock.url}/`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('vary')).toBe('Accept');
    for (const accept of ['application/json', '*/*', 'text/html;q=0', '']) {
      const json = await fetch(`${mock.url}/`, { headers: accept ? { accept } : {} });
      expect(json.headers.get('content-type'), accept).toBe('application/json');
      expect(json.headers.get('vary'), accept).toBe('Accept');
      expect(((await json.json()) as { providers: unknown[] }).providers.length).toBe(mock.providers.length);
    }
  });
});

describe.skipIf(!run)(`the landing page in Chromium${run ? '' : ` (SKIPPED: ${missing})`}`, () => {
  it('shows every provider, operation and curl, its links work, with no console error and nothing off the machine', async () => {
    if (missing) throw new Error(`CI: ${missing}`);
    const browser = await launchBrowser();
    try {
      const { page, record } = await browser.open();
      const { consoleErrors, offMachine, requested } = record;
      const response = await page.goto(`${mock.url}/`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await page.title()).toBe('credit-apis mock server');

      const headings = await page.locator('section h2').allTextContents();
      expect(headings).toEqual(mock.providers.map((provider) => provider.title));
      for (const provider of mock.providers) {
        const section = page.locator(`section#${provider.slug}`);
        expect(await section.locator('details').count(), provider.slug).toBe(provider.operations.length);
        const curls = await section.locator('pre code').allTextContents();
        expect(
          curls.every((curl) => curl.startsWith('curl ') && curl.includes(`${mock.url}/${provider.slug}`)),
          provider.slug,
        ).toBe(true);
        for (const suffix of ['json', 'yaml']) {
          const href = await section.locator(`a[href="/${provider.slug}/openapi.${suffix}"]`).getAttribute('href');
          expect((await page.request.get(`${mock.url}${href}`)).status(), `${provider.slug} ${suffix}`).toBe(200);
        }
      }
      for (const href of ['/docs/', '/_sandbox/']) {
        expect(await page.locator(`a[href="${href}"]`).count(), href).toBe(1);
        expect((await page.request.get(`${mock.url}${href}`)).status(), href).toBe(200);
      }
      // A page that loads nothing: its icon is inline (no /favicon.ico 404 in a browser's console), no
      // script, no stylesheet; /favicon.ico itself answers, for the pages that declare no icon.
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
      expect(requested).toEqual([`${mock.url}/`]);
      const icon = await page.request.get(`${mock.url}/favicon.ico`);
      expect([icon.status(), icon.headers()['content-type']]).toEqual([200, 'image/svg+xml']);
      expect(consoleErrors).toEqual([]);
      expect(offMachine).toEqual([]);
      expect(browser.contextOffMachine).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
