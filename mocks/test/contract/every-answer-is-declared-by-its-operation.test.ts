/**
 * The contract says what the mock does: every operation of every provider is sent a valid request, an
 * invalid body, no credentials, each of its path, query and header parameters with a value its schema
 * rejects (rejected-value.ts; the answer must be a client error), each required query and header parameter
 * left out, and `Prefer: code=<status>` for each documented status; each answer's status
 * must be declared by the operation (exactly, as `NXX` or `default`), each header it carries must be
 * declared on that response (transport headers and the mock's own `sl-violations` aside), each required
 * header must be there with a value its schema accepts, and the body must have the declared shape (or be
 * empty where the response declares none).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPointer, followObject, isObject, type JsonObject } from '../../src/catalog/openapi.js';
import type { Operation, Provider } from '../../src/catalog/provider.js';
import { sampleRequest } from '../../src/catalog/sample-request.js';
import { addDocument, createAjvPair, refTo } from '../../src/validation/ajv-pair.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { send, type Sent } from '../support/requests.js';
import { rejectedValue } from './rejected-value.js';

/** Headers of HTTP itself, or of the mock's tooling (Prism's `sl-violations` lists request violations). */
const NOT_PROVIDER_HEADERS = new Set([
  'connection',
  'content-length',
  'content-type',
  'date',
  'keep-alive',
  'transfer-encoding',
  'sl-violations',
]);

/**
 * Answers the mock gives on purpose although the documents show none for them: recorded in
 * mocks/README.md. Each entry is a provider, optionally one of its operations, and a status; keep the
 * list this short.
 */
const MOCK_OWN_ANSWERS: readonly { slug: string; operationId?: string; status: number; why: string }[] = [
  { slug: 'nossa-fintech-inss', status: 401, why: 'seeds 000/001 show no 401; the mock answers a missing token with its own problem+json' },
  {
    slug: 'nossa-fintech-inss',
    operationId: 'getOperation',
    status: 400,
    why:
      "seed 000 documents no error for this route, and its spec keeps the create page's 400 off it; a key that is not a UUID " +
      "gets the API's one documented validation shape (seed 001 Request Validator Error) rather than a 200 for a record it cannot name",
  },
];

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

type ParameterLocation = 'path' | 'query' | 'header';
type Kind =
  | 'valid request'
  | 'invalid body'
  | 'malformed body'
  | 'no credentials'
  | `malformed ${ParameterLocation} parameter ${string}`
  | `missing ${'query' | 'header'} parameter ${string}`
  | `Prefer code=${string}`;

/** The operation's required query and header parameters (a path parameter cannot be left out). */
function requiredParameters(operation: Operation): { location: 'query' | 'header'; name: string }[] {
  return operation.parameters.flatMap(({ value: parameter }) =>
    parameter.required === true && (parameter.in === 'query' || parameter.in === 'header')
      ? [{ location: parameter.in, name: String(parameter.name) }]
      : [],
  );
}

/** The operation's parameters its schema can reject a value of, with that value. */
function malformedParameters(provider: Provider, operation: Operation): { location: ParameterLocation; name: string; value: string }[] {
  return operation.parameters.flatMap(({ value: parameter }) => {
    const location = parameter.in;
    if (location !== 'path' && location !== 'query' && location !== 'header') return [];
    const value = rejectedValue(provider.doc, parameter.schema);
    return value === undefined ? [] : [{ location, name: String(parameter.name), value }];
  });
}

