/**
 * The contract between the client and an authentication strategy (`bearer`, `clientCredentials`, or a
 * provider's own).
 */
import type { LogEvent } from '../logger.js';

/** What the client gives a strategy each time it needs a credential. */
export interface AuthContext {
  /** Provider slug (for messages). */
  readonly provider: string;
  /** The client's `fetch` (so that token requests go through the same transport as API calls). */
  readonly fetch: typeof fetch;
  /** The client's per-attempt timeout, in ms. */
  readonly timeoutMs: number;
  /** The caller's signal: a strategy stops waiting when it aborts. */
  readonly signal: AbortSignal | undefined;
  /** Logs an event through the client's logger (it is redacted there). */
  readonly log: (event: Omit<LogEvent, 'provider' | 'attempt'> & { attempt?: number }) => void;
}

/**
 * An authentication strategy: gives the `Authorization` header of each attempt.
 *
 * @example
 * // A strategy of your own: an API key in `Authorization`.
 * const apiKey = (key: string): AuthStrategy => ({ authorize: async () => `ApiKey ${key}`, secrets: () => [key] });
 */
export interface AuthStrategy {
  /** The value of the `Authorization` header for one attempt (`'Bearer …'`). */
  authorize(context: AuthContext): Promise<string>;
  /**
   * Called when the API answered 401 to the credential `rejected`. Resolve `true` when the next
   * `authorize()` will give a different credential: the call is then sent once more (once per call).
   * Absent: a 401 is returned as is.
   */
  refresh?(rejected: string, context: AuthContext): Promise<boolean>;
  /** Static secrets (client secret, Basic credential…) to redact from every log line and error message. */
  secrets?(): readonly string[];
}
