/**
 * "Closed objects": reports a field the spec does not declare even where the schema does not say
 * `additionalProperties: false` (specs rarely do, and a provider adding a field is exactly the drift to
 * catch).
 *
 * Each schema in a *value* position (a response body, a property, an array item…) that may be an object and
 * says nothing about extra properties gets `unevaluatedProperties: false`. Schemas that are only *parts* of
 * another (`allOf`/`anyOf`/`oneOf` members, `if`/`then`/`else`, `not`, component definitions) are left open:
 * `unevaluatedProperties` at the value position sees through `$ref` and those applicators (JSON Schema
 * 2020-12), so `allOf: [Base, Extension]` accepts the fields of both and nothing else. A schema that states
 * `additionalProperties` or `unevaluatedProperties` itself is left as it is.
 * @internal
 */
import { isObject } from './document.js';

type JsonObject = Record<string, unknown>;

const VALUE_MAPS = ['properties', 'patternProperties'];
const VALUE_SINGLES = ['items', 'contains', 'additionalProperties', 'unevaluatedItems', 'unevaluatedProperties'];
const PART_ARRAYS = ['allOf', 'anyOf', 'oneOf'];
const PART_SINGLES = ['not', 'if', 'then', 'else'];
const PART_MAPS = ['dependentSchemas', '$defs', 'definitions'];

function mayBeObject(schema: JsonObject): boolean {
  const type = schema.type;
  if (type !== undefined) return type === 'object' || (Array.isArray(type) && type.includes('object'));
  return ['properties', 'patternProperties', '$ref', 'allOf', 'anyOf', 'oneOf', 'if'].some((key) => key in schema);
}

function mapValues(value: unknown, fn: (child: unknown) => unknown): unknown {
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, fn(child)]));
}

/** A copy of `schema` with objects in value positions closed. */
export function closeSchema(schema: unknown, valuePosition: boolean): unknown {
  if (!isObject(schema)) return schema;
  const out: JsonObject = { ...schema };
  for (const key of VALUE_MAPS) if (key in out) out[key] = mapValues(out[key], (child) => closeSchema(child, true));
  for (const key of VALUE_SINGLES) if (isObject(out[key])) out[key] = closeSchema(out[key], true);
  if (Array.isArray(out.prefixItems)) out.prefixItems = out.prefixItems.map((child) => closeSchema(child, true));
  for (const key of PART_ARRAYS) {
    const parts = out[key];
    if (Array.isArray(parts)) out[key] = parts.map((child) => closeSchema(child, false));
  }
  for (const key of PART_SINGLES) if (isObject(out[key])) out[key] = closeSchema(out[key], false);
  for (const key of PART_MAPS) if (key in out) out[key] = mapValues(out[key], (child) => closeSchema(child, false));
  if (valuePosition && mayBeObject(out) && !('additionalProperties' in out) && !('unevaluatedProperties' in out)) {
    out.unevaluatedProperties = false;
  }
  return out;
}

/**
 * A copy of the document in which every response schema is closed (value position) and every component
 * schema has its nested value positions closed.
 */
export function closeDocument(document: JsonObject): JsonObject {
  const closeContent = (content: unknown): unknown =>
    mapValues(content, (media) => (isObject(media) && 'schema' in media ? { ...media, schema: closeSchema(media.schema, true) } : media));
  const closeResponses = (responses: unknown): unknown =>
    mapValues(responses, (response) =>
      isObject(response) && 'content' in response ? { ...response, content: closeContent(response.content) } : response,
    );
  const paths = mapValues(document.paths, (item) =>
    mapValues(item, (operation) =>
      isObject(operation) && 'responses' in operation ? { ...operation, responses: closeResponses(operation.responses) } : operation,
    ),
  );
  const components = isObject(document.components) ? { ...document.components } : undefined;
  if (components) {
    if ('schemas' in components) components.schemas = mapValues(components.schemas, (schema) => closeSchema(schema, false));
    if ('responses' in components) components.responses = closeResponses(components.responses);
  }
  return { ...document, paths, ...(components ? { components } : {}) };
}
