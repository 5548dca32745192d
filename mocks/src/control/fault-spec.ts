/**
 * What a fault is (`POST /_mock/faults`, `mock.fault(spec)`) and the check that turns untrusted JSON into
 * one. Every refusal names the field at fault, so a test author sees at once what to fix; nothing a client
 * sends can make the mock throw.
 */
import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { Provider } from '../catalog/provider.js';

/** What happens to a matching request; effects combine (`delayMs` + `status`, `status` + `truncate`…). */
export interface FaultEffect {
  /** Answer this status (200–599) instead of the operation's answer: the sandbox and `Prefer` never see the request. */
  readonly status?: number;
  /** Headers of the `status` answer (`Retry-After`, `X-Rate-Limit-Reset`, `Content-Type`…). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Body of the `status` answer: a string is sent as it is (`text/plain` unless `headers` say otherwise), any other JSON value as JSON. */
  readonly body?: unknown;
  /** Hold the answer back this long (ms, at most 600000): the request is processed, its answer is late. */
  readonly delayMs?: number;
  /** Destroy the connection without an answer (a TCP reset). */
  readonly reset?: boolean;
  /** Send the headers and half the body, then close: the body ends early and does not parse. */
  readonly truncate?: boolean;
}

export interface FaultSpec {
  /** Provider slug: `zemo`. */
  readonly provider: string;
  /** HTTP method; omitted: every method. */
  readonly method?: string;
  /** The spec's path template (`/api/operations/{id}`); omitted: every operation of the provider. */
  readonly path?: string;
  /** How many matching requests it applies to, then it is gone; omitted: until removed. */
  readonly times?: number;
  readonly fault: FaultEffect;
}

/** A fault in force, as `GET /_mock/faults` lists it. */
export interface ActiveFault extends FaultSpec {
  readonly id: string;
  /** Requests it still applies to; `null`: until removed. */
  readonly remaining: number | null;
  /** Requests it has applied to so far. */
  readonly applied: number;
}

/** A fault spec refused: `field` is the dotted path of the offending member (`fault.status`). */
export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
  readonly field: string;
  constructor(field: string, message: string) {
    super(field === '' ? message : `${field}: ${message}`);
    this.field = field;
  }
}

