/**
 * One log line per request, with method, path, status and milliseconds, and nothing secret or personal:
 * the Authorization header is never logged; secret-named query values, CPFs and e-mails (in the path and
 * the query, percent-encoded too) become `***`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestLog } from '../../src/http/request-log.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';

const lines: string[] = [];
let running: RunningMock;
beforeAll(async () => {
  running = await startMock({ log: createRequestLog((text) => lines.push(...text.split('\n').filter(Boolean))) });
});
afterAll(() => running.close());

describe('the request log', () => {
  it('writes one redacted line per request', async () => {
    await send(`${running.url}/?access_token=s3cr3t&client_secret=hunter2&page=2`, {
      headers: { authorization: 'Bearer top-secret-token' },
    });
    await send(`${running.url}/nowhere`, { method: 'POST', body: 'x' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z GET \/\?access_token=\*\*\*&client_secret=\*\*\*&page=2 200 \d+\.\dms$/);
    expect(lines[1]).toMatch(/ POST \/nowhere 404 \d+\.\dms$/);
    expect(lines.join('\n')).not.toMatch(/s3cr3t|hunter2|top-secret-token/);
  });

  it('leaves no CPF, e-mail or secret-named query value in the log (paths included)', async () => {
    lines.length = 0;
    const targets = [
      '/eccor-fgts/v1/NaturalPerson?registrationNumber=00805349960',
      '/eccor-fgts/v1/NaturalPerson?searchString=nilce.knupp%40example.com.br',
      '/eccor-fgts/v1/NaturalPerson/00805349960',
      '/eccor-fgts/v1/NaturalPerson/008.053.499-60',
      '/nowhere?key=k1-SECRET&private_key=pk-SECRET&jwt=jwt-SECRET&code=code-SECRET&bearer=b-SECRET&api_key=ak-SECRET&token=t-SECRET&password=p-SECRET',
    ];
    for (const target of targets) await send(`${running.url}${target}`, { headers: { authorization: 'Bearer top-secret-token' } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(targets.length);
    const log = lines.join('\n');
    expect(log).not.toMatch(/00805349960|008\.053\.499-60|nilce|SECRET/);
    expect(lines[0]).toContain(' GET /eccor-fgts/v1/NaturalPerson?registrationNumber=*** ');
    expect(lines[2]).toContain(' GET /eccor-fgts/v1/NaturalPerson/*** ');
  });
});
