/**
 * Debian's Chromium through playwright-core (never a downloaded browser) for the console's browser test:
 * every request of the page is watched — anything not on 127.0.0.1 (or `data:`) is recorded and aborted —
 * and every console error and uncaught exception is recorded. The same rules as the docs portal's browser
 * test (scripts/docs/__tests__/browser.ts), which lives in another package and cannot be imported from here.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether the test runs: always under CI=true (a missing Chromium then fails it), else only when installed. */
export function chromiumAvailability(): { run: boolean; reason: string } {
  if (existsSync(CHROMIUM)) return { run: true, reason: '' };
  const reason = `${CHROMIUM} is missing (install it: apt-get update && apt-get install -y chromium)`;
  return { run: Boolean(process.env.CI), reason };
}

const onMachine = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'data:' || parsed.hostname === '127.0.0.1';
  } catch {
    return false;
  }
};

export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  offMachine: string[];
  close(): Promise<void>;
}

export async function openWatchedPage(): Promise<WatchedPage> {
  if (!existsSync(CHROMIUM)) throw new Error(chromiumAvailability().reason);
  const userDataDir = mkdtempSync(join(tmpdir(), 'credit-apis-console-'));
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    timeout: 60_000,
  });
  context.setDefaultTimeout(15_000);
  const consoleErrors: string[] = [];
  const offMachine: string[] = [];
  context.on('request', (request) => {
    if (!onMachine(request.url())) offMachine.push(request.url());
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (onMachine(url)) return route.continue();
    offMachine.push(url);
    return route.abort('blockedbyclient');
  });
  return {
    page,
    consoleErrors,
    offMachine,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
