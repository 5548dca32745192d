import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, bearer, clientCredentials, unwrap } from '../../src/index.js';
import { createThingsClient } from '../helpers/clients.js';
import { sendEmpty, sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

const thing = { id: 't-1', name: 'first', amount: 1, status: 'OPEN' };

async function tokenServer() {
  return servers.start((_request, response, index) =>
    sendJson(response, 200, { access_token: `token-${index}`, expires_in: 3600, token_type: 'Bearer' }),
  );
}

describe('clientCredentials: a 401 renews the token and sends the call once more', () => {
  it('on 401, requests a new token and retries exactly once with it', async () => {
    const auth = await tokenServer();
    // The API has revoked token-0 (say, rotated server-side): only token-1 is accepted.
    const api = await servers.start((request, response) =>
      request.headers.authorization === 'Bearer token-1'
        ? sendJson(response, 200, thing)
        : sendEmpty(response, 401, { 'www-authenticate': 'Bearer' }),
    );
    const client = createThingsClient({
      baseUrl: api.url,
      auth: clientCredentials({ tokenUrl: `${auth.url}/token`, basicToken: 'YmFzaWM=' }),
    });

    const result = await client.GET('/things/{id}', { params: { path: { id: 't-1' } } });

    expect(unwrap(result)).toEqual(thing);
    expect(auth.requests).toHaveLength(2);
    expect(api.requests.map((request) => request.headers.authorization)).toEqual(['Bearer token-0', 'Bearer token-1']);
  });

  it('many calls refused at once renew the token with one token request', async () => {
    const auth = await tokenServer();
    const api = await servers.start((request, response) =>
      request.headers.authorization === 'Bearer token-0' ? sendEmpty(response, 401) : sendJson(response, 200, thing),
    );
    const client = createThingsClient({
      baseUrl: api.url,
      auth: clientCredentials({ tokenUrl: `${auth.url}/token`, basicToken: 'YmFzaWM=' }),
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => client.GET('/things/{id}', { params: { path: { id: 't-1' } } })));
    expect(results.map((result) => result.response.status)).toEqual(Array(20).fill(200));
    expect(auth.requests).toHaveLength(2);
    expect(api.requests).toHaveLength(40);
  });

  it('does not loop: a second 401 is returned after one renewal', async () => {
    const auth = await tokenServer();
    const api = await servers.start((_request, response) => sendEmpty(response, 401, { 'www-authenticate': 'Bearer' }));
    const client = createThingsClient({
      baseUrl: api.url,
      auth: clientCredentials({ tokenUrl: `${auth.url}/token`, basicToken: 'YmFzaWM=' }),
    });

    const result = await client.GET('/things/{id}', { params: { path: { id: 't-1' } } });

    expect(result.response.status).toBe(401);
    expect(api.requests).toHaveLength(2);
    expect(auth.requests).toHaveLength(2);
    expect(() => unwrap(result)).toThrow(ApiError);
  });

  it('renews and resends a POST too (a 401 means it was not processed)', async () => {
    const auth = await tokenServer();
    const api = await servers.start((request, response) =>
      request.headers.authorization === 'Bearer token-1' ? sendJson(response, 201, thing) : sendEmpty(response, 401),
    );
    const client = createThingsClient({
      baseUrl: api.url,
      auth: clientCredentials({ tokenUrl: `${auth.url}/token`, basicToken: 'YmFzaWM=' }),
    });
    const result = await client.POST('/things', { body: { name: 'first', amount: 1 } });
    expect(result.response.status).toBe(201);
    expect(api.requests.map((request) => request.body)).toEqual(['{"name":"first","amount":1}', '{"name":"first","amount":1}']);
  });

  it('bearer(): a 401 is returned as is, without a second send', async () => {
    const api = await servers.start((_request, response) => sendEmpty(response, 401));
    const client = createThingsClient({ baseUrl: api.url, auth: bearer('static-token') });
    const result = await client.GET('/things');
    expect(result.response.status).toBe(401);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.headers.authorization).toBe('Bearer static-token');
  });

  it('bearer(fn): the function is asked before every attempt', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 200, { items: [] }));
    let calls = 0;
    const client = createThingsClient({
      baseUrl: api.url,
      auth: bearer(async () => {
        calls += 1;
        return `dynamic-${calls}`;
      }),
    });
    unwrap(await client.GET('/things'));
    unwrap(await client.GET('/things'));
    expect(api.requests.map((request) => request.headers.authorization)).toEqual(['Bearer dynamic-1', 'Bearer dynamic-2']);
  });
});
