/** Banco CDC CaaS, as data for `@credit-apis/runtime`. */
import type { EnvironmentOf, ProviderProfile } from '@credit-apis/runtime';

/**
 * The provider's profile: its documented host (only staging is documented; the production host is not, so
 * pass `baseUrl` for it), and where its answers carry a correlation id: `request_code`, a top-level member of
 * the API's envelope `{ request_code, return, return_code, message, data }`.
 */
export const bancoCdcProfile = {
  name: 'banco-cdc',
  environments: {
    /** Staging (provider notes). */
    staging: 'https://api.caas.staging.bancocdc.com.br',
    /** The kit's local mock server (`pnpm start`). */
    mock: 'http://127.0.0.1:4010/banco-cdc',
  },
  correlationId: { bodyField: 'request_code' },
} as const satisfies ProviderProfile;

/** `'staging' | 'mock'`: use `baseUrl` for the (undocumented) production host. */
export type BancoCdcEnvironment = EnvironmentOf<typeof bancoCdcProfile>;
