/**
 * `oneOf`/`anyOf` failures, told the way a person would: ajv (with allErrors) reports the errors of every
 * branch, so a Transfer bank account missing its `agency` would also be blamed for lacking `keyPix`. Here
 * the failing alternative is checked again against one branch only: the one its `discriminator` (or the
 * branch's `const` on that property) selects, else the branch with the fewest errors. An unknown
 * discriminator value becomes a single `enum` violation on the discriminator property.
 */
import type { Ajv2020, ErrorObject, ValidateFunction } from '@credit-apis/contract-core/validator';
import { follow, isObject, type Json, type JsonObject } from '../catalog/openapi.js';
import { pointerToField } from './violation.js';

export interface SchemaSource {
  ajv: Ajv2020;
  /** Document by its ajv id (`urn:credit-apis:<slug>`). */
  documents: ReadonlyMap<string, JsonObject>;
}

const compiled = new WeakMap<Ajv2020, Map<string, ValidateFunction>>();

function validatorFor(source: SchemaSource, ref: string): ValidateFunction {
  let cache = compiled.get(source.ajv);
  if (!cache) compiled.set(source.ajv, (cache = new Map()));
  let validate = cache.get(ref);
  if (!validate) cache.set(ref, (validate = source.ajv.compile({ $ref: ref })));
  return validate;
}

const pointers = new WeakMap<object, { id: string; pointer: string }>();
const indexed = new WeakSet<JsonObject>();

/** Where a schema object lives: ajv's `schemaPath` is relative to the referenced schema, so ask the documents. */
function locate(source: SchemaSource, schema: unknown): { id: string; doc: JsonObject; pointer: string } | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  for (const [id, doc] of source.documents) {
    if (!indexed.has(doc)) {
      indexed.add(doc);
      const visit = (value: unknown, pointer: string): void => {
        if (typeof value !== 'object' || value === null || pointers.has(value)) return;
        pointers.set(value, { id, pointer });
        for (const [key, child] of Object.entries(value)) visit(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      };
      visit(doc, '#');
    }
  }
  const found = pointers.get(schema);
  const doc = found ? source.documents.get(found.id) : undefined;
  return found && doc ? { ...found, doc } : undefined;
}

function valueAt(data: unknown, instancePath: string): unknown {
  return pointerToField(instancePath, data).reduce<unknown>(
    (current, step) => (typeof current === 'object' && current !== null ? (current as Record<string | number, unknown>)[step] : undefined),
    data,
  );
}

function branchConst(doc: JsonObject, branch: Json | undefined, property: string): Json[] {
  const schema = follow(doc, branch, '#').value;
  const declared = isObject(schema) && isObject(schema.properties) ? follow(doc, schema.properties[property], '#').value : undefined;
  if (!isObject(declared)) return [];
  if ('const' in declared) return [declared.const as Json];
  return Array.isArray(declared.enum) ? declared.enum : [];
}

function under(error: ErrorObject, instancePath: string): boolean {
  return error.instancePath === instancePath || error.instancePath.startsWith(`${instancePath}/`);
}

export function refineAlternatives(
  errors: readonly ErrorObject[],
  data: unknown,
  source: SchemaSource,
  settled: ReadonlySet<ErrorObject> = new Set(),
): ErrorObject[] {
  const alternative = errors
    .filter((error) => (error.keyword === 'oneOf' || error.keyword === 'anyOf') && !settled.has(error))
    .sort((a, b) => a.instancePath.length - b.instancePath.length)[0];
  if (!alternative) return [...errors];
  // With `verbose`, the error carries the schema that holds the oneOf/anyOf.
  const parent: unknown = alternative.parentSchema;
  const at = locate(source, parent);
  const branches = isObject(parent) ? parent[alternative.keyword] : undefined;
  if (!at || !Array.isArray(branches)) return errors.filter((error) => error !== alternative);
  const value = valueAt(data, alternative.instancePath);
  const property =
    isObject(parent) && isObject(parent.discriminator) && typeof parent.discriminator.propertyName === 'string'
      ? parent.discriminator.propertyName
      : undefined;
  const outside = errors.filter((error) => !under(error, alternative.instancePath));
  const branchErrors = (index: number): ErrorObject[] => {
    const validate = validatorFor(source, `${at.id}${encodeURI(`${at.pointer}/${alternative.keyword}/${index}`)}`);
    validate(value);
    return (validate.errors ?? []).map((error) => ({ ...error, instancePath: `${alternative.instancePath}${error.instancePath}` }));
  };

  let chosen: ErrorObject[] | undefined;
  if (property !== undefined && isObject(value) && property in value) {
    const index = branches.findIndex((branch) => branchConst(at.doc, branch, property).some((allowed) => allowed === value[property]));
    if (index === -1) {
      const allowedValues = branches.flatMap((branch) => branchConst(at.doc, branch, property));
      chosen = [
        {
          ...alternative,
          keyword: 'enum',
          instancePath: `${alternative.instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          params: { allowedValues },
          message: 'must be equal to one of the allowed values',
        },
      ];
    } else chosen = branchErrors(index);
  } else if (property !== undefined && isObject(value)) {
    chosen = [
      { ...alternative, keyword: 'required', params: { missingProperty: property }, message: `must have required property '${property}'` },
    ];
  }
  if (!chosen) {
    chosen = branches.map((_, index) => branchErrors(index)).sort((a, b) => a.length - b.length)[0] ?? [];
    // A oneOf that failed because several branches matched has no branch errors: keep the oneOf error.
    if (chosen.length === 0) return refineAlternatives([...outside, alternative], data, source, new Set([...settled, alternative]));
  }
  return refineAlternatives([...outside, ...chosen], data, source, settled);
}
