/**
 * A ready-to-send request for an operation, built from the spec: parameter and body examples, and a
 * well-formed credential for its security scheme. The index's sample curls, the example-replay test and
 * the benchmark all use it, so they send what the specs document.
 */
import type { Operation, Provider } from './provider.js';
import { follow, isObject, type Json, type JsonObject } from './openapi.js';

export interface SampleRequest {
  readonly method: string;
  /** Path under the provider prefix, with the query: `/api/operations/0196…`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Serialized body, if the operation takes one. */
  readonly body?: string;
  readonly contentType?: string;
}

/** Any well-formed credentials: the mock checks their form only. */
export const SAMPLE_BEARER = 'Bearer mock-access-token';
export const SAMPLE_BASIC = `Basic ${Buffer.from('mock-client-id:mock-client-secret').toString('base64')}`;

function firstExample(doc: JsonObject, holder: JsonObject): { value: Json } | undefined {
  if ('example' in holder) return { value: holder.example as Json };
  if (isObject(holder.examples)) {
    for (const raw of Object.values(holder.examples)) {
      const example = follow(doc, raw, '#').value;
      if (isObject(example) && 'value' in example) return { value: example.value as Json };
    }
  }
  return undefined;
}

function schemaValue(doc: JsonObject, raw: Json | undefined): Json {
  const schema = follow(doc, raw, '#').value;
  if (!isObject(schema)) return 'string';
  if ('example' in schema) return schema.example as Json;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0] as Json;
  if ('default' in schema) return schema.default as Json;
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] as Json;
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  return type === 'integer' || type === 'number' ? 1 : type === 'boolean' ? true : 'string';
}

function parameterValue(doc: JsonObject, parameter: JsonObject): string {
  const value = firstExample(doc, parameter)?.value ?? schemaValue(doc, parameter.schema);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function credentialHeaders(operation: Operation): Record<string, string> {
  const scheme = operation.security.anonymous ? undefined : operation.security.schemes[0];
  if (!scheme) return {};
  if (scheme.kind === 'http:basic') return { authorization: SAMPLE_BASIC };
  if (scheme.kind === 'apiKey') return {};
  return { authorization: SAMPLE_BEARER };
}

/** `bodyExample` picks a named request-body example; by default the first one. */
export function sampleRequest(provider: Provider, operation: Operation, bodyExample?: string): SampleRequest {
  const { doc } = provider;
  let path = operation.info.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = { ...credentialHeaders(operation) };
  for (const { value: parameter } of operation.parameters) {
    const name = String(parameter.name);
    if (parameter.in === 'path') path = path.replace(`{${name}}`, encodeURIComponent(parameterValue(doc, parameter)));
    else if (parameter.in === 'query' && (parameter.required === true || firstExample(doc, parameter)))
      query.set(name, parameterValue(doc, parameter));
    else if (parameter.in === 'header' && parameter.required === true) headers[name.toLowerCase()] = parameterValue(doc, parameter);
  }
  const target = query.size > 0 ? `${path}?${query.toString()}` : path;
  const content = operation.requestBody && isObject(operation.requestBody.value.content) ? operation.requestBody.value.content : undefined;
  const [mediaType, media] = content ? (Object.entries(content)[0] ?? []) : [];
  if (!mediaType || !isObject(media)) return { method: operation.info.method.toUpperCase(), path: target, headers };
  let value: Json | undefined;
  if (bodyExample !== undefined && isObject(media.examples)) {
    const example = follow(doc, media.examples[bodyExample], '#').value;
    value = isObject(example) ? (example.value as Json) : undefined;
  } else value = firstExample(doc, media)?.value;
  value ??= schemaValue(doc, media.schema);
  const body =
    mediaType === 'application/x-www-form-urlencoded' && isObject(value)
      ? new URLSearchParams(Object.entries(value).map(([key, item]) => [key, String(item)])).toString()
      : JSON.stringify(value);
  return {
    method: operation.info.method.toUpperCase(),
    path: target,
    headers: { ...headers, 'content-type': mediaType },
    body,
    contentType: mediaType,
  };
}

/** The operation an index shows first: a GET without a body when there is one. */
export function showcaseOperation(provider: Provider): Operation | undefined {
  return provider.operations.find((operation) => operation.info.method === 'get') ?? provider.operations[0];
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlFor(baseUrl: string, request: SampleRequest): string {
  const parts = ['curl', '-i'];
  if (request.method !== 'GET') parts.push('-X', request.method);
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data', shellQuote(request.body));
  parts.push(shellQuote(`${baseUrl}${request.path}`));
  return parts.join(' ');
}
