/**
 * The console's browser test opens one watched page: the workspace's Chromium helper
 * (`@credit-apis/test-kit/browser`: Debian's Chromium, every off-machine request recorded and aborted, every
 * console error and uncaught exception recorded), with the context's and the page's records read as one.
 */
import { launchBrowser } from '@credit-apis/test-kit/browser';
import type { Page } from 'playwright-core';

export { chromiumAvailability } from '@credit-apis/test-kit/browser';

export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  /** Requests off the machine, seen by the page or by the context (workers included). */
  readonly offMachine: string[];
  close(): Promise<void>;
}

export async function openWatchedPage(): Promise<WatchedPage> {
  const browser = await launchBrowser();
  const { page, record } = await browser.open();
  return {
    page,
    consoleErrors: record.consoleErrors,
    get offMachine() {
      return [...new Set([...browser.contextOffMachine, ...record.offMachine])];
    },
    close: () => browser.close(),
  };
}
