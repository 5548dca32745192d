/**
 * A bounded, seeded fuzz run of the sandbox on 127.0.0.1: the stateful operations (with ids of records that
 * exist, do not exist or are malformed) and the control routes, with mutated and hostile bodies. Every
 * request gets an answer below 500; every JSON answer of a provider operation matches the spec (the
 * operation's documented schema for that status, else UY3's `ErrorResponse`); the server still serves, and
 * every stored person still reads back as a valid `NaturalPerson` (no input can store a record the API could
 * not return).
 */
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentValidator, describeError } from '@credit-apis/contract-core/validator';
import { followObject, isObject, type Json } from '../../src/catalog/openapi.js';
import { sampleRequest } from '../../src/catalog/sample-request.js';
import type { RunningMock } from '../support/mock.js';
import { call, control, createCreditNote, schemaChecker, startReceiver, startSandbox, type Receiver } from './support.js';
import { seededRandom } from '../support/seeded-random.js';

const REQUESTS = 1500;
const CONCURRENCY = 8;
const SEED = 20251123;

let receiver: Receiver;
let running: RunningMock;
beforeAll(async () => {
  receiver = await startReceiver((n) => (n % 3 === 0 ? 500 : 204));
  running = await startSandbox({ webhookUrls: [new URL(receiver.url)], delivery: { maxAttempts: 2 } }, { bodyLimit: 64 * 1024 });
});
afterAll(async () => {
  await running.close();
  await receiver.close();
});

interface Raw {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** The provider operation the request was made from (`slug operationId`), none for a control route. */
  operation?: string;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const STATEFUL = new Set([
  'createNaturalPerson',
  'listNaturalPersons',
  'getNaturalPerson',
  'updateNaturalPerson',
  'addBankAccounts',
  'updateBankAccount',
  'deleteBankAccount',
  'createCreditNote',
  'submitCreditNoteApproval',
  'donePaymentRevision',
  'createOperation',
  'getOperation',
]);

function sendRaw(agent: Agent, base: URL, raw: Raw): Promise<Answer> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...raw.headers };
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
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text }));
      },
    );
    req.on('error', () => resolve({ status: -1, contentType: '', text: '' }));
    req.setTimeout(10_000, () => req.destroy());
    req.end(raw.body);
  });
}

