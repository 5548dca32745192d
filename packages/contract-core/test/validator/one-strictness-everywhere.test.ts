import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@credit-apis/contract-core/json';
import { createDocumentValidator, describeError } from '@credit-apis/contract-core/validator';

const doc = (schemas: JsonObject): JsonObject => ({ openapi: '3.1.0', 'x-tagGroups': [], paths: {}, components: { schemas } });

describe('the validator factory', () => {
  it('rejects a misspelt keyword instead of validating nothing', () => {
    const validator = createDocumentValidator(doc({ Person: { type: 'object', requried: ['id'] } }));
    expect(() => validator.check('#/components/schemas/Person', {})).toThrow(/unknown keyword: "requried"/);
  });

  it('rejects an unknown format', () => {
    const validator = createDocumentValidator(doc({ Id: { type: 'string', format: 'cpf' } }));
    expect(() => validator.check('#/components/schemas/Id', 'x')).toThrow(/unknown format "cpf"/);
  });

  it('accepts OpenAPI keywords and x- extensions as annotations, and checks formats (OpenAPI ones too)', () => {
    const validator = createDocumentValidator(
      doc({
        Pet: {
          type: 'object',
          discriminator: { propertyName: 'kind' },
          'x-enum-varnames': ['A'],
          example: { kind: 'a' },
          properties: { kind: { type: 'string' }, email: { type: 'string', format: 'email' }, age: { type: 'integer', format: 'int32' } },
          required: ['kind'],
        },
      }),
    );
    expect(validator.check('#/components/schemas/Pet', { kind: 'a', email: 'a@b.co', age: 3 })).toEqual([]);
    const errors = validator.check('#/components/schemas/Pet', { email: 'nope', age: 2 ** 31 });
    expect(errors.map(describeError).sort()).toEqual([
      "(root) must have required property 'kind'",
      '/age must match format "int32"',
      '/email must match format "email"',
    ]);
  });

  it('compiles an inline schema whose local references point into the document', () => {
    const validator = createDocumentValidator(doc({ Name: { type: 'string' } }));
    expect(validator.check({ type: 'array', items: { $ref: '#/components/schemas/Name' } }, ['a', 1]).map(describeError)).toEqual([
      '/1 must be string',
    ]);
  });

  it('coerces text for parameters when asked', () => {
    const validator = createDocumentValidator(doc({ Page: { type: 'integer', minimum: 1 } }), { coerceTypes: true });
    expect(validator.check({ type: 'object', properties: { page: { $ref: '#/components/schemas/Page' } } }, { page: '2' })).toEqual([]);
  });
});

describe('addDocument', () => {
  it('adds several documents sharing x- extensions to one instance', async () => {
    const { addDocument, createAjv, schemaRef } = await import('@credit-apis/contract-core/validator');
    const ajv = createAjv();
    addDocument(ajv, 'urn:test:a', doc({ A: { type: 'string', 'x-generated': true } }));
    addDocument(ajv, 'urn:test:b', doc({ B: { type: 'string', 'x-generated': true } }));
    expect(ajv.compile(schemaRef('urn:test:b', '#/components/schemas/B'))('x')).toBe(true);
  });
});