const listing = await startMock();
await listing.close();
const cases = listing.providers.flatMap((provider) =>
  provider.operations.flatMap((operation) => {
    const label = `${provider.slug} ${operation.info.method.toUpperCase()} ${operation.info.path}`;
    const kinds: Kind[] = ['valid request'];
    if (operation.requestBody) kinds.push('invalid body', 'malformed body');
    if (!operation.security.anonymous) kinds.push('no credentials');
    for (const { location, name } of malformedParameters(provider, operation)) kinds.push(`malformed ${location} parameter ${name}`);
    for (const { location, name } of requiredParameters(operation)) kinds.push(`missing ${location} parameter ${name}`);
    for (const status of operation.responses.statuses.map((answers) => answers.status))
      if (status !== 'default') kinds.push(`Prefer code=${status.replace(/XX$/i, '00')}`);
    return kinds.map((kind) => [`${label}: ${kind}`, provider.slug, operation.info.operationId, kind] as const);
  }),
);

/** The sample's path and query with one parameter's value replaced (`undefined`: a query parameter left out). */
function withParameter(operation: Operation, target: string, location: 'path' | 'query', name: string, value: string | undefined): string {
  const [path = '', search = ''] = target.split('?');
  if (location === 'query') {
    const query = new URLSearchParams(search);
    if (value === undefined) query.delete(name);
    else query.set(name, value);
    return query.size > 0 ? `${path}?${query.toString()}` : path;
  }
  if (value === undefined) throw new Error(`a path parameter cannot be left out: ${name}`);
  const index = operation.info.path.split('/').indexOf(`{${name}}`);
  if (index === -1) throw new Error(`${operation.info.path}: {${name}} is not a whole segment`);
  const segments = path.split('/');
  segments[index] = encodeURIComponent(value);
  return `${segments.join('/')}${search ? `?${search}` : ''}`;
}

function request(provider: Provider, operation: Operation, kind: Kind): Promise<Sent> {
  const sample = sampleRequest(provider, operation);
  const headers: Record<string, string> = { ...sample.headers };
  let target = sample.path;
  let body = sample.body;
  const malformed = malformedParameters(provider, operation).find(
    ({ location, name }) => kind === `malformed ${location} parameter ${name}`,
  );
  if (malformed?.location === 'header') headers[malformed.name.toLowerCase()] = malformed.value;
  else if (malformed) target = withParameter(operation, target, malformed.location, malformed.name, malformed.value);
  const missing = requiredParameters(operation).find(({ location, name }) => kind === `missing ${location} parameter ${name}`);
  if (missing?.location === 'header') delete headers[missing.name.toLowerCase()];
  else if (missing) target = withParameter(operation, target, missing.location, missing.name, undefined);
  if (kind === 'no credentials') delete headers.authorization;
  if (kind === 'invalid body') body = sample.contentType === 'application/x-www-form-urlencoded' ? 'undocumented=1' : '[]';
  if (kind === 'malformed body') body = sample.contentType === 'application/x-www-form-urlencoded' ? '%zz' : '{';
  if (kind.startsWith('Prefer')) headers.prefer = kind.replace('Prefer ', '');
  return send(`${running.url}/${provider.slug}${target}`, { method: sample.method, headers, ...(body === undefined ? {} : { body }) });
}

const ajv = createAjvPair();
const added = new Set<string>();
/** Adds the provider's document to `ajv` once, so that pointers into it compile. */
function addOnce(provider: Provider): void {
  if (added.has(provider.slug)) return;
  addDocument(ajv, provider.slug, provider.doc);
  added.add(provider.slug);
}

