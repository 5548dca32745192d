/** Small OpenAPI documents for the contract-diff rules, and the changes between two of them, one line each. */
import type { Json, JsonObject } from '@credit-apis/contract-core';
import { diffContracts } from '../diff.js';

/** An OpenAPI 3.1 document with these `paths` (and other top-level members: `components`, `webhooks`). */
export const doc = (paths: JsonObject, extra: JsonObject = {}): JsonObject => ({
  openapi: '3.1.0',
  info: { title: 'Fixture API', version: '1' },
  paths,
  ...extra,
});

/** `GET /things` answering `responses`, with `parameters`. */
export const getThings = (responses: JsonObject, parameters: Json[] = []): JsonObject =>
  doc({ '/things': { get: { parameters, responses } } });

/** `POST /things` taking `requestBody`, answering 201. */
export const postThings = (requestBody: JsonObject): JsonObject =>
  doc({ '/things': { post: { requestBody, responses: { '201': { description: 'created' } } } } });

/** A JSON content map with `schema`. */
export const json = (schema: Json): JsonObject => ({ content: { 'application/json': { schema } } });

/** A 200 response whose JSON body is `schema`. */
export const ok = (schema: Json): JsonObject => ({ '200': { description: 'ok', ...json(schema) } });

/** An object schema with these properties, `required` listing the required ones. */
export const object = (properties: JsonObject, required: string[] = []): JsonObject => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
});

/** `breaking: GET /things response 200 (application/json) name: field removed` for each change. */
export function changes(before: JsonObject, after: JsonObject): string[] {
  return diffContracts(before, after).map(
    (change) =>
      `${change.breaking ? 'breaking' : 'compatible'}: ${change.operation}${change.where ? ` ${change.where}` : ''}: ${change.what}`,
  );
}
