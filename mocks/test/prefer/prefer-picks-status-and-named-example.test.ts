/**
 * `Prefer: code=…, example=…` picks a documented status and a named example (Zemo's PJ example, UY3's
 * 403); the same works with `?__code=&__example=`. An unknown example or status is a clear 400 listing
 * what exists, never a 404 that looks like a missing resource.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import { hasProvider, startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

const auth = { authorization: SAMPLE_BEARER };
const zemo = () => `${running.url}/zemo/api/operations/01962542-38ee-70de-92fe-4e4a0cc375ee`;

describe.runIf(hasProvider('zemo'))('Prefer on Zemo', () => {
  it('serves the first example by default and the PJ example when asked', async () => {
    const first = await send(zemo(), { headers: auth });
    expect(first.json).toMatchObject({ assignor: { name: 'Cristiano Ronaldo', cnpj: null } });
    const company = await send(zemo(), { headers: { ...auth, prefer: 'example=company' } });
    expect(company.status).toBe(200);
    expect(company.json).toMatchObject({ assignor: { name: 'Ronaldinho', cnpj: '12345678910112' } });
  });

  it('finds an example of another status without a code', async () => {
    const answer = await send(zemo(), { headers: { ...auth, prefer: 'example=operationNotFound' } });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ message: 'We could not find the opetarion with this id.' });
  });

  it('reads the query parameters when there is no Prefer header', async () => {
    const answer = await send(`${zemo()}?__code=200&__example=company`, { headers: auth });
    expect(answer.json).toMatchObject({ operationNumber: 2 });
  });

  it('answers an unknown example with a 400 that lists the examples', async () => {
    const answer = await send(zemo(), { headers: { ...auth, prefer: 'code=200, example=nope' } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.json).toMatchObject({ title: 'Unknown Example', examples: { '200': ['individual', 'company'] } });
    const anywhere = await send(zemo(), { headers: { ...auth, prefer: 'example=nope' } });
    expect(anywhere.json).toMatchObject({
      examples: { '200': ['individual', 'company'], '401': ['invalidCredentials'], '404': ['operationNotFound'] },
    });
  });

  it('answers an undocumented or malformed status with a 400', async () => {
    const undocumented = await send(zemo(), { headers: { ...auth, prefer: 'code=418' } });
    expect(undocumented.status).toBe(400);
    expect(undocumented.json).toMatchObject({ title: 'Unknown Status', statuses: ['200', '401', '404'] });
    const malformed = await send(zemo(), { headers: { ...auth, prefer: 'code=abc' } });
    expect(malformed.status).toBe(400);
  });

  it('still checks the credential first', async () => {
    const answer = await send(zemo(), { headers: { prefer: 'code=200' } });
    expect(answer.status).toBe(401);
  });
});

describe.runIf(hasProvider('eccor-fgts'))('Prefer on UY3', () => {
  it('serves the documented 403 with its rate-limit headers', async () => {
    const answer = await send(`${running.url}/eccor-fgts/v1/Product`, { headers: { ...auth, prefer: 'code=403' } });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ code: 'MISSING_RESOURCE_PERMISSION', details: { resource: 'CreditProduct' } });
    expect(answer.headers.get('x-rate-limit-limit')).toBe('10s');
  });
});
