/**
 * The one walker of bundled OpenAPI 3.1 documents: every operation (paths and webhooks) with where it lives,
 * and every place that holds an example with the schema (and the schema's pointer) it must satisfy. Used by
 * the spec checks, the docs, the mock and the sandbox.
 */
import { isObject, type Json, type JsonObject } from './json.js';
import { childPointer, follow, followObject, type Located } from './ref.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationRef {
  /** `paths` or `webhooks`. */
  kind: 'paths' | 'webhooks';
  /** The path (`/v1/Product`) or the webhook's name. */
  key: string;
  method: (typeof HTTP_METHODS)[number];
  operation: JsonObject;
  /** JSON pointer of the operation (through the path item's `$ref`, if any). */
  pointer: string;
  /** The path item, references followed, and where it lives. */
  item: Located<JsonObject>;
  /**
   * Path-item parameters followed by the operation's own, references resolved; an operation parameter
   * replaces the path item's of the same name and location (OpenAPI 3.1 §4.8.10).
   */
  parameters: JsonObject[];
  /** {@link parameters} with their pointers. */
  parameterSites: Located<JsonObject>[];
}

function parameterSites(doc: JsonObject, item: Located<JsonObject>, operation: JsonObject, pointer: string): Located<JsonObject>[] {
  const byKey = new Map<string, Located<JsonObject>>();
  const collect = (list: Json | undefined, at: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, index) => {
      const parameter = followObject(doc, entry, childPointer(at, 'parameters', index));
      if (parameter) byKey.set(`${String(parameter.value.in)}:${String(parameter.value.name)}`, parameter);
    });
  };
  collect(item.value.parameters, item.pointer);
  collect(operation.parameters, pointer);
  return [...byKey.values()];
}

export function listOperations(doc: JsonObject): OperationRef[] {
  const found: OperationRef[] = [];
  for (const kind of ['paths', 'webhooks'] as const) {
    const items = doc[kind];
    if (!isObject(items)) continue;
    for (const [key, rawItem] of Object.entries(items)) {
      const item = followObject(doc, rawItem, childPointer(`#/${kind}`, key));
      if (!item) continue;
      for (const method of HTTP_METHODS) {
        const operation = item.value[method];
        if (!isObject(operation)) continue;
        const pointer = childPointer(item.pointer, method);
        const sites = parameterSites(doc, item, operation, pointer);
        found.push({ kind, key, method, operation, pointer, item, parameters: sites.map((site) => site.value), parameterSites: sites });
      }
    }
  }
  return found;
}

export interface ExampleSite {
  /** Human-readable location, used as the test name: `GET /v1/Product response 200 application/json example "ok"`. */
  label: string;
  schema: Json;
  /** JSON pointer of `schema` in the document (compile it there, so that its references resolve). */
  schemaPointer: string;
  value: Json;
}

function namedExamples(doc: JsonObject, holder: JsonObject): [string, Json][] {
  const out: [string, Json][] = [];
  if ('example' in holder) out.push(['(example)', holder.example as Json]);
  if (isObject(holder.examples)) {
    for (const [name, rawExample] of Object.entries(holder.examples)) {
      const example = follow(doc, rawExample).value;
      if (isObject(example) && 'value' in example) out.push([name, example.value as Json]);
    }
  }
  return out;
}

function contentSites(doc: JsonObject, prefix: string, content: Json | undefined, pointer: string): ExampleSite[] {
  if (!isObject(content)) return [];
  return Object.entries(content).flatMap(([mediaType, rawMedia]) => {
    const media = followObject(doc, rawMedia, childPointer(pointer, mediaType));
    if (!media || media.value.schema === undefined) return [];
    const schemaPointer = childPointer(media.pointer, 'schema');
    return namedExamples(doc, media.value).map(([name, value]) => ({
      label: `${prefix} ${mediaType} example "${name}"`,
      schema: media.value.schema as Json,
      schemaPointer,
      value,
    }));
  });
}

