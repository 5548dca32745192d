/**
 * What no provider documents gets a clear JSON answer of the mock's own: an unknown provider or path is
 * a 404 that lists the providers (or the provider's paths), a wrong method a 405 with `Allow`, a body over
 * the limit a 413 (announced or streamed), and the reserved sandbox prefix says it is not enabled.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import { hasProvider, startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock({ bodyLimit: 1024 });
});
afterAll(() => running.close());

/** Streams `size` bytes in chunks without announcing a length; resolves with the status. */
function streamBody(path: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, running.url);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { authorization: SAMPLE_BEARER, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(256, 'a');
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe("the mock's own errors", () => {
  it('answers an unknown provider with a JSON 404 listing the providers', async () => {
    const answer = await send(`${running.url}/no-such-bank/v1/x`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    const slugs = (answer.json as { providers: { slug: string }[] }).providers.map((provider) => provider.slug);
    expect(slugs).toEqual(running.providers.map((provider) => provider.slug));
  });

  it.runIf(hasProvider('zemo'))('answers an unknown path of a provider with its paths', async () => {
    for (const path of ['/zemo', '/zemo/', '/zemo/api/operations', '/zemo/api/operations/x/y']) {
      const answer = await send(`${running.url}${path}`, { headers: { authorization: SAMPLE_BEARER } });
      expect(answer.status, path).toBe(404);
      expect(answer.json).toMatchObject({ paths: ['/api/operations/{id}'] });
    }
  });

  it.runIf(hasProvider('zemo'))('answers a wrong method with 405 and Allow', async () => {
    const answer = await send(`${running.url}/zemo/api/operations/01962542-38ee-70de-92fe-4e4a0cc375ee`, {
      method: 'DELETE',
      headers: { authorization: SAMPLE_BEARER },
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it.runIf(hasProvider('eccor-fgts'))('answers 413 to a body over the limit, announced or streamed, and keeps serving', async () => {
    const announced = await send(`${running.url}/eccor-fgts/v1/Amortization`, {
      method: 'POST',
      headers: { authorization: SAMPLE_BEARER, 'content-type': 'application/json' },
      body: 'x'.repeat(2048),
    });
    expect(announced.status).toBe(413);
    expect(await streamBody('/eccor-fgts/v1/Amortization', 64 * 1024)).toBe(413);
    expect((await send(`${running.url}/`)).status).toBe(200);
  });

  it('the docs are read-only: writing to them gets a 405 naming GET and HEAD', async () => {
    for (const path of ['/docs', '/docs/', '/docs/index.html']) {
      const answer = await send(`${running.url}${path}`, { method: 'POST', body: '{}' });
      expect(answer.status, path).toBe(405);
      expect(answer.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('keeps /_sandbox/ for the sandbox mode', async () => {
    const answer = await send(`${running.url}/_sandbox/flows`);
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ title: 'Sandbox Not Enabled' });
  });
});
