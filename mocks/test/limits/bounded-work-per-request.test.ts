/**
 * Bounded work per request: a body with 100k unexpected keys gets a small error answer (at most
 * MAX_VIOLATIONS violations, not megabytes; past MAX_LISTED_VALUES values, checked up to the first error
 * only, so that listing errors does not stall other requests — `mocks/bench/bounded-validation.ts` prints
 * the cost), and JSON nested 100k levels deep gets the provider's own
 * malformed-body 400 — never a 500 from a stack overflow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation, Provider } from '../../src/catalog/provider.js';
import { sampleRequest } from '../../src/catalog/sample-request.js';
import { MAX_LISTED_VALUES, MAX_VIOLATIONS } from '../../src/validation/bounds.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { send, type Sent } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock({ bodyLimit: 8 * 1024 * 1024 });
});
afterAll(() => running.close());

/** Every operation that takes a JSON body, one per provider. */
function jsonBodyOperations(): { provider: Provider; operation: Operation }[] {
  return running.providers.flatMap((provider) => {
    const operation = provider.operations.find((candidate) => candidate.body?.mediaTypes.includes('application/json'));
    return operation ? [{ provider, operation }] : [];
  });
}

function post(provider: Provider, operation: Operation, body: string): Promise<Sent> {
  const sample = sampleRequest(provider, operation);
  return send(`${running.url}/${provider.slug}${sample.path}`, {
    method: sample.method,
    headers: { ...sample.headers, 'content-type': 'application/json' },
    body,
  });
}

const manyKeys = JSON.stringify(Object.fromEntries(Array.from({ length: 100_000 }, (_, index) => [`k${index}`, index])));

describe('bounded work per request', () => {
  it('has operations with JSON bodies to try', () => {
    expect(jsonBodyOperations().length).toBeGreaterThan(1);
  });

  it(`reports at most ${MAX_VIOLATIONS} violations of a 100k-key body, in a small answer`, async () => {
    for (const { provider, operation } of jsonBodyOperations()) {
      const answer = await post(provider, operation, manyKeys);
      const what = `${provider.slug} ${operation.info.operationId}`;
      expect(answer.status, what).toBe(400);
      expect(answer.text.length, what).toBeLessThan(16 * 1024);
      const listed = answer.headers.get('sl-violations');
      expect(listed, what).not.toBeNull();
      expect((JSON.parse(listed ?? '[]') as unknown[]).length, what).toBeLessThanOrEqual(MAX_VIOLATIONS);
    }
  });

  it(`checks a body of more than ${MAX_LISTED_VALUES} values only up to its first error, a small body fully`, async () => {
    for (const { provider, operation } of jsonBodyOperations()) {
      const what = `${provider.slug} ${operation.info.operationId}`;
      const large = await post(provider, operation, manyKeys);
      expect(JSON.parse(large.headers.get('sl-violations') ?? '[]') as unknown[], what).toHaveLength(1);
      const few = await post(provider, operation, JSON.stringify({ unexpected1: 1, unexpected2: 2, unexpected3: 3 }));
      expect((JSON.parse(few.headers.get('sl-violations') ?? '[]') as unknown[]).length, what).toBeGreaterThan(1);
    }
  });

  it("answers JSON nested 100k levels deep like any malformed body: the provider's 400", async () => {
    for (const { provider, operation } of jsonBodyOperations()) {
      const what = `${provider.slug} ${operation.info.operationId}`;
      const malformed = await post(provider, operation, '{"a":');
      for (const deep of ['['.repeat(100_000) + ']'.repeat(100_000), `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`]) {
        const answer = await post(provider, operation, deep);
        expect(answer.status, what).toBe(malformed.status);
        expect(Object.keys(answer.json as object), what).toEqual(Object.keys(malformed.json as object));
        expect(answer.text, what).not.toMatch(/call stack/i);
      }
    }
  });
});