describe('the sandbox under bad input', () => {
  it(`answers ${REQUESTS} mutated requests without a 5xx and keeps every record valid`, async () => {
    const ids: string[] = ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '__proto__', 'constructor', '%00'];
    for (let i = 0; i < 3; i++) {
      const { person, noteId } = await createCreditNote(running);
      ids.push(person.id, noteId, ...person.record.bankAccounts.map((account) => String(account.id)));
    }
    const next = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const samples = running.providers
      .filter((provider) => provider.slug === 'eccor-fgts' || provider.slug === 'nossa-fintech-inss')
      .flatMap((provider) =>
        provider.operations
          .filter((operation) => STATEFUL.has(operation.info.operationId))
          .map((operation) => ({
            slug: provider.slug,
            operationId: operation.info.operationId,
            template: operation.info.path,
            ...sampleRequest(provider, operation),
          })),
      );
    expect(samples).toHaveLength(STATEFUL.size);

    const requests: Raw[] = Array.from({ length: REQUESTS }, () => {
      if (next() < 0.2) {
        const path = pick([
          '/',
          '/deliveries',
          '/deliveries?subject=',
          '/eccor-fgts/credit-notes',
          `/eccor-fgts/credit-notes/${pick(ids)}`,
          `/eccor-fgts/credit-notes/${pick(ids)}/advance`,
          '/eccor-fgts/credit-notes/%E0%A4%A/advance',
          '/nope',
        ]);
        const body = pick([
          '',
          '{}',
          '{"to": 12}',
          '{"to": "Liquidation"}',
          '{"step": "paymentRevision"}',
          '{"to": 14}',
          '{"to": 13}',
          '{"to": null}',
          '{"to": {"a": 1}}',
          '[',
          '"x"',
          '{"to": 1e999}',
          '{"__proto__": {"to": 3}}',
        ]);
        return {
          method: pick(['GET', 'POST', 'PUT', 'DELETE', 'HEAD']),
          path: `/_sandbox${path}`,
          headers: { 'content-type': 'application/json' },
          body: Buffer.from(body),
        };
      }
      const sample = pick(samples);
      let path = `/${sample.slug}${sample.template.replace(/\{[^}]+\}/g, () => pick(ids))}`;
      if (sample.template.endsWith('{debt_key}')) path += `?credit_operation_key=${pick(ids)}`;
      if (sample.template === '/v1/NaturalPerson' && sample.method === 'GET')
        path += pick(['', '?searchString=a', '?__page=99999999999', '?__size=-1', '?__size=abc&__page=1', '?personDisplay=%C3']);
      const raw: Raw = {
        method: sample.method,
        path,
        headers: { ...sample.headers },
        operation: `${sample.slug} ${sample.operationId}`,
        ...(sample.body === undefined ? {} : { body: Buffer.from(sample.body) }),
      };
      if (raw.body && next() < 0.6) {
        try {
          const value = JSON.parse(raw.body.toString()) as unknown;
          const replace = (node: unknown): unknown => {
            if (Array.isArray(node)) return next() < 0.1 ? [] : node.map(replace);
            if (node && typeof node === 'object') {
              return Object.fromEntries(
                Object.entries(node).map(([key, item]) => [
                  key,
                  next() < 0.15
                    ? pick([
                        null,
                        0,
                        -1,
                        1e308,
                        '',
                        'x'.repeat(2000),
                        [],
                        {},
                        true,
                        '2023-13-45T99:99:99Z',
                        pick(ids),
                        'Transfer',
                        'Pix',
                        '9999-12-31T23:59:59Z',
                        '0001-01-01T00:00:00Z',
                      ])
                    : replace(item),
                ]),
              );
            }
            return node;
          };
          raw.body = Buffer.from(JSON.stringify(replace(value)));
        } catch {
          // not JSON: leave it
        }
      }
      if (raw.body && next() < 0.05) raw.body = raw.body.subarray(0, Math.floor(next() * raw.body.length));
      return raw;
    });

    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const base = new URL(running.url);
    const failures: string[] = [];
    const answers: { raw: Raw; answer: Answer }[] = [];
    let answered = 0;
    const byStatus = new Map<number, number>();
    let cursor = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (cursor < requests.length) {
          const raw = requests[cursor++] as Raw;
          const answer = await sendRaw(agent, base, raw);
          const { status } = answer;
          answers.push({ raw, answer });
          if (status > 0) answered++;
          byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
          if (status >= 500) failures.push(`${status} ${raw.method} ${raw.path} ${raw.body?.toString().slice(0, 300) ?? ''}`);
        }
      }),
    );
    agent.destroy();
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(REQUESTS * 0.95);
    // The run reached the stateful answers, not only the validation errors.
    expect(
      [...byStatus.entries()].filter(([status]) => status >= 200 && status < 300).reduce((sum, [, count]) => sum + count, 0),
    ).toBeGreaterThan(REQUESTS * 0.05);

    // Every JSON answer of a provider operation matches the spec (the mock's own problem+json answers aside).
    const checkers = new Map(
      ['eccor-fgts', 'nossa-fintech-inss'].map((slug) => [slug, createDocumentValidator(running.provider(slug).doc)]),
    );
    const mismatches: string[] = [];
    let checked = 0;
    for (const { raw, answer } of answers) {
      if (!raw.operation || !/^application\/json/.test(answer.contentType) || answer.text === '') continue;
      const [slug, operationId] = raw.operation.split(' ') as [string, string];
      const operation = running.operation(slug, operationId);
      const responses = isObject(operation.raw.responses) ? operation.raw.responses : {};
      const documented = followObject(running.provider(slug).doc, responses[String(answer.status)], '#')?.value;
      const media = documented && isObject(documented.content) ? documented.content['application/json'] : undefined;
      const schema: Json | undefined = isObject(media)
        ? media.schema
        : slug === 'eccor-fgts' && answer.status >= 400
          ? { $ref: '#/components/schemas/ErrorResponse' }
          : undefined;
      if (schema === undefined) continue;
      checked++;
      const problems = checkers.get(slug)?.check(schema, JSON.parse(answer.text) as Json) ?? [];
      if (problems.length > 0) mismatches.push(`${raw.method} ${raw.path} → ${answer.status}: ${problems.map(describeError).join('; ')}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(REQUESTS * 0.4);

    // Still serving, and every stored person reads back valid.
    const check = schemaChecker(running, 'eccor-fgts');
    const listed = (await call(running, 'GET', '/eccor-fgts/v1/NaturalPerson?__size=1000')).json as { data: { id: string }[] };
    const persons = listed.data.map((person) => person.id);
    expect(persons.length).toBeGreaterThan(3);
    for (const id of persons) {
      const answer = await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${id}`);
      expect(answer.status).toBe(200);
      expect(check('NaturalPerson', answer.json), id).toBeNull();
    }
    const page = await call(running, 'GET', '/eccor-fgts/v1/NaturalPerson?__size=1000');
    expect(check('NaturalPersonPage', page.json)).toBeNull();
    expect((await control(running, 'GET', '/deliveries')).status).toBe(200);
  }, 60_000);
});
