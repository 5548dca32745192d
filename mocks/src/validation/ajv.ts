/**
 * The two ajv (JSON Schema 2020-12) instances every provider shares. Each provider's bundle is added
 * whole under `urn:credit-apis:<slug>`, so a schema is compiled by pointer into its document and its
 * `#/components/...` references resolve where they are, with nothing copied or rewritten.
 *   - `exact`: JSON bodies, where `"12"` is not a number.
 *   - `coercing`: parameters and form fields, which arrive as text.
 * Strict mode is off on purpose: specs carry OpenAPI keywords (`discriminator`, `example`, `x-…`) that are
 * annotations for validation; the spec tests already run ajv in strict mode over every schema.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonObject } from '../catalog/openapi.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface AjvPair {
  exact: Ajv2020;
  coercing: Ajv2020;
  /** Every added document by its id, to find a schema from an error's `schemaPath`. */
  documents: Map<string, JsonObject>;
}

function isNumberIn(min: number, max: number, integer: boolean) {
  return (value: number): boolean => Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
}

function create(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, coerceTypes: coerce ? 'array' : false, logger: false });
  addFormats(ajv);
  // OpenAPI's own formats (OAS 3.1 §4.4): checked where they mean a range, accepted otherwise.
  ajv.addFormat('int32', { type: 'number', validate: isNumberIn(-(2 ** 31), 2 ** 31 - 1, true) });
  ajv.addFormat('int64', { type: 'number', validate: isNumberIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  for (const name of ['byte', 'binary', 'password']) ajv.addFormat(name, true);
  return ajv;
}

export function createAjvPair(): AjvPair {
  return { exact: create(false), coercing: create(true), documents: new Map() };
}

export function documentId(slug: string): string {
  return `urn:credit-apis:${slug}`;
}

export function addDocument(ajv: AjvPair, slug: string, doc: JsonObject): void {
  const schema = { ...doc, $id: documentId(slug) };
  ajv.documents.set(documentId(slug), doc);
  // The document is not a JSON Schema, only a container of them: skip meta-validation.
  ajv.exact.addSchema(schema, undefined, undefined, false);
  ajv.coercing.addSchema(schema, undefined, undefined, false);
}

/** `$ref` to a schema inside a provider's document, by JSON pointer (`#/paths/...`). */
export function refTo(slug: string, pointer: string): { $ref: string } {
  return { $ref: `${documentId(slug)}${encodeURI(pointer).replace(/%25/g, '%')}` };
}
