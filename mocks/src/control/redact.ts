/**
 * What the journal keeps of a request, with no secret and no CPF in clear: credential headers keep only
 * their scheme (`Bearer ***`, `Basic ***`), a cookie nothing; everything else — other headers, the query, the
 * parsed body — goes through the workspace's one redactor (`@credit-apis/contract-core`: secret-named
 * members, `Bearer`/`Basic` credentials, CPFs, e-mails).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { REDACTED, redactJson, redactText as redactWithoutSecrets } from '@credit-apis/contract-core/redact';

export function redactText(text: string): string {
  return redactWithoutSecrets(text);
}

/** A parsed body (JSON value, form fields, or text) with secret members, credentials and CPFs replaced. */
export function redactValue(value: unknown): unknown {
  return redactJson(value);
}

// Headers whose whole value is a credential, whatever it looks like (a cookie's names are the site's own).
const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$/;

function credential(value: string): string {
  const scheme = /^(\S+)\s+\S/.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const others: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (CREDENTIAL_HEADER.test(name)) out[name] = Array.isArray(value) ? value.map(credential) : credential(value);
    else others[name] = value;
  }
  return Object.assign(out, redactJson(others));
}

export function redactQuery(query: URLSearchParams | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!query) return out;
  for (const [name, value] of query) {
    const previous = out[name];
    out[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return redactJson(out);
}
