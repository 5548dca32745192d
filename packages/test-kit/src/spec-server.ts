/**
 * A local HTTP server built from a provider's bundled spec (`generated/<slug>/openapi.json`), for the provider
 * packages' "every operation" tests: it routes each operation of `paths` (method + path template) to its
 * first documented 2xx answer (status, and the first example of its first media type), and records a
 * problem when a request
 * - matches no operation,
 * - does not carry the `Authorization` the operation's security requires (per scheme name, given by the test),
 * - sends a query parameter the operation does not declare, or misses a required one,
 * - sends a body that does not match the operation's request schema (checked with the workspace's one ajv set-up).
 *
 * `expectEveryOperation` then calls each operation through the client and checks that the calls cover the
 * spec's operations exactly, so that an operation added to the spec fails the test until it is called.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { expect, onTestFinished } from 'vitest';
import type { ServerResponse } from 'node:http';
import { follow, pointerSegment, type Json as JsonValue, type JsonObject } from '@credit-apis/contract-core';
import { createDocumentValidator } from '@credit-apis/contract-core/validator';
import { sendEmpty, sendJson, startServer, type RecordedRequest, type TestServer } from './http-server.js';

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const escapePointer = pointerSegment;

/** Follows local `$ref`s with the workspace's one follower; returns the node and its JSON pointer (`#/…`). */
function resolve(document: Json, node: unknown, pointer: string): { node: unknown; pointer: string } {
  const found = follow(document as JsonObject, node as JsonValue, pointer.startsWith('#') ? pointer : `#${pointer}`);
  return { node: found.value, pointer: found.pointer };
}

/** The first example of a media type object: the first of `examples`, else `example`. */
function firstExample(document: Json, media: unknown): { found: boolean; value?: unknown } {
  if (!isObject(media)) return { found: false };
  if (isObject(media.examples)) {
    for (const [key, raw] of Object.entries(media.examples)) {
      const example = resolve(document, raw, `/examples/${key}`).node;
      if (isObject(example) && 'value' in example) return { found: true, value: example.value };
    }
  }
  return 'example' in media ? { found: true, value: media.example } : { found: false };
}

/** One operation of the spec's `paths`, and the answer the server gives it. */
export interface SpecOperation {
  operationId: string;
  /** Upper case. */
  method: string;
  /** Path template, e.g. `/v1/NaturalPerson/{id}`. */
  path: string;
  /**
   * The first documented 2xx answer (else the first documented answer): its status, and the first example of
   * its first media type (if any).
   */
  success: { status: number; mediaType?: string; body?: unknown };
  /** Security requirements (the operation's, else the document's): any one of them, each naming its schemes. */
  security: string[][];
  parameters: { name: string; in: string; required: boolean; example?: unknown }[];
  /** Pointer to the request body's schema per media type. */
  requestSchemas: Record<string, string>;
  /** The first documented request body example. */
  requestExample?: unknown;
}