/** What is wrong with `answer` against the operation's declared responses; `[]` when nothing. */
function undeclared(provider: Provider, operation: Operation, answer: Sent): string[] {
  const { doc } = provider;
  addOnce(provider);
  const responses = isObject(operation.raw.responses) ? operation.raw.responses : {};
  const key = [String(answer.status), `${String(answer.status)[0]}XX`, 'default'].find((candidate) => candidate in responses);
  if (key === undefined) {
    const own = MOCK_OWN_ANSWERS.find(
      (entry) =>
        entry.slug === provider.slug &&
        (entry.operationId === undefined || entry.operationId === operation.info.operationId) &&
        entry.status === answer.status,
    );
    return own ? [] : [`status ${answer.status} is not declared`];
  }
  const declared = followObject(doc, responses[key], childPointer(operation.pointer, 'responses', key));
  if (!declared) return [`response ${key} does not resolve`];
  const problems: string[] = [];

  const headers = new Map<string, { schemaPointer: string | undefined; required: boolean }>();
  if (isObject(declared.value.headers)) {
    for (const [name, raw] of Object.entries(declared.value.headers)) {
      const header = followObject(doc, raw, childPointer(declared.pointer, 'headers', name));
      if (!header) continue;
      headers.set(name.toLowerCase(), {
        schemaPointer: 'schema' in header.value ? childPointer(header.pointer, 'schema') : undefined,
        required: header.value.required === true,
      });
    }
  }
  const sent: [string, string][] = [];
  answer.headers.forEach((value, name) => sent.push([name, value]));
  for (const [name, value] of sent) {
    if (NOT_PROVIDER_HEADERS.has(name)) continue;
    const header = headers.get(name);
    if (!header) {
      problems.push(`header ${name} is not declared on ${key}`);
      continue;
    }
    if (header.schemaPointer) {
      const validate = ajv.coercing.compile(refTo(provider.slug, header.schemaPointer));
      if (!validate(value)) problems.push(`header ${name}: ${JSON.stringify(value)} ${validate.errors?.[0]?.message ?? ''}`);
    }
  }
  for (const [name, header] of headers)
    if (header.required && !answer.headers.has(name)) problems.push(`required header ${name} is missing`);

  const content = isObject(declared.value.content) ? declared.value.content : undefined;
  if (!content) {
    if (answer.text !== '') problems.push(`${key} declares no body, the mock sent one`);
    return problems;
  }
  const mediaType = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (!(mediaType in content)) return [...problems, `media type ${mediaType || '(none)'} is not declared on ${key}`];
  const media = followObject(doc, (content as JsonObject)[mediaType], childPointer(declared.pointer, 'content', mediaType));
  if (media && 'schema' in media.value && answer.json !== undefined) {
    const validate = ajv.exact.compile(refTo(provider.slug, childPointer(media.pointer, 'schema')));
    if (!validate(answer.json))
      problems.push(
        `body does not match ${key}: ${(validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`).join('; ')}`,
      );
  }
  return problems;
}

describe('every answer of the mock is declared by its operation', () => {
  it('walks every operation of every provider', () => {
    expect(new Set(cases.map(([, slug]) => slug)).size).toBe(listing.providers.length);
    expect(cases.length).toBeGreaterThan(listing.providers.length * 3);
  });

  it('sends parameter values their schemas reject', () => {
    const sent = listing.providers.flatMap((provider) =>
      provider.operations.flatMap((operation) =>
        malformedParameters(provider, operation).map(({ location, name, value }) => {
          addOnce(provider);
          const site = operation.parameters.find(({ value: parameter }) => parameter.in === location && parameter.name === name);
          if (!site) throw new Error(`${operation.info.operationId}: no ${location} parameter ${name}`);
          const validate = ajv.coercing.compile(refTo(provider.slug, childPointer(site.pointer, 'schema')));
          return `${operation.info.operationId} ${name}=${JSON.stringify(value)} rejected: ${String(!validate(value))}`;
        }),
      ),
    );
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((line) => !line.endsWith('rejected: true'))).toEqual([]);
  });

  it.each(cases)('%s', async (_label, slug, operationId, kind) => {
    const provider = running.provider(slug);
    const operation = running.operation(slug, operationId);
    const answer = await request(provider, operation, kind);
    expect(undeclared(provider, operation, answer), `answered ${answer.status}`).toEqual([]);
    // A parameter the contract rejects is refused, not answered as if it named a record.
    if (kind.startsWith('malformed ') || kind.startsWith('missing '))
      expect(answer.status, 'refused as a client error').toBeGreaterThanOrEqual(400);
  });
});
