/**
 * An answer computed once and written many times: status, headers as the flat list `writeHead` takes,
 * and the body bytes. The fast path never serializes JSON per request; it writes these.
 */
import { isJsonMediaType } from '../catalog/openapi.js';

export interface PreparedResponse {
  readonly status: number;
  /** `[name, value, name, value, …]`, content-length included. */
  readonly headers: readonly string[];
  readonly body: Buffer;
}

/** What provider files and mock errors describe before it is turned into bytes. */
export interface AnswerSpec {
  status: number;
  headers?: Readonly<Record<string, string>>;
  /** JSON value of the body; `undefined` for an empty body (no content-type is sent then). */
  body?: unknown;
  /** Media type of the body; `application/json` when a body is given and this is not. */
  mediaType?: string;
}

const EMPTY = Buffer.alloc(0);

function serializeBody(body: unknown, mediaType: string): Buffer {
  if (body === undefined) return EMPTY;
  // Prism serializes JSON media types with JSON.stringify and writes strings of other types as they are.
  if (!isJsonMediaType(mediaType) && typeof body === 'string') return Buffer.from(body);
  return Buffer.from(JSON.stringify(body));
}

export function prepare(spec: AnswerSpec): PreparedResponse {
  const mediaType = spec.mediaType ?? 'application/json';
  const body = serializeBody(spec.body, mediaType);
  const headers: string[] = [];
  if (body.length > 0) headers.push('content-type', mediaType);
  headers.push('content-length', String(body.length));
  for (const [name, value] of Object.entries(spec.headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || (lower === 'content-type' && body.length > 0)) continue;
    headers.push(name, value);
  }
  return { status: spec.status, headers, body };
}

const merged = new WeakMap<PreparedResponse, { extra: readonly string[]; headers: string[] }>();

/**
 * The answer's headers followed by `extra`, where a header of `extra` replaces the documented one of the
 * same name (the live rate-limit values replace the spec's example values). Cached per answer while the
 * provider hands out the same `extra` array.
 */
export function mergeHeaders(answer: PreparedResponse, extra: readonly string[]): string[] {
  const cached = merged.get(answer);
  if (cached && cached.extra === extra) return cached.headers;
  const replaced = new Set<string>();
  for (let i = 0; i < extra.length; i += 2) replaced.add((extra[i] as string).toLowerCase());
  const headers: string[] = [];
  for (let i = 0; i < answer.headers.length; i += 2) {
    const name = answer.headers[i] as string;
    if (!replaced.has(name.toLowerCase())) headers.push(name, answer.headers[i + 1] as string);
  }
  headers.push(...extra);
  merged.set(answer, { extra, headers });
  return headers;
}
