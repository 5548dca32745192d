/**
 * ECCOR FGTS on the UY3 credit API (seed 004). From the spec: the OAuth2 scheme, the 401 with no body and
 * `WWW-Authenticate: Bearer`, the documented 400/403 bodies, the rate-limit header values. What this file
 * adds:
 *   - validation errors as UY3 words them: 400 `INVALID_FORM` with one `{message, key}` per offending
 *     field in `details.formErrors`, messages in Portuguese like the documented ones;
 *   - the token endpoint (Amazon Cognito, its own host) answers OAuth2 errors (RFC 6749 §5.2) with its one
 *     documented error status, 400 `TokenError`: `invalid_request` (documented), `unsupported_grant_type`,
 *     and `invalid_client` for a missing or malformed Basic credential (the document shows no 401 for the
 *     token endpoint, so none is answered; Cognito's own reference answers its errors 400 too);
 *   - `X-Rate-Limit-Limit/Remaining/Reset` on every answer of the `/v1` API but its 401s (the captures
 *     show them on 200, 204 and 403 answers and never on a 401): values from the spec's header examples,
 *     with `Reset` the end of the current window in the captures' format (`…T22:08:00.0000000Z`);
 *   - JSON bodies with `//` comments and trailing commas are accepted: the document's own curls send such
 *     bodies and get 200, as Newtonsoft.Json (whose error message the 400 example quotes) allows.
 */
import { follow, isObject, type JsonObject } from '../catalog/openapi.js';
import { dottedPath, type Violation } from '../validation/violation.js';
import { defineProfile, type OperationInfo } from './types.js';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'texto',
  integer: 'número inteiro',
  number: 'número',
  boolean: 'booleano (true/false)',
  object: 'objeto',
  array: 'lista',
  null: 'nulo',
};

const FORMAT_MESSAGES: Readonly<Record<string, string>> = {
  'date-time': 'Data inválida: use data e hora ISO 8601 com fuso (ex.: 2023-11-21T03:00:00.000Z)',
  date: 'Data inválida: use o formato AAAA-MM-DD',
  uuid: 'Identificador inválido: esperado um UUID',
  email: 'E-mail inválido',
};

function list(values: unknown): string {
  return Array.isArray(values) ? values.map((value) => String(value)).join(', ') : String(values);
}

/** Portuguese wording, in the style of the documented messages ("Requerido para tipo de Operação…"). */
export function portugueseMessage(violation: Violation): string {
  const { keyword, params } = violation;
  const limit = String(params.limit);
  switch (keyword) {
    case 'required':
      return violation.field.length === 0 ? 'O corpo da requisição é obrigatório' : 'Campo obrigatório';
    case 'type':
      return `Valor inválido: esperado ${String(params.type)
        .split(',')
        .map((type) => TYPE_NAMES[type] ?? type)
        .join(' ou ')}`;
    case 'enum':
      return `Valor inválido. Valores aceitos: ${list(params.allowedValues)}`;
    case 'const':
      return `Valor inválido. Valor aceito: ${String(params.allowedValue)}`;
    case 'format':
      return FORMAT_MESSAGES[String(params.format)] ?? `Formato inválido (${String(params.format)})`;
    case 'pattern':
      return 'Formato inválido';
    case 'minLength':
      return `Deve ter no mínimo ${limit} caractere(s)`;
    case 'maxLength':
      return `Deve ter no máximo ${limit} caractere(s)`;
    case 'minItems':
      return `Deve ter no mínimo ${limit} item(ns)`;
    case 'maxItems':
      return `Deve ter no máximo ${limit} item(ns)`;
    case 'minimum':
      return `Deve ser maior ou igual a ${limit}`;
    case 'maximum':
      return `Deve ser menor ou igual a ${limit}`;
    case 'exclusiveMinimum':
      return `Deve ser maior que ${limit}`;
    case 'exclusiveMaximum':
      return `Deve ser menor que ${limit}`;
    case 'additionalProperties':
      return 'Campo não reconhecido';
    case 'oneOf':
    case 'anyOf':
      return 'Valor inválido: não corresponde a nenhuma das opções aceitas';
    case 'content-type':
      return `Content-Type não suportado: use ${list(params.allowedValues)}`;
    case 'json':
      return `JSON inválido: ${String(params.reason)}`;
    default:
      return violation.message;
  }
}

/** The field as the request spells it (`bankAccounts[1].agency`, `[0].type`), or the parameter's name. */
function formKey(violation: Violation): string {
  if (violation.location === 'header' && violation.field[0] === 'content-type') return 'Content-Type';
  return dottedPath(violation.field);
}

function isTokenEndpoint(operation: OperationInfo): boolean {
  return operation.path === '/oauth2/token';
}

function oauthError(violations: readonly Violation[]): string {
  const grantType = violations.find((violation) => violation.location === 'body' && violation.field[0] === 'grant_type');
  return grantType && grantType.keyword !== 'required' && grantType.keyword !== 'type' ? 'unsupported_grant_type' : 'invalid_request';
}

/** First example of a header component: the header's own example, else its schema's. */
function headerExample(doc: JsonObject, name: string): string | undefined {
  const headers = isObject(doc.components) && isObject(doc.components.headers) ? doc.components.headers : {};
  const header = follow(doc, headers[name], '#').value;
  if (!isObject(header)) return undefined;
  const schema = follow(doc, header.schema, '#').value;
  const value = 'example' in header ? header.example : isObject(schema) && Array.isArray(schema.examples) ? schema.examples[0] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** `2023-11-21T22:08:00.0000000Z`: .NET's round-trip format, seven fractional digits. */
function dotNetUtc(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

export default defineProfile((doc) => {
  const limit = headerExample(doc, 'X-Rate-Limit-Limit') ?? '10s';
  const remaining = headerExample(doc, 'X-Rate-Limit-Remaining') ?? '49';
  const seconds = /^(\d+)s$/.exec(limit);
  const windowMs = (seconds ? Number(seconds[1]) : 10) * 1000;
  let window = -1;
  let rateLimitHeaders: readonly string[] = [];
  const none: readonly string[] = [];

  return {
    lenientJson: true,
    unauthorized: {
      'http:basic': { status: 400, body: { error: 'invalid_client' } },
    },
    validationError: (violations, operation) => {
      if (isTokenEndpoint(operation)) return { status: 400, body: { error: oauthError(violations) } };
      return {
        status: 400,
        body: {
          code: 'INVALID_FORM',
          message: 'Não foi possível validar os dados do formulário',
          details: { formErrors: violations.map((violation) => ({ message: portugueseMessage(violation), key: formKey(violation) })) },
        },
      };
    },
    extraHeaders: (status, operation) => {
      if (status === 401 || operation.ownServers) return none;
      const current = Math.floor(Date.now() / windowMs);
      if (current !== window) {
        // One array per window: the answer writer caches its merged headers by this array's identity.
        window = current;
        rateLimitHeaders = [
          'X-Rate-Limit-Limit',
          limit,
          'X-Rate-Limit-Remaining',
          remaining,
          'X-Rate-Limit-Reset',
          dotNetUtc((current + 1) * windowMs),
        ];
      }
      return rateLimitHeaders;
    },
  };
});
