/**
 * A fault spec is untrusted input: every mistake gets a 400 problem whose `field` names the member at
 * fault (and `mock.fault()` throws a `FaultSpecError` with the same field); nothing is added, and the mock
 * keeps answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultSpecError, type FaultSpec } from '../../src/control/index.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { callSample, controlCall } from '../support/control.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

const ok = { provider: 'zemo', fault: { status: 503 } };

const BAD: readonly [string, unknown, string][] = [
  ['not an object', [], ''],
  ['null', null, ''],
  ['an unknown top-level member', { ...ok, stub: true }, 'stub'],
  ['no provider', { fault: { status: 503 } }, 'provider'],
  ['an unknown provider', { provider: 'nubank', fault: { status: 503 } }, 'provider'],
  ['a path that is no template of the provider', { ...ok, path: '/api/operations/0196' }, 'path'],
  ['a path of another provider', { ...ok, path: '/v1/Product' }, 'path'],
  ['a path that is not a string', { ...ok, path: 42 }, 'path'],
  ['a method that is not HTTP', { ...ok, method: 'FETCH' }, 'method'],
  [
    'a method the path does not document',
    { provider: 'eccor-fgts', method: 'DELETE', path: '/v1/Product', fault: { status: 503 } },
    'method',
  ],
  ['a method that is not a string', { ...ok, method: 1 }, 'method'],
  ['negative times', { ...ok, times: -1 }, 'times'],
  ['zero times', { ...ok, times: 0 }, 'times'],
  ['fractional times', { ...ok, times: 1.5 }, 'times'],
  ['times as a string', { ...ok, times: '2' }, 'times'],
  ['no fault', { provider: 'zemo' }, 'fault'],
  ['a fault that is not an object', { provider: 'zemo', fault: 'reset' }, 'fault'],
  ['a fault that does nothing', { provider: 'zemo', fault: {} }, 'fault'],
  ['only a zero delay', { provider: 'zemo', fault: { delayMs: 0 } }, 'fault'],
  ['an unknown fault member', { provider: 'zemo', fault: { status: 503, latency: 5 } }, 'fault.latency'],
  ['a status below 200', { provider: 'zemo', fault: { status: 101 } }, 'fault.status'],
  ['a status above 599', { provider: 'zemo', fault: { status: 600 } }, 'fault.status'],
  ['a status as a string', { provider: 'zemo', fault: { status: '503' } }, 'fault.status'],
  ['headers without a status', { provider: 'zemo', fault: { delayMs: 5, headers: { 'Retry-After': '1' } } }, 'fault.headers'],
  ['a body without a status', { provider: 'zemo', fault: { truncate: true, body: 'x' } }, 'fault.body'],
  ['a body on a 204', { provider: 'zemo', fault: { status: 204, body: 'x' } }, 'fault.body'],
  ['headers that are not an object', { provider: 'zemo', fault: { status: 503, headers: ['Retry-After: 1'] } }, 'fault.headers'],
  [
    'a header value that is not a string',
    { provider: 'zemo', fault: { status: 503, headers: { 'Retry-After': true } } },
    'fault.headers.Retry-After',
  ],
  [
    'a header name with a space',
    { provider: 'zemo', fault: { status: 503, headers: { 'Retry After': '1' } } },
    'fault.headers.Retry After',
  ],
  [
    'a header value with a line break',
    { provider: 'zemo', fault: { status: 503, headers: { 'X-A': 'a\r\nX-B: b' } } },
    'fault.headers.X-A',
  ],
  [
    'a Content-Length header',
    { provider: 'zemo', fault: { status: 503, headers: { 'Content-Length': '5' } } },
    'fault.headers.Content-Length',
  ],
  ['a negative delay', { provider: 'zemo', fault: { delayMs: -5 } }, 'fault.delayMs'],
  ['a delay over ten minutes', { provider: 'zemo', fault: { delayMs: 600_001 } }, 'fault.delayMs'],
  ['reset that is not a boolean', { provider: 'zemo', fault: { reset: 'yes' } }, 'fault.reset'],
  ['reset with a status', { provider: 'zemo', fault: { reset: true, status: 503 } }, 'fault.reset'],
  ['reset with truncate', { provider: 'zemo', fault: { reset: true, truncate: true } }, 'fault.reset'],
  ['truncate that is not a boolean', { provider: 'zemo', fault: { truncate: 1 } }, 'fault.truncate'],
];

describe('a bad fault spec', () => {
  it.each(BAD)('gets a 400 naming the field for %s', async (_case, spec, field) => {
    const answer = await controlCall(running, 'POST', '/faults', spec);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.json).toMatchObject({ title: 'Bad Fault Spec', field });
    expect((answer.json as { detail: string }).detail).toContain(field);
    expect(() => running.mock.fault(spec as FaultSpec)).toThrow(FaultSpecError);
    try {
      running.mock.fault(spec as FaultSpec);
    } catch (error) {
      expect((error as FaultSpecError).field).toBe(field);
    }
  });

  it.each([
    ['an empty body', ''],
    ['a body that is not JSON', '{"provider": "zemo",'],
  ])('gets a 400 for %s', async (_case, body) => {
    const answer = await controlCall(running, 'POST', '/faults', body);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ title: 'Bad Fault Spec', field: '' });
  });

  it('suggests the template when given a concrete path', async () => {
    const answer = await controlCall(running, 'POST', '/faults', { ...ok, path: '/api/operations/0196' });
    expect((answer.json as { detail: string }).detail).toContain('did you mean its template /api/operations/{id}');
  });

  it('adds nothing, and the mock keeps answering', async () => {
    expect(running.mock.faults()).toEqual([]);
    expect(((await controlCall(running, 'GET', '/faults')).json as { faults: unknown[] }).faults).toEqual([]);
    expect((await callSample(running, 'zemo', 'getOperation')).status).toBe(200);
  });

  it('answers 405 and 404 for routes and methods the control API does not have', async () => {
    expect((await controlCall(running, 'PUT', '/faults')).status).toBe(405);
    expect((await controlCall(running, 'POST', '/requests')).status).toBe(405);
    expect((await controlCall(running, 'GET', '/stubs')).status).toBe(404);
    expect((await controlCall(running, 'GET', '/faults/no-such-id')).status).toBe(404);
  });
});
