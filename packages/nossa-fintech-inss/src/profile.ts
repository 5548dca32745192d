/** Nossa Fintech INSS, as data for `@credit-apis/runtime`. */
import type { EnvironmentOf, ProviderProfile } from '@credit-apis/runtime';

/**
 * The provider's profile: its documented production host (the host of the tracking page's cURL example) and
 * the kit's mock server. The documents show no correlation id and no rate-limit header.
 */
export const nossaFintechInssProfile = {
  name: 'nossa-fintech-inss',
  environments: {
    /** Production (provider notes). */
    producao: 'https://nossa-fintech-api.spixiiservices.com.br',
    /** The kit's local mock server (`pnpm start`). */
    mock: 'http://127.0.0.1:4010/nossa-fintech-inss',
  },
} as const satisfies ProviderProfile;

/** `'producao' | 'mock'` */
export type NossaFintechInssEnvironment = EnvironmentOf<typeof nossaFintechInssProfile>;
