/**
 * Reads a bundled contract into what an API client's collection needs: one request per operation (its
 * sample values, credential and documented examples), one environment per documented host plus the local
 * mock, and the OAuth2 client-credentials flows a script must run before the requests that need a token.
 * Generic over the bundle: the Postman and Bruno writers share this reading, so both collections say
 * the same thing.
 */
import { STATUS_CODES } from 'node:http';
import { deref, isObject, listOperations, type Json, type JsonObject, type OperationRef } from '../lib/openapi-walk.js';

/** The mock serves every provider under its slug on this origin (`pnpm start`). */
export const MOCK_ORIGIN = 'http://127.0.0.1:4010';

/** Well-formed credentials for the mock, which checks their form only (mocks/README.md). */
const MOCK_SECRETS = { token: 'mock-access-token', username: 'mock-client-id', password: 'mock-client-secret', apiKey: 'mock-api-key' };

export interface Variable {
  readonly name: string;
  readonly value: string;
  /** A credential: written as a secret where the format has one, empty outside the mock. */
  readonly secret: boolean;
}

export interface Environment {
  /** File-safe name: `homologacao`, `mock`. */
  readonly id: string;
  /** Shown to the user: the server's description up to its first remark. */
  readonly name: string;
  readonly description: string;
  readonly variables: readonly Variable[];
}

export interface Parameter {
  readonly name: string;
  readonly value: string;
  readonly enabled: boolean;
  readonly description: string;
}

export type Auth =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly tokenVariable: string; readonly oauth2?: OAuth2Flow }
  | { readonly kind: 'basic'; readonly usernameVariable: string; readonly passwordVariable: string }
  | { readonly kind: 'apiKey'; readonly in: 'header' | 'query'; readonly name: string; readonly variable: string };

export interface Body {
  readonly mediaType: string;
  /** JSON text (pretty-printed), or the raw text of another media type. */
  readonly text: string;
  /** For `application/x-www-form-urlencoded`: the fields, in order. */
  readonly fields?: readonly Parameter[];
}

export interface ResponseExample {
  /** `200 productPage — 200 OK`: status, example name and summary. */
  readonly name: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly contentType: string | undefined;
  readonly body: string | undefined;
}

/** What a test can check cheaply: the body's JSON type, its required members and their types. */
export interface ShallowSchema {
  readonly type: readonly string[];
  readonly required: readonly string[];
  readonly properties: Readonly<Record<string, readonly string[]>>;
}

export interface RequestModel {
  readonly operationId: string;
  readonly name: string;
  readonly description: string;
  readonly method: string;
  /** The OpenAPI path template: `/v1/NaturalPerson/{id}`. */
  readonly path: string;
  /** Variable holding the base URL: `baseUrl`, or the operation's own (`requestTokenBaseUrl`). */
  readonly baseUrlVariable: string;
  readonly pathParameters: readonly Parameter[];
  readonly query: readonly Parameter[];
  readonly headers: readonly Parameter[];
  readonly body: Body | undefined;
  readonly auth: Auth;
  /** Documented 2xx statuses (all documented statuses when there is none): what a test accepts. */
  readonly successStatuses: readonly number[];
  /** The same as the contract writes them (`200`, `2XX`), to show. */
  readonly successKeys: readonly string[];
  readonly examples: readonly ResponseExample[];
  /** Per success status key (`200`, `2XX`) with a JSON body. */
  readonly schemas: Readonly<Record<string, ShallowSchema>>;
}

export interface Folder {
  readonly name: string;
  readonly description: string;
  readonly requests: readonly RequestModel[];
}

export interface OAuth2Flow {
  readonly scheme: string;
  /** Variables: the token the script stores, the token URL, the client's id and secret. */
  readonly tokenVariable: string;
  readonly tokenUrlVariable: string;
  readonly clientIdVariable: string;
  readonly clientSecretVariable: string;
  readonly scope: string;
  readonly description: string;
}

export interface CollectionModel {
  readonly slug: string;
  readonly title: string;
  readonly version: string;
  readonly description: string;
  readonly environments: readonly Environment[];
  readonly folders: readonly Folder[];
  readonly oauth2: readonly OAuth2Flow[];
}

