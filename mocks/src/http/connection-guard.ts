/**
 * What keeps one client from holding the mock: bounded time to send headers and a request, a cap on open
 * connections, and answers a client can read where Node would reset the connection.
 *
 * - Headers over Node's limit (16 KiB, `--max-http-header-size`) get a `431` problem, written before the
 *   connection closes; what the client still sends is read and dropped for a moment (`lingerMs`) so that the
 *   close is not a reset that would hide the answer. A request not received in time gets a `408` likewise,
 *   and a request that does not parse a `400`.
 * - A request must arrive whole within `requestTimeoutMs` (headers within `headersTimeoutMs`); a stalled
 *   upload is not held for Node's default 300 s.
 * - At most `maxConnections` connections at once; further ones are closed as they arrive.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ServerLimits {
  /** Time to receive a request's headers. */
  readonly headersTimeoutMs: number;
  /** Time to receive a whole request, body included. */
  readonly requestTimeoutMs: number;
  /** Open connections at once. */
  readonly maxConnections: number;
  /** After an error answer, how long what the client still sends is read and dropped before the close. */
  readonly lingerMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, maxConnections: 1024, lingerMs: 2_000 };

/** Options for `http.createServer`: how often Node checks the two timeouts (its default, 30 s, would blur them). */
export function serverOptions(limits: ServerLimits): { connectionsCheckingInterval: number } {
  return {
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4))),
  };
}

function problemResponse(status: number, reason: string, detail: string): string {
  const body = JSON.stringify({ type: 'about:blank', title: reason, status, detail });
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

const CLIENT_ERRORS: Readonly<Record<string, [number, string, string]>> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'The request headers are over the limit of 16 KiB (Node --max-http-header-size).',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request did not arrive whole in time.'],
};

/** Writes `response`, then reads and drops what the client still sends until it is done or `lingerMs` passes. */
export function answerAndLinger(socket: Socket, response: string, lingerMs: number): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const timer = setTimeout(() => socket.destroy(), lingerMs);
  timer.unref();
  socket.on('data', () => {});
  socket.once('end', () => socket.destroy());
  socket.once('close', () => clearTimeout(timer));
  socket.resume();
  socket.end(response);
}

/** Sets the timeouts, the connection cap and the answers to malformed, oversized and late requests. */
export function guardConnections(server: Server, limits: ServerLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const code = error.code ?? '';
    if (code === 'ECONNRESET' || code === 'EPIPE' || (socket as Socket & { bytesWritten: number }).bytesWritten > 0) {
      socket.destroy();
      return;
    }
    const [status, reason, detail] = CLIENT_ERRORS[code] ?? [400, 'Bad Request', 'The request is not valid HTTP/1.1.'];
    answerAndLinger(socket, problemResponse(status, reason, detail), limits.lingerMs);
  });
}
