/**
 * When and how long to wait before sending a call again.
 *
 * - Only idempotent methods (GET, PUT, DELETE, HEAD, OPTIONS) are retried, unless the caller opts a single
 *   call in with `{ retry: { idempotent: true } }` (nothing is sent on the wire for that: see `CallOptions`).
 * - Retried: network errors, timeouts, and the statuses 408, 429, 502, 503, 504.
 * - Wait: `Retry-After` (delta-seconds or HTTP-date), else the profile's rate-limit reset header (ISO
 *   date-time), capped at `maxRetryAfterMs` (60 s); else exponential backoff `min(0.5 · 2^n, 8)` s with
 *   up to 25 % jitter (n = retries already done).
 */

/** Retry settings of a client (`ClientOptions.retry`); every field has a default. */
export interface RetryOptions {
  /** Retries after the first attempt. Default `2` (so at most 3 sends). */
  maxRetries?: number;
  /** Backoff before the first retry, in ms; doubles each retry. Default `500`. */
  initialDelayMs?: number;
  /** Upper bound of the exponential backoff, in ms. Default `8000`. */
  maxDelayMs?: number;
  /**
   * Upper bound of a wait asked by the server (`Retry-After`, rate-limit reset header), in ms: a longer wait
   * is shortened to this. Default `60000`.
   */
  maxRetryAfterMs?: number;
  /** Statuses that are retried. Default `[408, 429, 502, 503, 504]`. */
  statuses?: readonly number[];
}

/** {@link RetryOptions} with every default applied. @internal */
export type ResolvedRetryOptions = Required<RetryOptions>;

/** Defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY: Readonly<ResolvedRetryOptions> = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  statuses: Object.freeze([408, 429, 502, 503, 504]),
});

/** Methods that are retried without the caller's opt-in. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']);

/** Merges retry settings over the defaults (or over `base`). @internal */
export function resolveRetryOptions(options: RetryOptions | undefined, base: ResolvedRetryOptions = DEFAULT_RETRY): ResolvedRetryOptions {
  const resolved = { ...base };
  for (const key of Object.keys(base) as (keyof RetryOptions)[]) (resolved as Record<string, unknown>)[key] = options?.[key] ?? base[key];
  return resolved;
}

/** Exponential backoff with jitter: `min(initial · 2^retriesDone, max)`, minus up to 25 %. @internal */
export function backoffMs(retriesDone: number, options: ResolvedRetryOptions, random: () => number = Math.random): number {
  const base = Math.min(options.initialDelayMs * 2 ** retriesDone, options.maxDelayMs);
  return Math.round(base * (1 - random() * 0.25));
}

/**
 * Milliseconds from `now` that a `Retry-After` value asks to wait: delta-seconds (`"120"`) or an HTTP-date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`); `undefined` when absent or unreadable.
 * @internal
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  // Every HTTP-date names its day and month (RFC 9110 §5.6.7); without a letter, `Date.parse` would read a
  // negative or bare number ("-5", "2026") as a year.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : date - now;
}

/** Milliseconds from `now` until an ISO 8601 date-time (`X-Rate-Limit-Reset`); `undefined` if unreadable. @internal */
export function parseResetDateTime(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const date = Date.parse(value.trim());
  return Number.isNaN(date) ? undefined : date - now;
}

/**
 * How long to wait before the next attempt: the server's wish (`Retry-After`, then the profile's rate-limit
 * reset header) clamped to `[0, maxRetryAfterMs]`, else the backoff.
 * @internal
 */
export function retryDelayMs(
  headers: Headers | undefined,
  retriesDone: number,
  options: ResolvedRetryOptions,
  rateLimitResetHeader: string | undefined,
): number {
  if (headers) {
    const asked =
      parseRetryAfter(headers.get('retry-after')) ??
      (rateLimitResetHeader ? parseResetDateTime(headers.get(rateLimitResetHeader)) : undefined);
    if (asked !== undefined) return Math.min(Math.max(0, Math.ceil(asked)), options.maxRetryAfterMs);
  }
  return backoffMs(retriesDone, options);
}
