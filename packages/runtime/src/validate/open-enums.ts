/**
 * Open enums (`x-open-enum`, see specs/README.md): a field whose documented values are samples accepts any
 * value of its type (`anyOf: [known values, bare type]`), so a provider's new status never fails a response.
 * It is still drift the partner should hear of: this finds the values outside the known set, by checking
 * the value once more against a copy of the document in which every open enum keeps only its known branch.
 * @internal
 */
import type { ValidationIssue } from '../errors.js';
import { createDocumentValidator, type DocumentValidator } from './compiler.js';
import { isObject } from './document.js';

/** The issue keyword of a value outside an open enum's known set: drift that is accepted, not a mismatch. */
export const OPEN_ENUM_KEYWORD = 'x-open-enum';

function isOpenEnum(schema: Record<string, unknown>): schema is Record<string, unknown> & { anyOf: unknown[] } {
  return schema['x-open-enum'] === true && Array.isArray(schema.anyOf) && schema.anyOf.length === 2;
}

/** A copy of `value` in which every open enum accepts only its known values. */
export function closeOpenEnums(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closeOpenEnums);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = closeOpenEnums(child);
  if (isOpenEnum(value) && Array.isArray(out.anyOf)) out.anyOf = [out.anyOf[0]];
  return out;
}

/** Whether the document has any open enum (else there is nothing to check twice). */
function hasOpenEnum(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasOpenEnum);
  return isObject(value) && (isOpenEnum(value) || Object.values(value).some(hasOpenEnum));
}

/** Finds the values outside the known set of an open enum. */
export interface OpenEnumCheck {
  /**
   * One issue (keyword `x-open-enum`) per location holding an undocumented value of an open enum; `[]` when
   * none. `mismatches` are the value's issues against the document itself: their locations are not drift.
   */
  unknownValues(pointer: string, value: unknown, mismatches?: readonly ValidationIssue[]): ValidationIssue[];
}

export function createOpenEnumCheck(document: Record<string, unknown>): OpenEnumCheck {
  if (!hasOpenEnum(document)) return { unknownValues: () => [] };
  let validator: DocumentValidator | undefined;
  return {
    unknownValues(pointer, value, mismatches = []) {
      validator ??= createDocumentValidator(closeOpenEnums(document) as Record<string, unknown>);
      const wrong = new Set(mismatches.map((issue) => issue.instancePath));
      // Closing an open enum adds an `enum` failure where its value is unknown (and the anyOf/oneOf around it).
      const unknown = validator.check(pointer, value).filter((issue) => issue.keyword === 'enum' && !wrong.has(issue.instancePath));
      const locations = new Set(unknown.map((issue) => issue.instancePath));
      return [...locations].map((instancePath) => ({
        instancePath,
        keyword: OPEN_ENUM_KEYWORD,
        message: 'is not one of the values the spec documents (an open enum: accepted, reported as drift)',
      }));
    },
  };
}
