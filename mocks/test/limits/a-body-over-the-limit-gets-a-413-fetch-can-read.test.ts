/**
 * A body over `--body-limit` gets a 413 that the client can read while it is still uploading: the mock keeps
 * reading (and dropping) the rest instead of closing at once, which `fetch` sees as EPIPE. 20 of 20, with a
 * declared length and chunked; and the connection is closed when the rest is beyond what is worth reading.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@credit-apis/test-kit/cli';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import { DRAIN_BYTES } from '../../src/http/read-body.js';
import { startMock, type RunningMock } from '../support/mock.js';

const FIVE_MIB = 5 * 1024 * 1024;
const RUNS = 20;
let running: RunningMock;
beforeAll(async () => {
  running = await startMock({ bodyLimit: 1024 * 1024 });
});
afterAll(() => running.close());

const headers = { authorization: SAMPLE_BEARER, 'content-type': 'application/json' };

async function upload(body: BodyInit): Promise<{ status: number; title: unknown }> {
  const response = await fetch(`${running.url}/eccor-fgts/v1/Amortization`, { method: 'POST', headers, body });
  return { status: response.status, title: ((await response.json()) as { title?: unknown }).title };
}

/**
 * Uploads from another process, as a partner's client would: in this process the client and the server
 * would share one event loop and take turns, which hides the race between the upload and the close.
 */
const UPLOADER = `
const [url, authorization, mode, runs, size] = process.argv.slice(1);
const chunk = new Uint8Array(64 * 1024).fill(0x61);
const body = () => {
  if (mode === 'declared') return new Uint8Array(Number(size)).fill(0x61);
  let sent = 0;
  return new ReadableStream({ pull(controller) { if (sent >= Number(size)) return controller.close(); sent += chunk.length; controller.enqueue(chunk); } });
};
const results = [];
for (let run = 0; run < Number(runs); run++) {
  try {
    const response = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: body(), duplex: 'half' });
    results.push({ status: response.status, title: (await response.json()).title });
  } catch (error) {
    results.push({ error: String(error.cause ?? error) });
  }
}
process.stdout.write(JSON.stringify(results));
`;

async function uploads(mode: 'declared' | 'chunked', runs: number, size: number): Promise<unknown[]> {
  const { stdout, stderr } = await runCli(
    ['--input-type=module', '-e', UPLOADER, `${running.url}/eccor-fgts/v1/Amortization`, SAMPLE_BEARER, mode, String(runs), String(size)],
    { timeoutMs: 60_000 },
  );
  if (stdout === '') throw new Error(stderr);
  return JSON.parse(stdout) as unknown[];
}

describe('a body over the limit', () => {
  it(`gets a readable 413, ${RUNS} of ${RUNS} 5 MiB uploads with a declared length`, async () => {
    expect(await uploads('declared', RUNS, FIVE_MIB)).toEqual(
      Array.from({ length: RUNS }, () => ({ status: 413, title: 'Payload Too Large' })),
    );
  });

  it(`gets a readable 413, ${RUNS} of ${RUNS} chunked 5 MiB uploads`, async () => {
    expect(await uploads('chunked', RUNS, FIVE_MIB)).toEqual(
      Array.from({ length: RUNS }, () => ({ status: 413, title: 'Payload Too Large' })),
    );
  });

  it('and the mock answers the next request on the same connection', async () => {
    expect(await upload(Buffer.alloc(2 * 1024 * 1024, 'a'))).toEqual({ status: 413, title: 'Payload Too Large' });
    expect((await fetch(`${running.url}/`)).status).toBe(200);
  });

  it('closes the connection once the rest passes what is worth reading', async () => {
    const url = new URL(running.url);
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      `POST /eccor-fgts/v1/Amortization HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: ${SAMPLE_BEARER}\r\nContent-Type: application/json\r\nContent-Length: ${DRAIN_BYTES * 4}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let written = 0;
    let open = true;
    socket.once('close', () => (open = false));
    while (open && written < DRAIN_BYTES * 4) {
      written += chunk.length;
      if (!socket.write(chunk))
        await new Promise<void>((resolve) => {
          socket.once('drain', resolve);
          socket.once('close', resolve);
        });
    }
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(written).toBeLessThan(DRAIN_BYTES * 4);
  });
});
