/**
 * Redaction of secrets and CPFs from everything the runtime writes: log events and error messages.
 *
 * Two kinds of values are removed:
 * - known secrets (bearer tokens the client has sent, Basic credentials, client secrets), registered by the
 *   client and by the auth strategies, wherever they appear;
 * - patterns that are secret or personal whatever their value: `Bearer …` / `Basic …` credentials, OAuth2
 *   `access_token` / `client_secret` fields, and CPFs (11 digits, with or without the `123.456.789-09`
 *   punctuation), including in URL paths and query strings.
 */

/** What replaces a redacted value. */
export const REDACTED = '***';

// 11 digits, optionally punctuated as 123.456.789-09, standing on their own: not part of a longer run of digits
// nor of an alphanumeric token, so that an opaque id such as UY3's hex correlation id ("#64098aee3751234…")
// is never mangled when it happens to hold 11 digits in a row.
const CPF = /(?<![\dA-Za-z])\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?![\dA-Za-z])/g;
// `Bearer abc`, `Basic abc=` (credentials in header-like text).
const SCHEME_CREDENTIAL = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;
// "access_token":"…", access_token=…, client_secret=…, refresh_token …
const SECRET_FIELD = /\b(access_token|refresh_token|id_token|client_secret|password)("?\s*[:=]\s*"?)([^"&\s,}]+)/gi;

/**
 * Returns `text` with every CPF, every `Bearer`/`Basic` credential, every OAuth2 secret field and every one of
 * `secrets` replaced by `***`.
 *
 * @example
 * redact('GET /persons/123.456.789-09?token=abc', ['abc']) // 'GET /persons/***?token=***'
 */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  // Longest first, so that a secret containing another is removed whole.
  const sorted = [...secrets].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  for (const secret of sorted) {
    out = out.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join(REDACTED);
  }
  return out
    .replace(SCHEME_CREDENTIAL, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SECRET_FIELD, (_match, field: string, separator: string) => `${field}${separator}${REDACTED}`)
    .replace(CPF, REDACTED);
}

/**
 * The set of secrets one client knows, bounded so that a long-lived client rotating tokens every hour does
 * not grow without limit (the oldest are forgotten first; a forgotten token has long expired).
 * @internal
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  readonly #limit: number;

  constructor(limit = 64) {
    this.#limit = limit;
  }

  /** Remembers `secret` (ignored when empty). */
  add(secret: string | undefined): void {
    if (!secret) return;
    this.#secrets.delete(secret);
    this.#secrets.add(secret);
    while (this.#secrets.size > this.#limit) {
      const oldest = this.#secrets.values().next().value;
      if (oldest === undefined) break;
      this.#secrets.delete(oldest);
    }
  }

  /** {@link redact} with every remembered secret. */
  redact(text: string): string {
    return redact(text, this.#secrets);
  }
}

/** Redacted `pathname?search` of a URL (no scheme, host or fragment), or the redacted input if it is no URL. */
export function redactUrlPath(url: string, redactor: Redactor): string {
  try {
    const parsed = new URL(url);
    return redactor.redact(`${parsed.pathname}${parsed.search}`);
  } catch {
    return redactor.redact(url);
  }
}