/** Every media-type, parameter and header example of every operation and webhook. */
export function listExampleSites(doc: JsonObject): ExampleSite[] {
  const sites: ExampleSite[] = [];
  for (const { kind, key, method, operation, pointer, parameterSites: parameters } of listOperations(doc)) {
    const where = kind === 'webhooks' ? `webhook ${key} ${method.toUpperCase()}` : `${method.toUpperCase()} ${key}`;
    for (const { value: parameter, pointer: at } of parameters) {
      if (parameter.schema === undefined) continue;
      for (const [name, value] of namedExamples(doc, parameter)) {
        sites.push({
          label: `${where} parameter ${String(parameter.in)} ${String(parameter.name)} example "${name}"`,
          schema: parameter.schema,
          schemaPointer: childPointer(at, 'schema'),
          value,
        });
      }
    }
    const body = followObject(doc, operation.requestBody, childPointer(pointer, 'requestBody'));
    if (body) sites.push(...contentSites(doc, `${where} request`, body.value.content, childPointer(body.pointer, 'content')));
    if (!isObject(operation.responses)) continue;
    for (const [status, rawResponse] of Object.entries(operation.responses)) {
      const response = followObject(doc, rawResponse, childPointer(pointer, 'responses', status));
      if (!response) continue;
      sites.push(...contentSites(doc, `${where} response ${status}`, response.value.content, childPointer(response.pointer, 'content')));
      if (!isObject(response.value.headers)) continue;
      for (const [headerName, rawHeader] of Object.entries(response.value.headers)) {
        const header = followObject(doc, rawHeader, childPointer(response.pointer, 'headers', headerName));
        if (!header || header.value.schema === undefined) continue;
        for (const [name, value] of namedExamples(doc, header.value)) {
          sites.push({
            label: `${where} response ${status} header ${headerName} example "${name}"`,
            schema: header.value.schema,
            schemaPointer: childPointer(header.pointer, 'schema'),
            value,
          });
        }
      }
    }
  }
  return sites;
}

/** JSON Schema keywords whose values are subschemas (2020-12), so that nested `examples` are found. */
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'] as const;
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const SUBSCHEMA_SINGLE = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'contentSchema',
] as const;

/** Every `examples` array declared on a schema (components or inline), with that schema. */
export function listSchemaExampleSites(doc: JsonObject): ExampleSite[] {
  const sites: ExampleSite[] = [];
  // A component schema is reached once per operation that uses it: list it once.
  const seen = new WeakSet<JsonObject>();
  const visit = (schema: Json | undefined, pointer: string): void => {
    if (!isObject(schema) || seen.has(schema)) return;
    seen.add(schema);
    if (Array.isArray(schema.examples)) {
      schema.examples.forEach((value, index) =>
        sites.push({ label: `schema ${pointer} examples[${index}]`, schema, schemaPointer: pointer, value }),
      );
    }
    for (const keyword of SUBSCHEMA_MAPS) {
      const map = schema[keyword];
      if (isObject(map)) for (const [name, sub] of Object.entries(map)) visit(sub, childPointer(pointer, keyword, name));
    }
    for (const keyword of SUBSCHEMA_LISTS) {
      const list = schema[keyword];
      if (Array.isArray(list)) list.forEach((sub, index) => visit(sub, childPointer(pointer, keyword, index)));
    }
    for (const keyword of SUBSCHEMA_SINGLE) visit(schema[keyword], childPointer(pointer, keyword));
  };
  const schemas = isObject(doc.components) ? doc.components.schemas : undefined;
  if (isObject(schemas)) for (const [name, schema] of Object.entries(schemas)) visit(schema, childPointer('#/components/schemas', name));
  // Inline schemas of parameters, bodies and responses.
  for (const site of listInlineSchemas(doc)) visit(site.value, site.pointer);
  return sites;
}

function listInlineSchemas(doc: JsonObject): Located<Json>[] {
  const found: Located<Json>[] = [];
  const add = (holder: Located<JsonObject>): void => {
    const schema = holder.value.schema;
    if (schema !== undefined && !isRef(schema)) found.push({ value: schema, pointer: childPointer(holder.pointer, 'schema') });
  };
  const addContent = (holder: Located<JsonObject>): void => {
    if (!isObject(holder.value.content)) return;
    for (const [mediaType, entry] of Object.entries(holder.value.content)) {
      const media = followObject(doc, entry, childPointer(holder.pointer, 'content', mediaType));
      if (media) add(media);
    }
  };
  for (const { operation, pointer, parameterSites: parameters } of listOperations(doc)) {
    parameters.forEach(add);
    const body = followObject(doc, operation.requestBody, childPointer(pointer, 'requestBody'));
    if (body) addContent(body);
    if (!isObject(operation.responses)) continue;
    for (const [status, rawResponse] of Object.entries(operation.responses)) {
      const response = followObject(doc, rawResponse, childPointer(pointer, 'responses', status));
      if (response) addContent(response);
    }
  }
  return found;
}

function isRef(value: Json): boolean {
  return isObject(value) && typeof value.$ref === 'string' && Object.keys(value).length === 1;
}
