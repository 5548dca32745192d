/**
 * The two validator instances every provider shares, both from the workspace's one ajv set-up
 * (`@credit-apis/contract-core/validator`: 2020-12, formats, strict keywords). Each provider's bundle is
 * added whole under `urn:credit-apis:<slug>`, so a schema is compiled by pointer into its document and its
 * `#/components/...` references resolve where they are.
 *   - `exact`: JSON bodies, where `"12"` is not a number.
 *   - `coercing`: parameters and form fields, which arrive as text.
 */
import { addDocument as addToAjv, createAjv, schemaRef, type Ajv2020 } from '@credit-apis/contract-core/validator';
import type { JsonObject } from '../catalog/openapi.js';

export interface AjvPair {
  exact: Ajv2020;
  coercing: Ajv2020;
  /** Every added document by its id, to find a schema from an error's `schemaPath`. */
  documents: Map<string, JsonObject>;
}

export function createAjvPair(): AjvPair {
  return { exact: createAjv({ verbose: true }), coercing: createAjv({ verbose: true, coerceTypes: true }), documents: new Map() };
}

export function documentId(slug: string): string {
  return `urn:credit-apis:${slug}`;
}

export function addDocument(ajv: AjvPair, slug: string, doc: JsonObject): void {
  ajv.documents.set(documentId(slug), doc);
  addToAjv(ajv.exact, documentId(slug), doc);
  addToAjv(ajv.coercing, documentId(slug), doc);
}

/** `$ref` to a schema inside a provider's document, by JSON pointer (`#/paths/...`). */
export function refTo(slug: string, pointer: string): { $ref: string } {
  return schemaRef(documentId(slug), pointer);
}
