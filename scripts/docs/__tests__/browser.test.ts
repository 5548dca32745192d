/**
 * The built docs in a real browser, opened from disk with no network: a reader's walk through every page.
 * Redoc 3 renders operations lazily and starts with tags collapsed, so the test expands each tag in the
 * sidebar and follows each operation's link, as a reader would, then checks what the operation shows.
 * Every page must log no console error and make no request off the machine. Screenshots go to
 * artifacts/screenshots/ (git-ignored; CI keeps the folder).
 *
 * Without /usr/bin/chromium the suite is skipped with a loud reason, except in CI, where it fails.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deref, isObject, listOperations, type JsonObject, type OperationRef } from '@credit-apis/contract-core';
import { repoRoot } from '../../lib/providers.js';
import { buildSite } from '../build-site.js';
import { FLOW_PROVIDER } from '../index-page.js';
import { AUTH_HEADING, ERRORS_HEADING } from '../overview.js';
import { QUIRKS_HEADING } from '../quirks.js';
import { operationAnchor, redocSlug } from '../redoc-anchors.js';
import { chromiumAvailability, launchBrowser, type Browser, type PageRecord } from '@credit-apis/test-kit/browser';
import { committedBundles } from './fixtures.js';

export const SCREENSHOTS_DIR = join(repoRoot, 'artifacts', 'screenshots');

const availability = chromiumAvailability();
if (!availability.run) {
  console.warn(
    `\n${'!'.repeat(100)}\n!! SKIPPING the docs browser test: ${availability.reason}.\n!! In CI (CI set) this fails instead.\n${'!'.repeat(100)}\n`,
  );
}

const bundles = committedBundles();
let browser: Browser | undefined;
let outDir = '';

function url(file: string, hash = ''): string {
  return `${pathToFileURL(join(outDir, file)).href}${hash}`;
}

function expectClean(record: PageRecord, what: string): void {
  expect(record.offMachine, `${what}: requests off the machine`).toEqual([]);
  expect(record.consoleErrors, `${what}: console errors`).toEqual([]);
}

/** Redoc's server-rendered HTML is inert until React hydrates it, which marks the container as a React root. */
async function waitForRedoc(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const root = document.getElementById('redoc');
      return root !== null && Object.keys(root).some((key) => key.startsWith('__reactContainer'));
    },
    undefined,
    { timeout: 20_000 },
  );
}

function tagOf(op: OperationRef): string {
  return Array.isArray(op.operation.tags) ? String(op.operation.tags[0]) : '';
}

/** Expands the operation's tag in the sidebar if needed, follows its link, and returns its rendered section. */
async function openOperation(page: Page, op: OperationRef): Promise<Locator> {
  const anchor = operationAnchor(op);
  const link = page.locator(`a[href="${anchor}"]`).first();
  if (!(await link.isVisible()))
    await page
      .locator(`a[href="/${redocSlug(tagOf(op))}"]`)
      .first()
      .click();
  await link.click();
  const section = page.locator(`[id="${anchor.slice(2)}"]`);
  const heading = section.locator('h2', { hasText: String(op.operation.summary) }).first();
  await heading.waitFor({ state: 'visible', timeout: 15_000 });
  await heading.scrollIntoViewIfNeeded();
  return section;
}

/** Opens the sample panel's language menu (showing `from`) and picks `to`. */
async function chooseLanguage(page: Page, section: Locator, from: string, to: string): Promise<void> {
  await section.getByText(from, { exact: true }).first().click();
  await page.getByRole('menuitem', { name: to, exact: true }).first().click();
}

/** Scheme names of the operation's first security requirement (operation-level overrides the root's). */
function securityNames(doc: JsonObject, op: OperationRef): string[] {
  const requirements = 'security' in op.operation ? op.operation.security : doc.security;
  const [first] = Array.isArray(requirements) ? requirements : [];
  return isObject(first) ? Object.keys(first) : [];
}

/** The first key of the first documented example of a webhook's payload, as the JSON sample shows it. */
function firstPayloadKey(doc: JsonObject, op: OperationRef): string | undefined {
  const body = deref(doc, op.operation.requestBody);
  const media = isObject(body) && isObject(body.content) ? Object.values(body.content).find(isObject) : undefined;
  const examples = media && isObject(media.examples) ? Object.values(media.examples) : [];
  const example = deref(doc, examples[0]);
  return isObject(example) && isObject(example.value) ? Object.keys(example.value)[0] : undefined;
}