export const MAX_DELAY_MS = 600_000;
const SPEC_KEYS = new Set(['provider', 'method', 'path', 'times', 'fault']);
const EFFECT_KEYS = new Set(['status', 'headers', 'body', 'delayMs', 'reset', 'truncate']);
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE']);
// The mock frames the body itself.
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuseUnknownKeys(value: Json, known: ReadonlySet<string>, prefix: string): void {
  for (const key of Object.keys(value)) {
    if (!known.has(key)) throw new FaultSpecError(`${prefix}${key}`, `unknown member (known: ${[...known].join(', ')})`);
  }
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FaultSpecError(field, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function flag(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new FaultSpecError(field, `must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

function readHeaders(value: unknown): Record<string, string> {
  if (!isRecord(value)) throw new FaultSpecError('fault.headers', 'must be an object of header names to values');
  const headers: Record<string, string> = {};
  for (const [name, raw] of Object.entries(value)) {
    const field = `fault.headers.${name}`;
    if (typeof raw !== 'string' && typeof raw !== 'number') throw new FaultSpecError(field, `must be a string, got ${JSON.stringify(raw)}`);
    if (FRAMING_HEADERS.has(name.toLowerCase())) throw new FaultSpecError(field, 'is set by the mock (it frames the body itself)');
    try {
      validateHeaderName(name);
      validateHeaderValue(name, String(raw));
    } catch (error) {
      throw new FaultSpecError(field, `is not a valid header (${error instanceof Error ? error.message : String(error)})`);
    }
    headers[name] = String(raw);
  }
  return headers;
}

function readEffect(value: unknown): FaultEffect {
  if (!isRecord(value)) throw new FaultSpecError('fault', 'must be an object with status, headers, body, delayMs, reset or truncate');
  refuseUnknownKeys(value, EFFECT_KEYS, 'fault.');
  const effect: { -readonly [K in keyof FaultEffect]: FaultEffect[K] } = {};
  if (value.status !== undefined) {
    effect.status = wholeNumber(value.status, 'fault.status', 200, 599);
  }
  if (value.headers !== undefined) effect.headers = readHeaders(value.headers);
  if (value.body !== undefined) effect.body = value.body;
  if (value.delayMs !== undefined) effect.delayMs = wholeNumber(value.delayMs, 'fault.delayMs', 0, MAX_DELAY_MS);
  if (value.reset !== undefined && flag(value.reset, 'fault.reset')) effect.reset = true;
  if (value.truncate !== undefined && flag(value.truncate, 'fault.truncate')) effect.truncate = true;

  if (effect.status === undefined) {
    for (const field of ['headers', 'body'] as const) {
      if (effect[field] !== undefined) throw new FaultSpecError(`fault.${field}`, 'goes with fault.status (the answer it belongs to)');
    }
  }
  if (effect.body !== undefined && (effect.status === 204 || effect.status === 205 || effect.status === 304)) {
    throw new FaultSpecError('fault.body', `a ${effect.status} answer has no body (RFC 9110)`);
  }
  if (effect.reset) {
    const other = (['status', 'truncate'] as const).find((field) => effect[field] !== undefined);
    if (other) throw new FaultSpecError('fault.reset', `sends no answer, so it cannot go with fault.${other}`);
  }
  if (effect.status === undefined && !effect.reset && !effect.truncate && !effect.delayMs) {
    throw new FaultSpecError('fault', 'does nothing: give status, delayMs, reset or truncate');
  }
  return effect;
}

/** Checks `input` against the providers the mock serves; throws {@link FaultSpecError}. */
export function parseFaultSpec(input: unknown, providers: readonly Provider[]): FaultSpec {
  if (!isRecord(input)) throw new FaultSpecError('', 'a fault spec is a JSON object: {"provider": "…", "fault": {…}}');
  refuseUnknownKeys(input, SPEC_KEYS, '');
  if (typeof input.provider !== 'string') throw new FaultSpecError('provider', 'is required: the slug of a provider of the mock');
  const slug = input.provider;
  const provider = providers.find((candidate) => candidate.slug === slug);
  if (!provider)
    throw new FaultSpecError('provider', `unknown provider "${slug}" (known: ${providers.map((candidate) => candidate.slug).join(', ')})`);

  let path: string | undefined;
  if (input.path !== undefined) {
    if (typeof input.path !== 'string')
      throw new FaultSpecError('path', 'must be a path template of the spec, such as /api/operations/{id}');
    path = input.path;
    const known = provider.paths.map((entry) => entry.template.template);
    if (!known.includes(path)) {
      const routed = path.startsWith('/') ? provider.route(path.split('/').slice(1), path) : undefined;
      const hint = routed ? ` — did you mean its template ${routed.entry.template.template}?` : '';
      throw new FaultSpecError('path', `${JSON.stringify(path)} is not a path template of ${slug}${hint} (known: ${known.join(', ')})`);
    }
  }

  let method: string | undefined;
  if (input.method !== undefined) {
    const upper = typeof input.method === 'string' ? input.method.toUpperCase() : undefined;
    if (upper === undefined || !HTTP_METHODS.has(upper))
      throw new FaultSpecError('method', `must be an HTTP method (${[...HTTP_METHODS].join(', ')}), got ${JSON.stringify(input.method)}`);
    const documented = provider.operations
      .filter((operation) => path === undefined || operation.info.path === path)
      .map((operation) => operation.info.method.toUpperCase());
    // A HEAD is answered by the GET operation.
    if (!documented.includes(upper === 'HEAD' ? 'GET' : upper)) {
      throw new FaultSpecError(
        'method',
        `${upper} is not a method of ${path === undefined ? `any ${slug} operation` : `${slug} ${path}`} (documented: ${[...new Set(documented)].join(', ')})`,
      );
    }
    method = upper;
  }

  const times = input.times === undefined ? undefined : wholeNumber(input.times, 'times', 1, Number.MAX_SAFE_INTEGER);
  if (input.fault === undefined) throw new FaultSpecError('fault', 'is required: what happens, e.g. {"status": 503} or {"delayMs": 2000}');
  const fault = readEffect(input.fault);
  return {
    provider: slug,
    ...(method === undefined ? {} : { method }),
    ...(path === undefined ? {} : { path }),
    ...(times === undefined ? {} : { times }),
    fault,
  };
}
