/**
 * `createProviderClient`: an openapi-fetch client for one provider, with the runtime's machinery.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { AuthStrategy } from './auth/types.js';
import { ConfigurationError } from './errors.js';
import { createFetchPipeline } from './fetch-pipeline.js';
import type { Logger } from './logger.js';
import type { ProviderProfile } from './profile.js';
import { Redactor } from '@credit-apis/contract-core/redact';
import { responseCheckMiddleware } from './response-check.js';
import { resolveRetryOptions, type RetryOptions } from './retry.js';
import { DEFAULT_TIMEOUT_MS } from './timeout.js';

/**
 * Options of a provider client.
 *
 * @typeParam Env - the profile's environment names; `environment` accepts only those.
 */
export interface ClientOptions<Env extends string = string> {
  /** The API's root URL. Give either `baseUrl` or `environment`. */
  baseUrl?: string;
  /** One of the profile's documented environments (`'homologacao'`, `'producao'`, `'mock'`…). */
  environment?: Env;
  /** How requests authenticate: `bearer(…)`, `clientCredentials(…)` or your own {@link AuthStrategy}. */
  auth?: AuthStrategy;
  /** The fetch to use (tests, proxies); default `globalThis.fetch`. Token requests use it too. */
  fetch?: typeof fetch;
  /**
   * Retry settings, or `false` for none. Default: 2 retries of GET/PUT/DELETE/HEAD/OPTIONS on network errors,
   * timeouts, 408, 429, 502, 503 and 504, honouring `Retry-After` and the profile's rate-limit reset header
   * (capped at 60 s), else backoff `min(0.5 · 2^n, 8)` s with jitter. POST and PATCH are retried only for a
   * call that opts in (`{ retry: { idempotent: true } }`).
   */
  retry?: RetryOptions | false;
  /**
   * Time limit of each attempt (headers and body), in ms. Default **30 000** (30 s). Per attempt: a call that
   * is retried may take up to `(maxRetries + 1) × timeoutMs` plus the waits between attempts. Token requests
   * get the same limit.
   */
  timeoutMs?: number;
  /** Receives a redacted event per attempt, retry, error and token request. See {@link Logger}. */
  logger?: Logger;
}

/**
 * Creates a typed openapi-fetch client for a provider. Calls keep openapi-fetch's `{ data, error, response }`
 * result (use `unwrap` to throw instead); the runtime adds authentication, per-attempt timeouts, retries,
 * the 401 token refresh, typed transport errors (`NetworkError`, `TimeoutError`, `ResponseParseError`) and
 * redacted logging.
 *
 * Type arguments: `Paths` is the provider's openapi-typescript `paths`; `Env` its environment names (inferred
 * from the profile when no type argument is given; pass `EnvironmentOf<typeof profile>` alongside `Paths`).
 *
 * @throws ConfigurationError when neither or both of `baseUrl` and `environment` are given, when the
 * environment is not in the profile, or when `timeoutMs` is not a positive number.
 *
 * @example
 * export function createEccorFgtsClient(options: ClientOptions<EnvironmentOf<typeof eccorFgtsProfile>>) {
 *   return createProviderClient<paths, EnvironmentOf<typeof eccorFgtsProfile>>(eccorFgtsProfile, options);
 * }
 */
export function createProviderClient<Paths extends {}, Env extends string = string>(
  profile: ProviderProfile<Env>,
  options: ClientOptions<NoInfer<Env>>,
): Client<Paths> {
  const baseUrl = resolveBaseUrl(profile, options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs <= 0) {
    throw new ConfigurationError(`${profile.name}: timeoutMs must be a positive number of milliseconds`);
  }
  const retry = options.retry === false ? false : resolveRetryOptions(options.retry);
  if (retry && (!Number.isInteger(retry.maxRetries) || retry.maxRetries < 0)) {
    throw new ConfigurationError(`${profile.name}: retry.maxRetries must be a non-negative integer`);
  }
  const redactor = new Redactor();
  const customFetch = options.fetch;
  const transport: typeof fetch = (input, init) => (customFetch ?? globalThis.fetch)(input, init);

  const client = createClient<Paths>({
    baseUrl,
    fetch: createFetchPipeline({
      profile,
      fetch: transport,
      direct: !customFetch,
      auth: options.auth,
      retry,
      timeoutMs,
      logger: options.logger,
      redactor,
    }),
  });
  client.use(responseCheckMiddleware(profile, { provider: profile.name, logger: options.logger, redactor }));
  return client;
}

function resolveBaseUrl<Env extends string>(profile: ProviderProfile<Env>, options: ClientOptions<Env>): string {
  if (options.baseUrl !== undefined && options.environment !== undefined) {
    throw new ConfigurationError(`${profile.name}: give either baseUrl or environment, not both`);
  }
  if (options.baseUrl !== undefined) return options.baseUrl;
  if (options.environment === undefined) {
    throw new ConfigurationError(`${profile.name}: give baseUrl or environment (one of ${Object.keys(profile.environments).join(', ')})`);
  }
  const url: unknown = Object.hasOwn(profile.environments, options.environment) ? profile.environments[options.environment] : undefined;
  if (typeof url !== 'string') {
    throw new ConfigurationError(
      `${profile.name}: unknown environment "${options.environment}" (known: ${Object.keys(profile.environments).join(', ')})`,
    );
  }
  return url;
}
