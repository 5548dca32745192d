/** `createZemoClient`: the runtime's client, typed by the Zemo contract. */
import { createProviderClient, type Client, type ClientOptions } from '@credit-apis/runtime';
import type { paths } from '@credit-apis/specs/zemo/types';
import { zemoProfile, type ZemoEnvironment } from './profile.js';

/** Options of {@link createZemoClient}: `baseUrl` (Zemo's host) or `environment: 'mock'`, `auth`, `fetch`, `retry`, `timeoutMs`, `logger`. */
export type ZemoClientOptions = ClientOptions<ZemoEnvironment>;

/** An openapi-fetch client typed by the Zemo paths. */
export type ZemoClient = Client<paths>;

/**
 * Creates a client of the Zemo Bank API (receivables anticipation).
 *
 * @example
 * const client = createZemoClient({ baseUrl: 'https://<zemo-host>', auth: bearer(token) });
 * const operation = unwrap(await client.GET('/api/operations/{id}', { params: { path: { id } } }));
 */
export function createZemoClient(options: ZemoClientOptions): ZemoClient {
  return createProviderClient<paths, ZemoEnvironment>(zemoProfile, options);
}
