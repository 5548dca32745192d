/**
 * DNS rebinding: a web page on `evil.example` whose name is made to resolve to 127.0.0.1 can make the
 * browser send requests to the mock, and read the answers, as same-origin requests; only the `Host` header
 * tells them apart. So while the mock listens on a loopback address it answers only requests addressed to a
 * loopback name (`localhost`, `*.localhost`, `127.0.0.1`…, `[::1]`); any other `Host` gets a 421 saying why.
 * Bound to another address (`--host 0.0.0.0`), the mock is meant to be reached by other names: no check.
 */
import type { IncomingMessage, Server } from 'node:http';
import { isIP } from 'node:net';
import { problem } from './mock-errors.js';
import type { PreparedResponse } from './prepared-response.js';

function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === '::1' || bare.startsWith('127.') || bare === '::ffff:127.0.0.1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/** The host name of a `Host` header (`localhost:4010` → `localhost`, `[::1]:4010` → `::1`). */
function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.indexOf(':');
  return (colon === -1 ? host : host.slice(0, colon)).toLowerCase();
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || isLoopbackAddress(name);
}

// Whether each listening server is bound to loopback, asked once (server.address() is a system call).
const boundToLoopback = new WeakMap<Server, boolean>();

function listensOnLoopback(server: Server): boolean {
  const known = boundToLoopback.get(server);
  if (known !== undefined) return known;
  const address = server.address();
  if (!address || typeof address === 'string') return false;
  const loopback = isLoopbackAddress(address.address);
  boundToLoopback.set(server, loopback);
  server.once('close', () => boundToLoopback.delete(server));
  return loopback;
}

/** The answer refusing `req`, or `undefined` when its `Host` may be answered. */
export function foreignHost(req: IncomingMessage, server: Server): PreparedResponse | undefined {
  const host = req.headers.host;
  if (host === undefined || !listensOnLoopback(server)) return undefined;
  if (isLoopbackName(hostName(host))) return undefined;
  return problem(
    421,
    'Misdirected Request',
    `The mock listens on loopback and answers only requests addressed to localhost or a loopback address, not to Host "${host}" (a safeguard against DNS rebinding). To serve other names, start it with --host 0.0.0.0.`,
  );
}
