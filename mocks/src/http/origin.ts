/**
 * The origin a request reached the mock at, for the links the landing page and the 404 list: its `Host`
 * when it is a plain host name, else the address the server listens on.
 */
import type { IncomingMessage, Server } from 'node:http';

export function originOf(req: IncomingMessage, server: Server): string {
  const host = req.headers.host;
  if (host && /^[A-Za-z0-9.\-:[\]]+$/.test(host)) return `http://${host}`;
  const address = server.address();
  return address && typeof address === 'object'
    ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
    : 'http://127.0.0.1:4010';
}
