/**
 * Validates values against the schemas of a bundled OpenAPI 3.1 document with JSON Schema 2020-12
 * (ajv, with formats). Strict mode stays on so that a misspelt keyword (`requried`) fails loudly instead of
 * silently validating nothing; OpenAPI's own schema keywords and our `x-` extensions are declared.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { isObject, type Json, type JsonObject } from './openapi-walk.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const OPENAPI_SCHEMA_KEYWORDS = ['discriminator', 'xml', 'externalDocs', 'example'];

function collectExtensionKeywords(value: Json, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => collectExtensionKeywords(item, into));
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('x-')) into.add(key);
      collectExtensionKeywords(child, into);
    }
  }
  return into;
}

function rewriteRefs(value: Json, base: string): Json {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, base));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/')
        ? `${base}#/$defs/${child.slice('#/components/schemas/'.length)}`
        : rewriteRefs(child, base);
  }
  return out;
}

export interface SpecValidator {
  /** `null` when `value` is valid, else one readable line per violation. */
  check(schema: Json, value: Json): string[] | null;
}

export function createSpecValidator(doc: JsonObject, id = 'urn:credit-apis:spec'): SpecValidator {
  const ajv = new Ajv2020({ strict: true, allErrors: true, strictTuples: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addVocabulary([...OPENAPI_SCHEMA_KEYWORDS, ...collectExtensionKeywords(doc, new Set())]);
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  ajv.addSchema({ $id: id, $defs: rewriteRefs(schemas, id) as JsonObject });

  const compiled = new WeakMap<object, ValidateFunction>();
  return {
    check(schema, value) {
      const key = isObject(schema) ? schema : { schema };
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile(rewriteRefs(schema, id) as JsonObject | boolean as JsonObject);
        compiled.set(key, validate);
      }
      return validate(value) ? null : (validate.errors ?? []).map(describeError);
    },
  };
}

function describeError(error: ErrorObject): string {
  const at = error.instancePath || '(root)';
  const extra = error.keyword === 'additionalProperties' ? ` "${String(error.params.additionalProperty)}"` : '';
  const allowed = error.keyword === 'enum' ? ` ${JSON.stringify(error.params.allowedValues)}` : '';
  return `${at} ${error.message ?? error.keyword}${extra}${allowed}`;
}
