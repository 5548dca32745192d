/**
 * The two ajv (JSON Schema 2020-12) instances every provider shares. Each provider's bundle is added
 * whole under `urn:credit-apis:<slug>`, so a schema is compiled by pointer into its document and its
 * `#/components/...` references resolve where they are, with nothing copied or rewritten.
 *   - `exact`: JSON bodies, where `"12"` is not a number.
 *   - `coercing`: parameters and form fields, which arrive as text.
 * Strict mode is off on purpose: specs carry OpenAPI keywords (`discriminator`, `example`, `x-…`) that are
 * annotations for validation; the spec tests already run ajv in strict mode over every schema.
 */
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type addFormatsModule from 'ajv-formats';
import type { JsonObject } from '../catalog/openapi.js';

/** ajv is a third of the mock's start-up: loaded (CommonJS, synchronously) when the first validator is made. */
function loadAjv(): { Ajv: typeof Ajv2020; addFormats: typeof addFormatsModule.default } {
  const require = createRequire(import.meta.url);
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 };
  // ajv-formats is CommonJS: its module object is the function.
  const addFormats = require('ajv-formats') as typeof addFormatsModule.default;
  return { Ajv, addFormats };
}

export interface AjvPair {
  readonly exact: Ajv2020;
  readonly coercing: Ajv2020;
  /** Every added document by its id, to find a schema from an error's `schemaPath`. */
  documents: Map<string, JsonObject>;
  /** Adds a document to the instances already made (addDocument's other half). */
  added(id: string, doc: JsonObject): void;
}

function isNumberIn(min: number, max: number, integer: boolean) {
  return (value: number): boolean => Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
}

function create(coerce: boolean): Ajv2020 {
  const { Ajv, addFormats } = loadAjv();
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, coerceTypes: coerce ? 'array' : false, logger: false });
  addFormats(ajv);
  // OpenAPI's own formats (OAS 3.1 §4.4): checked where they mean a range, accepted otherwise.
  ajv.addFormat('int32', { type: 'number', validate: isNumberIn(-(2 ** 31), 2 ** 31 - 1, true) });
  ajv.addFormat('int64', { type: 'number', validate: isNumberIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  for (const name of ['byte', 'binary', 'password']) ajv.addFormat(name, true);
  return ajv;
}

/**
 * Each instance is made on first use, with every document added so far: start-up pays for neither, and a
 * run that never validates a JSON body (GETs only) never builds `exact`.
 */
export function createAjvPair(): AjvPair {
  const documents = new Map<string, JsonObject>();
  let exact: Ajv2020 | undefined;
  let coercing: Ajv2020 | undefined;
  const withDocuments = (ajv: Ajv2020): Ajv2020 => {
    for (const [id, doc] of documents) addTo(ajv, id, doc);
    return ajv;
  };
  return {
    documents,
    get exact() {
      return (exact ??= withDocuments(create(false)));
    },
    get coercing() {
      return (coercing ??= withDocuments(create(true)));
    },
    added(id, doc) {
      if (exact) addTo(exact, id, doc);
      if (coercing) addTo(coercing, id, doc);
    },
  };
}

function addTo(ajv: Ajv2020, id: string, doc: JsonObject): void {
  // The document is not a JSON Schema, only a container of them: skip meta-validation.
  ajv.addSchema({ ...doc, $id: id }, undefined, undefined, false);
}

export function documentId(slug: string): string {
  return `urn:credit-apis:${slug}`;
}

export function addDocument(ajv: AjvPair, slug: string, doc: JsonObject): void {
  ajv.documents.set(documentId(slug), doc);
  ajv.added(documentId(slug), doc);
}

/** `$ref` to a schema inside a provider's document, by JSON pointer (`#/paths/...`). */
export function refTo(slug: string, pointer: string): { $ref: string } {
  return { $ref: `${documentId(slug)}${encodeURI(pointer).replace(/%25/g, '%')}` };
}
