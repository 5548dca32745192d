/**
 * `--proxy zemo=<upstream>`: every request is forwarded to the upstream through Prism's validating proxy,
 * the upstream's answer comes back as it is, and every break of the contract, by the request or by the
 * answer, is reported and listed in `sl-violations`. The upstream here is a local server that breaks
 * Zemo's contract on purpose.
 */
import { startServer, type TestServer } from '@credit-apis/test-kit/http-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import type { ContractReport } from '../../src/prism/proxy.js';
import { hasProvider, startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';

const reports: ContractReport[] = [];
let upstream: TestServer;
let running: RunningMock;
/** What the upstream received, as the assertions read it. */
const seen = (): { method: string; url: string; authorization: string | undefined; body: string }[] =>
  upstream.requests.map((request) => ({
    method: request.method,
    url: request.url,
    authorization: request.headers.authorization,
    body: request.body,
  }));

beforeAll(async () => {
  upstream = await startServer((request, res) => {
    if (request.url.startsWith('/api/operations/')) {
      // Drift: `operationNumber` became a string, `titles` disappeared, a new field appeared.
      res.writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'yes' });
      res.end(JSON.stringify({ id: '01962542-38ee-70de-92fe-4e4a0cc375ee', operationNumber: '0001', status: 'CREATED', surprise: true }));
    } else {
      res.writeHead(418, { 'content-type': 'text/plain' });
      res.end('teapot');
    }
  });
  running = await startMock({ proxies: { zemo: new URL(upstream.url) }, reportContract: (report) => reports.push(report) });
});

afterAll(async () => {
  await running.close();
  await upstream.close();
});

describe.runIf(hasProvider('zemo'))('the validating proxy', () => {
  it("forwards the request and returns the upstream answer, reporting the answer's drift", async () => {
    const answer = await send(`${running.url}/zemo/api/operations/01962542-38ee-70de-92fe-4e4a0cc375ee`, {
      headers: { authorization: SAMPLE_BEARER },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ id: '01962542-38ee-70de-92fe-4e4a0cc375ee', operationNumber: '0001', status: 'CREATED', surprise: true });
    expect(answer.headers.get('x-upstream')).toBe('yes');
    expect(seen().at(-1)).toMatchObject({
      method: 'GET',
      url: '/api/operations/01962542-38ee-70de-92fe-4e4a0cc375ee',
      authorization: SAMPLE_BEARER,
    });

    const report = reports.at(-1);
    expect(report).toMatchObject({ provider: 'zemo', method: 'GET', status: 200 });
    const said = report?.violations.map((violation) => `${violation.side} ${violation.location} ${violation.message}`).join('\n') ?? '';
    expect(said).toMatch(/response .*operationNumber.* must be integer/);
    expect(said).toMatch(/response .*must have required property 'titles'/);
    expect(said).toMatch(/response .*must NOT have additional properties/);
    expect(JSON.parse(answer.headers.get('sl-violations') ?? '[]')).toHaveLength(report?.violations.length ?? -1);
  });

  it('reports a request that breaks the contract, and still forwards it', async () => {
    const before = seen().length;
    const answer = await send(`${running.url}/zemo/api/operations/not-a-uuid`);
    expect(seen().length).toBe(before + 1);
    expect(answer.status).toBe(200);
    const said =
      reports
        .at(-1)
        ?.violations.filter((violation) => violation.side === 'request')
        .map((violation) => violation.message)
        .join('\n') ?? '';
    expect(said).toMatch(/security|uuid/i);
  });

  it('reports an undocumented route and status', async () => {
    const answer = await send(`${running.url}/zemo/api/unknown`, { headers: { authorization: SAMPLE_BEARER } });
    expect(answer.status).toBe(418);
    expect(answer.text).toBe('teapot');
    expect(reports.at(-1)?.violations.length).toBeGreaterThan(0);
  });

  it('leaves the other providers mocked', async () => {
    if (!hasProvider('eccor-fgts')) return;
    const answer = await send(`${running.url}/eccor-fgts/v1/Product`, { headers: { authorization: SAMPLE_BEARER } });
    expect(answer.status).toBe(200);
    expect(seen().some((request) => request.url.includes('Product'))).toBe(false);
  });
  it('writes the drift report with the path redacted (no CPF in a log)', async () => {
    await send(`${running.url}/zemo/api/operations/00805349960`, { headers: { authorization: SAMPLE_BEARER } });
    expect(reports.at(-1)?.path).toBe('/api/operations/***');
  });
});
