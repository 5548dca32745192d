/**
 * `@credit-apis/nossa-fintech-inss`: a typed client of the Nossa Fintech INSS API (payroll loans: create an
 * operation, track it by its debt key) and the contract's schema types under their own names. Response
 * validation is `@credit-apis/nossa-fintech-inss/validate`.
 *
 * @packageDocumentation
 */
// The shared machinery: bearer, clientCredentials, unwrap, the error classes, the option and result types.
export * from '@credit-apis/runtime';
export { createNossaFintechInssClient, type NossaFintechInssClient, type NossaFintechInssClientOptions } from './client.js';
export { nossaFintechInssProfile, type NossaFintechInssEnvironment } from './profile.js';
export * from './types.js';
export type { components, operations, paths, webhooks } from '@credit-apis/specs/nossa-fintech-inss/types';
