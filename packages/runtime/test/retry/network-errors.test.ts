import { afterEach, describe, expect, it } from 'vitest';
import { NetworkError, unwrap } from '../../src/index.js';
import { createThingsClient, fastRetry } from '../helpers/clients.js';
import { sendJson, serverPool, startServer } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

describe('network errors', () => {
  it('a GET whose connection is reset is sent again and succeeds', async () => {
    const api = await servers.start((_request, response, index) => {
      if (index === 0) response.socket?.destroy();
      else sendJson(response, 200, { items: [] });
    });
    const client = createThingsClient({ baseUrl: api.url, retry: fastRetry });
    expect(unwrap(await client.GET('/things'))).toEqual({ items: [] });
    expect(api.requests).toHaveLength(2);
  });

  it('a POST whose connection is reset is not sent again: NetworkError with the cause', async () => {
    const api = await servers.start((_request, response) => {
      response.socket?.destroy();
    });
    const client = createThingsClient({ baseUrl: api.url, retry: fastRetry });
    const error: unknown = await client.POST('/things', { body: { name: 'x', amount: 1 } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).name).toBe('NetworkError');
    expect((error as NetworkError).cause).toBeInstanceOf(Error);
    expect((error as NetworkError).message).toContain('POST /things');
    expect(api.requests).toHaveLength(1);
  });

  it('a body cut short by the connection closing is a network error of that attempt, and is retried', async () => {
    const api = await servers.start((_request, response, index) => {
      if (index === 0) {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        // Cut the connection once the first part of the body has been handed to the socket.
        response.write('{"items": [', () => response.socket?.destroy());
      } else sendJson(response, 200, { items: [] });
    });
    const client = createThingsClient({ baseUrl: api.url, retry: fastRetry });
    expect(unwrap(await client.GET('/things'))).toEqual({ items: [] });
    expect(api.requests).toHaveLength(2);
  });

  it('connection refused: three attempts, then NetworkError', async () => {
    const closed = await startServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const events: string[] = [];
    const client = createThingsClient({ baseUrl: url, retry: fastRetry, logger: (event) => events.push(event.type) });
    const error: unknown = await client.GET('/things').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).attempt).toBe(3);
    expect(events).toEqual(['error', 'retry', 'error', 'retry', 'error']);
  });
});
