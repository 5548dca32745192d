/**
 * "Valid" means what it means to the spec checks and the mock: a schema with a misspelt keyword does not
 * compile (it would silently validate nothing), whatever the mode.
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
