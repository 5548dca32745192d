/**
 * The request journal: every request under a provider prefix, as the mock answered it (provider, method,
 * path, template, operationId, query, headers, parsed body, status, time from the injected clock), oldest
 * first, filtered by provider/method/path/operationId, cleared on DELETE, bounded as a ring — over HTTP
 * (`/_mock/requests`) and on the server's handle (`requests()`, `clearRequests()`).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';
import { callSample, controlCall, journal, samplePath } from '../support/control.js';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');
let ticks = 0;
// Each reading of the clock is one second later: the times tell the entries apart.
const clock = (): number => T0 + 1000 * ticks++;

let running: RunningMock;
beforeAll(async () => {
  running = await startMock({ now: clock });
});
afterAll(() => running.close());
afterEach(() => running.mock.clearRequests());

describe('the request journal', () => {
  it('records a GET with its provider, path without the prefix, template, operationId, query, headers, status and time', async () => {
    ticks = 0;
    const path = samplePath(running, 'zemo', 'getOperation');
    const answer = await send(`${running.url}/zemo${path}?page=2&tag=a&tag=b`, {
      headers: { authorization: 'Bearer abc', 'x-trace': 'one' },
    });
    expect(answer.status).toBe(200);
    const [entry, ...others] = await journal(running);
    expect(others).toEqual([]);
    expect(entry).toEqual({
      seq: 1,
      provider: 'zemo',
      method: 'GET',
      path,
      template: '/api/operations/{id}',
      operationId: 'getOperation',
      query: { page: '2', tag: ['a', 'b'] },
      headers: expect.objectContaining({ authorization: 'Bearer ***', 'x-trace': 'one', host: expect.any(String) }),
      body: null,
      status: 200,
      time: '2026-03-01T12:00:00.000Z',
    });
  });

  it('records the parsed JSON body of a POST and the status the validator answered', async () => {
    const sample = await callSample(running, 'eccor-fgts', 'simulateAmortization');
    expect(sample.status).toBe(200);
    await send(`${running.url}/eccor-fgts/v1/Amortization`, {
      method: 'POST',
      headers: { authorization: 'Bearer abc', 'content-type': 'application/json' },
      body: JSON.stringify({ requestedAmount: 'lots' }),
    });
    const entries = await journal(running, { operationId: 'simulateAmortization' });
    expect(entries.map((entry) => entry.status)).toEqual([200, 400]);
    expect(entries[0]?.body).toEqual(expect.any(Object));
    expect(entries[1]?.body).toEqual({ requestedAmount: 'lots' });
    expect(entries[1]?.headers['content-type']).toBe('application/json');
  });

  it('records malformed JSON as the text that was sent', async () => {
    await send(`${running.url}/eccor-fgts/v1/Amortization`, {
      method: 'POST',
      headers: { authorization: 'Bearer abc', 'content-type': 'application/json' },
      body: '{"requestedAmount": ',
    });
    const [entry] = await journal(running);
    expect(entry).toMatchObject({ status: 400, body: '{"requestedAmount": ' });
  });

  it('records requests that match no operation (404, 405) with a null operationId, and keeps the control routes out', async () => {
    await send(`${running.url}/zemo/no/such/path`);
    await send(`${running.url}/zemo${samplePath(running, 'zemo', 'getOperation')}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer abc' },
    });
    await controlCall(running, 'GET', '/faults');
    await send(`${running.url}/`);
    const entries = await journal(running);
    expect(
      entries.map(({ provider, method, path, template, operationId, status }) => ({
        provider,
        method,
        path,
        template,
        operationId,
        status,
      })),
    ).toEqual([
      { provider: 'zemo', method: 'GET', path: '/no/such/path', template: null, operationId: null, status: 404 },
      {
        provider: 'zemo',
        method: 'DELETE',
        path: samplePath(running, 'zemo', 'getOperation'),
        template: '/api/operations/{id}',
        operationId: null,
        status: 405,
      },
    ]);
  });

  it('filters by provider, method, path (as sent or as the template) and operationId, oldest first', async () => {
    await callSample(running, 'zemo', 'getOperation');
    await callSample(running, 'eccor-fgts', 'listProducts');
    await callSample(running, 'eccor-fgts', 'createNaturalPerson');
    await callSample(running, 'eccor-fgts', 'getNaturalPerson');
    await callSample(running, 'eccor-fgts', 'listProducts');
    const ids = (entries: readonly { operationId: string | null }[]): (string | null)[] => entries.map((entry) => entry.operationId);

    expect(ids(await journal(running))).toEqual([
      'getOperation',
      'listProducts',
      'createNaturalPerson',
      'getNaturalPerson',
      'listProducts',
    ]);
    expect(ids(await journal(running, { provider: 'eccor-fgts' }))).toEqual([
      'listProducts',
      'createNaturalPerson',
      'getNaturalPerson',
      'listProducts',
    ]);
    expect(ids(await journal(running, { provider: 'eccor-fgts', method: 'post' }))).toEqual(['createNaturalPerson']);
    expect(ids(await journal(running, { path: '/v1/NaturalPerson/{id}' }))).toEqual(['getNaturalPerson']);
    expect(ids(await journal(running, { path: samplePath(running, 'eccor-fgts', 'getNaturalPerson') }))).toEqual(['getNaturalPerson']);
    expect(ids(await journal(running, { operationId: 'listProducts' }))).toEqual(['listProducts', 'listProducts']);
    expect(ids(running.mock.requests({ provider: 'zemo' }))).toEqual(['getOperation']);
    expect(ids(running.mock.requests({ provider: 'banco-cdc' }))).toEqual([]);
  });

  it('refuses an unknown filter with a 400 naming it', async () => {
    const answer = await controlCall(running, 'GET', '/requests?status=200');
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ title: 'Bad Filter', field: 'status' });
  });

  it('is emptied by DELETE /_mock/requests and by clearRequests()', async () => {
    await callSample(running, 'zemo', 'getOperation');
    expect(await journal(running)).toHaveLength(1);
    expect((await controlCall(running, 'DELETE', '/requests')).status).toBe(204);
    expect(await journal(running)).toEqual([]);
    await callSample(running, 'zemo', 'getOperation');
    running.mock.clearRequests();
    expect(running.mock.requests()).toEqual([]);
  });

  it('describes itself at GET /_mock/', async () => {
    await callSample(running, 'zemo', 'getOperation');
    const answer = await controlCall(running, 'GET', '/');
    expect(answer.json).toMatchObject({
      journal: { size: 1000, count: 1 },
      faults: 0,
      routes: expect.arrayContaining(['GET /_mock/faults']),
    });
  });
});

describe('the journal as a ring', () => {
  it('keeps only the last --journal-size requests, oldest first', async () => {
    const small = await startMock({ journalSize: 3 });
    try {
      for (let i = 1; i <= 5; i++) await send(`${small.url}/zemo/request-${i}`);
      const entries = await journal(small);
      expect(entries.map((entry) => [entry.seq, entry.path])).toEqual([
        [3, '/request-3'],
        [4, '/request-4'],
        [5, '/request-5'],
      ]);
      await send(`${small.url}/zemo/request-6`);
      expect(small.mock.requests().map((entry) => entry.path)).toEqual(['/request-4', '/request-5', '/request-6']);
    } finally {
      await small.close();
    }
  });

  it('keeps nothing with --journal-size 0', async () => {
    const none = await startMock({ journalSize: 0 });
    try {
      await send(`${none.url}/zemo/anything`);
      expect(await journal(none)).toEqual([]);
    } finally {
      await none.close();
    }
  });
});
