/**
 * ajv (JSON Schema 2020-12, with formats) over one OpenAPI document, compiled lazily: the document is
 * registered once under an `$id`, and each response schema is compiled the first time a response needs it,
 * as a `$ref` into the document (so that every local `$ref` of the spec resolves), then cached.
 *
 * The ajv set-up is the workspace's one (`@credit-apis/contract-core/validator`, bundled into this package):
 * a misspelt keyword (`requried`) or an unknown format fails to compile, here as in the spec checks and the
 * mock; OpenAPI keywords and `x-` extensions are annotations.
 * @internal
 */
import { addDocument, createAjv, schemaRef, type ErrorObject, type ValidateFunction } from '@credit-apis/contract-core/validator';
import type { ValidationIssue } from '../errors.js';

const DOCUMENT_ID = 'urn:credit-apis:openapi-document';

/** Validates values against the schemas of one document. */
export interface DocumentValidator {
  /** `[]` when `value` matches the schema at `pointer` (a JSON Pointer into the document). */
  check(pointer: string, value: unknown): ValidationIssue[];
}

/**
 * A validator of values against any schema of a bundled OpenAPI 3.1 document, with the same ajv set-up as
 * `validateResponses` (JSON Schema 2020-12, formats, OpenAPI keywords and `x-` extensions declared). Used by
 * provider packages for what is not a response, e.g. a webhook payload. Schemas are compiled on first use
 * of their pointer and cached; objects are as open or closed as the document says.
 *
 * @example
 * const validator = createDocumentValidator(spec);
 * const issues = validator.check('/components/schemas/CreditNoteStatusEvent', payload); // [] when valid
 */
export function createDocumentValidator(document: Record<string, unknown>): DocumentValidator {
  const ajv = createAjv();
  addDocument(ajv, DOCUMENT_ID, document as Parameters<typeof addDocument>[2]);

  const compiled = new Map<string, ValidateFunction>();
  return {
    check(pointer, value) {
      let validate = compiled.get(pointer);
      if (!validate) {
        validate = ajv.compile(schemaRef(DOCUMENT_ID, pointer.startsWith('#') ? pointer : `#${pointer}`));
        compiled.set(pointer, validate);
      }
      return validate(value) ? [] : (validate.errors ?? []).map(toIssue);
    },
  };
}

function toIssue(error: ErrorObject): ValidationIssue {
  const params = error.params as Record<string, unknown>;
  const extra = params.unevaluatedProperty ?? params.additionalProperty;
  if ((error.keyword === 'unevaluatedProperties' || error.keyword === 'additionalProperties') && typeof extra === 'string') {
    return {
      instancePath: `${error.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      keyword: error.keyword,
      message: 'is not in the spec',
    };
  }
  return { instancePath: error.instancePath, keyword: error.keyword, message: error.message ?? error.keyword };
}
