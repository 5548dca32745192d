/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), with every request of a page
 * intercepted: anything that is not `file:`, `data:` or 127.0.0.1 is recorded and aborted, and every
 * console error and uncaught exception is recorded, so that a test can assert there were none.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags CI runs Chromium with: headless, sandbox-less in a container, and nothing that phones home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether the browser test runs here, and why not when it does not. */
export function chromiumAvailability(): { run: boolean; failInCi: boolean; reason: string } {
  if (existsSync(CHROMIUM)) return { run: true, failInCi: false, reason: '' };
  const reason = `${CHROMIUM} is missing (install it: apt-get update && apt-get install -y chromium)`;
  return process.env.CI ? { run: true, failInCi: true, reason } : { run: false, failInCi: false, reason };
}

export function isOnMachine(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:' || parsed.protocol === 'data:') return true;
  return parsed.hostname === '127.0.0.1';
}

export interface PageRecord {
  consoleErrors: string[];
  offMachine: string[];
  /** Every URL the page requested, in order (on the machine or not). */
  requested: string[];
}

export interface Browser {
  context: BrowserContext;
  /** Requests seen at the context level (workers included), off the machine. */
  contextOffMachine: string[];
  /** A new page, watched from its first request. */
  open(): Promise<{ page: Page; record: PageRecord }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  // A fresh profile: no cache, cookies or service workers from an earlier run can hide a request.
  const userDataDir = mkdtempSync(join(tmpdir(), 'credit-apis-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
    timeout: 60_000,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const contextOffMachine: string[] = [];
  context.on('request', (request) => {
    if (!isOnMachine(request.url())) contextOffMachine.push(request.url());
  });
  return {
    context,
    contextOffMachine,
    async open() {
      const page = await context.newPage();
      const record: PageRecord = { consoleErrors: [], offMachine: [], requested: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') record.consoleErrors.push(`${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => record.consoleErrors.push(`uncaught: ${error.message}`));
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        record.requested.push(url);
        if (isOnMachine(url)) return route.continue();
        record.offMachine.push(url);
        return route.abort('blockedbyclient');
      });
      return { page, record };
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
