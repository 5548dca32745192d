import { afterEach, describe, expect, it } from 'vitest';
import { createProviderClient, unwrap } from '../../src/index.js';
import type { paths } from '../fixtures/things-api.js';
import { createThingsClient, thingsProfile } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

describe("the profile's rate-limit reset header (UY3: X-Rate-Limit-Reset, ISO date-time)", () => {
  it('a 429 without Retry-After waits until the reset time', async () => {
    const api = await servers.start((_request, response, index) =>
      index === 0
        ? sendJson(
            response,
            429,
            { request_code: 'rc', return_code: '429', message: 'slow down' },
            {
              'X-Rate-Limit-Limit': '10s',
              'X-Rate-Limit-Remaining': '0',
              'X-Rate-Limit-Reset': new Date(Date.now() + 1_200).toISOString(),
            },
          )
        : sendJson(response, 200, { items: [] }),
    );
    const client = createThingsClient({ baseUrl: api.url });
    unwrap(await client.GET('/things'));
    const [first, second] = api.requests;
    expect(api.requests).toHaveLength(2);
    // Backoff alone would wait at most 500 ms.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeLessThan(3_000);
  });

  it('is ignored by a profile that does not name it (backoff instead)', async () => {
    const api = await servers.start((_request, response, index) =>
      index === 0
        ? sendJson(response, 429, {}, { 'X-Rate-Limit-Reset': new Date(Date.now() + 5_000).toISOString() })
        : sendJson(response, 200, { items: [] }),
    );
    const { rateLimitResetHeader: _ignored, ...profile } = thingsProfile;
    const client = createProviderClient<paths>(profile, { baseUrl: api.url, retry: { initialDelayMs: 10 } });
    const started = performance.now();
    unwrap(await client.GET('/things'));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
