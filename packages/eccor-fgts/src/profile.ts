/** ECCOR FGTS on the UY3 credit API, as data for `@credit-apis/runtime`. */
import type { EnvironmentOf, ProviderProfile } from '@credit-apis/runtime';

/**
 * The provider's profile: its documented hosts (`servers` of `specs/eccor-fgts/openapi.yaml`), where its
 * answers carry a correlation id, and UY3's rate-limit reset header.
 */
export const eccorFgtsProfile = {
  name: 'eccor-fgts',
  environments: {
    /** Homologação (staging), section 1.2 of the document. */
    homologacao: 'https://web-credit-api.azurewebsites.net',
    /** Produção (production). Tokens differ per environment. */
    producao: 'https://api.uy3.com.br',
    /** The kit's local mock server (`pnpm start`). */
    mock: 'http://127.0.0.1:4010/eccor-fgts',
  },
  // The `/v1` error envelope carries `correlationId` (`#` + 32 hex digits); Cognito's token answers carry
  // `x-amz-cognito-request-id`.
  correlationId: { headers: ['x-amz-cognito-request-id'], bodyField: 'correlationId' },
  // `X-Rate-Limit-Reset`: an ISO date-time; a retried 429 waits until then when there is no `Retry-After`.
  rateLimitResetHeader: 'X-Rate-Limit-Reset',
} as const satisfies ProviderProfile;

/** `'homologacao' | 'producao' | 'mock'` */
export type EccorFgtsEnvironment = EnvironmentOf<typeof eccorFgtsProfile>;