export class CollectionModelError extends Error {
  override name = 'CollectionModelError';
}

interface Server {
  readonly url: string;
  readonly description: string;
  readonly variables: Readonly<Record<string, string>>;
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

function readServers(value: Json | undefined): Server[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((server) => ({
    url: text(server.url).replace(/\/+$/, ''),
    description: text(server.description),
    variables: Object.fromEntries(
      Object.entries(isObject(server.variables) ? server.variables : {}).map(([name, variable]) => [name, isObject(variable) ? text(variable.default) : '']),
    ),
  }));
}

/** `https://{host}` → `https://{{host}}`: a server variable becomes an environment variable. */
function templated(url: string): string {
  return url.replace(/\{([^}]+)\}/g, '{{$1}}');
}

/** The first example of a parameter, a media type or a header, or a value its schema suggests. */
export function sampleValue(doc: JsonObject, holder: JsonObject): Json | undefined {
  if ('example' in holder) return holder.example as Json;
  if (isObject(holder.examples)) {
    for (const raw of Object.values(holder.examples)) {
      const example = deref(doc, raw);
      if (isObject(example) && 'value' in example) return example.value as Json;
    }
  }
  const schema = deref(doc, holder.schema);
  if (!isObject(schema)) return undefined;
  if ('example' in schema) return schema.example as Json;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0] as Json;
  if ('default' in schema) return schema.default as Json;
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] as Json;
  return undefined;
}

