/**
 * The one redactor of the workspace: what the runtime logs and throws, what the mock logs and answers.
 * Small and free of dependencies: the runtime's base entry carries it within a size budget.
 *
 * Removed wherever they appear (paths, queries, JSON, form bodies, prose):
 * - the known secrets a caller passes (tokens the client sent, client secrets), URL-encoded too;
 * - `Bearer …` / `Basic …` credentials;
 * - the value of any member whose name says it is a secret: names ending in `token`, `secret`, `password`,
 *   `key` (`key`, `apiKey`, `private_key`…), `jwt`, `bearer`, `signature`, `credential`, `assertion`,
 *   `session`, `auth` — as `name=value`, `name: value` or `"name": "value"`; and `code=` in a query or form
 *   (an OAuth2 authorization code; a JSON `"code"` is a provider's error code and stays readable);
 * - CPFs: 11 digits standing on their own, punctuated (`123.456.789-09`) or not, in paths too;
 * - e-mail addresses, also percent-encoded (`nilce.knupp%40example.com`).
 */

/** What replaces a redacted value. */
export const REDACTED = '***';

// Standing on their own: not part of a longer run of digits nor of an alphanumeric token, so that an opaque id
// (UY3's hex correlation ids) holding 11 digits in a row is never mangled.
const CPF = /(?<![\dA-Za-z])\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?![\dA-Za-z])/g;
const EMAIL = /[\w.+%-]+(?:@|%40)[A-Za-z\d-]+(?:\.[A-Za-z\d-]+)*\.[A-Za-z]{2,}/gi;
const SCHEME_CREDENTIAL = /\b(Bearer|Basic)\s+[\w\-.~+/]+=*/gi;
const SECRET_WORD = '(?:token|secret|password|passwd|pwd|key|jwt|bearer|signature|credentials?|assertion|session|auth)';
const NAME = `[\\w-]*?${SECRET_WORD}`;
const SECRET_NAME = new RegExp(`^${NAME}$`, 'i');
// "name": "value" (a JSON string, escapes included).
const QUOTED_MEMBER = new RegExp(`("${NAME}"\\s*:\\s*")(?:[^"\\\\]|\\\\.)*"`, 'gi');
// name=value, name: value (query, form, headers, prose) and "name": 123.
const BARE_MEMBER = new RegExp(`(?<![\\w-])(${NAME}"?\\s*[:=]\\s*)(?!["\\s])[^"&\\s,;}]+`, 'gi');
const CODE_PARAM = /(?<![\w-])(code=)[^&#\s]+/gi;
// What every pattern above needs to match, in one cheap test (redactText): a text without any of it is
// returned as is. Most of what the mock's journal redacts (header values, ids, paths) has none, and the six
// replacements cost microseconds per string. A pattern added above must add its trigger here. Kept out of
// `redact` itself so that the runtime, which always passes its known secrets, does not ship it.
const TRIGGER = new RegExp(`bearer|basic|@|%40|code=|${SECRET_WORD}"?\\s*[:=]|\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}`, 'i');

/**
 * Returns `text` with every known secret, credential, secret member, CPF and e-mail replaced by `***`.
 *
 * @example
 * redact('GET /persons/123.456.789-09?token=abc&q=ana%40x.com', ['abc']) // 'GET /persons/***?token=***&q=***'
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
    .replace(SCHEME_CREDENTIAL, `$1 ${REDACTED}`)
    .replace(QUOTED_MEMBER, `$1${REDACTED}"`)
    .replace(BARE_MEMBER, `$1${REDACTED}`)
    .replace(CODE_PARAM, `$1${REDACTED}`)
    .replace(EMAIL, REDACTED)
    .replace(CPF, REDACTED);
}

/**
 * `redact(text)` (no known secrets) with the same result, but a text none of the patterns can match is
 * returned at once: for the mock's journal and request log, which redact every header value of every request.
 */
export function redactText(text: string): string {
  return TRIGGER.test(text) ? redact(text) : text;
}

/**
 * The secrets one client knows, bounded so that a long-lived client rotating tokens every hour does not grow
 * without limit (the oldest are forgotten first; a forgotten token has long expired).
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
    // One secret in at a time, so at most one (the oldest: a Set keeps insertion order) goes out.
    if (this.#secrets.size > this.#limit) this.#secrets.delete(this.#secrets.values().next().value as string);
  }

  /** {@link redact} with every remembered secret. */
  redact(text: string): string {
    return redact(text, this.#secrets);
  }
}

/** Redacted `pathname?search` of a URL (no scheme, host or fragment), or the redacted input if it is no URL. */
export function redactUrlPath(url: string, redactor: { redact(text: string): string }): string {
  try {
    const parsed = new URL(url);
    return redactor.redact(`${parsed.pathname}${parsed.search}`);
  } catch {
    return redactor.redact(url);
  }
}

/**
 * A copy of a JSON-like value with every string redacted and the value of every secret-named member replaced,
 * for answers that echo stored data (the sandbox's webhook URLs and delivery log).
 */
export function redactJson<T>(value: T): T {
  return redactNode(value) as T;
}

function redactNode(node: unknown): unknown {
  if (typeof node === 'string') return redactText(node);
  if (Array.isArray(node)) return node.map(redactNode);
  if (typeof node !== 'object' || node === null) return node;
  // A loop rather than Object.fromEntries(Object.entries(…).map(…)), four times slower: the mock's journal
  // runs this on the headers of every request.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    const child = (node as Record<string, unknown>)[key];
    const clean = SECRET_NAME.test(key) && (typeof child === 'string' || typeof child === 'number') ? REDACTED : redactNode(child);
    // A "__proto__" member (JSON.parse makes one) stays a member instead of becoming the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: clean, enumerable: true, writable: true, configurable: true });
    else out[key] = clean;
  }
  return out;
}
