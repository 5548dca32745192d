/**
 * Walks a bundled OpenAPI 3.1 document and lists every place that holds an example, with the schema it
 * must satisfy. Used by the example-validation test and by anything that replays examples.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Resolves a local `$ref` (`#/components/...`), following a chain of them (a response that refers to a
 * response) to its end, or returns the value itself. Stopping after one hop would hand callers a reference
 * object, and the examples behind it would silently go unchecked.
 */
export function deref(doc: JsonObject, value: Json | undefined): Json | undefined {
  let current = value;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) throw new Error(`$ref cycle at ${current.$ref}`);
    seen.add(current.$ref);
    current = resolvePointer(doc, current.$ref);
  }
  return current;
}

export function resolvePointer(doc: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported in a bundle, got ${ref}`);
  let current: Json | undefined = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    current = Array.isArray(current) ? current[Number(key)] : isObject(current) ? current[key] : undefined;
  }
  return current;
}

export interface OperationRef {
  /** `paths` or `webhooks`. */
  kind: 'paths' | 'webhooks';
  /** The path (`/v1/Product`) or the webhook's name. */
  key: string;
  method: (typeof HTTP_METHODS)[number];
  operation: JsonObject;
  /** Path-item parameters followed by the operation's own, references resolved. */
  parameters: JsonObject[];
}

export function listOperations(doc: JsonObject): OperationRef[] {
  const found: OperationRef[] = [];
  for (const kind of ['paths', 'webhooks'] as const) {
    const items = doc[kind];
    if (!isObject(items)) continue;
    for (const [key, rawItem] of Object.entries(items)) {
      const item = deref(doc, rawItem);
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (!isObject(operation)) continue;
        const parameters = [item.parameters, operation.parameters]
          .flatMap((list) => (Array.isArray(list) ? list : []))
          .map((parameter) => deref(doc, parameter))
          .filter(isObject);
        found.push({ kind, key, method, operation, parameters });
      }
    }
  }
  return found;
}

export interface ExampleSite {
  /** Human-readable location, used as the test name: `GET /v1/Product response 200 application/json example "ok"`. */
  label: string;
  schema: Json;
  value: Json;
}

function namedExamples(doc: JsonObject, holder: JsonObject): [string, Json][] {
  const out: [string, Json][] = [];
  if ('example' in holder) out.push(['(example)', holder.example as Json]);
  if (isObject(holder.examples)) {
    for (const [name, rawExample] of Object.entries(holder.examples)) {
      const example = deref(doc, rawExample);
      if (isObject(example) && 'value' in example) out.push([name, example.value as Json]);
    }
  }
  return out;
}

function contentSites(doc: JsonObject, prefix: string, content: Json | undefined): ExampleSite[] {
  if (!isObject(content)) return [];
  return Object.entries(content).flatMap(([mediaType, media]) =>
    isObject(media) && media.schema !== undefined
      ? namedExamples(doc, media).map(([name, value]) => ({
          label: `${prefix} ${mediaType} example "${name}"`,
          schema: media.schema as Json,
          value,
        }))
      : [],
  );
}

/** Every media-type, parameter and header example of every operation and webhook. */
export function listExampleSites(doc: JsonObject): ExampleSite[] {
  const sites: ExampleSite[] = [];
  for (const { kind, key, method, operation, parameters } of listOperations(doc)) {
    const where = kind === 'webhooks' ? `webhook ${key} ${method.toUpperCase()}` : `${method.toUpperCase()} ${key}`;
    for (const parameter of parameters) {
      if (parameter.schema === undefined) continue;
      for (const [name, value] of namedExamples(doc, parameter)) {
        sites.push({ label: `${where} parameter ${String(parameter.in)} ${String(parameter.name)} example "${name}"`, schema: parameter.schema, value });
      }
    }
    const body = deref(doc, operation.requestBody);
    if (isObject(body)) sites.push(...contentSites(doc, `${where} request`, body.content));
    if (isObject(operation.responses)) {
      for (const [status, rawResponse] of Object.entries(operation.responses)) {
        const response = deref(doc, rawResponse);
        if (!isObject(response)) continue;
        sites.push(...contentSites(doc, `${where} response ${status}`, response.content));
        if (!isObject(response.headers)) continue;
        for (const [headerName, rawHeader] of Object.entries(response.headers)) {
          const header = deref(doc, rawHeader);
          if (!isObject(header) || header.schema === undefined) continue;
          for (const [name, value] of namedExamples(doc, header)) {
            sites.push({ label: `${where} response ${status} header ${headerName} example "${name}"`, schema: header.schema, value });
          }
        }
      }
    }
  }
  return sites;
}

/** JSON Schema keywords whose values are subschemas (2020-12), so that nested `examples` are found. */
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'] as const;
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const SUBSCHEMA_SINGLE = ['items', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'contentSchema'] as const;

/** Every `examples` array declared on a schema (components or inline), with that schema. */
export function listSchemaExampleSites(doc: JsonObject): ExampleSite[] {
  const sites: ExampleSite[] = [];
  // A component response or schema is reached once per operation that uses it: list it once.
  const seen = new WeakSet<JsonObject>();
  const visit = (schema: Json | undefined, pointer: string): void => {
    if (!isObject(schema) || seen.has(schema)) return;
    seen.add(schema);
    if (Array.isArray(schema.examples)) {
      schema.examples.forEach((value, index) => sites.push({ label: `schema ${pointer} examples[${index}]`, schema, value }));
    }
    for (const keyword of SUBSCHEMA_MAPS) {
      const map = schema[keyword];
      if (isObject(map)) for (const [name, sub] of Object.entries(map)) visit(sub, `${pointer}/${keyword}/${name}`);
    }
    for (const keyword of SUBSCHEMA_LISTS) {
      const list = schema[keyword];
      if (Array.isArray(list)) list.forEach((sub, index) => visit(sub, `${pointer}/${keyword}/${index}`));
    }
    for (const keyword of SUBSCHEMA_SINGLE) visit(schema[keyword], `${pointer}/${keyword}`);
  };
  const schemas = isObject(doc.components) ? doc.components.schemas : undefined;
  if (isObject(schemas)) for (const [name, schema] of Object.entries(schemas)) visit(schema, `#/components/schemas/${name}`);
  // Inline schemas of parameters, bodies and responses.
  for (const site of listInlineSchemas(doc)) visit(site.schema, site.pointer);
  return sites;
}

