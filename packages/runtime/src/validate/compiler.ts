/**
 * ajv (JSON Schema 2020-12, with formats) over one OpenAPI document, compiled lazily: the document is
 * registered once under an `$id`, and each response schema is compiled the first time a response needs it,
 * as a `$ref` into the document (so that every local `$ref` of the spec resolves), then cached.
 *
 * Strict mode stays on for unknown keywords (a misspelt `requried` fails loudly): the OpenAPI keywords that
 * are not JSON Schema (`discriminator`, `example`, `xml`, `externalDocs`), the document's top-level fields
 * and every `x-` extension found in the document are declared as annotations. ajv's type-strictness
 * (`strictTypes`) is off, as OpenAPI specs routinely omit `type: object` next to `properties`. Formats
 * ajv-formats does not know are accepted without a check.
 * @internal
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidationIssue } from '../errors.js';
import { isObject } from './document.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const DOCUMENT_ID = 'urn:credit-apis:openapi-document';

const OPENAPI_SCHEMA_KEYWORDS = ['discriminator', 'example', 'xml', 'externalDocs'];
const OPENAPI_DOCUMENT_FIELDS = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
];

function collect(value: unknown, extensions: Set<string>, formats: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, extensions, formats);
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('x-')) extensions.add(key);
      if (key === 'format' && typeof child === 'string') formats.add(child);
      collect(child, extensions, formats);
    }
  }
}

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
  const ajv = new Ajv2020({
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allErrors: true,
    logger: false,
  });
  addFormats(ajv);
  const extensions = new Set<string>();
  const formats = new Set<string>();
  collect(document, extensions, formats);
  ajv.addVocabulary([...OPENAPI_SCHEMA_KEYWORDS, ...OPENAPI_DOCUMENT_FIELDS, ...extensions]);
  for (const format of formats) if (!ajv.formats[format]) ajv.addFormat(format, true);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });

  const compiled = new Map<string, ValidateFunction>();
  return {
    check(pointer, value) {
      let validate = compiled.get(pointer);
      if (!validate) {
        const fragment = pointer
          .split('/')
          .map((segment) => encodeURIComponent(segment))
          .join('/');
        validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${fragment}` });
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
