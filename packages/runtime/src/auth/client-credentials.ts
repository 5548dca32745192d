/**
 * OAuth2 client credentials (RFC 6749 §4.4) with a cached token: UY3 / ECCOR FGTS.
 */
import { AuthenticationError, NetworkError, ResponseParseError, TimeoutError } from '../errors.js';
import { base64Utf8, describeCause, parseJsonBody, snippet } from '../internal/text.js';
import { redact, redactUrlPath, Redactor } from '@credit-apis/contract-core/redact';
import { raceSignal, startAttemptSignal } from '../timeout.js';
import type { AuthContext, AuthStrategy } from './types.js';

/** Options shared by both ways of giving the client's credentials. */
interface CommonOptions {
  /** The token endpoint, e.g. `https://auth.example.com/oauth2/token` (UY3: per customer). */
  tokenUrl: string;
  /** `scope` sent with the request, e.g. `'credit/admin'`; omitted when absent. */
  scope?: string;
  /**
   * How long before `expires_in` runs out the token is renewed, in ms. Default: 10 % of the token's lifetime,
   * at most 60 s (60 s for UY3's 3600 s tokens).
   */
  refreshMarginMs?: number;
  /** The clock the token's lifetime is measured with, in epoch ms. Default `Date.now` (tests inject their own). */
  now?: () => number;
}

/** The provider issued a ready-made Basic credential (UY3's `basic_token`: base64 of `client_id:client_secret`). */
export interface BasicTokenCredentials extends CommonOptions {
  /** The Basic credential as issued (sent as `Authorization: Basic <basicToken>`). */
  basicToken: string;
}

/** Client id and secret; the Basic credential is `base64(clientId:clientSecret)`. */
export interface ClientSecretCredentials extends CommonOptions {
  /** OAuth2 client id. */
  clientId: string;
  /** OAuth2 client secret (never logged). */
  clientSecret: string;
}

/** Options of {@link clientCredentials}. */
export type ClientCredentialsOptions = BasicTokenCredentials | ClientSecretCredentials;

interface CachedToken {
  /** `Bearer <access_token>` */
  header: string;
  /** When to stop using it (epoch ms); `Infinity` when the endpoint gave no `expires_in`. */
  renewAt: number;
}

/** The default margin: 10 % of the lifetime, at most 60 s. */
function defaultMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs * 0.1);
}

/**
 * OAuth2 client credentials. Before the first call (and whenever the token is about to expire) it POSTs
 * `grant_type=client_credentials[&scope=…]` as `application/x-www-form-urlencoded` to `tokenUrl` with
 * `Authorization: Basic <basicToken | base64(clientId:clientSecret)>`, reads `{ access_token, expires_in,
 * token_type }` and sends `Authorization: Bearer <access_token>` on API calls.
 *
 * - The token is cached until `expires_in` minus a margin (`refreshMarginMs`, default 10 % of the lifetime,
 *   at most 60 s); without `expires_in` it is kept until the API answers 401.
 * - Concurrent calls share one token request (single flight): 100 calls at once make one token request.
 * - When the API answers 401, the token is dropped, a new one is requested and the call is sent once more.
 * - A refused token request throws {@link AuthenticationError} with the endpoint's status and body; a token
 *   request that gets no answer throws `NetworkError`/`TimeoutError` (the client's `timeoutMs` applies).
 *   Messages never contain the Basic credential, the client secret or a token.
 *
 * One strategy object may be shared by several clients of the same provider: they then share the token.
 *
 * @example
 * const auth = clientCredentials({
 *   tokenUrl: 'https://auth.example.com/oauth2/token',
 *   basicToken: process.env.UY3_BASIC_TOKEN ?? '',
 *   scope: 'credit/admin',
 * });
 */
