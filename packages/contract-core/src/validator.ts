/**
 * The one ajv set-up of the workspace (JSON Schema 2020-12, with formats), so that "valid" means the same
 * thing to the spec checks, the mock and the runtime's validator.
 *
 * Strict about keywords: an unknown keyword (a misspelt `requried`) makes the schema fail to compile,
 * everywhere, instead of silently validating nothing. What a bundle legitimately carries is declared as an
 * annotation: OpenAPI's own schema keywords (`discriminator`, `example`, `xml`, `externalDocs`), the
 * document's top-level fields (the whole document is added as one schema so that every local `$ref`
 * resolves where it is) and every `x-` extension found in the document. Formats: ajv-formats plus the
 * OpenAPI format registry (`int32`/`int64` checked as ranges; `float`, `double`, `byte`, `binary`, `password`
 * accepted); any other format is an error, like a misspelt keyword. Not strict about types: OpenAPI specs
 * routinely omit `type: object` next to `properties`.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { isObject, type Json, type JsonObject } from './json.js';

export type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
export type { Ajv2020 };

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** OpenAPI 3.1 schema keywords that are not JSON Schema: annotations for validation. */
export const OPENAPI_SCHEMA_KEYWORDS = ['discriminator', 'example', 'xml', 'externalDocs'] as const;
const OPENAPI_DOCUMENT_FIELDS = ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags'];

export interface ValidatorOptions {
  /** Coerce text to the schema's type (`'12'` → 12), for parameters and form fields. Default false. */
  coerceTypes?: boolean;
  /** Errors carry the failing schema and its parent (ajv `verbose`). Default false. */
  verbose?: boolean;
  /** Report every error (default), or stop at the first one (bounded work on a pathological value). */
  allErrors?: boolean;
}

function isNumberIn(min: number, max: number) {
  return (value: number): boolean => Number.isInteger(value) && value >= min && value <= max;
}

/** A new ajv instance with the one set-up (see the module's comment). */
export function createAjv(options: ValidatorOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: options.allErrors !== false,
    logger: false,
    verbose: options.verbose === true,
    coerceTypes: options.coerceTypes === true ? 'array' : false,
  });
  addFormats(ajv);
  // The OpenAPI format registry (OAS 3.1 §4.4): checked where they mean a range, accepted otherwise.
  ajv.addFormat('int32', { type: 'number', validate: isNumberIn(-(2 ** 31), 2 ** 31 - 1) });
  ajv.addFormat('int64', { type: 'number', validate: isNumberIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) });
  for (const name of ['float', 'double']) ajv.addFormat(name, { type: 'number', validate: () => true });
  for (const name of ['byte', 'binary', 'password']) ajv.addFormat(name, true);
  ajv.addVocabulary([...OPENAPI_SCHEMA_KEYWORDS, ...OPENAPI_DOCUMENT_FIELDS]);
  return ajv;
}

function collectExtensions(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectExtensions(item, into);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('x-')) into.add(key);
      collectExtensions(child, into);
    }
  }
  return into;
}

/**
 * Adds a whole bundled document to `ajv` under `id` (its `x-` extensions declared first), so that any schema
 * in it is compiled by pointer with {@link schemaRef}.
 */
export function addDocument(ajv: Ajv2020, id: string, doc: JsonObject): void {
  for (const keyword of collectExtensions(doc, new Set())) if (!ajv.RULES.keywords[keyword]) ajv.addKeyword(keyword);
  // The document is a container of schemas, not one: no meta-validation (each schema is checked when compiled).
  ajv.addSchema({ ...doc, $id: id }, undefined, undefined, false);
}

/** `$ref` to the schema at `pointer` (`#/components/schemas/Person`) inside the document added as `id`. */
export function schemaRef(id: string, pointer: string): { $ref: string } {
  // `{id}` in a path template must be percent-encoded in a URI fragment; an already encoded pointer stays as is.
  return { $ref: `${id}${encodeURI(pointer).replace(/%25/g, '%')}` };
}

/** A copy of `schema` whose local references (`#/…`) point into the document added as `id`. */
function anchorRefs(schema: Json, id: string): Json {
  if (Array.isArray(schema)) return schema.map((item) => anchorRefs(item, id));
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(schema)) {
    out[key] = key === '$ref' && typeof child === 'string' && child.startsWith('#') ? schemaRef(id, child).$ref : anchorRefs(child, id);
  }
  return out;
}

/** Validates values against the schemas of one document. */
export interface DocumentValidator {
  readonly ajv: Ajv2020;
  readonly id: string;
  /**
   * `[]` when `value` matches `schema`: a JSON pointer into the document (`#/components/schemas/Person`), or
   * a schema object whose local references point into the document. Compiled on first use and cached.
   */
  check(schema: string | Json, value: unknown): ErrorObject[];
}

let documents = 0;

/** {@link createAjv} with one document added, and a cached `check`. */
export function createDocumentValidator(doc: JsonObject, options: ValidatorOptions & { id?: string } = {}): DocumentValidator {
  const ajv = createAjv(options);
  const id = options.id ?? `urn:credit-apis:document:${++documents}`;
  addDocument(ajv, id, doc);
  const byPointer = new Map<string, ValidateFunction>();
  const bySchema = new WeakMap<object, ValidateFunction>();
  const compile = (schema: string | Json): ValidateFunction => {
    if (typeof schema === 'string') {
      let validate = byPointer.get(schema);
      if (!validate) byPointer.set(schema, (validate = ajv.compile(schemaRef(id, schema))));
      return validate;
    }
    if (!isObject(schema)) return ajv.compile(schema as unknown as boolean);
    let validate = bySchema.get(schema);
    if (!validate) bySchema.set(schema, (validate = ajv.compile(anchorRefs(schema, id) as JsonObject)));
    return validate;
  };
  return {
    ajv,
    id,
    check(schema, value) {
      const validate = compile(schema);
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}

/** One readable line per error: `/items/0/id must be string`, `(root) must have required property 'id'`. */
export function describeError(error: ErrorObject): string {
  const at = error.instancePath || '(root)';
  const params = error.params as Record<string, unknown>;
  const extra = params.additionalProperty ?? params.unevaluatedProperty;
  const named = typeof extra === 'string' ? ` "${extra}"` : '';
  const allowed = error.keyword === 'enum' ? ` ${JSON.stringify(params.allowedValues)}` : '';
  return `${at} ${error.message ?? error.keyword}${named}${allowed}`;
}
