/**
 * Replays every example of every spec over HTTP: for each operation, each documented status and each of
 * its named examples, `Prefer: code=<status>, example=<name>` on a valid request must answer that status
 * with exactly that example's body. Statuses without an example answer their status with an empty body
 * (or the schema's static sample).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followObject, isObject } from '../../src/catalog/openapi.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { sendSample } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

interface Case {
  label: string;
  slug: string;
  operationId: string;
  code: number;
  example: string | undefined;
  expected: unknown;
}

/** Cases are listed from the bundles themselves, independently of the mock's precomputed tables. */
async function listCases(): Promise<Case[]> {
  const mock = await startMock();
  await mock.close();
  const cases: Case[] = [];
  for (const provider of mock.providers) {
    for (const operation of provider.operations) {
      const responses = isObject(operation.raw.responses) ? operation.raw.responses : {};
      for (const [status, raw] of Object.entries(responses)) {
        const code = status === 'default' ? 599 : Number(status.replace(/XX$/i, '00'));
        const response = followObject(provider.doc, raw, '#')?.value;
        const media = response && isObject(response.content) ? Object.values(response.content).find(isObject) : undefined;
        const examples = media && isObject(media.examples) ? Object.entries(media.examples) : [];
        const base = `${provider.slug} ${operation.info.method.toUpperCase()} ${operation.info.path} ${status}`;
        if (examples.length === 0) {
          cases.push({
            label: `${base} (no example)`,
            slug: provider.slug,
            operationId: operation.info.operationId,
            code,
            example: undefined,
            expected: media ? 'schema-sample' : undefined,
          });
        }
        for (const [name, rawExample] of examples) {
          const example = followObject(provider.doc, rawExample, '#')?.value;
          cases.push({
            label: `${base} example "${name}"`,
            slug: provider.slug,
            operationId: operation.info.operationId,
            code,
            example: name,
            expected: example?.value,
          });
        }
      }
    }
  }
  return cases;
}

const cases = await listCases();

describe('every documented example is served', () => {
  it('finds examples to replay in every bundle', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases.map((entry) => [entry.label, entry] as const))('%s', async (_label, entry) => {
    const provider = running.provider(entry.slug);
    const operation = running.operation(entry.slug, entry.operationId);
    const prefer = entry.example === undefined ? `code=${entry.code}` : `code=${entry.code}, example=${entry.example}`;
    const answer = await sendSample(running.url, provider, operation, { prefer });
    expect(answer.status).toBe(entry.code);
    if (entry.expected === 'schema-sample') expect(answer.text).not.toBe('');
    else expect(answer.json).toEqual(entry.expected);
  });
});
