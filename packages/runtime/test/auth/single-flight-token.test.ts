import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials, unwrap } from '../../src/index.js';
import { createThingsClient } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

describe('clientCredentials: one token request for many concurrent calls', () => {
  it('100 concurrent calls share a single token request and all carry its token', async () => {
    let issued = 0;
    const auth = await servers.start((_request, response, index) => {
      issued += 1;
      // No delay needed: the 100 calls all ask for the token in the same turn of the event loop, before the
      // token request is even sent, so every one of them is waiting for it.
      sendJson(response, 200, { access_token: `token-${index}`, expires_in: 3600, token_type: 'Bearer' });
    });
    const api = await servers.start((request, response) =>
      sendJson(response, 200, { id: 't-1', name: 'first', amount: 1, status: 'OPEN', seenAuth: request.headers.authorization }),
    );
    const client = createThingsClient({
      baseUrl: api.url,
      auth: clientCredentials({
        tokenUrl: `${auth.url}/oauth2/token`,
        clientId: 'client-id',
        clientSecret: 's3cr3t',
        scope: 'credit/admin',
      }),
    });

    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => client.GET('/things/{id}', { params: { path: { id: `t-${i}` } } })),
    );

    expect(issued).toBe(1);
    expect(auth.requests).toHaveLength(1);
    expect(api.requests).toHaveLength(100);
    for (const result of results) expect(unwrap(result).id).toBe('t-1');
    expect(new Set(api.requests.map((request) => request.headers.authorization))).toEqual(new Set(['Bearer token-0']));
  });

  it('asks for the token as the OAuth2 client-credentials grant says', async () => {
    const auth = await servers.start((_request, response) =>
      sendJson(response, 200, { access_token: 'abc', expires_in: 3600, token_type: 'Bearer' }),
    );
    const api = await servers.start((_request, response) => sendJson(response, 200, { items: [] }));
    const client = createThingsClient({
      baseUrl: api.url,
      auth: clientCredentials({
        tokenUrl: `${auth.url}/oauth2/token`,
        clientId: 'client-id',
        clientSecret: 's3cr3t',
        scope: 'credit/admin',
      }),
    });
    unwrap(await client.GET('/things'));

    const [tokenRequest] = auth.requests;
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenRequest?.url).toBe('/oauth2/token');
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(tokenRequest?.headers.authorization).toBe(`Basic ${Buffer.from('client-id:s3cr3t').toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(tokenRequest?.body))).toEqual({
      grant_type: 'client_credentials',
      scope: 'credit/admin',
    });
  });

  it('sends a provider-issued basic token as is', async () => {
    const auth = await servers.start((_request, response) =>
      sendJson(response, 200, { access_token: 'abc', expires_in: 3600, token_type: 'Bearer' }),
    );
    const api = await servers.start((_request, response) => sendJson(response, 200, { items: [] }));
    const client = createThingsClient({
      baseUrl: api.url,
      auth: clientCredentials({ tokenUrl: `${auth.url}/oauth2/token`, basicToken: 'dXkzOmJhc2lj' }),
    });
    unwrap(await client.GET('/things'));
    expect(auth.requests[0]?.headers.authorization).toBe('Basic dXkzOmJhc2lj');
    expect(auth.requests[0]?.body).toBe('grant_type=client_credentials');
    expect(api.requests[0]?.headers.authorization).toBe('Bearer abc');
  });
});
