/**
 * Oversized headers get a 431 the client reads (not a reset); a request that stalls gets a 408 within the
 * request timeout instead of being held for minutes; connections past the cap are closed as they arrive.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import { startMock, type RunningMock } from '../support/mock.js';

let running: RunningMock;
let strict: RunningMock;
beforeAll(async () => {
  running = await startMock();
  strict = await startMock({ limits: { headersTimeoutMs: 300, requestTimeoutMs: 600, maxConnections: 3, lingerMs: 200 } });
});
afterAll(async () => {
  await running.close();
  await strict.close();
});

interface Raw {
  socket: Socket;
  /** Everything received until the server closed the connection. */
  closed: Promise<string>;
}

function open(base: string): Promise<Raw> {
  const url = new URL(base);
  const socket = connect(Number(url.port), url.hostname);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  socket.on('error', () => {});
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  return new Promise((resolve) => socket.once('connect', () => resolve({ socket, closed })));
}

describe('oversized headers', () => {
  it('get a readable 431 from fetch, 10 of 10', async () => {
    const statuses: number[] = [];
    for (let run = 0; run < 10; run++) {
      const response = await fetch(`${running.url}/`, { headers: { 'x-large': 'a'.repeat(64 * 1024) } });
      expect(((await response.json()) as { title: string }).title).toBe('Request Header Fields Too Large');
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 431));
  });

  it('get a 431 on a raw connection that keeps sending headers', async () => {
    const raw = await open(running.url);
    raw.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Large: ${'a'.repeat(256 * 1024)}`);
    expect(await raw.closed).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
  });
});

describe('timeouts and the connection cap', () => {
  it('answers a stalled body with 408 once the request timeout passes', async () => {
    const raw = await open(strict.url);
    raw.socket.write(
      `POST /eccor-fgts/v1/Amortization HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${SAMPLE_BEARER}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`,
    );
    expect(await raw.closed).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers headers that never end with 408 once the headers timeout passes', async () => {
    const raw = await open(strict.url);
    raw.socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(await raw.closed).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection past the cap while the others stay open', async () => {
    const held = await Promise.all([open(strict.url), open(strict.url), open(strict.url)]);
    const extra = await open(strict.url);
    expect(await extra.closed).toBe('');
    for (const raw of held) raw.socket.destroy();
    await Promise.all(held.map((raw) => raw.closed));
  });
});
