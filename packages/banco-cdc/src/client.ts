/** `createBancoCdcClient`: the runtime's client, typed by the Banco CDC contract. */
import { createProviderClient, type Client, type ClientOptions } from '@credit-apis/runtime';
import type { paths } from '@credit-apis/specs/banco-cdc/types';
import { bancoCdcProfile, type BancoCdcEnvironment } from './profile.js';

/** Options of {@link createBancoCdcClient}: `baseUrl` or `environment`, `auth`, `fetch`, `retry`, `timeoutMs`, `logger`. */
export type BancoCdcClientOptions = ClientOptions<BancoCdcEnvironment>;

/** An openapi-fetch client typed by the Banco CDC paths. */
export type BancoCdcClient = Client<paths>;

/**
 * Creates a client of the Banco CDC CaaS API (credit as a service).
 *
 * @example
 * const client = createBancoCdcClient({ environment: 'staging', auth: bearer(token) });
 * const { data } = unwrap(await client.GET('/operation/{operation_code}', { params: { path: { operation_code } } }));
 */
export function createBancoCdcClient(options: BancoCdcClientOptions): BancoCdcClient {
  return createProviderClient<paths, BancoCdcEnvironment>(bancoCdcProfile, options);
}
