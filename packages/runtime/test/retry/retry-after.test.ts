import { afterEach, describe, expect, it } from 'vitest';
import { unwrap, type RetryOptions } from '../../src/index.js';
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

/**
 * A client whose backoff alone would wait 3.75–5 s: a retry after the short wait the server asked for proves the
 * header was read (and a broken client fails in seconds, not at the test's timeout). `waits` collects the wait
 * of each retry, as the client announced it.
 */
function patientClient(baseUrl: string, retry: RetryOptions = {}) {
  const waits: (number | undefined)[] = [];
  const client = createThingsClient({
    baseUrl,
    retry: { initialDelayMs: 5_000, maxDelayMs: 5_000, ...retry },
    logger: (event) => {
      if (event.type === 'retry') waits.push(event.retryInMs);
    },
  });
  return { client, waits };
}

describe('429 with Retry-After is retried after the delay the server asked for', () => {
  it('Retry-After in seconds: waits that long (never less), then succeeds', async () => {
    const api = await servers.start((_request, response, index) =>
      index === 0 ? sendJson(response, 429, tooMany, { 'retry-after': '0.1' }) : sendJson(response, 200, { items: [] }),
    );
    const { client, waits } = patientClient(api.url);
    expect(unwrap(await client.GET('/things'))).toEqual({ items: [] });
    expect(api.requests).toHaveLength(2);
    expect(waits).toEqual([100]);
    expect(gap(api.requests)).toBeGreaterThanOrEqual(95);
  });

  it('Retry-After as an HTTP-date: waits until then (a date an hour ahead, capped; a past date, no wait)', async () => {
    const dates = [new Date(Date.now() + 3_600_000).toUTCString(), new Date(Date.now() - 3_600_000).toUTCString()];
    const api = await servers.start((_request, response, index) =>
      index < dates.length
        ? sendJson(response, 429, tooMany, { 'retry-after': dates[index] ?? '' })
        : sendJson(response, 200, { items: [] }),
    );
    const { client, waits } = patientClient(api.url, { maxRetryAfterMs: 100 });
    unwrap(await client.GET('/things'));
    expect(api.requests).toHaveLength(3);
    expect(waits).toEqual([100, 0]);
    expect(gap(api.requests)).toBeGreaterThanOrEqual(95);
  });

  it('caps the wait at retry.maxRetryAfterMs', async () => {
    const api = await servers.start((_request, response, index) =>
      index === 0 ? sendJson(response, 429, tooMany, { 'retry-after': '3600' }) : sendJson(response, 200, { items: [] }),
    );
    const { client, waits } = patientClient(api.url, { maxRetryAfterMs: 50 });
    unwrap(await client.GET('/things'));
    expect(api.requests).toHaveLength(2);
    expect(waits).toEqual([50]);
    expect(gap(api.requests)).toBeGreaterThanOrEqual(45);
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
