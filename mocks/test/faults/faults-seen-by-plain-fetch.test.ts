/**
 * Faults on demand, as any HTTP client sees them: a status with headers and body in place of the answer,
 * a late answer, a reset connection, a cut body; `times` counting down, removal by id, the newest fault
 * winning, scoping by provider/method/path; faults before credentials, `Prefer` and the sandbox; and the
 * journal recording what was answered.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ActiveFault } from '../../src/control/index.js';
import { sandbox } from '../../src/sandbox/index.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';
import { addFault, callSample, controlCall, journal, samplePath } from '../support/control.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());
afterEach(async () => {
  running.mock.clearFaults();
  running.mock.clearRequests();
});

const zemo = (): Promise<Response> =>
  fetch(`${running.url}/zemo${samplePath(running, 'zemo', 'getOperation')}`, { headers: { authorization: 'Bearer abc' } });
const faults = async (): Promise<ActiveFault[]> =>
  ((await controlCall(running, 'GET', '/faults')).json as { faults: ActiveFault[] }).faults;

describe('a status fault', () => {
  it('answers the status, headers and body given, once, then the operation answers again', async () => {
    await addFault(running, {
      provider: 'zemo',
      method: 'GET',
      path: '/api/operations/{id}',
      times: 1,
      fault: { status: 502, headers: { 'Content-Type': 'text/html', 'Retry-After': '1' }, body: '<html><body>Bad Gateway</body></html>' },
    });
    const faulted = await zemo();
    expect(faulted.status).toBe(502);
    expect(faulted.headers.get('content-type')).toBe('text/html');
    expect(faulted.headers.get('retry-after')).toBe('1');
    expect(await faulted.text()).toBe('<html><body>Bad Gateway</body></html>');
    const normal = await zemo();
    expect(normal.status).toBe(200);
    expect(await normal.json()).toMatchObject({ status: 'CREATED' });
    expect((await journal(running)).map((entry) => entry.status)).toEqual([502, 200]);
  });

  it('sends a JSON body as JSON', async () => {
    await addFault(running, {
      provider: 'zemo',
      fault: { status: 429, headers: { 'X-Rate-Limit-Reset': '2026-01-01T00:00:10.0000000Z' }, body: { message: 'slow down' } },
    });
    const answer = await send(`${running.url}/zemo${samplePath(running, 'zemo', 'getOperation')}`, {
      headers: { authorization: 'Bearer abc' },
    });
    expect(answer).toMatchObject({ status: 429, json: { message: 'slow down' } });
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('x-rate-limit-reset')).toBe('2026-01-01T00:00:10.0000000Z');
  });

  it('comes before the credential check and before Prefer', async () => {
    await addFault(running, { provider: 'zemo', fault: { status: 503 } });
    const noCredential = await fetch(`${running.url}/zemo${samplePath(running, 'zemo', 'getOperation')}`, {
      headers: { prefer: 'code=401' },
    });
    expect(noCredential.status).toBe(503);
  });

  it('counts down its times and is gone at zero', async () => {
    await addFault(running, { provider: 'zemo', times: 2, fault: { status: 503 } });
    expect(await faults()).toMatchObject([{ provider: 'zemo', times: 2, remaining: 2, applied: 0 }]);
    expect((await zemo()).status).toBe(503);
    expect(await faults()).toMatchObject([{ remaining: 1, applied: 1 }]);
    expect((await zemo()).status).toBe(503);
    expect(await faults()).toEqual([]);
    expect((await zemo()).status).toBe(200);
  });

  it('applies until removed without times; the newest fault wins; removal by id leaves the others', async () => {
    const older = await addFault(running, { provider: 'zemo', fault: { status: 500 } });
    const newer = await addFault(running, { provider: 'zemo', fault: { status: 504 } });
    expect((await zemo()).status).toBe(504);
    expect((await zemo()).status).toBe(504);
    expect((await controlCall(running, 'GET', `/faults/${newer}`)).json).toMatchObject({ id: newer, remaining: null, applied: 2 });
    expect((await controlCall(running, 'DELETE', `/faults/${newer}`)).status).toBe(204);
    expect((await controlCall(running, 'DELETE', `/faults/${newer}`)).status).toBe(404);
    expect((await zemo()).status).toBe(500);
    expect((await faults()).map((fault) => fault.id)).toEqual([older]);
    expect((await controlCall(running, 'DELETE', '/faults')).status).toBe(204);
    expect((await zemo()).status).toBe(200);
  });

  it('touches only its provider, method and path template', async () => {
    await addFault(running, { provider: 'eccor-fgts', method: 'POST', path: '/v1/NaturalPerson', fault: { status: 503 } });
    expect((await callSample(running, 'eccor-fgts', 'createNaturalPerson')).status).toBe(503);
    expect((await callSample(running, 'eccor-fgts', 'listNaturalPersons')).status).toBe(200);
    expect((await callSample(running, 'eccor-fgts', 'getNaturalPerson')).status).toBe(200);
    expect((await zemo()).status).toBe(200);
  });

  it('comes before the sandbox: the faulted request changes no state', async () => {
    const stateful = await startMock({ sandbox: sandbox({}) });
    try {
      await addFault(stateful, { provider: 'eccor-fgts', method: 'POST', path: '/v1/NaturalPerson', times: 1, fault: { status: 503 } });
      const listed = async (): Promise<unknown[]> =>
        ((await callSample(stateful, 'eccor-fgts', 'listNaturalPersons')).json as { data: unknown[] }).data;
      expect((await callSample(stateful, 'eccor-fgts', 'createNaturalPerson')).status).toBe(503);
      expect(await listed()).toEqual([]);
      expect((await callSample(stateful, 'eccor-fgts', 'createNaturalPerson')).status).toBe(200);
      expect(await listed()).toHaveLength(1);
    } finally {
      await stateful.close();
    }
  });
});

describe('delayMs', () => {
  it('answers normally, late', async () => {
    await addFault(running, { provider: 'zemo', fault: { delayMs: 30 } });
    const answer = await zemo();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: 'CREATED' });
  });

  it('goes with a status', async () => {
    await addFault(running, { provider: 'zemo', fault: { delayMs: 30, status: 504 } });
    expect((await zemo()).status).toBe(504);
  });

  it("outlasts a caller's timeout", async () => {
    await addFault(running, { provider: 'zemo', fault: { delayMs: 5_000 } });
    const late = fetch(`${running.url}/zemo${samplePath(running, 'zemo', 'getOperation')}`, {
      headers: { authorization: 'Bearer abc' },
      signal: AbortSignal.timeout(50),
    });
    await expect(late).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});

describe('reset', () => {
  it('drops the connection without an answer, and the journal says reset', async () => {
    await addFault(running, { provider: 'zemo', times: 1, fault: { reset: true } });
    const failure = await zemo().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect(((failure as TypeError).cause as { code?: string }).code).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect((await zemo()).status).toBe(200);
    expect((await journal(running)).map((entry) => entry.status)).toEqual(['reset', 200]);
  });

  it('goes with a delay: the connection drops late', async () => {
    await addFault(running, { provider: 'zemo', times: 1, fault: { delayMs: 30, reset: true } });
    await expect(zemo()).rejects.toThrow(TypeError);
    expect((await journal(running)).map((entry) => entry.status)).toEqual(['reset']);
  });

  it('reads the request body first, so the journal still shows it', async () => {
    await addFault(running, { provider: 'eccor-fgts', path: '/v1/Amortization', fault: { reset: true } });
    await expect(callSample(running, 'eccor-fgts', 'simulateAmortization')).rejects.toThrow(TypeError);
    const [entry] = await journal(running);
    expect(entry).toMatchObject({ status: 'reset', operationId: 'simulateAmortization', body: expect.objectContaining({}) });
    expect(entry?.body).not.toBeNull();
  });
});

describe('truncate', () => {
  it('sends the headers and half the body, then closes: the body does not parse', async () => {
    const whole = await (await zemo()).text();
    await addFault(running, { provider: 'zemo', fault: { truncate: true } });
    const cut = await zemo();
    expect(cut.status).toBe(200);
    expect(cut.headers.get('connection')).toBe('close');
    const text = await cut.text();
    expect(text).toBe(whole.slice(0, Math.floor(Buffer.byteLength(whole) / 2)));
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("cuts a status fault's body too", async () => {
    const body = { message: 'unavailable for a while' };
    await addFault(running, { provider: 'zemo', fault: { status: 503, body, truncate: true } });
    const cut = await zemo();
    expect(cut.status).toBe(503);
    const whole = JSON.stringify(body);
    expect(await cut.text()).toBe(whole.slice(0, Math.floor(whole.length / 2)));
  });
});

describe('programmatic faults', () => {
  it('fault(spec) returns an id that removeFault() and the HTTP routes know; clearFaults() removes all', async () => {
    const id = running.mock.fault({ provider: 'zemo', times: 1, fault: { status: 503 } });
    expect(running.mock.faults()).toMatchObject([{ id, remaining: 1 }]);
    expect((await controlCall(running, 'GET', `/faults/${id}`)).status).toBe(200);
    expect(running.mock.removeFault(id)).toBe(true);
    expect(running.mock.removeFault(id)).toBe(false);
    running.mock.fault({ provider: 'zemo', fault: { status: 503 } });
    running.mock.clearFaults();
    expect((await zemo()).status).toBe(200);
  });
});
