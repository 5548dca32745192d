import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createProviderClient, unwrap } from '../../src/index.js';
import type { paths } from '../fixtures/things-api.js';
import { createThingsClient, thingsProfile } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

describe('client configuration', () => {
  it("environment picks the profile's host (path prefix kept)", async () => {
    const api = await servers.start((request, response) => sendJson(response, 200, { items: [], seen: request.url }));
    const profile = { ...thingsProfile, environments: { ...thingsProfile.environments, mock: `${api.url}/things` } };
    const client = createProviderClient<paths>(profile, { environment: 'mock' });
    unwrap(await client.GET('/things'));
    expect(api.requests[0]?.url).toBe('/things/things');
  });

  it('rejects neither, both, or an unknown environment, and a bad timeout', () => {
    expect(() => createThingsClient({})).toThrow(ConfigurationError);
    expect(() => createThingsClient({ baseUrl: 'http://127.0.0.1:1', environment: 'mock' })).toThrow(/either baseUrl or environment/);
    expect(() => createProviderClient<paths>(thingsProfile, { environment: 'staging' })).toThrow(/unknown environment "staging"/);
    expect(() => createProviderClient<paths>(thingsProfile, { environment: 'toString' })).toThrow(ConfigurationError);
    expect(() => createThingsClient({ environment: 'mock', timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createThingsClient({ environment: 'mock', retry: { maxRetries: -1 } })).toThrow(/maxRetries/);
  });

  it('rejects a malformed per-call option before sending anything', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 200, { items: [] }));
    const client = createThingsClient({ baseUrl: api.url });
    await expect(client.GET('/things', { retry: 'yes' })).rejects.toBeInstanceOf(ConfigurationError);
    await expect(client.GET('/things', { timeoutMs: -5 })).rejects.toBeInstanceOf(ConfigurationError);
    expect(api.requests).toHaveLength(0);
  });

  it('uses the custom fetch given in the options, for API and token requests', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 200, { items: [] }));
    const seen: string[] = [];
    const client = createThingsClient({
      baseUrl: api.url,
      fetch: (input, init) => {
        seen.push(input instanceof Request ? input.url : String(input));
        return fetch(input, init);
      },
    });
    unwrap(await client.GET('/things'));
    expect(seen).toEqual([`${api.url}/things`]);
  });

  it('a logger that throws does not break the call', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 200, { items: [] }));
    const client = createThingsClient({
      baseUrl: api.url,
      logger: () => {
        throw new Error('broken logger');
      },
    });
    expect(unwrap(await client.GET('/things'))).toEqual({ items: [] });
  });
});
