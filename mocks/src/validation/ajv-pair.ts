/**
 * The validator instances every provider shares, all from the workspace's one ajv set-up
 * (`@credit-apis/contract-core/validator`: 2020-12, formats, strict keywords). Each provider's bundle is
 * added whole under `urn:credit-apis:<slug>`, so a schema is compiled by pointer into its document and its
 * `#/components/...` references resolve where they are.
 *   - `exact`: JSON bodies, where `"12"` is not a number.
 *   - `coercing`: parameters and form fields, which arrive as text.
 *   - `firstError()`: `exact` stopping at the first error, for bodies too large to list every error of
 *     (validation/bounds.ts); created, with every document, on first use.
 */
import { addDocument as addToAjv, createAjv, schemaRef, type Ajv2020 } from '@credit-apis/contract-core/validator';
import type { JsonObject } from '../catalog/openapi.js';

export interface AjvPair {
  readonly exact: Ajv2020;
  readonly coercing: Ajv2020;
  /** Every added document by its id, to find a schema from an error's `schemaPath`. */
  readonly documents: Map<string, JsonObject>;
  /** `exact` stopping at the first error, for bodies too large to list every error of. */
  firstError(): Ajv2020;
  /** Adds a document to every instance made so far, and to those made later (see {@link addDocument}). */
  add(id: string, doc: JsonObject): void;
}

/**
 * Each instance is made on first use, with every document added so far: start-up pays for none of them
 * (`addSchema` walks every schema of a bundle), and a run that validates no JSON body never builds `exact`.
 */
export function createAjvPair(): AjvPair {
  const documents = new Map<string, JsonObject>();
  let exact: Ajv2020 | undefined;
  let coercing: Ajv2020 | undefined;
  let firstError: Ajv2020 | undefined;
  const withDocuments = (ajv: Ajv2020): Ajv2020 => {
    for (const [id, doc] of documents) addToAjv(ajv, id, doc);
    return ajv;
  };
  return {
    documents,
    get exact() {
      return (exact ??= withDocuments(createAjv({ verbose: true })));
    },
    get coercing() {
      return (coercing ??= withDocuments(createAjv({ verbose: true, coerceTypes: true })));
    },
    firstError() {
      return (firstError ??= withDocuments(createAjv({ verbose: true, allErrors: false })));
    },
    add(id, doc) {
      documents.set(id, doc);
      for (const ajv of [exact, coercing, firstError]) if (ajv) addToAjv(ajv, id, doc);
    },
  };
}

export function documentId(slug: string): string {
  return `urn:credit-apis:${slug}`;
}

export function addDocument(ajv: AjvPair, slug: string, doc: JsonObject): void {
  ajv.add(documentId(slug), doc);
}

/** `$ref` to a schema inside a provider's document, by JSON pointer (`#/paths/...`). */
export function refTo(slug: string, pointer: string): { $ref: string } {
  return schemaRef(documentId(slug), pointer);
}