describe.skipIf(!availability.run)(`the docs in Chromium, offline${availability.run ? '' : ` (SKIPPED: ${availability.reason})`}`, () => {
  beforeAll(async () => {
    if (availability.failInCi) throw new Error(`CI: ${availability.reason}. .ci/run must install it before the tests.`);
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    outDir = mkdtempSync(join(tmpdir(), 'credit-apis-docs-browser-'));
    await buildSite(outDir);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  }, 60_000);

  it('index.html: introduces the kit and links every provider', { timeout: 60_000 }, async () => {
    if (!browser) throw new Error('no browser');
    const { page, record } = await browser.open();
    await page.goto(url('index.html'));
    await expect.poll(() => page.locator('h1').innerText()).toContain('credit-apis');
    for (const { slug } of bundles) expect(await page.locator(`a[href="${slug}.html"]`).count(), slug).toBeGreaterThan(0);
    for (const heading of ['Providers', 'Install a client package', 'Start the mock server', 'The ECCOR FGTS flow, in order']) {
      await page.locator('h2', { hasText: heading }).waitFor({ state: 'visible' });
    }
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'index.png'), fullPage: true });
    expectClean(record, 'index.html');
    await page.close();
  });

  it(`index.html: every ${FLOW_PROVIDER} flow link lands on its rendered operation`, { timeout: 240_000 }, async () => {
    if (!browser) throw new Error('no browser');
    const { page, record } = await browser.open();
    await page.goto(url('index.html'));
    const hrefs = await page.locator('a[data-operation]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const flow = bundles.find(({ slug }) => slug === FLOW_PROVIDER);
    expect(hrefs.length).toBe(flow ? listOperations(flow.bundle).length : 0);
    for (const href of hrefs) {
      await page.goto(url('index.html'));
      await page.locator(`a[href="${href}"]`).click();
      await page.waitForURL((current) => current.href.endsWith(href));
      const id = href.slice(href.indexOf('#') + 2);
      await page.locator(`[id="${id}"] h2`).first().waitFor({ state: 'visible', timeout: 20_000 });
    }
    expectClean(record, 'index.html flow links');
    await page.close();
  });

  for (const { slug, bundle } of bundles) {
    it(`${slug}.html: every operation and webhook renders with its samples, auth, errors and quirks`, { timeout: 300_000 }, async () => {
      if (!browser) throw new Error('no browser');
      const { page, record } = await browser.open();
      await page.goto(url(`${slug}.html`));
      await waitForRedoc(page);

      // Servers (production, homologação, local mock) are listed at the top of the page.
      const top = await page.locator('body').innerText();
      for (const server of (Array.isArray(bundle.servers) ? bundle.servers : []).filter(isObject))
        expect(top, 'servers').toContain(String(server.url));
      // Auth and error shapes have their own overview sections in the sidebar, and open on click.
      for (const heading of [AUTH_HEADING, ERRORS_HEADING]) {
        await page.locator('a', { hasText: heading }).first().click();
        await page.locator('h2', { hasText: heading }).first().waitFor({ state: 'visible' });
      }
      await page.screenshot({ path: join(SCREENSHOTS_DIR, `${slug}-overview.png`) });

      const operations = listOperations(bundle);

      // Search works offline: the first operation's summary finds it.
      const firstSummary = String(operations[0]?.operation.summary ?? '');
      await page.locator('[data-testid="search-trigger"]').click();
      await page.keyboard.type(firstSummary);
      await page.locator('[data-testid="search-dialog"]').getByText(firstSummary).first().waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');

      let firstOperationShot = false;
      let firstWebhookShot = false;
      for (const op of operations) {
        const what = op.kind === 'webhooks' ? `webhook ${op.key}` : `${op.method.toUpperCase()} ${op.key}`;
        const section = await openOperation(page, op);
        const text = await section.innerText();
        if (op.kind === 'paths') {
          // The TypeScript sample is the first tab, shown by default.
          expect(text, `${what}: TypeScript sample`).toContain(`client.${op.method.toUpperCase()}('${op.key}'`);
          for (const name of securityNames(bundle, op)) expect(text, `${what}: security ${name}`).toContain(name);
        } else {
          const key = firstPayloadKey(bundle, op);
          if (key) expect(text, `${what}: payload example`).toContain(`"${key}"`);
        }
        for (const status of Object.keys(isObject(op.operation.responses) ? op.operation.responses : {})) {
          expect(text, `${what}: response ${status}`).toContain(status);
        }
        if (Array.isArray(op.operation['x-doc-quirks']) && op.operation['x-doc-quirks'].length > 0) {
          expect(text, `${what}: documented quirks`).toContain(QUIRKS_HEADING);
        }
        if (op.kind === 'paths' && !firstOperationShot) {
          await page.screenshot({ path: join(SCREENSHOTS_DIR, `${slug}-operation.png`) });
          firstOperationShot = true;
          // The curl sample is the second tab: a reader picks it once (the choice is page-wide), then back.
          await chooseLanguage(page, section, 'TypeScript', 'curl');
          await expect.poll(() => section.innerText(), { timeout: 10_000 }).toContain(`curl --request ${op.method.toUpperCase()}`);
          expect(await section.innerText(), `${what}: curl against the mock`).toContain(`http://127.0.0.1:4010/${slug}`);
          await page.screenshot({ path: join(SCREENSHOTS_DIR, `${slug}-curl.png`) });
          await chooseLanguage(page, section, 'curl', 'TypeScript');
        }
        if (op.kind === 'webhooks' && !firstWebhookShot) {
          await page.screenshot({ path: join(SCREENSHOTS_DIR, `${slug}-webhook.png`) });
          firstWebhookShot = true;
        }
      }

      await page.screenshot({ path: join(SCREENSHOTS_DIR, `${slug}.png`) });
      expectClean(record, `${slug}.html`);
      await page.close();
    });
  }

  it('no request left the machine from any page or worker of the context', () => {
    expect(browser?.contextOffMachine).toEqual([]);
  });
});
