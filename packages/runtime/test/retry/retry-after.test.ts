import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/index.js';
import { createThingsClient } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

const tooMany = { request_code: 'rc-1', return_code: '429-01', message: 'Too many requests' };

/** Milliseconds between the first and second request the server received. */
function gap(requests: { at: number }[]): number {
  const [first, second] = requests;
  if (!first || !second) throw new Error('expected two requests');
  return second.at - first.at;
}

describe('429 with Retry-After is retried after the delay the server asked for', () => {
  it('Retry-After in seconds: waits about 1 s (never less), then succeeds', async () => {
    const api = await servers.start((_request, response, index) =>
      index === 0 ? sendJson(response, 429, tooMany, { 'retry-after': '1' }) : sendJson(response, 200, { items: [] }),
    );
    const client = createThingsClient({ baseUrl: api.url });
    const result = await client.GET('/things');
    expect(unwrap(result)).toEqual({ items: [] });
    expect(api.requests).toHaveLength(2);
    // The default backoff would retry after 375–500 ms: waiting ≥ 950 ms proves the header was honoured.
    expect(gap(api.requests)).toBeGreaterThanOrEqual(950);
    expect(gap(api.requests)).toBeLessThan(3_000);
  });

  it('Retry-After as an HTTP-date: waits until then', async () => {
    const api = await servers.start((_request, response, index) =>
      index === 0
        ? // HTTP-dates have a 1 s resolution: 2 s ahead is between 1 and 2 s from now.
          sendJson(response, 429, tooMany, { 'retry-after': new Date(Date.now() + 2_000).toUTCString() })
        : sendJson(response, 200, { items: [] }),
    );
    const client = createThingsClient({ baseUrl: api.url });
    unwrap(await client.GET('/things'));
    expect(api.requests).toHaveLength(2);
    expect(gap(api.requests)).toBeGreaterThanOrEqual(900);
    expect(gap(api.requests)).toBeLessThan(3_500);
  });

  it('caps the wait at retry.maxRetryAfterMs', async () => {
    const api = await servers.start((_request, response, index) =>
      index === 0 ? sendJson(response, 429, tooMany, { 'retry-after': '3600' }) : sendJson(response, 200, { items: [] }),
    );
    const client = createThingsClient({ baseUrl: api.url, retry: { maxRetryAfterMs: 200 } });
    const started = performance.now();
    unwrap(await client.GET('/things'));
    expect(api.requests).toHaveLength(2);
    expect(gap(api.requests)).toBeGreaterThanOrEqual(180);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('gives the 429 back once the retries are spent', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 429, tooMany, { 'retry-after': '0' }));
    const client = createThingsClient({ baseUrl: api.url });
    const result = await client.GET('/things');
    expect(result.response.status).toBe(429);
    expect(result.error).toEqual(tooMany);
    expect(api.requests).toHaveLength(3);
  });
});
