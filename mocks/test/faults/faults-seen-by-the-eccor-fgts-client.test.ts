/**
 * The faults as our own client (`@credit-apis/eccor-fgts` on `@credit-apis/runtime`) sees them: a 503
 * retried to a success, a 429 waited out through UY3's `X-Rate-Limit-Reset`, a reset connection surfacing
 * as `NetworkError` after the retries, a late answer as `TimeoutError`, a cut body as `ResponseParseError` —
 * each checked against the journal. The client is the package as a partner gets it, imported by name.
 */
import {
  bearer,
  createEccorFgtsClient,
  NetworkError,
  ResponseParseError,
  TimeoutError,
  unwrap,
  type EccorFgtsClient,
} from '@credit-apis/eccor-fgts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';

let running: RunningMock;
let client: EccorFgtsClient;
beforeAll(async () => {
  running = await startMock();
  // Millisecond backoff, so that retries cost no wall-clock time.
  client = createEccorFgtsClient({
    baseUrl: `${running.url}/eccor-fgts`,
    auth: bearer('partner-token'),
    retry: { initialDelayMs: 1, maxDelayMs: 1 },
  });
});
afterAll(() => running.close());
afterEach(() => {
  running.mock.clearFaults();
  running.mock.clearRequests();
});

const products = { provider: 'eccor-fgts', method: 'GET', path: '/v1/Product' } as const;
const statuses = (): (number | 'reset')[] => running.mock.requests({ operationId: 'listProducts' }).map((entry) => entry.status);

describe('@credit-apis/eccor-fgts against faults', () => {
  it('retries a 503 with Retry-After and succeeds on the second attempt; the journal shows both requests', async () => {
    running.mock.fault({ ...products, times: 1, fault: { status: 503, headers: { 'Retry-After': '0' } } });
    const listed = unwrap(await client.GET('/v1/Product'));
    expect(listed.data.length).toBeGreaterThan(0);
    expect(statuses()).toEqual([503, 200]);
    expect(running.mock.requests()[0]?.headers.authorization).toBe('Bearer ***');
  });

  it("waits out a 429 until UY3's X-Rate-Limit-Reset and succeeds", async () => {
    running.mock.fault({ ...products, times: 1, fault: { status: 429, headers: { 'X-Rate-Limit-Reset': new Date().toISOString() } } });
    unwrap(await client.GET('/v1/Product'));
    expect(statuses()).toEqual([429, 200]);
  });

  it('surfaces a NetworkError when every attempt is reset', async () => {
    running.mock.fault({ ...products, fault: { reset: true } });
    await expect(client.GET('/v1/Product')).rejects.toBeInstanceOf(NetworkError);
    expect(statuses()).toEqual(['reset', 'reset', 'reset']);
  });

  it('surfaces a TimeoutError when the answer comes after timeoutMs', async () => {
    running.mock.fault({ ...products, fault: { delayMs: 2_000 } });
    await expect(client.GET('/v1/Product', { timeoutMs: 50, retry: false })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('surfaces a ResponseParseError for a cut body', async () => {
    running.mock.fault({ ...products, fault: { truncate: true } });
    await expect(client.GET('/v1/Product', { retry: false })).rejects.toBeInstanceOf(ResponseParseError);
    expect(statuses()).toEqual([200]);
  });
});
