/**
 * Generates the `x-codeSamples` of every operation from the spec itself: a TypeScript sample that uses the
 * provider's `@credit-apis/<slug>` client (the agreed public API), and a curl sample against the local mock
 * server. Nothing here is written per operation: path, method, parameters, body and auth all come from the
 * bundle, and the values from the operation's first documented example, so the TypeScript sample compiles
 * against the generated types (scripts/docs/__tests__/samples-typecheck.test.ts proves it).
 *
 * Webhooks get no sample: the partner receives them rather than calls them, and Redoc shows their payload
 * and examples on its own.
 */
import { deref, isObject, type Json, type JsonObject, type OperationRef } from '@credit-apis/contract-core';
import { MOCK_ORIGIN, providerNames, type ProviderNames } from './provider-names.js';
import { tsLiteral, tsString } from './ts-literal.js';

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

/**
 * Redoc 3 shows an `x-codeSamples` entry only when its language is listed in the `codeSamples.languages`
 * option, and the default list (curl, JavaScript, Node.js, Python, …) has no TypeScript: that is why a
 * first try showed the curl sample and silently dropped the TypeScript one. The build passes this list.
 * Each `lang` must equal the `label` (or `lang`) of the samples below, lower-cased, to be matched.
 */
export const SAMPLE_LANGUAGES: readonly { lang: string }[] = [{ lang: 'TypeScript' }, { lang: 'curl' }, { lang: 'Payload' }];
export const TYPESCRIPT = 'TypeScript';
export const CURL = 'curl';

export class SampleError extends Error {
  override name = 'SampleError';
}

/** Parameters that the client or curl set themselves: never copied from the spec into a sample. */
const TRANSPORT_HEADERS = new Set(['authorization', 'content-type', 'accept']);

interface SecurityScheme {
  name: string;
  scheme: JsonObject;
  scopes: string[];
}

interface SampleContext {
  doc: JsonObject;
  names: ProviderNames;
  op: OperationRef;
}

