/**
 * The server applies the policy when it binds: on 127.0.0.1 `/_mock/` is open; with the policy saying
 * closed (what a non-loopback bind without `--control` gets; simulated here with `control: false` so the
 * test stays on loopback) every `/_mock/` route answers 404 "Control Routes Closed", no fault can be added
 * over HTTP, and the providers answer as always.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { callSample, controlCall } from '../support/control.js';

describe('/_mock/ on a server whose policy keeps it closed', () => {
  let closed: RunningMock;
  beforeAll(async () => {
    closed = await startMock({ control: false });
  });
  afterAll(() => closed.close());

  it('answers 404 Control Routes Closed on every control route, and adds no fault', async () => {
    expect(closed.mock.controlOpen).toBe(false);
    for (const [method, path, body] of [
      ['GET', '/', undefined],
      ['GET', '/requests', undefined],
      ['DELETE', '/requests', undefined],
      ['POST', '/faults', { provider: 'zemo', fault: { status: 503 } }],
      ['GET', '/faults', undefined],
    ] as const) {
      const answer = await controlCall(closed, method, path, body);
      expect(answer.status, `${method} /_mock${path}`).toBe(404);
      expect(answer.json).toMatchObject({ title: 'Control Routes Closed' });
      expect((answer.json as { detail: string }).detail).toContain('--control');
    }
    expect(closed.mock.faults()).toEqual([]);
    expect((await callSample(closed, 'zemo', 'getOperation')).status).toBe(200);
  });
});

describe('/_mock/ on a loopback bind', () => {
  let open: RunningMock;
  beforeAll(async () => {
    open = await startMock();
  });
  afterAll(() => open.close());

  it('is open without --control', async () => {
    expect(open.mock.controlOpen).toBe(true);
    expect((await controlCall(open, 'GET', '/requests')).status).toBe(200);
  });
});
