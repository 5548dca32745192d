/**
 * `@credit-apis/banco-cdc`: a typed client of the Banco CDC CaaS API (credit as a service: retrieve the
 * details of an operation) and the contract's schema types under their own names. Response validation is
 * `@credit-apis/banco-cdc/validate`.
 *
 * @packageDocumentation
 */
// The shared machinery: bearer, clientCredentials, unwrap, the error classes, the option and result types.
export * from '@credit-apis/runtime';
export { createBancoCdcClient, type BancoCdcClient, type BancoCdcClientOptions } from './client.js';
export { bancoCdcProfile, type BancoCdcEnvironment } from './profile.js';
export * from './types.js';
export type { components, operations, paths, webhooks } from '@credit-apis/specs/banco-cdc/types';