/** Every operation of `document.paths` (webhooks are not called by a client). */
export function specOperations(document: Json): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    const item = resolve(document, rawItem, `/paths/${escapePointer(path)}`);
    if (!isObject(item.node)) continue;
    for (const method of METHODS) {
      const operation = item.node[method];
      if (!isObject(operation)) continue;
      const at = `${item.pointer}/${method}`;
      const operationId = String(operation.operationId);

      const responses = isObject(operation.responses) ? operation.responses : {};
      // An operation that documents no 2xx (ECCOR FGTS donePaymentRevision: the document shows only its
      // errors) gets its first documented answer, as Prism and the mock do.
      const successKey = Object.keys(responses).find((status) => /^2(\d\d|XX)$/i.test(status)) ?? Object.keys(responses)[0];
      if (successKey === undefined) throw new Error(`${operationId}: no documented answer`);
      const response = resolve(document, responses[successKey], `${at}/responses/${successKey}`).node;
      const content = isObject(response) && isObject(response.content) ? response.content : {};
      const [mediaType, media] = Object.entries(content)[0] ?? [];
      const example = firstExample(document, resolve(document, media, '').node);
      if (mediaType !== undefined && !example.found) throw new Error(`${operationId}: the ${successKey} answer has no example`);
      const success = {
        status: /XX$/i.test(successKey) ? 200 : Number(successKey),
        ...(mediaType === undefined ? {} : { mediaType, body: example.value }),
      };

      const rawParameters = [
        ...(Array.isArray(item.node.parameters) ? item.node.parameters : []),
        ...(Array.isArray(operation.parameters) ? operation.parameters : []),
      ];
      const parameters = rawParameters.map((raw) => {
        const parameter = resolve(document, raw, '').node as Json;
        const schema = resolve(document, parameter.schema, '').node;
        const examples = isObject(parameter.examples) ? Object.values(parameter.examples).map((e) => resolve(document, e, '').node) : [];
        const example =
          isObject(examples[0]) && 'value' in examples[0]
            ? examples[0].value
            : 'example' in parameter
              ? parameter.example
              : isObject(schema) && Array.isArray(schema.examples)
                ? schema.examples[0]
                : undefined;
        return { name: String(parameter.name), in: String(parameter.in), required: parameter.required === true, example };
      });

      const body = resolve(document, operation.requestBody, `${at}/requestBody`);
      const requestSchemas: Record<string, string> = {};
      let requestExample: unknown;
      if (isObject(body.node) && isObject(body.node.content)) {
        for (const [type, rawMedia] of Object.entries(body.node.content)) {
          const media = resolve(document, rawMedia, `${body.pointer}/content/${escapePointer(type)}`);
          if (isObject(media.node) && 'schema' in media.node) requestSchemas[type] = `${media.pointer}/schema`;
          const first = firstExample(document, media.node);
          if (first.found && requestExample === undefined) requestExample = first.value;
        }
      }

      const rawSecurity = Array.isArray(operation.security) ? operation.security : document.security;
      const security = (Array.isArray(rawSecurity) ? rawSecurity : []).map((requirement) =>
        Object.keys(isObject(requirement) ? requirement : {}),
      );
      operations.push({ operationId, method: method.toUpperCase(), path, success, security, parameters, requestSchemas, requestExample });
    }
  }
  return operations;
}

/** Looks up what a test needs from an operation of the spec. */
export function specOperation(document: Json, operationId: string): SpecOperation {
  const operation = specOperations(document).find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(`no operation ${operationId} in the spec`);
  return operation;
}

/** The documented example of a parameter (first named example, `example`, or the schema's first `examples`). */
export function parameterExample<T = string>(document: Json, operationId: string, name: string): T {
  const parameter = specOperation(document, operationId).parameters.find((candidate) => candidate.name === name);
  if (parameter?.example === undefined) throw new Error(`${operationId}: parameter ${name} has no documented example`);
  return parameter.example as T;
}

/** The first documented example of an operation's answer with `status` (`'400'`…), typed by the caller. */
export function responseExample<T>(document: Json, operationId: string, status: string): T {
  const { path, method } = specOperation(document, operationId);
  const item = resolve(document, (document.paths as Json)[path], '').node as Json;
  const responses = (item[method.toLowerCase()] as Json).responses as Json;
  const response = resolve(document, responses[status], '').node;
  const content = isObject(response) && isObject(response.content) ? response.content : {};
  const example = firstExample(document, resolve(document, Object.values(content)[0], '').node);
  if (!example.found) throw new Error(`${operationId}: no documented example of a ${status} answer`);
  return example.value as T;
}

/** The first documented request body example of an operation, typed by the caller. */
export function requestExample<T>(document: Json, operationId: string): T {
  const { requestExample: example } = specOperation(document, operationId);
  if (example === undefined) throw new Error(`${operationId}: no documented request body example`);
  return example as T;
}

export interface SpecServer extends TestServer {
  /** Requests received per operationId. */
  calls: Map<string, number>;
  /** What was wrong with the requests received (empty when all was well). */
  problems: string[];
}

export interface SpecServerOptions {
  /** The `Authorization` header value expected for each security scheme name, e.g. `{ bearerAuth: 'Bearer t0ken' }`. */
  authorization: Record<string, string>;
  /**
   * Called for each request once it is checked, before the documented answer: return `true` after answering
   * it yourself (e.g. a 503 before the documented answer, to exercise a retry).
   */
  answer?: (operation: SpecOperation, request: RecordedRequest, response: ServerResponse) => boolean;
}

function parseBody(text: string, contentType: string | undefined): { mediaType: string; value: unknown } | undefined {
  if (text === '') return undefined;
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/x-www-form-urlencoded') return { mediaType, value: Object.fromEntries(new URLSearchParams(text)) };
  return { mediaType, value: JSON.parse(text) as unknown };
}

/** A provider's bundled spec, `@credit-apis/specs/<slug>.json`, parsed. */
export function readBundle(slug: string): Json {
  return JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`@credit-apis/specs/${slug}.json`), 'utf8')) as Json;
}

/**
 * Checks a profile's environments against the spec's `servers`: the same URLs, in the same order, except
 * servers whose host is a variable (`https://{host}`: undocumented, the caller's `baseUrl`).
 */
