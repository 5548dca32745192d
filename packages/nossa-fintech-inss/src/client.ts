/** `createNossaFintechInssClient`: the runtime's client, typed by the Nossa Fintech INSS contract. */
import { createProviderClient, type Client, type ClientOptions } from '@credit-apis/runtime';
import type { paths } from '@credit-apis/specs/nossa-fintech-inss/types';
import { nossaFintechInssProfile, type NossaFintechInssEnvironment } from './profile.js';

/** Options of {@link createNossaFintechInssClient}: `baseUrl` or `environment`, `auth`, `fetch`, `retry`, `timeoutMs`, `logger`. */
export type NossaFintechInssClientOptions = ClientOptions<NossaFintechInssEnvironment>;

/** An openapi-fetch client typed by the Nossa Fintech INSS paths. */
export type NossaFintechInssClient = Client<paths>;

/**
 * Creates a client of the Nossa Fintech INSS API (payroll loans, consignado INSS).
 *
 * @example
 * const client = createNossaFintechInssClient({ environment: 'producao', auth: bearer(loginToken) });
 * const created = unwrap(await client.POST('/inss/v1/operation', { body }));
 */
export function createNossaFintechInssClient(options: NossaFintechInssClientOptions): NossaFintechInssClient {
  return createProviderClient<paths, NossaFintechInssEnvironment>(nossaFintechInssProfile, options);
}
