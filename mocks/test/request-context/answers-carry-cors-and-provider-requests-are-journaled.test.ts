/**
 * What every answer goes through (http/request-context.ts), without a server: the allowed origin's CORS
 * headers on every answer, the provider's live headers over the documented ones, one log line, and a
 * journal entry for a provider's request only; an answer outside the routes (a bug, a misdirected Host)
 * carries neither CORS headers nor a journal entry; a second answer to one request is dropped.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Operation, Provider } from '../../src/catalog/provider.js';
import { createDelivery } from '../../src/control/deliver.js';
import { createJournal } from '../../src/control/journal.js';
import { createCorsPolicy } from '../../src/http/cors.js';
import { prepare } from '../../src/http/prepared-response.js';
import { RequestContext } from '../../src/http/request-context.js';

interface Written {
  status?: number;
  headers?: readonly string[];
  body?: Buffer;
}

function setUp(url: string, headers: Record<string, string> = {}) {
  const journal = createJournal(10, () => 0);
  const lines: string[] = [];
  const written: Written[] = [];
  const res = {
    headersSent: false,
    writeHead(status: number, sent: readonly string[]) {
      written.push({ status, headers: sent });
      this.headersSent = true;
    },
    end(body: Buffer) {
      (written.at(-1) as Written).body = body;
    },
  };
  const req = { method: 'GET', url, headers } as unknown as IncomingMessage;
  const sink = {
    cors: createCorsPolicy([], ['x-rate-limit-remaining']),
    log: {
      line: (method: string, target: string, status: number | 'reset') => void lines.push(`${method} ${target} ${status}`),
      flush() {},
    },
    journal,
    delivery: createDelivery(),
  };
  return { request: new RequestContext(req, res as unknown as ServerResponse, sink), journal, lines, written };
}

const provider = { slug: 'acme' } as Provider;
const operation = { info: { path: '/things/{id}', operationId: 'getThing' } } as Operation;
const answer = prepare({ status: 200, headers: { 'X-Rate-Limit-Remaining': '99' }, body: { ok: true } });

describe('an answer', () => {
  it('carries the CORS headers of an allowed origin, and none for another origin', () => {
    const allowed = setUp('/acme/things/7', { origin: 'http://localhost:5173' });
    allowed.request.send(answer);
    expect(allowed.written[0]?.headers).toEqual(expect.arrayContaining(['Access-Control-Allow-Origin', 'http://localhost:5173']));

    const foreign = setUp('/acme/things/7', { origin: 'https://evil.example' });
    foreign.request.send(answer);
    expect(foreign.written[0]?.headers?.some((name) => name.startsWith('Access-Control-'))).toBe(false);
  });

  it("has the provider's live headers in place of the documented ones of the same name", () => {
    const { request, written } = setUp('/acme/things/7');
    request.send(answer, ['x-rate-limit-remaining', '41']);
    const headers = written[0]?.headers ?? [];
    expect(headers.filter((name) => name.toLowerCase() === 'x-rate-limit-remaining')).toHaveLength(1);
    expect(headers[headers.findIndex((name) => name.toLowerCase() === 'x-rate-limit-remaining') + 1]).toBe('41');
  });

  it("of a provider's request is logged and journaled with its path, query, template and operation", () => {
    const { request, journal, lines } = setUp('/acme/things/7?expand=owner');
    request.recordAs(provider, '/things/{id}').toOperation(operation, ['id'], ['7'], undefined);
    request.send(answer);
    expect(lines).toEqual(['GET /acme/things/7?expand=owner 200']);
    expect(journal.list()).toMatchObject([
      { provider: 'acme', method: 'GET', path: '/things/7', template: '/things/{id}', operationId: 'getThing', query: { expand: 'owner' } },
    ]);
  });

  it("of a request that is no provider's (a page, a contract file) is logged but not journaled", () => {
    const { request, journal, lines } = setUp('/acme/openapi.json');
    request.send(answer);
    expect(lines).toHaveLength(1);
    expect(journal.list()).toEqual([]);
  });

  it('outside the routes (a bug) has no CORS headers and no journal entry, even once the request was routed', () => {
    const { request, journal, written } = setUp('/acme/things/7', { origin: 'http://localhost:5173' });
    request.recordAs(provider, '/things/{id}');
    request.sendPlain(prepare({ status: 500 }));
    expect(written[0]?.status).toBe(500);
    expect(written[0]?.headers?.some((name) => name.startsWith('Access-Control-'))).toBe(false);
    expect(journal.list()).toEqual([]);
  });

  it('is written once: a second answer to the same request is dropped', () => {
    const { request, written, lines } = setUp('/acme/things/7');
    request.send(answer);
    request.send(prepare({ status: 500 }));
    expect(written.map((entry) => entry.status)).toEqual([200]);
    expect(lines).toHaveLength(1);
  });
});
