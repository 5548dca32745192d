/**
 * UY3's answers carry `X-Rate-Limit-Limit/Remaining/Reset` as its captures show them (`10s`, `49`,
 * `2023-11-21T22:08:00.0000000Z`), with a Reset that is the end of the current window; its 401s and
 * the token endpoint (another host) carry none, and no other provider gets them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import { hasProvider, startMock, type RunningMock } from '../support/mock.js';
import { send, sendSample } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

describe.runIf(hasProvider('eccor-fgts'))('UY3 rate-limit headers', () => {
  it('are on every /v1 answer but 401s, with a live Reset', async () => {
    const provider = running.provider('eccor-fgts');
    for (const operation of provider.operations.filter((candidate) => candidate.info.path.startsWith('/v1/'))) {
      const before = Date.now();
      const answer = await sendSample(running.url, provider, operation);
      expect(answer.headers.get('x-rate-limit-limit'), operation.info.operationId).toBe('10s');
      expect(answer.headers.get('x-rate-limit-remaining')).toBe('49');
      const reset = answer.headers.get('x-rate-limit-reset') ?? '';
      expect(reset).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d0\.0000000Z$/);
      const after = Date.now();
      // The end of the 10 s window the answer was made in, a moment between `before` and `after` (the window
      // may turn between the two).
      const resetAt = Date.parse(reset.replace('0000Z', 'Z'));
      expect(resetAt % 10_000).toBe(0);
      expect(resetAt).toBeGreaterThan(before);
      expect(resetAt - after).toBeLessThanOrEqual(10_000);
    }
    const unauthorized = await send(`${running.url}/eccor-fgts/v1/Product`);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('x-rate-limit-limit')).toBeNull();
  });

  it('are not on the token endpoint nor on other providers', async () => {
    const token = await sendSample(running.url, running.provider('eccor-fgts'), running.operation('eccor-fgts', 'requestToken'));
    expect(token.status).toBe(200);
    expect(token.headers.get('x-rate-limit-limit')).toBeNull();
    if (hasProvider('zemo')) {
      const zemo = await send(`${running.url}/zemo/api/operations/01962542-38ee-70de-92fe-4e4a0cc375ee`, {
        headers: { authorization: SAMPLE_BEARER },
      });
      expect(zemo.headers.get('x-rate-limit-limit')).toBeNull();
    }
  });
});
