import { afterEach, describe, expect, it } from 'vitest';
import { TimeoutError, unwrap } from '../../src/index.js';
import { createThingsClient, fastRetry } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

describe('timeoutMs', () => {
  it('an answer slower than timeoutMs gives TimeoutError', async () => {
    const api = await servers.start((_request, response) => {
      api.later(5_000, () => sendJson(response, 200, { items: [] }));
    });
    const client = createThingsClient({ baseUrl: api.url, timeoutMs: 200, retry: false });
    const started = performance.now();
    const error: unknown = await client.GET('/things').catch((caught: unknown) => caught);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).name).toBe('TimeoutError');
    expect((error as TimeoutError).timeoutMs).toBe(200);
    expect((error as TimeoutError).message).toContain('GET /things');
    expect(elapsed).toBeGreaterThanOrEqual(180);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('is per attempt: a timed-out GET is retried, each attempt with its own timeoutMs', async () => {
    const api = await servers.start((_request, response, index) => {
      if (index < 2) api.later(5_000, () => sendJson(response, 200, { items: [] }));
      else sendJson(response, 200, { items: ['late'] });
    });
    const client = createThingsClient({ baseUrl: api.url, timeoutMs: 150, retry: fastRetry });
    const started = performance.now();
    expect(unwrap(await client.GET('/things'))).toEqual({ items: ['late'] });
    expect(api.requests).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('covers the body: headers on time but a stalled body still times out', async () => {
    const api = await servers.start((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '50' });
      response.write('{"items":');
      api.later(5_000, () => response.end('[]}'));
    });
    const client = createThingsClient({ baseUrl: api.url, timeoutMs: 200, retry: false });
    await expect(client.GET('/things')).rejects.toBeInstanceOf(TimeoutError);
  });

  it('a call can set its own timeoutMs', async () => {
    const api = await servers.start((_request, response) => {
      api.later(400, () => sendJson(response, 200, { items: [] }));
    });
    const client = createThingsClient({ baseUrl: api.url, timeoutMs: 100, retry: false });
    await expect(client.GET('/things')).rejects.toBeInstanceOf(TimeoutError);
    expect(unwrap(await client.GET('/things', { timeoutMs: 3_000 }))).toEqual({ items: [] });
  });

  it('defaults to 30 s', async () => {
    const { DEFAULT_TIMEOUT_MS } = await import('../../src/index.js');
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
  });
});