export function expectEnvironmentsOfSpec(document: Json, environments: Readonly<Record<string, string>>): void {
  const servers = (Array.isArray(document.servers) ? document.servers : []).map((server) => (isObject(server) ? String(server.url) : ''));
  expect(Object.values(environments)).toEqual(servers.filter((url) => !url.includes('{')));
}

/** Starts the server on 127.0.0.1 with a random port; it closes when the current test finishes. */
export async function startSpecServer(document: Json, options: SpecServerOptions): Promise<SpecServer> {
  const operations = specOperations(document);
  const routes = operations.map((operation) => ({
    operation,
    pattern: new RegExp(`^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  const validator = createDocumentValidator(document as JsonObject);
  const calls = new Map<string, number>();
  const problems: string[] = [];

  const server = await startServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const route = routes.find(({ operation, pattern }) => operation.method === request.method && pattern.test(url.pathname));
    if (!route) {
      problems.push(`${request.method} ${url.pathname}: no such operation in the spec`);
      sendEmpty(response, 404);
      return;
    }
    const { operation } = route;
    const id = operation.operationId;
    calls.set(id, (calls.get(id) ?? 0) + 1);

    const accepted = operation.security.map((schemes) => schemes.map((scheme) => options.authorization[scheme]));
    const open = accepted.length === 0 || accepted.some((values) => values.length === 0);
    if (!open && !accepted.some((values) => values.every((value) => value !== undefined && value === request.headers.authorization))) {
      problems.push(
        `${id}: Authorization ${request.headers.authorization === undefined ? 'missing' : 'not the expected credential'} (security: ${JSON.stringify(operation.security)})`,
      );
      sendEmpty(response, 401);
      return;
    }

    for (const name of new Set(url.searchParams.keys())) {
      if (!operation.parameters.some((parameter) => parameter.in === 'query' && parameter.name === name)) {
        problems.push(`${id}: query parameter "${name}" is not in the spec`);
      }
    }
    for (const parameter of operation.parameters) {
      if (parameter.in === 'query' && parameter.required && !url.searchParams.has(parameter.name)) {
        problems.push(`${id}: required query parameter "${parameter.name}" is missing`);
      }
    }

    const body = parseBody(request.body, request.headers['content-type']);
    const schema = body && operation.requestSchemas[body.mediaType];
    if (body && !schema) problems.push(`${id}: a ${body.mediaType} body, which the spec does not document`);
    if (!body && Object.keys(operation.requestSchemas).length > 0) problems.push(`${id}: no request body`);
    if (body && schema) {
      for (const issue of validator.check(schema, body.value)) problems.push(`${id}: request body ${issue.instancePath} ${issue.message}`);
    }

    if (options.answer?.(operation, request, response)) return;
    const { status, mediaType, body: answer } = operation.success;
    if (mediaType === undefined) sendEmpty(response, status);
    else sendJson(response, status, answer, { 'content-type': mediaType });
  });
  onTestFinished(() => server.close());
  return Object.assign(server, { calls, problems });
}

/** A call per operationId: each returns an openapi-fetch result. */
export type OperationCalls = Record<string, () => Promise<{ data?: unknown; error?: unknown; response: Response }>>;

/**
 * Makes every call once, in order, and checks that each got its operation's documented 2xx answer (status and
 * body), that the calls are exactly the spec's operations (no more, no fewer), that the server saw each one,
 * and that it found nothing wrong with any request.
 */
export async function expectEveryOperation(document: Json, server: SpecServer, calls: OperationCalls): Promise<void> {
  const operations = specOperations(document);
  expect(Object.keys(calls).sort(), 'the test calls exactly the operations of the spec').toEqual(
    operations.map((operation) => operation.operationId).sort(),
  );
  for (const operation of operations) {
    const call = calls[operation.operationId];
    if (!call) continue;
    const result = await call();
    expect(result.response.status, `${operation.operationId}: status`).toBe(operation.success.status);
    if (operation.success.status >= 400) {
      expect(result.error, `${operation.operationId}: error is the documented example`).toEqual(operation.success.body);
      continue;
    }
    expect(result.error, `${operation.operationId}: error`).toBeUndefined();
    expect(result.data, `${operation.operationId}: data is the documented example`).toEqual(operation.success.body);
  }
  expect(server.problems).toEqual([]);
  for (const operation of operations) {
    expect(server.calls.get(operation.operationId), `${operation.operationId} reached the server`).toBeGreaterThan(0);
  }
}
