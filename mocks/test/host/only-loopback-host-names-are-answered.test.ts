/**
 * DNS rebinding: bound to loopback, the mock answers only requests whose `Host` is a loopback name or
 * address; any other gets a 421 that says why and how to serve other names.
 */
import type { IncomingMessage, Server } from 'node:http';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignHost } from '../../src/http/host-check.js';
import { startMock, type RunningMock } from '../support/mock.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

function getWithHost(host: string): Promise<{ status: number; body: string }> {
  const url = new URL(running.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: '/', headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Host header', () => {
  it('is answered when it names loopback', async () => {
    const { port } = new URL(running.url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST', `api.localhost:${port}`, `[::1]:${port}`, '127.1.2.3']) {
      expect((await getWithHost(host)).status, host).toBe(200);
    }
  });

  it('gets a 421 naming the safeguard for any other name, rebinding included', async () => {
    for (const host of ['evil.example', `evil.example:${new URL(running.url).port}`, 'localhost.evil.example', '0.0.0.0', '192.168.0.10']) {
      const answer = await getWithHost(host);
      expect(answer.status, host).toBe(421);
      expect(JSON.parse(answer.body)).toMatchObject({ title: 'Misdirected Request', detail: expect.stringContaining('DNS rebinding') });
    }
  });

  it('is not checked when the mock listens beyond loopback', () => {
    const server = { address: () => ({ address: '0.0.0.0', family: 'IPv4', port: 4010 }), once: () => undefined } as unknown as Server;
    expect(foreignHost({ headers: { host: 'mock.internal:4010' } } as IncomingMessage, server)).toBeUndefined();
  });
});
