/**
 * A bounded fuzz run against 127.0.0.1: a few thousand requests, random and mutated from the specs'
 * sample requests (methods, paths, percent-encodings, credentials, Prefer values, content types, broken
 * and hostile JSON bodies). The server must answer every one without a 5xx and still serve afterwards.
 * Seeded, so a failure can be replayed.
 */
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRequest, type SampleRequest } from '../../src/catalog/sample-request.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { seededRandom } from '../support/seeded-random.js';

const REQUESTS = 3000;
const CONCURRENCY = 16;
const SEED = 20250917;

let running: RunningMock;
beforeAll(async () => {
  running = await startMock({ bodyLimit: 64 * 1024 });
});
afterAll(() => running.close());

interface Raw {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

function mutate(next: () => number, samples: readonly (SampleRequest & { slug: string })[]): Raw {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const sample = pick(samples);
  const raw: Raw = {
    method: sample.method,
    path: `/${sample.slug}${sample.path}`,
    headers: { ...sample.headers },
    ...(sample.body === undefined ? {} : { body: Buffer.from(sample.body) }),
  };
  const mutations = 1 + Math.floor(next() * 3);
  for (let m = 0; m < mutations; m++) {
    switch (Math.floor(next() * 12)) {
      case 0:
        raw.method = pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND']);
        break;
      case 1: {
        const chars = raw.path.split('');
        const at = Math.floor(next() * chars.length);
        chars.splice(
          at,
          Math.floor(next() * 3),
          pick(['%', '%00', '%2e%2e', '%E0%A4%A', '/', '//', '..', '{id}', '?', '#', 'é', '%ZZ', ';', '~', 'a'.repeat(300)]),
        );
        raw.path = chars.join('');
        if (!raw.path.startsWith('/')) raw.path = `/${raw.path}`;
        break;
      }
      case 2:
        raw.path += pick([
          '?',
          '?__code=999',
          '?__code=abc',
          '?__example=',
          '?__dynamic=maybe',
          '?a=%',
          '?a=1&a=2&a=3',
          '&&&',
          '?__example=%F0%9F%92%A9',
        ]);
        break;
      case 3:
        raw.headers.authorization = pick([
          '',
          'Bearer',
          'Bearer x',
          'Basic',
          'Basic ===',
          'Basic Og==',
          `Bearer ${'a'.repeat(2000)}`,
          'Negotiate abc',
          'Bearer a b c',
        ]);
        break;
      case 4:
        raw.headers.prefer = pick([
          'code=200',
          'code=2000',
          'code=',
          'example=',
          'example="a,b"',
          'code=401, example=x',
          'dynamic=false',
          '"',
          ',,,;;;',
          'code=404;example=operationNotFound',
          'code=5XX',
        ]);
        break;
      case 5:
        raw.headers['content-type'] = pick([
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=latin1',
          '',
          'application/*',
          'foo',
        ]);
        break;
      case 6:
        raw.body = Buffer.from(
          pick([
            '',
            '{',
            '}',
            '[]',
            'null',
            '"',
            '{"a":',
            '[[[[[[[[[[',
            '{"__proto__": {"x": 1}}',
            '{"constructor": {"prototype": {}}}',
            '1e999999',
            '-',
            '\u0000\u0001',
            '{"a": "\uD800"}',
            JSON.stringify({ deep: JSON.parse('['.repeat(500) + ']'.repeat(500)) as unknown }),
          ]),
        );
        break;
      case 7: {
        if (!raw.body || raw.body.length === 0) break;
        const bytes = Buffer.from(raw.body);
        for (let i = 0; i < 1 + Math.floor(next() * 4); i++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
        raw.body = bytes;
        break;
      }
      case 8:
        if (raw.body) raw.body = raw.body.subarray(0, Math.floor(next() * raw.body.length));
        break;
      case 9: {
        if (!raw.body) break;
        try {
          const value = JSON.parse(raw.body.toString()) as unknown;
          const replace = (node: unknown): unknown => {
            if (Array.isArray(node)) return node.map(replace);
            if (node && typeof node === 'object')
              return Object.fromEntries(
                Object.entries(node).map(([key, item]) => [
                  key,
                  next() < 0.2 ? pick([null, 0, -1, 1e308, '', 'x'.repeat(1000), [], {}, true, '2023-13-45T99:99:99Z']) : replace(item),
                ]),
              );
            return node;
          };
          raw.body = Buffer.from(JSON.stringify(replace(value)));
        } catch {
          // not JSON: leave it
        }
        break;
      }
      case 10:
        raw.headers.origin = pick(['http://localhost:3000', 'https://evil.example', 'null', '*']);
        raw.headers['access-control-request-method'] = pick(['GET', 'POST', 'DELETE']);
        break;
      default:
        raw.path = pick([
          '/',
          '/docs',
          '/docs/../../package.json',
          '/_sandbox/x',
          '/%2e%2e/%2e%2e/etc/passwd',
          '//',
          '/eccor-fgts//v1/Product',
          '/zemo/api/operations/',
        ]);
    }
  }
  return raw;
}

function sendRaw(agent: Agent, base: URL, raw: Raw): Promise<number> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(raw.headers)) headers[name] = value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '');
    if (raw.body) headers['content-length'] = String(raw.body.length);
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: raw.method,
        path: raw.path.replace(/[^\x21-\x7e]/g, encodeURIComponent),
        headers,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    // A request the client library or the server's parser rejects counts as answered (not a 5xx).
    req.on('error', () => resolve(-1));
    req.setTimeout(10_000, () => req.destroy());
    req.end(raw.body);
  });
}

describe('fuzz', () => {
  it(`answers ${REQUESTS} random and mutated requests without a 5xx`, async () => {
    const samples = running.providers.flatMap((provider) =>
      provider.operations.map((operation) => ({ ...sampleRequest(provider, operation), slug: provider.slug })),
    );
    const next = seededRandom(SEED);
    const requests = Array.from({ length: REQUESTS }, () => mutate(next, samples));
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const base = new URL(running.url);
    const statuses: number[] = [];
    const failures: string[] = [];
    let cursor = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (cursor < requests.length) {
          const raw = requests[cursor++] as Raw;
          const status = await sendRaw(agent, base, raw);
          statuses.push(status);
          if (status >= 500)
            failures.push(`${status} ${raw.method} ${raw.path} ${JSON.stringify(raw.headers)} ${raw.body?.toString().slice(0, 200) ?? ''}`);
        }
      }),
    );
    agent.destroy();
    expect(failures).toEqual([]);
    expect(statuses.filter((status) => status > 0).length).toBeGreaterThan(REQUESTS * 0.9);
    const after = await fetch(`${running.url}/`);
    expect(after.status).toBe(200);
  }, 45_000);
});
