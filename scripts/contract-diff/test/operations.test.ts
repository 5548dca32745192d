import { describe, expect, it } from 'vitest';
import { changes, doc } from './fixtures.js';

const op = { responses: { '204': { description: 'done' } } };

describe('operations and webhooks', () => {
  it('a removed operation is breaking, an added one is not', () => {
    expect(changes(doc({ '/a': { get: op, delete: op } }), doc({ '/a': { get: op }, '/b': { post: op } }))).toEqual([
      'breaking: DELETE /a: operation removed',
      'compatible: POST /b: operation added',
    ]);
  });

  it('a removed webhook is breaking (the partner stops receiving the event), an added one is not', () => {
    const before = doc({}, { webhooks: { paid: { post: op } } });
    const after = doc({}, { webhooks: { settled: { post: op } } });
    expect(changes(before, after)).toEqual([
      'breaking: webhook paid (POST): webhook removed',
      'compatible: webhook settled (POST): webhook added',
    ]);
  });

  it('equal documents, and prose-only edits (descriptions, summaries, examples), give no change', () => {
    const before = doc({
      '/a': {
        get: {
          summary: 'old',
          responses: {
            '200': { description: 'old', content: { 'application/json': { schema: { type: 'string', description: 'x', example: 'a' } } } },
          },
        },
      },
    });
    const after = doc({
      '/a': {
        get: {
          summary: 'new',
          responses: {
            '200': { description: 'new', content: { 'application/json': { schema: { type: 'string', description: 'y', example: 'b' } } } },
          },
        },
      },
    });
    expect(changes(before, before)).toEqual([]);
    expect(changes(before, after)).toEqual([]);
  });
});
