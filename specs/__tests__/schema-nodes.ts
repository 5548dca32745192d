/**
 * Every schema of a bundled spec, with its JSON Pointer: for the conventions that concern schemas
 * (integer formats, open enums). A schema is recognised by a JSON `type` (a type name or a list of them);
 * example values (`example`, `examples`, `x-doc-quirks`) are skipped, as they are data, not schemas.
 */
import { deref, isObject, type Json, type JsonObject } from '@credit-apis/contract-core';

const JSON_TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'string', 'integer']);
const DATA_KEYS = new Set(['example', 'examples', 'x-doc-quirks', 'default', 'const', 'enum']);

export interface SchemaNode {
  readonly pointer: string;
  readonly schema: JsonObject;
}

/** The JSON types a schema allows (`[]` when it has no `type`). */
export function typesOf(schema: JsonObject): string[] {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((item): item is string => typeof item === 'string') : [];
}

function isSchemaLike(value: JsonObject): boolean {
  const types = typesOf(value);
  return types.length > 0 && types.every((type) => JSON_TYPES.has(type));
}

/** Every object of the document that carries a JSON-Schema `type`, or `anyOf`/`oneOf`, outside example data. */
export function listSchemas(doc: JsonObject): SchemaNode[] {
  const found: SchemaNode[] = [];
  const visit = (value: Json, pointer: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${pointer}/${index}`));
    else if (isObject(value)) {
      if (isSchemaLike(value) || Array.isArray(value.anyOf) || Array.isArray(value.oneOf)) found.push({ pointer, schema: value });
      for (const [key, child] of Object.entries(value)) {
        if (!DATA_KEYS.has(key)) visit(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  };
  visit(doc, '#');
  return found;
}

/** The `enum` a schema holds: its own, behind its `$ref`, or in one member of its `oneOf` (a nullable known set). */
export function knownValues(doc: JsonObject, schema: Json | undefined): Json[] | undefined {
  const target = deref(doc, schema);
  if (!isObject(target)) return undefined;
  if (Array.isArray(target.enum)) return target.enum;
  if (Array.isArray(target.oneOf)) {
    for (const member of target.oneOf) {
      const values = knownValues(doc, member);
      if (values) return values;
    }
  }
  return undefined;
}

/** A schema that only states a type (and its format and description): "any value of this type". */
export function isBareType(schema: Json | undefined): boolean {
  return isObject(schema) && 'type' in schema && Object.keys(schema).every((key) => ['type', 'format', 'description'].includes(key));
}
