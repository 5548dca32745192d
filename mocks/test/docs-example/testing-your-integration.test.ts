// The example of the docs page "Testing your integration" (scripts/docs/testing-page.ts shows this file,
// without the lines between the docs:hide markers). It runs here as a test of its own.
// docs:hide-start
import { vi } from 'vitest';

// In this repository the mock is loaded from its source; a partner's project imports the installed package.
vi.mock('@credit-apis/mock-server', () => import('../../src/index.js'));
// docs:hide-end
import { bearer, createEccorFgtsClient, TimeoutError, unwrap } from '@credit-apis/eccor-fgts';
import { startMockServer, type RunningMockServer } from '@credit-apis/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

let mock: RunningMockServer;
beforeAll(async () => {
  mock = await startMockServer(); // a free port on 127.0.0.1
});
afterAll(() => mock.close());
afterEach(() => {
  mock.clearFaults();
  mock.clearRequests();
});

function client(options: { timeoutMs?: number } = {}) {
  return createEccorFgtsClient({
    baseUrl: `${mock.url}/eccor-fgts`,
    auth: bearer('any-token'),
    retry: { initialDelayMs: 10 }, // keep the test fast: the backoff before a retry
    ...options,
  });
}

describe('our ECCOR FGTS integration on a bad day', () => {
  it('retries a 503 and gets the products on the second attempt', async () => {
    mock.fault({
      provider: 'eccor-fgts',
      method: 'GET',
      path: '/v1/Product',
      times: 1,
      fault: { status: 503, headers: { 'Retry-After': '0' } },
    });

    const products = unwrap(await client().GET('/v1/Product'));

    expect(products.data.length).toBeGreaterThan(0);
    const sent = mock.requests({ operationId: 'listProducts' });
    expect(sent.map((request) => request.status)).toEqual([503, 200]);
    expect(sent[0]?.headers.authorization).toBe('Bearer ***'); // the journal never shows a credential
  });

  it('gives up with a TimeoutError when the answer comes too late', async () => {
    mock.fault({ provider: 'eccor-fgts', path: '/v1/Product', fault: { delayMs: 2_000 } });

    await expect(client({ timeoutMs: 100 }).GET('/v1/Product', { retry: false })).rejects.toBeInstanceOf(TimeoutError);
  });
});
