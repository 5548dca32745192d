/**
 * One log line per request, with method, path, status and milliseconds, and no credential: the
 * Authorization header is never logged and secret-looking query values become `***`.
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
    await send(`${running.url}/?access_token=s3cr3t&client_secret=hunter2&page=2`, { headers: { authorization: 'Bearer top-secret-token' } });
    await send(`${running.url}/nowhere`, { method: 'POST', body: 'x' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z GET \/\?access_token=\*\*\*&client_secret=\*\*\*&page=2 200 \d+\.\dms$/);
    expect(lines[1]).toMatch(/ POST \/nowhere 404 \d+\.\dms$/);
    expect(lines.join('\n')).not.toMatch(/s3cr3t|hunter2|top-secret-token/);
  });
});
