/**
 * `@credit-apis/eccor-fgts`: a typed client of the ECCOR FGTS (UY3) credit API — FGTS birthday-withdrawal
 * anticipation — and the contract's schema types under their own names.
 *
 * The other entry points: `/extras` (`paginate`, exact cents ↔ reais, the credit-note statuses), `/webhooks`
 * (`parseEccorFgtsWebhook`) and `/validate` (response validation). They are separate so that this entry, the
 * one every integration loads, stays under 8 kB min+gzip with the runtime.
 *
 * @packageDocumentation
 */
// The shared machinery: bearer, clientCredentials, unwrap, the error classes, the option and result types.
export * from '@credit-apis/runtime';
export { createEccorFgtsClient, type EccorFgtsClient, type EccorFgtsClientOptions } from './client.js';
export { eccorFgtsProfile, type EccorFgtsEnvironment } from './profile.js';
export * from './types.js';
export type { components, operations, paths, webhooks } from '@credit-apis/specs/eccor-fgts/types';
