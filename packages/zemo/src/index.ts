/**
 * `@credit-apis/zemo`: a typed client of the Zemo Bank API (receivables anticipation: consult an operation
 * by id) and the contract's schema types under their own names. Response validation is
 * `@credit-apis/zemo/validate`.
 *
 * @packageDocumentation
 */
// The shared machinery: bearer, clientCredentials, unwrap, the error classes, the option and result types.
export * from '@credit-apis/runtime';
export { createZemoClient, type ZemoClient, type ZemoClientOptions } from './client.js';
export { zemoProfile, type ZemoEnvironment } from './profile.js';
export * from './types.js';
export type { components, operations, paths, webhooks } from '@credit-apis/specs/zemo/types';