export function clientCredentials(options: ClientCredentialsOptions): AuthStrategy {
  const basic = 'basicToken' in options ? options.basicToken : base64Utf8(`${options.clientId}:${options.clientSecret}`);
  const staticSecrets = ['basicToken' in options ? options.basicToken : options.clientSecret, basic];
  const tokens = new Redactor(8);
  const now = options.now ?? Date.now;
  let cached: CachedToken | undefined;
  let inflight: Promise<CachedToken> | undefined;

  const redactor = {
    redact: (text: string) => tokens.redact(redact(text, staticSecrets)),
  };

  async function requestToken(context: AuthContext): Promise<CachedToken> {
    const started = performance.now();
    const tokenPath = redactUrlPath(options.tokenUrl, tokens);
    const tokenUrlForMessages = (() => {
      try {
        const url = new URL(options.tokenUrl);
        return redactor.redact(`${url.origin}${url.pathname}`);
      } catch {
        return redactor.redact(options.tokenUrl);
      }
    })();
    const description = { provider: context.provider, method: 'POST', path: tokenPath };
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (options.scope) form.set('scope', options.scope);

    // One redacted log event per failed token request (the message is already redacted by the error).
    const logFailure = (error: Error, status: number | undefined, durationMs: number): void =>
      context.log({
        level: 'error',
        type: 'token',
        message: error.message,
        method: 'POST',
        path: tokenPath,
        status,
        durationMs,
        error: { name: error.name, message: error.message },
      });

    // Shared by every waiting call: only the timeout stops it, never one caller's abort.
    const attempt = startAttemptSignal(undefined, context.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await context.fetch(options.tokenUrl, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${basic}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: form.toString(),
        signal: attempt.signal,
      });
      text = await response.text();
    } catch (cause) {
      const error = attempt.timedOut
        ? new TimeoutError({ ...description, timeoutMs: context.timeoutMs, attempt: 1 })
        : new NetworkError({
            ...description,
            attempt: 1,
            reason: redactor.redact(describeCause(cause)),
            cause,
          });
      logFailure(error, undefined, Math.round(performance.now() - started));
      throw error;
    } finally {
      attempt.dispose();
    }

    const durationMs = Math.round(performance.now() - started);
    const parsed = parseJsonBody(text);
    if (!response.ok) {
      const error = new AuthenticationError({
        ...description,
        tokenUrl: tokenUrlForMessages,
        status: response.status,
        body: parsed.kind === 'json' ? parsed.value : parsed.kind === 'invalid' ? redactor.redact(text) : undefined,
        headers: response.headers,
        bodySummary: parsed.kind === 'empty' ? undefined : redactor.redact(snippet(text)),
      });
      logFailure(error, response.status, durationMs);
      throw error;
    }
    if (parsed.kind !== 'json') {
      throw new ResponseParseError({
        ...description,
        status: response.status,
        contentType: response.headers.get('content-type') ?? undefined,
        bodySnippet: redactor.redact(snippet(text)),
        cause: parsed.kind === 'invalid' ? parsed.error : undefined,
      });
    }
    const body = parsed.value as { access_token?: unknown; expires_in?: unknown } | null;
    const accessToken = body && typeof body === 'object' ? body.access_token : undefined;
    if (typeof accessToken !== 'string' || accessToken === '') {
      throw new AuthenticationError({
        ...description,
        tokenUrl: tokenUrlForMessages,
        status: response.status,
        body: undefined,
        headers: response.headers,
        message: `${context.provider}: token response from ${tokenUrlForMessages} has no access_token`,
      });
    }
    tokens.add(accessToken);
    const expiresIn = Number(body?.expires_in);
    const lifetimeMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : undefined;
    const renewAt =
      lifetimeMs === undefined ? Number.POSITIVE_INFINITY : now() + lifetimeMs - (options.refreshMarginMs ?? defaultMarginMs(lifetimeMs));
    context.log({
      level: 'info',
      type: 'token',
      message: `${context.provider}: POST ${tokenPath} issued a token (${lifetimeMs === undefined ? 'no expiry given' : `expires in ${lifetimeMs / 1000} s`})`,
      method: 'POST',
      path: tokenPath,
      status: response.status,
      durationMs,
    });
    return { header: `Bearer ${accessToken}`, renewAt };
  }

  return {
    async authorize(context) {
      if (cached && now() < cached.renewAt) return cached.header;
      if (!inflight) {
        const flight = requestToken(context).then(
          (token) => {
            cached = token;
            return token;
          },
          (error: unknown) => {
            cached = undefined;
            throw error;
          },
        );
        inflight = flight;
        // Clear the slot whatever happens, without leaving an unhandled rejection behind.
        flight.then(
          () => {
            if (inflight === flight) inflight = undefined;
          },
          () => {
            if (inflight === flight) inflight = undefined;
          },
        );
      }
      return (await raceSignal(inflight, context.signal)).header;
    },
    async refresh(rejected) {
      // Another call may have renewed it already: only drop the token that was refused.
      if (cached?.header === rejected) cached = undefined;
      return true;
    },
    secrets: () => staticSecrets,
  };
}
