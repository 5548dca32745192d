/**
 * What a partner's test suite gets from `startMockServer()` (the package's entry): the journal and the
 * faults as typed methods on the handle, the same state as `/_mock/`, the options (`journalSize`,
 * `control`, `now`) checked, and the CLI flags `--journal-size` and `--control` mapped onto them.
 */
import { describe, expect, it } from 'vitest';
import { FaultSpecError, MockServerOptionsError, parseCli, startMockServer, UsageError, type FaultSpec } from '../../src/index.js';

describe('startMockServer() as a test double', () => {
  it('records requests, takes faults and clears both through the handle and /_mock/ alike', async () => {
    const mock = await startMockServer({ now: () => Date.parse('2026-05-04T10:00:00Z') });
    try {
      expect(mock.controlOpen).toBe(true);
      const id = mock.fault({ provider: 'zemo', times: 1, fault: { status: 503, headers: { 'Retry-After': '0' } } });
      expect(mock.faults()).toMatchObject([{ id, provider: 'zemo', remaining: 1 }]);
      const url = `${mock.url}/zemo/api/operations/01962542-38ee-70de-92fe-4e4a0cc375ee`;
      expect((await fetch(url, { headers: { authorization: 'Bearer t' } })).status).toBe(503);
      expect((await fetch(url, { headers: { authorization: 'Bearer t' } })).status).toBe(200);
      expect(mock.requests({ operationId: 'getOperation' }).map((entry) => [entry.status, entry.time])).toEqual([
        [503, '2026-05-04T10:00:00.000Z'],
        [200, '2026-05-04T10:00:00.000Z'],
      ]);
      const listed = (await (await fetch(`${mock.url}/_mock/requests?provider=zemo`)).json()) as { requests: unknown[] };
      expect(listed.requests).toEqual(mock.requests());
      mock.clearRequests();
      expect(mock.requests()).toEqual([]);

      const lasting = mock.fault({ provider: 'zemo', fault: { status: 500 } });
      expect(mock.removeFault(lasting)).toBe(true);
      mock.fault({ provider: 'zemo', fault: { status: 500 } });
      mock.clearFaults();
      expect(((await (await fetch(`${mock.url}/_mock/faults`)).json()) as { faults: unknown[] }).faults).toEqual([]);

      expect(() => mock.fault({ provider: 'zemo', fault: { status: 42 } } as FaultSpec)).toThrow(FaultSpecError);
    } finally {
      await mock.close();
    }
  });

  it('checks journalSize and honours control: false', async () => {
    await expect(startMockServer({ journalSize: -1 })).rejects.toBeInstanceOf(MockServerOptionsError);
    await expect(startMockServer({ journalSize: 1.5 })).rejects.toThrow(/journalSize/);
    const closed = await startMockServer({ control: false, journalSize: 2 });
    try {
      expect(closed.controlOpen).toBe(false);
      expect((await fetch(`${closed.url}/_mock/requests`)).status).toBe(404);
    } finally {
      await closed.close();
    }
  });
});

describe('the CLI flags', () => {
  it('maps --journal-size and --control onto the options, and refuses a bad size', () => {
    expect(parseCli(['--journal-size', '50', '--control'])).toMatchObject({ help: false, options: { journalSize: 50, control: true } });
    expect(parseCli([])).toMatchObject({ help: false, options: { journalSize: undefined, control: undefined } });
    expect(() => parseCli(['--journal-size', '-3'])).toThrow(UsageError);
    expect(() => parseCli(['--journal-size', 'lots'])).toThrow(/--journal-size/);
    expect(() => parseCli(['--journal-size', '2000000'])).toThrow(/from 0 to 1000000/);
  });
});
