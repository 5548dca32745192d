/**
 * A document the validator cannot use fails loudly: "valid" means what it means to the spec checks and the
 * mock, so a schema with a misspelt keyword does not compile (it would silently validate nothing), and a
 * reference cycle is a configuration error, not a bare Error thrown from the middleware.
 */
import { describe, expect, it } from 'vitest';
import { createDocumentValidator } from '../../src/validate/index.js';

const document = {
  openapi: '3.1.0',
  paths: {},
  components: { schemas: { Person: { type: 'object', properties: { id: { type: 'string' } }, requried: ['id'] } } },
};

describe('the runtime validator', () => {
  it('refuses a schema with a misspelt keyword (requried) instead of accepting everything', () => {
    const validator = createDocumentValidator(document);
    expect(() => validator.check('/components/schemas/Person', {})).toThrow(/unknown keyword: "requried"/);
  });
});

describe('validateResponses on a document whose references do not resolve', () => {
  it('reports a reference cycle as a configuration error instead of a bare Error', async () => {
    const { validateResponses } = await import('../../src/validate/index.js');
    const { ConfigurationError } = await import('../../src/index.js');
    const looping = {
      openapi: '3.1.0',
      paths: { '/things': { get: { responses: { '200': { $ref: '#/components/responses/A' } } } } },
      components: { responses: { A: { $ref: '#/components/responses/B' }, B: { $ref: '#/components/responses/A' } } },
    };
    const middleware = validateResponses(looping, { mode: 'throw' });
    const request = new Request('http://127.0.0.1/things');
    const response = new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    const call = middleware.onResponse?.({ request, response, schemaPath: '/things', params: {}, id: '1', options: {} as never } as never);
    await expect(call).rejects.toBeInstanceOf(ConfigurationError);
    await expect(
      middleware.onResponse?.({
        request,
        response: response.clone(),
        schemaPath: '/things',
        params: {},
        id: '1',
        options: {} as never,
      } as never),
    ).rejects.toThrow(/\$ref cycle/);
  });
});
