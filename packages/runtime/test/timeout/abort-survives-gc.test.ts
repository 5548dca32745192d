/**
 * In Node 20's undici a Request forwards the aborts of the signal it was built with only while the Request
 * itself is alive, and fetch(request) works on its own copy: a temporary `new Request(x, { signal })` handed
 * to fetch can be garbage-collected mid-flight, after which timeouts and caller aborts never arrive (they
 * did not, under this suite's parallel load, before the pipeline passed the signal in fetch's init). These
 * tests force collections while a request is in flight.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { TimeoutError } from '../../src/index.js';
import { createThingsClient } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const servers = serverPool();
afterEach(() => servers.closeAll());

/** Collects garbage now and once more on the next turn of the event loop (the request is in flight then). */
function collect(): void {
  gc();
  gc();
  setImmediate(() => {
    gc();
    gc();
  });
}

describe('timeouts and aborts survive garbage collection', () => {
  it('the timeout fires', async () => {
    const api = await servers.start((_request, response) => {
      collect(); // the request has arrived: only fetch's own copy of it is still in use
      api.later(3_000, () => sendJson(response, 200, { items: [] }));
    });
    const client = createThingsClient({ baseUrl: api.url, timeoutMs: 250, retry: false });
    const started = performance.now();
    const call = client.GET('/things');
    await expect(call).rejects.toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("the caller's abort arrives", async () => {
    const controller = new AbortController();
    const api = await servers.start((_request, response) => {
      collect();
      // Abort once the collections are done, while the request is still waiting for its answer.
      setImmediate(() => setImmediate(() => controller.abort()));
      api.later(3_000, () => sendJson(response, 200, { items: [] }));
    });
    const client = createThingsClient({ baseUrl: api.url, retry: false });
    const call = client.GET('/things', { signal: controller.signal });
    const started = performance.now();
    const error: unknown = await call.catch((caught: unknown) => caught);
    expect(error).toBe(controller.signal.reason);
    expect((error as DOMException).name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('the timeout covers a stalled body', async () => {
    const api = await servers.start((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '50' });
      response.write('{"items":');
      collect();
      api.later(3_000, () => response.end('[]}'));
    });
    const client = createThingsClient({ baseUrl: api.url, timeoutMs: 250, retry: false });
    const call = client.GET('/things');
    await expect(call).rejects.toBeInstanceOf(TimeoutError);
  });
});
