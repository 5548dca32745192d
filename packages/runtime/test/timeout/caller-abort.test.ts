import { afterEach, describe, expect, it } from 'vitest';
import { createThingsClient, fastRetry } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

describe("the caller's AbortSignal", () => {
  it("aborting during the request rejects with the caller's own reason, as is", async () => {
    const controller = new AbortController();
    const api = await servers.start((_request, response) => {
      controller.abort(); // the request has arrived: the call is waiting for its answer
      api.later(5_000, () => sendJson(response, 200, { items: [] }));
    });
    const client = createThingsClient({ baseUrl: api.url });
    const error: unknown = await client.GET('/things', { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toBe(controller.signal.reason);
    expect((error as DOMException).name).toBe('AbortError');
    expect(api.requests).toHaveLength(1);
  });

  it('a POST (never retried) aborted mid-request rejects with the reason too, not a NetworkError', async () => {
    const controller = new AbortController();
    const api = await servers.start((_request, response) => {
      controller.abort();
      api.later(5_000, () => sendJson(response, 201, {}));
    });
    const client = createThingsClient({ baseUrl: api.url });
    const error: unknown = await client
      .POST('/things', { body: { name: 'x', amount: 1 }, signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBe(controller.signal.reason);
  });

  it('a custom reason comes back unchanged', async () => {
    const reason = new Error('user navigated away');
    const controller = new AbortController();
    const api = await servers.start((_request, response) => {
      controller.abort(reason);
      api.later(5_000, () => sendJson(response, 200, { items: [] }));
    });
    const client = createThingsClient({ baseUrl: api.url });
    await expect(client.GET('/things', { signal: controller.signal })).rejects.toBe(reason);
  });

  it('aborting during the wait before a retry stops at once, without another attempt', async () => {
    const api = await servers.start((_request, response) =>
      sendJson(response, 503, { request_code: 'rc', return_code: '503', message: 'later' }, { 'retry-after': '10' }),
    );
    const controller = new AbortController();
    const client = createThingsClient({
      baseUrl: api.url,
      retry: fastRetry,
      // The client announces the retry, then waits 10 s: abort once that wait has begun.
      logger: (event) => void (event.type === 'retry' && setImmediate(() => controller.abort())),
    });
    const started = performance.now();
    const error: unknown = await client.GET('/things', { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toBe(controller.signal.reason);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(api.requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 200, { items: [] }));
    const client = createThingsClient({ baseUrl: api.url });
    const controller = new AbortController();
    controller.abort();
    await expect(client.GET('/things', { signal: controller.signal })).rejects.toBe(controller.signal.reason);
    expect(api.requests).toHaveLength(0);
  });
});
