import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, AuthenticationError, clientCredentials, CreditApisError, NetworkError } from '../../src/index.js';
import { createThingsClient } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

describe('clientCredentials: a refused token request', () => {
  it('throws AuthenticationError with the endpoint status and body, and no secret in the message', async () => {
    // A careless endpoint that echoes what it received (with the scheme stripped) into its error body.
    const auth = await servers.start((request, response) =>
      sendJson(response, 400, { error: 'invalid_request', received: String(request.headers.authorization).slice('Basic '.length) }),
    );
    const api = await servers.start((_request, response) => sendJson(response, 200, { items: [] }));
    const client = createThingsClient({
      baseUrl: api.url,
      auth: clientCredentials({ tokenUrl: `${auth.url}/oauth2/token`, clientId: 'my-client', clientSecret: 'TopSecret-42' }),
    });

    const error: unknown = await client.GET('/things').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(CreditApisError);
    const authError = error as AuthenticationError;
    expect(authError.name).toBe('AuthenticationError');
    expect(authError.status).toBe(400);
    expect(authError.body).toMatchObject({ error: 'invalid_request' });
    expect(authError.message).toContain('invalid_request');
    expect(authError.message).toContain('/oauth2/token');
    const basic = Buffer.from('my-client:TopSecret-42').toString('base64');
    for (const secret of ['TopSecret-42', basic]) {
      expect(authError.message).not.toContain(secret);
      expect(authError.stack ?? '').not.toContain(secret);
    }
    expect(api.requests).toHaveLength(0);
  });

  it('a token endpoint that refuses the connection: NetworkError naming the cause, as for an API call', async () => {
    const closed = await servers.start((_request, response) => sendJson(response, 200, {}));
    const tokenUrl = `${closed.url}/oauth2/token`;
    await servers.closeAll();
    const client = createThingsClient({ baseUrl: closed.url, retry: false, auth: clientCredentials({ tokenUrl, basicToken: 'b' }) });
    const [tokenError, callError] = await Promise.all([
      client.GET('/things').catch((caught: unknown) => caught),
      createThingsClient({ baseUrl: closed.url, retry: false })
        .GET('/things')
        .catch((caught: unknown) => caught),
    ]);
    expect(tokenError).toBeInstanceOf(NetworkError);
    expect((tokenError as NetworkError).message).toMatch(/fetch failed: .*ECONNREFUSED/);
    expect((callError as NetworkError).message).toMatch(/fetch failed: .*ECONNREFUSED/);
  });

  it('all waiting calls get the error, and the next call asks for a token again', async () => {
    const auth = await servers.start((_request, response, index) =>
      index === 0
        ? sendJson(response, 401, { error: 'invalid_client' })
        : sendJson(response, 200, { access_token: 'good', expires_in: 3600 }),
    );
    const api = await servers.start((_request, response) => sendJson(response, 200, { items: [] }));
    const client = createThingsClient({
      baseUrl: api.url,
      auth: clientCredentials({ tokenUrl: `${auth.url}/token`, basicToken: 'YmFzaWM=' }),
    });
    const results = await Promise.allSettled([client.GET('/things'), client.GET('/things'), client.GET('/things')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(auth.requests).toHaveLength(1);
    const next = await client.GET('/things');
    expect(next.response.status).toBe(200);
    expect(auth.requests).toHaveLength(2);
  });
});
