/** `createEccorFgtsClient`: the runtime's client, typed by the ECCOR FGTS contract. */
import { createProviderClient, type Client, type ClientOptions } from '@credit-apis/runtime';
import type { paths } from '@credit-apis/specs/eccor-fgts/types';
import { eccorFgtsProfile, type EccorFgtsEnvironment } from './profile.js';

/** Options of {@link createEccorFgtsClient}: `baseUrl` or `environment`, `auth`, `fetch`, `retry`, `timeoutMs`, `logger`. */
export type EccorFgtsClientOptions = ClientOptions<EccorFgtsEnvironment>;

/** An openapi-fetch client typed by the ECCOR FGTS paths. */
export type EccorFgtsClient = Client<paths>;

/**
 * Creates a client of the ECCOR FGTS (UY3) credit API.
 *
 * @example
 * const client = createEccorFgtsClient({
 *   environment: 'homologacao',
 *   auth: clientCredentials({ tokenUrl: 'https://<auth-host>/oauth2/token', basicToken, scope: 'credit/admin' }),
 * });
 * const products = unwrap(await client.GET('/v1/Product'));
 */
export function createEccorFgtsClient(options: EccorFgtsClientOptions): EccorFgtsClient {
  return createProviderClient<paths, EccorFgtsEnvironment>(eccorFgtsProfile, options);
}
