/** The documented answers of an operation: saved examples, the statuses a test accepts, their body shapes. */
import { STATUS_CODES } from 'node:http';
import { deref, isObject, type Json, type JsonObject } from '@credit-apis/contract-core';
import type { ResponseExample, ShallowSchema } from './model.js';
import { asText, isJson, sampleValue, text } from './read-values.js';

export function statusText(status: number): string {
  return STATUS_CODES[status] ?? '';
}

function responseHeaders(doc: JsonObject, response: JsonObject): [string, string][] {
  if (!isObject(response.headers)) return [];
  return Object.entries(response.headers).flatMap(([name, raw]) => {
    const header = deref(doc, raw);
    const value = isObject(header) ? sampleValue(doc, header) : undefined;
    return value === undefined ? [] : [[name, asText(value)] as [string, string]];
  });
}

export interface DocumentedStatus {
  /** The key under `responses`: `200`, or a range such as `2XX`. */
  readonly key: string;
  /** The status a saved answer shows: the code, or the first of its range. */
  readonly status: number;
  /** Every code the key covers. */
  readonly codes: readonly number[];
}

/** The documented statuses, ranges (`2XX`) included; `default` names no status and is left out. */
export function documentedStatuses(operation: JsonObject): DocumentedStatus[] {
  const responses = isObject(operation.responses) ? operation.responses : {};
  return Object.keys(responses)
    .flatMap((key): DocumentedStatus[] => {
      if (/^\d{3}$/.test(key)) return [{ key, status: Number(key), codes: [Number(key)] }];
      if (!/^[1-5]XX$/i.test(key)) return [];
      const first = Number(key.charAt(0)) * 100;
      return [{ key, status: first, codes: Array.from({ length: 100 }, (_, index) => first + index) }];
    })
    .sort((a, b) => a.status - b.status);
}

function isSuccess(status: DocumentedStatus): boolean {
  return status.status >= 200 && status.status < 300;
}

export function readExamples(doc: JsonObject, operation: JsonObject): ResponseExample[] {
  const responses = isObject(operation.responses) ? operation.responses : {};
  return documentedStatuses(operation).flatMap(({ key, status }): ResponseExample[] => {
    const response = deref(doc, responses[key]);
    if (!isObject(response)) return [];
    const headers = responseHeaders(doc, response);
    const base = { status, statusText: statusText(status) };
    const content = isObject(response.content) ? Object.entries(response.content) : [];
    const examples = content.flatMap(([mediaType, rawMedia]): ResponseExample[] => {
      const media = deref(doc, rawMedia);
      if (!isObject(media)) return [];
      const named: [string, string, Json][] = [];
      if ('example' in media) named.push(['example', '', media.example as Json]);
      for (const [name, raw] of Object.entries(isObject(media.examples) ? media.examples : {})) {
        const example = deref(doc, raw);
        if (isObject(example) && 'value' in example) named.push([name, text(example.summary), example.value as Json]);
      }
      return named.map(([name, summary, value]) => ({
        ...base,
        name: `${key} ${name}${summary === '' ? '' : ` — ${summary}`}`,
        headers: [['Content-Type', mediaType] as const, ...headers],
        contentType: mediaType,
        body: isJson(mediaType) ? JSON.stringify(value, null, 2) : asText(value),
      }));
    });
    if (examples.length > 0) return examples;
    // A documented status without a body example (a 204, an empty 401) is still a saved answer.
    const firstLine = text(response.description).split('\n')[0] ?? '';
    return [{ ...base, name: `${key}${firstLine === '' ? '' : ` — ${firstLine}`}`, headers, contentType: undefined, body: undefined }];
  });
}

function jsonTypes(schema: JsonObject): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.map(String);
  return [];
}

function shallowSchema(doc: JsonObject, raw: Json | undefined): ShallowSchema | undefined {
  const schema = deref(doc, raw);
  if (!isObject(schema)) return undefined;
  const type = jsonTypes(schema);
  if (type.length === 0) return undefined;
  const properties: Record<string, string[]> = {};
  for (const [name, rawProperty] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
    const property = deref(doc, rawProperty);
    const types = isObject(property) ? jsonTypes(property) : [];
    if (types.length > 0) properties[name] = types;
  }
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  return { type, required, properties };
}

export function readSchemas(doc: JsonObject, operation: JsonObject, statuses: readonly DocumentedStatus[]): Record<string, ShallowSchema> {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const schemas: Record<string, ShallowSchema> = {};
  for (const { key } of statuses) {
    const response = deref(doc, responses[key]);
    const content = isObject(response) && isObject(response.content) ? response.content : {};
    const json = Object.entries(content).find(([mediaType]) => isJson(mediaType))?.[1];
    const schema = isObject(json) ? shallowSchema(doc, json.schema) : undefined;
    if (schema) schemas[key] = schema;
  }
  return schemas;
}

/** The statuses a request may get and still have answered as documented: the 2xx ones, else all of them. */
export function successStatuses(operation: JsonObject): DocumentedStatus[] {
  const all = documentedStatuses(operation);
  const success = all.filter(isSuccess);
  return success.length > 0 ? success : all;
}
