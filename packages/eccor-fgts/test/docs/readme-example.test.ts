/**
 * The README's example is `examples/basic.ts`, verbatim (with the published package names): this test checks
 * that the two are the same text, then runs the example against local servers.
 */
import { describe, expect, it } from 'vitest';
import { sendEmpty, sendJson, startTestServer } from '@credit-apis/test-kit/http-server';
import { captureConsole } from '@credit-apis/test-kit/console';
import { itShowsTheExampleInTheReadme } from '@credit-apis/test-kit/readme-example';
import { readBundle, responseExample, specOperation, startSpecServer } from '@credit-apis/test-kit/spec-server';
import { eccorClient, onWebhook, simulate } from '../../examples/basic.js';
import type { CreditNoteStatusEvent, ProductPage, TokenResponse } from '../../src/index.js';

const spec = readBundle('eccor-fgts');
const token = specOperation(spec, 'requestToken').success.body as TokenResponse;

describe('README example (examples/basic.ts)', () => {
  itShowsTheExampleInTheReadme(new URL('../../', import.meta.url));

  it('runs: a token, the documented products, and a simulation retried after a 503', async () => {
    captureConsole();
    let simulations = 0;
    const server = await startSpecServer(spec, {
      authorization: { basicAuth: 'Basic b4sic', oauth2: `Bearer ${token.access_token}` },
      // A 503 before the simulation's documented answer.
      answer: (operation, _request, response) =>
        operation.operationId === 'simulateAmortization' && simulations++ === 0 && (sendJson(response, 503, {}), true),
    });
    const client = eccorClient({ baseUrl: server.url }, { tokenUrl: `${server.url}/oauth2/token`, basicToken: 'b4sic' });
    expect(await simulate(client, '00805349960', 5_000_000)).toBe('CCB FGTS: R$ 47.052,90 net of R$ 49.147,02, 10 months');
    expect(server.problems).toEqual([]);
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /oauth2/token',
      'GET /v1/Product',
      'POST /v1/Amortization',
      'POST /v1/Amortization',
    ]);
  });

  it('runs: more than one page of products is reported, an error answer too', async () => {
    captureConsole();
    const page = specOperation(spec, 'listProducts').success.body as ProductPage;
    const answers = [
      (response: Parameters<typeof sendJson>[0]) => sendJson(response, 200, { ...page, totalPages: 2 }),
      (response: Parameters<typeof sendJson>[0]) => sendJson(response, 403, responseExample(spec, 'listProducts', '403')),
    ];
    const server = await startTestServer((request, response) => {
      if (request.url === '/oauth2/token') return sendJson(response, 200, token);
      const answer = answers.shift();
      if (answer) answer(response);
      else sendEmpty(response, 500);
    });
    const client = eccorClient({ baseUrl: server.url }, { tokenUrl: `${server.url}/oauth2/token`, basicToken: 'b4sic' });
    expect(await simulate(client, '00805349960', 100_000)).toBe('more products than one page (2 pages)');
    expect(await simulate(client, '00805349960', 100_000)).toMatch(/^ECCOR answered 403 \(#[0-9a-f]{32}\)$/);
  });

  it('runs: the webhook handler acknowledges the documented notifications and one of an undocumented status, and refuses a broken one', () => {
    const { warn } = captureConsole();
    const webhooks = spec.webhooks as Record<
      string,
      { post: { requestBody: { content: Record<string, { examples: Record<string, { value: CreditNoteStatusEvent }> }> } } }
    >;
    const examples = Object.values(webhooks).flatMap((webhook) =>
      Object.values(webhook.post.requestBody.content['application/json']?.examples ?? {}),
    );
    const revised: string[] = [];
    for (const { value } of examples) expect(onWebhook(JSON.stringify(value), (id) => revised.push(id))).toBe(204);
    expect(revised).toEqual([webhooks.paymentRevision?.post.requestBody.content['application/json']?.examples.paymentRevision?.value.id]);
    const first = examples[0]?.value as CreditNoteStatusEvent;
    const cancelled = { ...first, parameters: { ...first.parameters, newStatus: 4, newStatusDisplay: 'Cancelado' } };
    expect(onWebhook(JSON.stringify(cancelled), () => undefined)).toBe(204);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('/parameters/newStatus'), expect.objectContaining({ type: 'validation' }));
    expect(onWebhook('{"eventCode": 2}', () => undefined)).toBe(400);
  });

  it('eccorClient() checks answers against the contract in homologação', () => {
    const client = eccorClient({ environment: 'homologacao' }, { tokenUrl: 'https://auth.invalid/oauth2/token', basicToken: 'b4sic' });
    expect(typeof client.GET).toBe('function');
  });
});
