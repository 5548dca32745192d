import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials, unwrap } from '../../src/index.js';
import { createThingsClient } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

/** A clock the test moves by hand (epoch ms). */
function manualClock(start = Date.UTC(2026, 0, 1)) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

async function setUp(expiresIn: number | undefined, now?: () => number) {
  const auth = await servers.start((_request, response, index) =>
    sendJson(response, 200, {
      access_token: `token-${index}`,
      token_type: 'Bearer',
      ...(expiresIn === undefined ? {} : { expires_in: expiresIn }),
    }),
  );
  const api = await servers.start((_request, response) => sendJson(response, 200, { items: [] }));
  const client = createThingsClient({
    baseUrl: api.url,
    auth: clientCredentials({ tokenUrl: `${auth.url}/token`, clientId: 'id', clientSecret: 'secret', now }),
  });
  return { auth, api, client };
}

describe('clientCredentials: token lifetime', () => {
  it('reuses the cached token while it is valid', async () => {
    const { auth, api, client } = await setUp(3600);
    for (let i = 0; i < 5; i += 1) unwrap(await client.GET('/things'));
    expect(auth.requests).toHaveLength(1);
    expect(api.requests.map((request) => request.headers.authorization)).toEqual(Array(5).fill('Bearer token-0'));
  });

  it('requests a new token once the old one expired (expires_in minus the 10 % margin)', async () => {
    // expires_in: 100 s, margin 10 % → renewed from 90 s on.
    const clock = manualClock();
    const { auth, api, client } = await setUp(100, clock.now);
    unwrap(await client.GET('/things'));
    clock.advance(89_999);
    unwrap(await client.GET('/things'));
    expect(auth.requests).toHaveLength(1);
    clock.advance(1);
    unwrap(await client.GET('/things'));
    expect(auth.requests).toHaveLength(2);
    expect(api.requests.map((request) => request.headers.authorization)).toEqual(['Bearer token-0', 'Bearer token-0', 'Bearer token-1']);
  });

  it('keeps a token that has no expires_in until the API refuses it', async () => {
    const clock = manualClock();
    const { auth, client } = await setUp(undefined, clock.now);
    unwrap(await client.GET('/things'));
    clock.advance(365 * 86_400_000);
    unwrap(await client.GET('/things'));
    expect(auth.requests).toHaveLength(1);
  });
});
