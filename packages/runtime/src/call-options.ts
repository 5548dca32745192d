/**
 * Options of a single call, given next to `params`/`body` in openapi-fetch's init object:
 *
 * ```ts
 * await client.POST('/simulations', { body, retry: { idempotent: true }, timeoutMs: 60_000 });
 * ```
 *
 * How they travel: openapi-fetch copies every init property that is not a `Request` property onto the
 * `Request` object it builds ("custom properties", openapi-fetch ≥ 0.10, see its `coreFetch`), and that
 * object is what reaches the client's `fetch`, where the runtime reads them. `new Request()` ignores
 * unknown init members, so nothing of this goes on the wire: no header, no query parameter, no body field.
 * openapi-fetch types extra init properties as `unknown`; the runtime checks them at run time and throws a
 * `ConfigurationError` for a malformed value.
 */
import { ConfigurationError } from './errors.js';
import type { RetryOptions } from './retry.js';

/** Retry settings of one call: the client's, overridden field by field, plus `idempotent`. */
export interface CallRetryOptions extends RetryOptions {
  /**
   * The caller asserts that sending this call twice has the same effect as sending it once (a POST that
   * only simulates, a POST the provider deduplicates by a business key), so it may be retried like a GET.
   * Our providers document no idempotency key, so no header is added: the assertion is the caller's.
   */
  idempotent?: boolean;
}

/**
 * Per-call options. Pass them in the init object of any client method; none of them is sent.
 *
 * @example
 * // Retry this POST on network errors/408/429/502/503/504, like a GET.
 * await client.POST('/simulations', { body, retry: { idempotent: true } });
 * // Never retry this GET, and give it 2 minutes per attempt.
 * await client.GET('/reports/{id}', { params: { path: { id } }, retry: false, timeoutMs: 120_000 });
 */
export interface CallOptions {
  /** `false` disables retries for this call; an object overrides the client's retry settings. */
  retry?: false | CallRetryOptions;
  /** Per-attempt timeout of this call, in ms (default: the client's `timeoutMs`). */
  timeoutMs?: number;
}

/** Reads and checks the per-call options that openapi-fetch copied onto the request. @internal */
export function readCallOptions(request: Request): CallOptions {
  const carrier = request as Request & { retry?: unknown; timeoutMs?: unknown };
  const options: CallOptions = {};
  const { retry, timeoutMs } = carrier;
  if (retry !== undefined) {
    if (retry !== false && (typeof retry !== 'object' || retry === null || Array.isArray(retry))) {
      throw new ConfigurationError('call option `retry` must be `false` or an object like `{ idempotent: true }`');
    }
    options.retry = retry as false | CallRetryOptions;
  }
  if (timeoutMs !== undefined) {
    if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs <= 0) {
      throw new ConfigurationError('call option `timeoutMs` must be a positive number of milliseconds');
    }
    options.timeoutMs = timeoutMs;
  }
  return options;
}
