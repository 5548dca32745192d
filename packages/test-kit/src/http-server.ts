/**
 * A real HTTP server on 127.0.0.1 with a random port, for the tests: it records every request (method,
 * path, headers, body, arrival time) and answers with the test's handler; `waitFor` resolves at the arrival
 * that makes its condition true (no polling). `close()` ends every connection and every pending `later()`
 * timer, so that no test leaves anything running.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { createSignal, type WaitOptions } from './wait.js';

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** `performance.now()` when the request's body was fully received. */
  at: number;
}

export type Handler = (request: RecordedRequest, response: ServerResponse, index: number) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  /** Runs `fn` after `ms`, unless the server closed first. */
  later(ms: number, fn: () => void): void;
  /**
   * Resolves once `count` requests have arrived (or `condition(requests)` holds), checked at each arrival
   * after the handler's synchronous part ran; rejects after `timeoutMs` naming what came.
   */
  waitFor(condition: number | ((requests: readonly RecordedRequest[]) => boolean), options?: WaitOptions): Promise<void>;
  close(): Promise<void>;
}

/** `2 requests: POST /hook, POST /hook` (the last five), for a failure message. */
export function describeRequests(requests: readonly RecordedRequest[]): string {
  const shown = requests.slice(-5).map((request) => `${request.method} ${request.url}`);
  return `${requests.length} request${requests.length === 1 ? '' : 's'}${shown.length === 0 ? '' : `: ${requests.length > 5 ? '…, ' : ''}${shown.join(', ')}`}`;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const arrivals = createSignal();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now(),
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res, requests.length - 1)).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
      arrivals.notify();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    later(ms, fn) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
    },
    waitFor(condition, options = {}) {
      const holds = typeof condition === 'number' ? () => requests.length >= condition : () => condition(requests);
      return arrivals.until(holds, {
        what: typeof condition === 'number' ? `${condition} request${condition === 1 ? '' : 's'}` : 'the requests awaited',
        seen: () => describeRequests(requests),
        ...options,
      });
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers `status` with a JSON body. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** Answers `status` with no body. */
export function sendEmpty(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-length': '0', ...headers });
  response.end();
}

/** Starts a server that closes when the current test finishes. */
export async function startTestServer(handler: Handler): Promise<TestServer> {
  const server = await startServer(handler);
  onTestFinished(() => server.close());
  return server;
}

/** Starts servers for a test and closes them all afterwards (use with `afterEach`). */
export function serverPool(): { start(handler: Handler): Promise<TestServer>; closeAll(): Promise<void> } {
  const open: TestServer[] = [];
  return {
    async start(handler) {
      const server = await startServer(handler);
      open.push(server);
      return server;
    },
    async closeAll() {
      await Promise.all(open.splice(0).map((server) => server.close()));
    },
  };
}
