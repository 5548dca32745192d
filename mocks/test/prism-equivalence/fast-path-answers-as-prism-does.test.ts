/**
 * The fast path (answers precomputed at start-up) must answer exactly as Stoplight Prism's engine
 * (@stoplight/prism-http, run in process) does: with no preference (Prism's static choice of status and
 * example), for each documented status (`Prefer: code`), and for each named example (`code` + `example`).
 * Compared: status, body, content type (when there is a body) and every header Prism sets, except the ones
 * a provider file deliberately makes live (UY3's X-Rate-Limit-*).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRequest } from '../../src/catalog/sample-request.js';
import { loadPrism, prismQuery, type PrismOutput } from '../../src/prism/engine.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

interface Case {
  label: string;
  slug: string;
  operationId: string;
  code?: number;
  example?: string;
}

const listing = await startMock();
await listing.close();
const cases: Case[] = listing.providers.flatMap((provider) =>
  provider.operations.flatMap((operation) => {
    const base = `${provider.slug} ${operation.info.method.toUpperCase()} ${operation.info.path}`;
    const ids = { slug: provider.slug, operationId: operation.info.operationId };
    return [
      { label: `${base} with no preference`, ...ids },
      ...operation.responses.statuses.flatMap((answers) => {
        const code = answers.status === 'default' ? 599 : Number(answers.status.replace(/XX$/i, '00'));
        return [
          { label: `${base} code=${code}`, ...ids, code },
          ...[...answers.byExample.keys()].map((example) => ({ label: `${base} code=${code} example=${example}`, ...ids, code, example })),
        ];
      }),
    ];
  }),
);

function parse(text: string): unknown {
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

describe('the fast path answers as Prism does', () => {
  it.each(cases.map((entry) => [entry.label, entry] as const))('%s', async (_label, entry) => {
    const provider = running.provider(entry.slug);
    const operation = running.operation(entry.slug, entry.operationId);
    const request = sampleRequest(provider, operation);

    const engine = loadPrism();
    const instance = engine.prism.createInstance(
      {
        isProxy: false,
        mock: {
          dynamic: false,
          ...(entry.code === undefined ? {} : { code: entry.code }),
          ...(entry.example === undefined ? {} : { exampleKey: entry.example }),
        },
        checkSecurity: true,
        validateRequest: true,
        validateResponse: false,
        errors: false,
        upstreamProxy: undefined,
      },
      { logger: engine.logger },
    );
    const [path, search] = request.path.split('?');
    const body =
      request.body === undefined
        ? undefined
        : request.contentType === 'application/json'
          ? (JSON.parse(request.body) as unknown)
          : request.body;
    const result = await instance.request(
      {
        method: operation.info.method,
        url: { path: path ?? '/', query: prismQuery(search ? new URLSearchParams(search) : undefined) },
        headers: { ...request.headers },
        ...(body === undefined ? {} : { body }),
      },
      await engine.operations(provider.slug, provider.doc),
    )();
    if (result._tag === 'Left') throw result.left;
    const prism: PrismOutput = result.right;
    expect(prism.validations.input, 'the sample request is valid for Prism too').toEqual([]);

    const prefer = [entry.code === undefined ? '' : `code=${entry.code}`, entry.example === undefined ? '' : `example=${entry.example}`]
      .filter(Boolean)
      .join(', ');
    const ours = await send(`${running.url}/${provider.slug}${request.path}`, {
      method: request.method,
      headers: { ...request.headers, ...(prefer ? { prefer } : {}) },
      ...(request.body === undefined ? {} : { body: request.body }),
    });

    expect(ours.status).toBe(prism.output.statusCode);
    expect(parse(ours.text)).toEqual(prism.output.body ?? undefined);
    const live = new Set(
      (provider.profile.extraHeaders?.(prism.output.statusCode, operation.info) ?? [])
        .filter((_, index) => index % 2 === 0)
        .map((name) => name.toLowerCase()),
    );
    for (const [name, value] of Object.entries(prism.output.headers ?? {})) {
      if (value === null || value === undefined || live.has(name.toLowerCase())) continue;
      // Prism names the media type even for an empty body; the mock, like the providers, sends none then.
      if (name.toLowerCase() === 'content-type' && ours.text === '') continue;
      expect(ours.headers.get(name), `header ${name}`).toBe(String(value));
    }
  });
});
