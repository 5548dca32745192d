/**
 * `@credit-apis/contract-core`: reading bundled contracts (JSON helpers, the `$ref` follower, the walker) and
 * the redactor. The ajv validator factory is its own entry, `@credit-apis/contract-core/validator`, so that
 * importing this one never loads ajv.
 */
export * from './json.js';
export * from './ref.js';
export * from './walk.js';
export * from './redact.js';
