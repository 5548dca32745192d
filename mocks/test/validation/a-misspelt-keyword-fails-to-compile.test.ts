/**
 * The mock validates with the workspace's one ajv set-up: a schema with a misspelt keyword (`requried`)
 * fails to compile, as in the spec checks and the runtime, instead of letting every request through.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/catalog/openapi.js';
import { addDocument, createAjvPair } from '../../src/validation/ajv-pair.js';
import { createRequestValidator } from '../../src/validation/request-validator.js';

const requestBody = {
  required: true,
  content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } }, requried: ['id'] } } },
};
const doc: JsonObject = { openapi: '3.1.0', paths: { '/things': { post: { requestBody, responses: {} } } } };

describe('the mock request validator', () => {
  it('refuses to compile a body schema with a misspelt keyword', () => {
    const ajv = createAjvPair();
    addDocument(ajv, 'test-provider', doc);
    const { validator } = createRequestValidator(ajv, 'test-provider', [], {
      value: requestBody,
      pointer: '#/paths/~1things/post/requestBody',
    });
    expect(() => validator.compile()).toThrow(/unknown keyword: "requried"/);
  });
});
