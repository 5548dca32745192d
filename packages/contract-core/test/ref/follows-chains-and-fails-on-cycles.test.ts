import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@credit-apis/contract-core/json';
import { follow, RefCycleError, resolvePointer } from '@credit-apis/contract-core/ref';

// A chain longer than any depth cap a follower might use (the runtime's old one stopped silently at 32).
const CHAIN = 40;
const responses: JsonObject = {
  End: { description: 'the end' },
  Loop: { $ref: '#/components/responses/Loop2' },
  Loop2: { $ref: '#/components/responses/Loop' },
};
for (let index = 0; index < CHAIN; index += 1) {
  responses[`R${index}`] = { $ref: index === CHAIN - 1 ? '#/components/responses/End' : `#/components/responses/R${index + 1}` };
}
const doc: JsonObject = { openapi: '3.1.0', paths: { '/a/{id}': { get: { responses: {} } } }, components: { responses } };

describe('the $ref follower', () => {
  it('follows a chain to its end, however long, and says where the target lives', () => {
    expect(follow(doc, { $ref: '#/components/responses/R0' })).toEqual({
      value: { description: 'the end' },
      pointer: '#/components/responses/End',
    });
  });

  it('fails on a cycle with an error naming the chain', () => {
    expect(() => follow(doc, { $ref: '#/components/responses/Loop' })).toThrow(RefCycleError);
    expect(() => follow(doc, { $ref: '#/components/responses/Loop' })).toThrow(
      '#/components/responses/Loop → #/components/responses/Loop2 → #/components/responses/Loop',
    );
  });

  it('resolves escaped and percent-encoded pointer segments', () => {
    expect(resolvePointer(doc, '#/paths/~1a~1{id}/get')).toEqual({ responses: {} });
    expect(resolvePointer(doc, '#/paths/~1a~1%7Bid%7D/get')).toEqual({ responses: {} });
  });

  it('refuses references outside the bundle', () => {
    expect(() => follow(doc, { $ref: 'other.yaml#/x' })).toThrow(/only local references/);
  });
});
