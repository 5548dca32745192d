/**
 * The sandbox console in Debian's Chromium, while the whole ECCOR FGTS journey runs through our own client
 * (`@credit-apis/eccor-fgts`) against the sandbox, with a webhook receiver on 127.0.0.1:
 *   - the partner's client credentials pasted into the page show its tenant; its receiver URL is added there;
 *   - the note and each status change appear as they happen (server-sent events, no reload), with the
 *     documented Portuguese names and, under each change, its delivery and attempts;
 *   - "Advance to …" moves the note and its new notification appears; "Redeliver" makes the receiver see it
 *     again; "Pause delivery" holds the next notification (never tried), "Resume delivery" delivers it;
 *   - zero console errors, zero off-machine requests, labelled controls, a keyboard-driven action, and the
 *     page weight (HTML + script + styles, gzipped) printed and kept under 60 kB.
 * Screenshots go to artifacts/screenshots/ (git-ignored; CI keeps the folder).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { clientCredentials, createEccorFgtsClient, unwrap } from '@credit-apis/eccor-fgts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/catalog/openapi.js';
import { repoRoot, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';
import { requestExample, startReceiver, startSandbox, tomorrow, type Receiver } from '../sandbox/support.js';
import { chromiumAvailability, openWatchedPage, type WatchedPage } from './browser.js';

const availability = chromiumAvailability();
if (!availability.run) console.warn(`\n!!! SKIPPED: the sandbox console's browser test: ${availability.reason} !!!\n`);
const SCREENSHOTS = join(repoRoot, 'artifacts', 'screenshots');
const PAGE_BUDGET_BYTES = 60 * 1024;

let receiver: Receiver;
let running: RunningMock;
let browser: WatchedPage | undefined;
beforeAll(async () => {
  receiver = await startReceiver();
  running = await startSandbox();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
  await receiver?.close();
});

const payloads = (): string[] =>
  receiver.received.map((request) => {
    const parameters = (request.body as { parameters: { oldStatus: number; newStatus: number } }).parameters;
    return `${parameters.oldStatus}→${parameters.newStatus}`;
  });

describe.runIf(availability.run)('the sandbox console in a browser', () => {
  it('weighs at most 60 kB gzipped with its script and styles', async () => {
    let total = 0;
    const parts: string[] = [];
    for (const path of ['/_sandbox/', '/_sandbox/console.js', '/_sandbox/console.css']) {
      const answer = await send(`${running.url}${path}`, { headers: { accept: 'text/html' } });
      expect(answer.status, path).toBe(200);
      const gzipped = gzipSync(Buffer.from(answer.text)).length;
      total += gzipped;
      parts.push(`${path} ${Buffer.byteLength(answer.text)} B (${gzipped} B gzipped)`);
    }
    console.log(`sandbox console page weight: ${(total / 1024).toFixed(1)} kB gzipped in all — ${parts.join(', ')}`);
    expect(total).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });

  it('shows the journey live and drives it: advance, redeliver, pause and resume', async () => {
    browser = await openWatchedPage();
    const { page } = browser;
    await page.goto(`${running.url}/_sandbox/`);
    await page.getByText('live', { exact: true }).waitFor();

    // Every control has a label.
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select'))
        .filter((el) => (el as HTMLInputElement).labels?.length === 0)
        .map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);

    // The partner's credentials, pasted; its receiver URL added from the page.
    await page.getByLabel('Client id').fill('partner-app');
    await page.getByLabel('Client secret').fill('partner-secret');
    await page.getByRole('button', { name: 'Use client credentials' }).click();
    await page.getByRole('heading', { name: 'Tenant client:partner-app' }).waitFor();
    await page.getByLabel('New webhook URL').fill(receiver.url);
    await page.getByRole('button', { name: 'Add URL' }).click();
    await page.getByRole('cell', { name: receiver.url, exact: true }).waitFor();

    // The journey through the client, while the page is open.
    const client = createEccorFgtsClient({
      baseUrl: `${running.url}/eccor-fgts`,
      auth: clientCredentials({
        tokenUrl: `${running.url}/eccor-fgts/oauth2/token`,
        clientId: 'partner-app',
        clientSecret: 'partner-secret',
        scope: 'credit/admin',
      }),
    });
    const product = unwrap(await client.GET('/v1/Product')).data[0];
    const personId = unwrap(
      await client.POST('/v1/NaturalPerson', { body: requestExample(running, 'eccor-fgts', 'createNaturalPerson') as never }),
    );
    const person = unwrap(await client.GET('/v1/NaturalPerson/{id}', { params: { path: { id: personId } } }));
    const noteBody = requestExample(running, 'eccor-fgts', 'createCreditNote', 'creditNote') as JsonObject & { amortization: JsonObject };
    Object.assign(noteBody, {
      productId: product?.id,
      personId,
      beneficiaryId: personId,
      bankAccountId: (person.bankAccounts[0] as { id: string }).id,
    });
    noteBody.amortization.startDate = tomorrow();
    const noteId = unwrap(await client.POST('/v1/CreditNote', { body: noteBody as never }));
    await page.getByRole('heading', { name: `Credit note ${noteId}` }).waitFor();
    expect((await client.POST('/v1/CreditNote/{id}/SubmitApproval', { params: { path: { id: noteId } } })).response.status).toBe(200);

    const timeline = page.getByRole('list', { name: `Status changes of ${noteId}` });
    const change = (from: number, to: number) => timeline.locator(`li[data-change="${from}-${to}"]`);
    // Playwright waits in the page for the count-th delivered entry to appear (its own wait: no poll of ours).
    const delivered = async (from: number, to: number, count = 1) => {
      const entries = change(from, to).locator('.state-delivered');
      await entries.nth(count - 1).waitFor({ state: 'attached', timeout: 10_000 });
      expect(await entries.count(), `${from}→${to} delivered ×${count} on the page`).toBe(count);
    };
    // Each status change appears with its documented name, and its delivery with its attempt.
    for (const [from, to] of [
      [0, 1],
      [1, 8],
      [8, 2],
    ] as const)
      await delivered(from, to);
    for (const name of [
      'Rascunho → Aprovação de Compliance',
      'Aprovação de Compliance → Aprovação de Crédito',
      'Aprovação de Crédito → Coleta de Assinaturas',
    ])
      await timeline.getByText(name).waitFor();
    await expect(
      change(8, 2)
        .getByText(/#1 .* HTTP 204 · \d+ ms/)
        .count(),
    ).resolves.toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'sandbox-console-journey.png'), fullPage: true });

    // Advance: the note moves and its notification appears, without a reload.
    await page.getByRole('button', { name: 'Advance to Validação de Assinaturas' }).click();
    await delivered(2, 12);
    await page.locator(`[data-note="${noteId}"] .status`).getByText('Validação de Assinaturas').waitFor();
    await receiver.waitFor(() => payloads().includes('2→12'), { what: 'the receiver got 2→12' });

    // Redeliver: the receiver sees the same notification again.
    const before = receiver.received.length;
    await change(2, 12)
      .getByRole('button', { name: /^Redeliver/ })
      .first()
      .click();
    await receiver.waitFor(before + 1, { what: 'the redelivery' });
    expect(payloads().at(-1)).toBe('2→12');
    await delivered(2, 12, 2);

    // Pause (from the keyboard): the next notification is held, never tried; resume delivers it.
    const pause = page.getByRole('button', { name: `Pause delivery to ${receiver.url}` });
    await pause.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Resume delivery to ${receiver.url}` }).waitFor();
    const heldAt = receiver.received.length;
    await page.getByRole('button', { name: 'Advance to Liquidação', exact: true }).click();
    await change(12, 3).locator('.state-held').waitFor();
    await change(12, 3).getByText('none yet').waitFor();
    expect(receiver.received.length).toBe(heldAt);
    await page.screenshot({ path: join(SCREENSHOTS, 'sandbox-console-paused.png'), fullPage: true });
    await page.getByRole('button', { name: `Resume delivery to ${receiver.url}` }).click();
    await delivered(12, 3);
    expect(payloads().slice(heldAt)).toEqual(['12→3']);

    // The rest of the flow: payment revision (the partner's call), then manual liquidation.
    await page.getByRole('button', { name: 'Advance to Revisão de Pagamento' }).click();
    await delivered(3, 13);
    expect(
      (
        await client.POST('/v1/CreditNote/{id}/donePaymentRevision', {
          params: { path: { id: noteId } },
          body: requestExample(running, 'eccor-fgts', 'donePaymentRevision') as never,
        })
      ).response.status,
    ).toBe(200);
    await delivered(13, 3);
    await page.getByRole('button', { name: 'Advance to Liquidação Manual' }).click();
    await delivered(3, 14);
    await page.locator(`[data-note="${noteId}"] .status`).getByText('Liquidação Manual').waitFor();
    expect(payloads()).toEqual(['0→1', '1→8', '8→2', '2→12', '2→12', '12→3', '3→13', '13→3', '3→14']);
    await page.screenshot({ path: join(SCREENSHOTS, 'sandbox-console-final.png'), fullPage: true });

    // The URL removed from the page.
    await page.getByRole('button', { name: `Remove ${receiver.url}` }).click();
    await page.getByText('No URL: notifications are recorded, not sent.').waitFor();

    // Another tenant, by its token: an INSS operation with its history, and none of the partner's notes.
    const inssToken = 'inss-partner-token';
    const created = await send(`${running.url}/nossa-fintech-inss/inss/v1/operation`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inssToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(requestExample(running, 'nossa-fintech-inss', 'createOperation')),
    });
    expect(created.status, created.text).toBe(200);
    const debtKey = (created.json as { debt_key: string }).debt_key;
    await page.getByLabel('Bearer token').fill(inssToken);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page
      .getByRole('list', { name: `History of ${debtKey}` })
      .getByRole('listitem')
      .first()
      .waitFor();
    expect(await page.getByRole('heading', { name: `Credit note ${noteId}` }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'sandbox-console-inss.png'), fullPage: true });

    expect(browser.consoleErrors).toEqual([]);
    expect(browser.offMachine).toEqual([]);
  });
});