export function codeSamplesFor(doc: JsonObject, slug: string, op: OperationRef): CodeSample[] {
  if (op.kind === 'webhooks') return [];
  const context: SampleContext = { doc, names: providerNames(slug), op };
  return [
    { lang: TYPESCRIPT, label: TYPESCRIPT, source: typescriptSample(context) },
    { lang: CURL, label: CURL, source: curlSample(context) },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Values from the spec

/** The first documented value of a parameter: named example, singular example, then the schema's. */
function parameterValue(doc: JsonObject, parameter: JsonObject): Json | undefined {
  if (isObject(parameter.examples)) {
    for (const raw of Object.values(parameter.examples)) {
      const example = deref(doc, raw);
      if (isObject(example) && 'value' in example) return example.value;
    }
  }
  if ('example' in parameter) return parameter.example;
  return schemaValue(doc, parameter.schema);
}

function schemaValue(doc: JsonObject, rawSchema: Json | undefined): Json | undefined {
  const schema = deref(doc, rawSchema);
  if (!isObject(schema)) return undefined;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ('default' in schema) return schema.default;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  return undefined;
}

/**
 * A stand-in for a required value that the spec documents no example for, typed after its schema so that
 * the sample still compiles: `'<operation_code>'` tells the reader what to put there.
 */
function placeholder(doc: JsonObject, name: string, rawSchema: Json | undefined): Json {
  const schema = deref(doc, rawSchema);
  const types = isObject(schema) ? (Array.isArray(schema.type) ? schema.type : [schema.type]) : [];
  if (types.includes('integer') || types.includes('number')) return 0;
  if (types.includes('boolean')) return false;
  return `<${name}>`;
}

function isPlaceholder(name: string, value: Json | undefined): boolean {
  return value === `<${name}>`;
}

interface ParameterValues {
  path: JsonObject;
  query: JsonObject;
  header: JsonObject;
  cookie: JsonObject;
}

/** Path parameters always; query, header and cookie parameters when required or documented by an example. */
function parameterValues({ doc, op }: SampleContext): ParameterValues {
  const values: ParameterValues = { path: {}, query: {}, header: {}, cookie: {} };
  for (const parameter of op.parameters) {
    const name = String(parameter.name);
    const where = String(parameter.in) as keyof ParameterValues;
    if (!(where in values)) continue;
    if (where === 'header' && TRANSPORT_HEADERS.has(name.toLowerCase())) continue;
    const documented = parameterValue(doc, parameter);
    const required = parameter.required === true || where === 'path';
    if (documented !== undefined) values[where][name] = documented;
    else if (required) values[where][name] = placeholder(doc, name, parameter.schema);
  }
  return values;
}

interface BodyExample {
  mediaType: string;
  value: Json;
}

/** The request body's first documented example; JSON is preferred when several media types are offered. */
function bodyExample({ doc, op }: SampleContext): BodyExample | undefined {
  const body = deref(doc, op.operation.requestBody);
  if (!isObject(body) || !isObject(body.content)) return undefined;
  const entries = Object.entries(body.content);
  const ordered = [...entries.filter(([type]) => isJson(type)), ...entries.filter(([type]) => !isJson(type))];
  for (const [mediaType, media] of ordered) {
    if (!isObject(media)) continue;
    if (isObject(media.examples)) {
      for (const raw of Object.values(media.examples)) {
        const example = deref(doc, raw);
        if (isObject(example) && 'value' in example) return { mediaType, value: example.value };
      }
    }
    if ('example' in media) return { mediaType, value: media.example };
    const fromSchema = schemaValue(doc, media.schema);
    if (fromSchema !== undefined) return { mediaType, value: fromSchema };
  }
  const [first] = ordered;
  if (first && body.required === true) {
    throw new SampleError(`${operationLabel(op)}: the request body has no documented example to build a sample from`);
  }
  return undefined;
}

function isJson(mediaType: string): boolean {
  return /^application\/(.+\+)?json$/.test(mediaType);
}

function isForm(mediaType: string): boolean {
  return mediaType === 'application/x-www-form-urlencoded';
}

function operationLabel(op: OperationRef): string {
  return `${op.method.toUpperCase()} ${op.key}`;
}

/** The local mock server among the first non-empty server list (operation, then path item, then root). */
function mockUrlIn(lists: (Json | undefined)[], what: string): string {
  const servers = lists.find((list) => Array.isArray(list) && list.length > 0);
  const mock = (Array.isArray(servers) ? servers : [])
    .map((server) => (isObject(server) && typeof server.url === 'string' ? server.url : ''))
    .find((url) => url.startsWith(`${MOCK_ORIGIN}/`));
  if (!mock) throw new SampleError(`${what}: no local mock server (${MOCK_ORIGIN}/<slug>) among its servers`);
  return mock.replace(/\/$/, '');
}

function mockBaseUrl({ doc, op }: SampleContext): string {
  const pathItem = isObject(doc.paths) ? deref(doc, doc.paths[op.key]) : undefined;
  return mockUrlIn([op.operation.servers, isObject(pathItem) ? pathItem.servers : undefined, doc.servers], operationLabel(op));
}

/** The schemes of the first security requirement that applies (operation-level overrides the root's). */
function securityOf(doc: JsonObject, requirements: Json | undefined): SecurityScheme[] {
  if (!Array.isArray(requirements) || requirements.length === 0) return [];
  const [first] = requirements;
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  return Object.entries(isObject(first) ? first : {}).map(([name, scopes]) => {
    const scheme = deref(doc, schemes[name]);
    if (!isObject(scheme)) throw new SampleError(`security scheme "${name}" is not declared in components.securitySchemes`);
    return { name, scheme, scopes: Array.isArray(scopes) ? scopes.map(String) : [] };
  });
}

function operationSecurity({ doc, op }: SampleContext): SecurityScheme[] {
  return securityOf(doc, 'security' in op.operation ? op.operation.security : doc.security);
}

/** `https://{authUrl}/oauth2/token` → `/oauth2/token`: token URLs may hold server variables, so no `new URL`. */
function urlPath(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') || '/';
}

function clientCredentialsFlow(scheme: JsonObject): JsonObject | undefined {
  return scheme.type === 'oauth2' && isObject(scheme.flows) && isObject(scheme.flows.clientCredentials)
    ? scheme.flows.clientCredentials
    : undefined;
}

/** The path of the OAuth2 token endpoint when this API uses client credentials (`/oauth2/token`). */
function tokenPath(doc: JsonObject): string | undefined {
  for (const { scheme } of securityOf(doc, doc.security)) {
    const flow = clientCredentialsFlow(scheme);
    if (flow && typeof flow.tokenUrl === 'string') return urlPath(flow.tokenUrl);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// TypeScript

/** The `auth:` option of the client factory, from the API-wide security requirement. */
function clientAuth(context: SampleContext): { helper: string; expression: string } {
  const { doc, names } = context;
  const [first] = securityOf(doc, doc.security);
  if (!first) throw new SampleError(`${names.slug}: no API-wide security requirement to configure the client with`);
  const { scheme, scopes } = first;
  const flow = clientCredentialsFlow(scheme);
  if (flow && typeof flow.tokenUrl === 'string') {
    const scope = scopes[0] ?? (isObject(flow.scopes) ? Object.keys(flow.scopes)[0] : undefined);
    // The mock server answers the token endpoint under the API's own prefix, whatever the real
    // per-customer host of the token URL is.
    const tokenUrl = `${mockUrlIn([doc.servers], names.slug)}${urlPath(flow.tokenUrl)}`;
    const lines = [
      `tokenUrl: ${tsString(tokenUrl)},`,
      `clientId: process.env.${names.envPrefix}_CLIENT_ID ?? '',`,
      `clientSecret: process.env.${names.envPrefix}_CLIENT_SECRET ?? '',`,
      ...(scope ? [`scope: ${tsString(scope)},`] : []),
    ];
    return { helper: 'clientCredentials', expression: `clientCredentials({\n${lines.map((line) => `    ${line}`).join('\n')}\n  })` };
  }
  if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') {
    return { helper: 'bearer', expression: `bearer(process.env.${names.envPrefix}_TOKEN ?? '')` };
  }
  throw new SampleError(
    `${names.slug}: the client packages support OAuth2 client credentials and HTTP bearer, not "${String(scheme.type)}"`,
  );
}

/** A comment when this operation is not authenticated the way the client is (e.g. the token endpoint). */
function authNote(context: SampleContext): string[] {
  const { doc, op } = context;
  if (op.key === tokenPath(doc)) {
    return ['// clientCredentials() already fetches and renews this token for the client.'];
  }
  const own = operationSecurity(context).map(({ name }) => name);
  const client = securityOf(doc, doc.security).map(({ name }) => name);
  if (own.join() === client.join()) return [];
  return own.length === 0
    ? ['// This operation needs no authentication.']
    : [`// This operation is authenticated with ${own.join(' + ')} (see Security).`];
}

function typescriptSample(context: SampleContext): string {
  const { names, op } = context;
  const auth = clientAuth(context);
  const params = parameterValues(context);
  const body = bodyExample(context);

  const init: JsonObject = {};
  const paramsInit: JsonObject = {};
  for (const where of ['path', 'query', 'header', 'cookie'] as const) {
    if (Object.keys(params[where]).length > 0) paramsInit[where] = params[where];
  }
  if (Object.keys(paramsInit).length > 0) init.params = paramsInit;
  if (body) {
    init.body = body.value;
    // openapi-fetch serializes a form body only when told the content type; JSON is its default.
    if (!isJson(body.mediaType)) init.headers = { 'Content-Type': body.mediaType };
  }

  const method = op.method.toUpperCase();
  const args = Object.keys(init).length > 0 ? `${tsString(op.key)}, ${tsLiteral(init)}` : tsString(op.key);
  // Reads use the `{ data, error }` result; writes show `unwrap()`, which throws on an error answer.
  const write = !['GET', 'HEAD', 'OPTIONS'].includes(method);
  const helpers = [names.factory, auth.helper, ...(write ? ['unwrap'] : [])];
  const call = write
    ? [`const data = unwrap(await client.${method}(${args}));`, 'console.log(data);']
    : [`const { data, error } = await client.${method}(${args});`, 'if (error) console.error(error);', 'else console.log(data);'];
  return [
    `import { ${helpers.join(', ')} } from '${names.packageName}';`,
    '',
    `const client = ${names.factory}({`,
    `  environment: 'mock',`,
    `  auth: ${auth.expression},`,
    '});',
    '',
    ...authNote(context),
    ...call,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------
// curl

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function queryString(query: JsonObject): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    // Arrays use OpenAPI's default `form` + `explode` style: the name repeats.
    for (const item of Array.isArray(value) ? value : [value]) {
      search.append(name, typeof item === 'string' ? item : JSON.stringify(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function curlAuth(context: SampleContext): { comment: string[]; options: string[] } {
  const { doc, names } = context;
  const comment: string[] = [];
  const options: string[] = [];
  for (const { name, scheme } of operationSecurity(context)) {
    const kind = scheme.type === 'http' ? String(scheme.scheme).toLowerCase() : String(scheme.type);
    if (kind === 'oauth2' || kind === 'openIdConnect' || kind === 'bearer') {
      options.push(`--header "Authorization: Bearer $${names.envPrefix}_TOKEN"`);
      const path = tokenPath(doc);
      if (kind === 'oauth2' && path) comment.push(`# ${names.envPrefix}_TOKEN: the access_token answered by POST ${path}`);
    } else if (kind === 'basic') {
      options.push(`--header "Authorization: Basic $${names.envPrefix}_BASIC_TOKEN"`);
    } else if (kind === 'apiKey' && scheme.in === 'header') {
      options.push(`--header "${String(scheme.name)}: $${names.envPrefix}_API_KEY"`);
    } else {
      throw new SampleError(`${operationLabel(context.op)}: no curl form for security scheme "${name}" (${kind})`);
    }
  }
  return { comment, options };
}

function curlSample(context: SampleContext): string {
  const { op } = context;
  const params = parameterValues(context);
  const path = op.key.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = params.path[name];
    if (value === undefined) return whole;
    // A placeholder stays readable (`<operation_code>`) rather than percent-encoded.
    return isPlaceholder(name, value) ? String(value) : encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
  });
  const url = `${mockBaseUrl(context)}${path}${queryString(params.query)}`;
  const auth = curlAuth(context);
  const options = [`--request ${op.method.toUpperCase()}`, `--url ${shellQuote(url)}`, ...auth.options];
  for (const [name, value] of Object.entries(params.header)) {
    options.push(`--header ${shellQuote(`${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)}`);
  }
  const body = bodyExample(context);
  if (body && isForm(body.mediaType) && isObject(body.value)) {
    options.push(`--header ${shellQuote(`Content-Type: ${body.mediaType}`)}`);
    for (const [name, value] of Object.entries(body.value)) {
      options.push(`--data-urlencode ${shellQuote(`${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`)}`);
    }
  } else if (body) {
    options.push(`--header ${shellQuote(`Content-Type: ${body.mediaType}`)}`);
    options.push(
      `--data ${shellQuote(typeof body.value === 'string' && !isJson(body.mediaType) ? body.value : JSON.stringify(body.value, null, 2))}`,
    );
  }
  return [...auth.comment, `curl ${options.join(' \\\n  ')}`, ''].join('\n');
}
