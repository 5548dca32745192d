import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/index.js';
import { createThingsClient, fastRetry } from '../helpers/clients.js';
import { sendJson, serverPool, type RecordedRequest } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

const unavailable = { request_code: 'rc', return_code: '503', message: 'unavailable' };
const created = { id: 't-1', name: 'first', amount: 1, status: 'OPEN' };

/** Everything of a request that goes on the wire, except what differs between two connections. */
function wire(request: RecordedRequest | undefined) {
  const { host: _host, connection: _connection, ...headers } = request?.headers ?? {};
  return { method: request?.method, url: request?.url, headers, body: request?.body };
}

describe('POST is never retried unless the call opts in', () => {
  it('a POST answered 503 is sent once', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 503, unavailable));
    const client = createThingsClient({ baseUrl: api.url, retry: fastRetry });
    const result = await client.POST('/things', { body: { name: 'first', amount: 1 } });
    expect(result.response.status).toBe(503);
    expect(api.requests).toHaveLength(1);
  });

  it('a GET answered 503 is retried (2 retries by default)', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 503, unavailable));
    const client = createThingsClient({ baseUrl: api.url, retry: fastRetry });
    await client.GET('/things');
    expect(api.requests).toHaveLength(3);
  });

  it('with { retry: { idempotent: true } } the POST is retried, each time with the full body', async () => {
    const api = await servers.start((_request, response, index) =>
      index < 2 ? sendJson(response, 503, unavailable) : sendJson(response, 201, created),
    );
    const client = createThingsClient({ baseUrl: api.url, retry: fastRetry });
    const result = await client.POST('/things', { body: { name: 'first', amount: 1 }, retry: { idempotent: true } });
    expect(unwrap(result)).toEqual(created);
    expect(api.requests).toHaveLength(3);
    expect(api.requests.map((request) => request.body)).toEqual(Array(3).fill('{"name":"first","amount":1}'));
  });

  it('the opt-in puts nothing on the wire: same method, URL, headers and body as a plain POST', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 201, created));
    const client = createThingsClient({ baseUrl: api.url });
    await client.POST('/things', { body: { name: 'first', amount: 1 } });
    await client.POST('/things', { body: { name: 'first', amount: 1 }, retry: { idempotent: true }, timeoutMs: 5_000 });
    expect(api.requests).toHaveLength(2);
    expect(wire(api.requests[1])).toEqual(wire(api.requests[0]));
    expect(Object.keys(api.requests[1]?.headers ?? {}).filter((name) => /idempot|retry|timeout/i.test(name))).toEqual([]);
  });

  it('{ retry: false } turns retries off for one GET', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 503, unavailable));
    const client = createThingsClient({ baseUrl: api.url, retry: fastRetry });
    await client.GET('/things', { retry: false });
    expect(api.requests).toHaveLength(1);
  });

  it('retry.maxRetries bounds the attempts', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 502, unavailable));
    const client = createThingsClient({ baseUrl: api.url, retry: { ...fastRetry, maxRetries: 4 } });
    await client.GET('/things');
    expect(api.requests).toHaveLength(5);
  });

  it('PUT and DELETE are retried, 400 and 500 are not', async () => {
    const api = await servers.start((request, response, index) => {
      if (request.method === 'GET') sendJson(response, index % 2 ? 500 : 400, unavailable);
      else if (index < 4) sendJson(response, 504, unavailable);
      else sendJson(response, 200, created);
    });
    const client = createThingsClient({ baseUrl: api.url, retry: fastRetry });
    await client.GET('/things'); // 400, index 0
    await client.GET('/things'); // 500, index 1
    await client.PUT('/things/{id}', { params: { path: { id: 't-1' } }, body: { name: 'first', amount: 1 } }); // 504, 504, 200
    expect(api.requests.map((request) => request.method)).toEqual(['GET', 'GET', 'PUT', 'PUT', 'PUT']);
  });
});