function asText(value: Json | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function asciiId(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "Homologação (staging)" → "Homologação"; "Staging (host from provider notes). …" → "Staging". */
function environmentName(server: Server): string {
  const head = server.description.split(/[(.,;:\n]/)[0]?.trim() ?? '';
  return head === '' ? new URL(server.url.replace(/\{[^}]+\}/g, 'x')).host : head;
}

function mockUrl(slug: string): string {
  return `${MOCK_ORIGIN}/${slug}`;
}

interface SchemeInfo {
  readonly name: string;
  readonly scheme: JsonObject;
}

function securitySchemes(doc: JsonObject): Record<string, JsonObject> {
  const found = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  return Object.fromEntries(Object.entries(found).map(([name, raw]) => [name, deref(doc, raw)]).filter((entry): entry is [string, JsonObject] => isObject(entry[1])));
}

/** The scheme of an operation's first security requirement (what a client sends first). */
function firstScheme(doc: JsonObject, operation: JsonObject): { scheme: SchemeInfo; scopes: string[] } | undefined {
  const requirements = Array.isArray(operation.security) ? operation.security : Array.isArray(doc.security) ? doc.security : [];
  const first = requirements.find(isObject);
  if (!first) return undefined;
  const [name, scopes] = Object.entries(first)[0] ?? [];
  if (name === undefined) return undefined;
  const scheme = securitySchemes(doc)[name];
  if (!scheme) throw new CollectionModelError(`security requirement names ${name}, which components.securitySchemes does not define`);
  return { scheme: { name, scheme }, scopes: Array.isArray(scopes) ? scopes.map(String) : [] };
}

function readOAuth2Flows(doc: JsonObject): OAuth2Flow[] {
  const requiredScopes = new Map<string, Set<string>>();
  for (const { kind, operation } of listOperations(doc)) {
    if (kind !== 'paths') continue;
    const found = firstScheme(doc, operation);
    if (!found) continue;
    const scopes = requiredScopes.get(found.scheme.name) ?? new Set<string>();
    found.scopes.forEach((scope) => scopes.add(scope));
    requiredScopes.set(found.scheme.name, scopes);
  }
  return Object.entries(securitySchemes(doc)).flatMap(([name, scheme]) => {
    const flow = scheme.type === 'oauth2' && isObject(scheme.flows) ? scheme.flows.clientCredentials : undefined;
    if (!isObject(flow)) return [];
    return [{
      scheme: name,
      tokenVariable: `${name}AccessToken`,
      tokenUrlVariable: `${name}TokenUrl`,
      clientIdVariable: `${name}ClientId`,
      clientSecretVariable: `${name}ClientSecret`,
      scope: [...(requiredScopes.get(name) ?? [])].join(' '),
      description: text(scheme.description),
    }];
  });
}

/** The operation of the contract that a flow's token URL points at, if the contract models it. */
function tokenOperation(doc: JsonObject, flow: OAuth2Flow): OperationRef | undefined {
  const scheme = securitySchemes(doc)[flow.scheme];
  const flows = scheme && isObject(scheme.flows) ? scheme.flows : undefined;
  const tokenUrl = flows && isObject(flows.clientCredentials) ? text(flows.clientCredentials.tokenUrl) : '';
  const path = tokenUrl === '' ? '' : new URL(tokenUrl, 'https://relative.invalid').pathname;
  return listOperations(doc).find((entry) => entry.kind === 'paths' && entry.key === path && entry.method === 'post');
}

function readAuth(doc: JsonObject, ref: OperationRef, flows: readonly OAuth2Flow[]): Auth {
  const found = firstScheme(doc, ref.operation);
  if (!found) return { kind: 'none' };
  const { name, scheme } = found.scheme;
  const type = text(scheme.type);
  const httpScheme = text(scheme.scheme).toLowerCase();
  if (type === 'oauth2' || type === 'openIdConnect') {
    const flow = flows.find((candidate) => candidate.scheme === name);
    return flow ? { kind: 'bearer', tokenVariable: flow.tokenVariable, oauth2: flow } : { kind: 'bearer', tokenVariable: `${name}AccessToken` };
  }
  if (type === 'http' && httpScheme === 'bearer') return { kind: 'bearer', tokenVariable: `${name}Token` };
  if (type === 'http' && httpScheme === 'basic') {
    // The token endpoint of a client-credentials flow authenticates the client: the flow's id and secret.
    const flow = flows.find((candidate) => tokenOperation(doc, candidate)?.operation === ref.operation);
    return flow
      ? { kind: 'basic', usernameVariable: flow.clientIdVariable, passwordVariable: flow.clientSecretVariable }
      : { kind: 'basic', usernameVariable: `${name}Username`, passwordVariable: `${name}Password` };
  }
  if (type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query')) return { kind: 'apiKey', in: scheme.in, name: text(scheme.name), variable: `${name}Key` };
  throw new CollectionModelError(`security scheme ${name} (${type} ${httpScheme}) has no collection equivalent`);
}

function readParameters(doc: JsonObject, ref: OperationRef, where: string): Parameter[] {
  return ref.parameters
    .filter((parameter) => parameter.in === where)
    .map((parameter) => {
      const value = sampleValue(doc, parameter);
      return {
        name: text(parameter.name),
        value: asText(value),
        // A required parameter is sent; an optional one only when the spec gives it an example.
        enabled: where === 'path' || parameter.required === true || (where === 'query' && value !== undefined && hasOwnExample(parameter)),
        description: text(parameter.description),
      };
    });
}

function hasOwnExample(parameter: JsonObject): boolean {
  return 'example' in parameter || isObject(parameter.examples);
}

function isJson(mediaType: string): boolean {
  return /^application\/(.+\+)?json\b/i.test(mediaType);
}

function readBody(doc: JsonObject, operation: JsonObject): { body: Body | undefined; others: string[] } {
  const requestBody = deref(doc, operation.requestBody);
  const content = isObject(requestBody) && isObject(requestBody.content) ? requestBody.content : undefined;
  const [mediaType, media] = content ? (Object.entries(content)[0] ?? []) : [];
  if (mediaType === undefined || !isObject(media)) return { body: undefined, others: [] };
  const value = sampleValue(doc, media);
  const others = isObject(media.examples)
    ? Object.entries(media.examples).slice(1).map(([name, raw]) => {
        const example = deref(doc, raw);
        const summary = isObject(example) ? text(example.summary) : '';
        const shown = isObject(example) && 'value' in example ? JSON.stringify(example.value, null, 2) : '';
        return `Documented request example \`${name}\`${summary === '' ? '' : ` (${summary})`}:\n\n\`\`\`json\n${shown}\n\`\`\``;
      })
    : [];
  if (/x-www-form-urlencoded/i.test(mediaType)) {
    const fields = Object.entries(isObject(value) ? value : {}).map(([name, field]) => ({ name, value: asText(field), enabled: true, description: '' }));
    return { body: { mediaType, text: new URLSearchParams(fields.map((field) => [field.name, field.value])).toString(), fields }, others };
  }
  const bodyText = value === undefined ? '' : isJson(mediaType) ? JSON.stringify(value, null, 2) : asText(value);
  return { body: { mediaType, text: bodyText }, others };
}

function statusText(status: number): string {
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

interface DocumentedStatus {
  /** The key under `responses`: `200`, or a range such as `2XX`. */
  readonly key: string;
  /** The status a saved answer shows: the code, or the first of its range. */
  readonly status: number;
  /** Every code the key covers. */
  readonly codes: readonly number[];
}

/** The documented statuses, ranges (`2XX`) included; `default` names no status and is left out. */
function documentedStatuses(operation: JsonObject): DocumentedStatus[] {
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

function readExamples(doc: JsonObject, operation: JsonObject): ResponseExample[] {
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

function readSchemas(doc: JsonObject, operation: JsonObject, statuses: readonly DocumentedStatus[]): Record<string, ShallowSchema> {
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
function successStatuses(operation: JsonObject): DocumentedStatus[] {
  const all = documentedStatuses(operation);
  const success = all.filter(isSuccess);
  return success.length > 0 ? success : all;
}

/** The variable of an operation whose path item or operation declares its own `servers`. */
function ownServers(ref: OperationRef, doc: JsonObject): { variable: string; servers: Server[] } | undefined {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const item = deref(doc, paths[ref.key]);
  const servers = readServers(ref.operation.servers ?? (isObject(item) ? item.servers : undefined));
  if (servers.length === 0) return undefined;
  return { variable: `${text(ref.operation.operationId) || asciiId(ref.key)}BaseUrl`, servers };
}

function readRequest(doc: JsonObject, ref: OperationRef, flows: readonly OAuth2Flow[]): RequestModel {
  const operationId = text(ref.operation.operationId);
  if (operationId === '') throw new CollectionModelError(`${ref.method.toUpperCase()} ${ref.key} has no operationId`);
  const { body, others } = readBody(doc, ref.operation);
  const statuses = successStatuses(ref.operation);
  const description = [text(ref.operation.description), ...others].filter((part) => part !== '').join('\n\n');
  return {
    operationId,
    name: text(ref.operation.summary) || operationId,
    description,
    method: ref.method.toUpperCase(),
    path: ref.key,
    baseUrlVariable: ownServers(ref, doc)?.variable ?? 'baseUrl',
    pathParameters: readParameters(doc, ref, 'path'),
    query: readParameters(doc, ref, 'query'),
    headers: readParameters(doc, ref, 'header'),
    body,
    auth: readAuth(doc, ref, flows),
    successStatuses: [...new Set(statuses.flatMap((status) => status.codes))].sort((a, b) => a - b),
    successKeys: statuses.map((status) => status.key),
    examples: readExamples(doc, ref.operation),
    schemas: readSchemas(doc, ref.operation, statuses),
  };
}

function readFolders(doc: JsonObject, flows: readonly OAuth2Flow[]): Folder[] {
  const tags = Array.isArray(doc.tags) ? doc.tags.filter(isObject) : [];
  const folders = new Map<string, { description: string; requests: RequestModel[] }>();
  for (const tag of tags) folders.set(text(tag.name), { description: text(tag.description), requests: [] });
  for (const ref of listOperations(doc)) {
    // Webhooks are sent by the provider, not requests a partner makes.
    if (ref.kind !== 'paths') continue;
    const tag = Array.isArray(ref.operation.tags) ? text(ref.operation.tags[0]) : '';
    const name = tag === '' ? 'Operations' : tag;
    const folder = folders.get(name) ?? { description: '', requests: [] };
    folder.requests.push(readRequest(doc, ref, flows));
    folders.set(name, folder);
  }
  return [...folders.entries()].filter(([, folder]) => folder.requests.length > 0).map(([name, folder]) => ({ name, ...folder }));
}

function secretVariables(model: { folders: readonly Folder[]; oauth2: readonly OAuth2Flow[] }, isMock: boolean): Variable[] {
  const secrets = new Map<string, string>();
  for (const flow of model.oauth2) {
    secrets.set(flow.clientIdVariable, MOCK_SECRETS.username);
    secrets.set(flow.clientSecretVariable, MOCK_SECRETS.password);
  }
  for (const request of model.folders.flatMap((folder) => folder.requests)) {
    const { auth } = request;
    if (auth.kind === 'bearer' && !auth.oauth2) secrets.set(auth.tokenVariable, MOCK_SECRETS.token);
    if (auth.kind === 'basic') {
      secrets.set(auth.usernameVariable, MOCK_SECRETS.username);
      secrets.set(auth.passwordVariable, MOCK_SECRETS.password);
    }
    if (auth.kind === 'apiKey') secrets.set(auth.variable, MOCK_SECRETS.apiKey);
  }
  return [...secrets.entries()].map(([name, value]) => ({ name, value: isMock ? value : '', secret: true }));
}

function serverVariables(server: Server): Variable[] {
  return Object.entries(server.variables).map(([name, value]) => ({ name, value, secret: false }));
}

function readEnvironments(doc: JsonObject, slug: string, folders: readonly Folder[], flows: readonly OAuth2Flow[]): Environment[] {
  const mock = mockUrl(slug);
  const hosts = readServers(doc.servers).filter((server) => server.url !== mock);
  const own = listOperations(doc).filter((ref) => ref.kind === 'paths').map((ref) => ownServers(ref, doc)).filter((entry) => entry !== undefined);
  const tokenPaths = new Map(flows.map((flow) => [flow, tokenOperation(doc, flow)]));
  const build = (server: Server, index: number, isMock: boolean): Environment => {
    const variables = new Map<string, Variable>();
    const add = (variable: Variable): void => {
      if (!variables.has(variable.name)) variables.set(variable.name, variable);
    };
    add({ name: 'baseUrl', value: templated(server.url), secret: false });
    serverVariables(server).forEach(add);
    for (const { variable, servers } of own) {
      // The mock serves every path under its prefix; a host pairs with the own server of the same rank.
      const provider = servers.filter((candidate) => candidate.url !== mock);
      const chosen = isMock ? undefined : (provider.length === hosts.length ? provider[index] : provider[0]);
      const url = chosen ? templated(chosen.url) : mock;
      add({ name: variable, value: url, secret: false });
      if (chosen) serverVariables(chosen).forEach(add);
    }
    for (const flow of flows) {
      const tokenRef = tokenPaths.get(flow);
      const tokenServer = tokenRef ? ownServers(tokenRef, doc) : undefined;
      const base = tokenServer ? `{{${tokenServer.variable}}}` : '{{baseUrl}}';
      const scheme = securitySchemes(doc)[flow.scheme];
      const declared = scheme && isObject(scheme.flows) && isObject(scheme.flows.clientCredentials) ? text(scheme.flows.clientCredentials.tokenUrl) : '';
      add({ name: flow.tokenUrlVariable, value: tokenRef ? `${base}${tokenRef.key}` : declared, secret: false });
    }
    secretVariables({ folders, oauth2: flows }, isMock).forEach(add);
    const name = isMock ? 'Local mock' : environmentName(server);
    return { id: isMock ? 'mock' : asciiId(name) || `host-${index + 1}`, name, description: isMock ? `The credit-apis mock server (\`pnpm start\`), ${mock}.` : server.description, variables: [...variables.values()] };
  };
  const environments = hosts.map((server, index) => build(server, index, false));
  environments.push(build({ url: mock, description: '', variables: {} }, hosts.length, true));
  const ids = environments.map((environment) => environment.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new CollectionModelError(`two servers give the environment name "${duplicate}": make their descriptions differ`);
  return environments;
}

export function readCollectionModel(slug: string, doc: JsonObject): CollectionModel {
  const info = isObject(doc.info) ? doc.info : {};
  const oauth2 = readOAuth2Flows(doc);
  const folders = readFolders(doc, oauth2);
  return {
    slug,
    title: text(info.title) || slug,
    version: text(info.version),
    description: text(info.description),
    environments: readEnvironments(doc, slug, folders, oauth2),
    folders,
    oauth2,
  };
}
