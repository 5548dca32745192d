import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@credit-apis/contract-core/json';
import { resolvePointer } from '@credit-apis/contract-core/ref';
import { listExampleSites, listOperations, listSchemaExampleSites } from '@credit-apis/contract-core/walk';

const doc: JsonObject = {
  openapi: '3.1.0',
  paths: {
    '/a': { $ref: '#/components/pathItems/A' },
  },
  components: {
    pathItems: {
      A: {
        parameters: [
          { name: 'page', in: 'query', schema: { type: 'integer' }, example: 1 },
          { name: 'size', in: 'query', schema: { type: 'integer' } },
        ],
        get: {
          parameters: [{ name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 }, example: 2 }],
          responses: { '401': { $ref: '#/components/responses/Alias' } },
        },
      },
    },
    responses: {
      Alias: { $ref: '#/components/responses/Unauthorized' },
      Unauthorized: {
        description: 'no',
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/Problem' }, examples: { denied: { value: { message: 'x' } } } },
        },
      },
    },
    schemas: { Problem: { type: 'object', properties: { message: { type: 'string', examples: ['nope'] } } } },
  },
};

describe('the operation and example walker', () => {
  it('lists operations through a path item reference, the operation parameter replacing the path item one', () => {
    const [operation] = listOperations(doc);
    expect(operation?.pointer).toBe('#/components/pathItems/A/get');
    expect(operation?.parameterSites.map((site) => [site.value.name, site.pointer])).toEqual([
      ['page', '#/components/pathItems/A/get/parameters/0'],
      ['size', '#/components/pathItems/A/parameters/1'],
    ]);
  });

  it('follows reference chains to examples and gives the pointer of the schema each must satisfy', () => {
    const sites = listExampleSites(doc);
    expect(sites.map((site) => [site.label, site.schemaPointer])).toEqual([
      ['GET /a parameter query page example "(example)"', '#/components/pathItems/A/get/parameters/0/schema'],
      ['GET /a response 401 application/json example "denied"', '#/components/responses/Unauthorized/content/application~1json/schema'],
    ]);
    for (const site of sites) expect(resolvePointer(doc, site.schemaPointer)).toBe(site.schema);
  });

  it('lists schema `examples` with their pointer', () => {
    expect(listSchemaExampleSites(doc).map((site) => [site.schemaPointer, site.value])).toEqual([
      ['#/components/schemas/Problem/properties/message', 'nope'],
    ]);
  });
});
