/**
 * What the journal keeps of a request, with no secret and no CPF in clear: credential headers keep only
 * their scheme (`Bearer ***`), secret-named query parameters and body fields become `***`, and every other
 * string goes through the kit's redactor (CPFs, `Bearer`/`Basic` credentials, OAuth2 secret fields).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { redact, REDACTED } from '@credit-apis/runtime';
import { SECRET_NAME } from '../http/request-log.js';

/**
 * The kit's one redactor (today the runtime's; `@credit-apis/contract-core`'s once it holds it): every
 * other function of this file goes through this one.
 */
export function redactText(text: string): string {
  return redact(text);
}

const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$/;
// Narrower than SECRET_NAME: provider bodies have `signatureType`, `paginationToken`, `token_type`…
const SECRET_FIELD = /(secret|passw(or)?d|^pwd$|^(access|refresh|id)[-_]?token$|^api[-_]?key$|assertion$)/i;

function credential(value: string): string {
  const scheme = /^(\S+)\s+\S/.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const secret = CREDENTIAL_HEADER.test(name) || SECRET_NAME.test(name);
    const clean = (one: string): string => (secret ? credential(one) : redactText(one));
    out[name] = Array.isArray(value) ? value.map(clean) : clean(value);
  }
  return out;
}

export function redactQuery(query: URLSearchParams | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!query) return out;
  for (const [name, raw] of query) {
    const value = SECRET_NAME.test(name) ? REDACTED : redactText(raw);
    const previous = out[name];
    out[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

/** A parsed body (JSON value, form fields, or text) with secret fields and CPFs replaced. */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  // An 11-digit number can be a CPF too.
  if (typeof value === 'number') return redactText(String(value)) === String(value) ? value : REDACTED;
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_FIELD.test(key) && item !== null && typeof item !== 'object' ? REDACTED : redactValue(item);
  return out;
}
