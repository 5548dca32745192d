import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, getCorrelationId, unwrap, type LogEvent } from '../../src/index.js';
import { createThingsClient } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

function apiErrorOf(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('correlation id', () => {
  it('from a response header named by the profile', async () => {
    const api = await servers.start((_request, response) =>
      sendJson(response, 429, { message: 'slow down' }, { 'x-request-id': 'req-abc-123' }),
    );
    const events: LogEvent[] = [];
    const client = createThingsClient({ baseUrl: api.url, retry: false, logger: (event) => events.push(event) });
    const result = await client.GET('/things/{id}', { params: { path: { id: 't-1' } } });
    expect(getCorrelationId(result.response)).toBe('req-abc-123');
    const error = apiErrorOf(() => unwrap(result));
    expect(error.correlationId).toBe('req-abc-123');
    expect(error.message).toContain('req-abc-123');
    expect(events[0]?.correlationId).toBe('req-abc-123');
  });

  it("from the error envelope's body field (Banco CDC's request_code)", async () => {
    const api = await servers.start((_request, response) =>
      sendJson(response, 404, { request_code: 'bcdc-77', return_code: '404-01', message: 'not found' }),
    );
    const client = createThingsClient({ baseUrl: api.url });
    const result = await client.GET('/things/{id}', { params: { path: { id: 'x' } } });
    expect(apiErrorOf(() => unwrap(result)).correlationId).toBe('bcdc-77');
  });

  it('absent when the provider sends none', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 200, { items: [] }));
    const client = createThingsClient({ baseUrl: api.url });
    const result = await client.GET('/things');
    expect(getCorrelationId(result.response)).toBeUndefined();
  });
});
