import { afterEach, describe, expect, it } from 'vitest';
import { createProviderClient, unwrap, type LogEvent } from '../../src/index.js';
import type { paths } from '../fixtures/things-api.js';
import { createThingsClient, thingsProfile } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

/** The waits the client announced before each retry. */
function retryWaits() {
  const waits: (number | undefined)[] = [];
  return { waits, logger: (event: LogEvent) => void (event.type === 'retry' && waits.push(event.retryInMs)) };
}

describe("the profile's rate-limit reset header (UY3: X-Rate-Limit-Reset, ISO date-time)", () => {
  it('a 429 without Retry-After waits until the reset time (an hour ahead: capped at maxRetryAfterMs)', async () => {
    const api = await servers.start((_request, response, index) =>
      index === 0
        ? sendJson(
            response,
            429,
            { request_code: 'rc', return_code: '429', message: 'slow down' },
            {
              'X-Rate-Limit-Limit': '10s',
              'X-Rate-Limit-Remaining': '0',
              'X-Rate-Limit-Reset': new Date(Date.now() + 3_600_000).toISOString(),
            },
          )
        : sendJson(response, 200, { items: [] }),
    );
    const { waits, logger } = retryWaits();
    // Backoff alone would wait 3.75–5 s: a 100 ms wait is the reset header's, capped.
    const client = createThingsClient({ baseUrl: api.url, logger, retry: { initialDelayMs: 5_000, maxRetryAfterMs: 100 } });
    unwrap(await client.GET('/things'));
    const [first, second] = api.requests;
    expect(api.requests).toHaveLength(2);
    expect(waits).toEqual([100]);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(95);
  });

  it('is ignored by a profile that does not name it (backoff instead)', async () => {
    const api = await servers.start((_request, response, index) =>
      index === 0
        ? sendJson(response, 429, {}, { 'X-Rate-Limit-Reset': new Date(Date.now() + 5_000).toISOString() })
        : sendJson(response, 200, { items: [] }),
    );
    const { rateLimitResetHeader: _ignored, ...profile } = thingsProfile;
    const { waits, logger } = retryWaits();
    const client = createProviderClient<paths>(profile, { baseUrl: api.url, logger, retry: { initialDelayMs: 10 } });
    unwrap(await client.GET('/things'));
    expect(api.requests).toHaveLength(2);
    // The backoff: 10 ms minus up to 25 % of jitter.
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(7);
    expect(waits[0]).toBeLessThanOrEqual(10);
  });
});
