import { describe, expect, it } from 'vitest';
import { deref, listExampleSites, type JsonObject } from '../lib/openapi-walk.js';

const doc: JsonObject = {
  openapi: '3.1.0',
  paths: {
    '/a': {
      get: {
        responses: {
          '401': { $ref: '#/components/responses/Alias' },
        },
      },
    },
  },
  components: {
    responses: {
      Alias: { $ref: '#/components/responses/Unauthorized' },
      Unauthorized: {
        description: 'no',
        content: { 'application/json': { schema: { type: 'object' }, examples: { denied: { value: { message: 'x' } } } } },
      },
      Loop: { $ref: '#/components/responses/Loop' },
    },
  },
};

describe('openapi-walk', () => {
  it('follows a chain of references, so the examples behind it are listed (and checked)', () => {
    expect(listExampleSites(doc).map((site) => site.label)).toEqual(['GET /a response 401 application/json example "denied"']);
  });

  it('fails loudly on a reference cycle instead of looping', () => {
    expect(() => deref(doc, { $ref: '#/components/responses/Loop' })).toThrow(/cycle/);
  });
});
