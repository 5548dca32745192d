/** Zemo Bank, as data for `@credit-apis/runtime`. */
import type { EnvironmentOf, ProviderProfile } from '@credit-apis/runtime';

/**
 * The provider's profile. Zemo's documentation gives no API host (the spec's server is `https://{host}`), so
 * the only named environment is the kit's local mock server: for Zemo's own host, pass `baseUrl` with the
 * host Zemo gives you. No correlation id and no rate-limit header are documented.
 */
export const zemoProfile = {
  name: 'zemo',
  environments: {
    /** The kit's local mock server (`pnpm start`). */
    mock: 'http://127.0.0.1:4010/zemo',
  },
} as const satisfies ProviderProfile;

/** `'mock'`: use `baseUrl` for Zemo's host. */
export type ZemoEnvironment = EnvironmentOf<typeof zemoProfile>;