function listInlineSchemas(doc: JsonObject): { pointer: string; schema: Json }[] {
  const found: { pointer: string; schema: Json }[] = [];
  for (const { kind, key, method, operation, parameters } of listOperations(doc)) {
    const base = `${kind === 'webhooks' ? 'webhook' : 'path'} ${key} ${method}`;
    parameters.forEach((parameter) => {
      if (parameter.schema !== undefined && !isRef(parameter.schema)) found.push({ pointer: `${base} parameter ${String(parameter.name)}`, schema: parameter.schema });
    });
    const media: [string, Json | undefined][] = [];
    const body = deref(doc, operation.requestBody);
    if (isObject(body)) media.push([`${base} request`, body.content]);
    if (isObject(operation.responses)) {
      for (const [status, rawResponse] of Object.entries(operation.responses)) {
        const response = deref(doc, rawResponse);
        if (isObject(response)) media.push([`${base} response ${status}`, response.content]);
      }
    }
    for (const [prefix, content] of media) {
      if (!isObject(content)) continue;
      for (const [mediaType, entry] of Object.entries(content)) {
        if (isObject(entry) && entry.schema !== undefined && !isRef(entry.schema)) found.push({ pointer: `${prefix} ${mediaType}`, schema: entry.schema });
      }
    }
  }
  return found;
}

function isRef(value: Json): boolean {
  return isObject(value) && typeof value.$ref === 'string' && Object.keys(value).length === 1;
}
