/** The test provider: a profile and a typed client factory, as a provider package would write them. */
import { createProviderClient, type ClientOptions, type EnvironmentOf, type ProviderProfile } from '../../src/index.js';
import type { paths } from '../fixtures/things-api.js';

export const thingsProfile = {
  name: 'things',
  environments: {
    homologacao: 'https://homologacao.things.invalid',
    producao: 'https://api.things.invalid',
    mock: 'http://127.0.0.1:4010/things',
  },
  correlationId: { headers: ['X-Request-Id'], bodyField: 'request_code' },
  rateLimitResetHeader: 'X-Rate-Limit-Reset',
} as const satisfies ProviderProfile;

export type ThingsEnvironment = EnvironmentOf<typeof thingsProfile>;

export function createThingsClient(options: ClientOptions<ThingsEnvironment>) {
  return createProviderClient<paths, ThingsEnvironment>(thingsProfile, options);
}

/** Retry settings that keep tests fast: backoff of a few ms. */
export const fastRetry = { initialDelayMs: 5, maxDelayMs: 20 } as const;
