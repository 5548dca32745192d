/**
 * What differs from one provider to another, as data. A provider package declares one profile and calls
 * `createProviderClient` with it; the machinery is shared.
 */

/**
 * A provider's profile.
 *
 * @typeParam Env - the names of its documented environments (`'homologacao' | 'producao' | 'mock'`); declare
 * the profile `as const satisfies ProviderProfile` to keep them.
 *
 * @example
 * export const eccorFgtsProfile = {
 *   name: 'eccor-fgts',
 *   environments: {
 *     homologacao: 'https://web-credit-api.azurewebsites.net',
 *     producao: 'https://api.uy3.com.br',
 *     mock: 'http://127.0.0.1:4010/eccor-fgts',
 *   },
 *   rateLimitResetHeader: 'X-Rate-Limit-Reset',
 * } as const satisfies ProviderProfile;
 */
export interface ProviderProfile<Env extends string = string> {
  /** Slug, e.g. `'eccor-fgts'`: names the provider in error messages and log events. */
  name: string;
  /** Documented hosts by name, e.g. `{ homologacao: 'https://…', producao: 'https://…', mock: 'http://127.0.0.1:4010/eccor-fgts' }`. */
  environments: Readonly<Record<Env, string>>;
  /**
   * Where the provider puts a correlation/request id: response header names (first present wins) and/or a
   * top-level field of a JSON body (Banco CDC's envelope has `request_code`). Headers are looked at first.
   */
  correlationId?: {
    headers?: readonly string[];
    bodyField?: string;
  };
  /**
   * Extra response header saying when a rate limit resets, as an ISO 8601 date-time (UY3:
   * `'X-Rate-Limit-Reset'`). A retried 429/503 waits until then when there is no `Retry-After`.
   */
  rateLimitResetHeader?: string;
}

/**
 * The environment names of a profile type.
 *
 * @example
 * type EccorFgtsEnvironment = EnvironmentOf<typeof eccorFgtsProfile>; // 'homologacao' | 'producao' | 'mock'
 */
export type EnvironmentOf<P> = P extends ProviderProfile<infer Env> ? Env : never;
