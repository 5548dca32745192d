/**
 * Browser apps can call the mock: preflights for `Authorization` succeed from loopback origins, answers
 * carry the origin back with credentials allowed and the documented headers exposed; other origins are
 * refused unless configured; `*` is never sent together with credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import { hasProvider, startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';

let loopbackOnly: RunningMock;
let anyOrigin: RunningMock;
beforeAll(async () => {
  loopbackOnly = await startMock();
  anyOrigin = await startMock({ corsOrigins: ['*'] });
});
afterAll(async () => {
  await loopbackOnly.close();
  await anyOrigin.close();
});

const path = '/eccor-fgts/v1/Product';
const preflight = (base: string, origin: string) =>
  send(`${base}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, prefer' },
  });

describe.runIf(hasProvider('eccor-fgts'))('CORS', () => {
  it('allows a preflight with Authorization from a loopback origin', async () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:5173', 'https://[::1]:8443']) {
      const answer = await preflight(loopbackOnly.url, origin);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
      expect(answer.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(answer.headers.get('access-control-allow-methods')).toContain('GET');
    }
  });

  it('refuses other origins by default', async () => {
    const answer = await preflight(loopbackOnly.url, 'https://evil.example');
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const actual = await send(`${loopbackOnly.url}${path}`, { headers: { origin: 'https://evil.example', authorization: SAMPLE_BEARER } });
    expect(actual.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('echoes the origin on answers and exposes the documented headers', async () => {
    const answer = await send(`${loopbackOnly.url}${path}`, { headers: { origin: 'http://localhost:3000', authorization: SAMPLE_BEARER } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(answer.headers.get('vary')).toBe('Origin');
    expect(answer.headers.get('access-control-expose-headers')).toContain('X-Rate-Limit-Reset');
    const unauthorized = await send(`${loopbackOnly.url}${path}`, { headers: { origin: 'http://localhost:3000' } });
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(unauthorized.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
  });

  it('with --cors-origin *, allows any origin but never with credentials', async () => {
    const answer = await preflight(anyOrigin.url, 'https://app.partner.example');
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
