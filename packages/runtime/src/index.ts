/**
 * `@credit-apis/runtime`: the machinery shared by the credit-apis provider clients.
 *
 * @packageDocumentation
 */
export type { Client, FetchOptions, Middleware } from 'openapi-fetch';
export { createProviderClient, type ClientOptions } from './client.js';
export type { EnvironmentOf, ProviderProfile } from './profile.js';
export { bearer, type BearerToken } from './auth/bearer.js';
export {
  clientCredentials,
  type BasicTokenCredentials,
  type ClientCredentialsOptions,
  type ClientSecretCredentials,
} from './auth/client-credentials.js';
export type { AuthContext, AuthStrategy } from './auth/types.js';
export type { CallOptions, CallRetryOptions } from './call-options.js';
export { DEFAULT_RETRY, IDEMPOTENT_METHODS, type RetryOptions } from './retry.js';
export { DEFAULT_TIMEOUT_MS } from './timeout.js';
export {
  ApiError,
  AuthenticationError,
  ConfigurationError,
  CreditApisError,
  NetworkError,
  ResponseParseError,
  ResponseValidationError,
  TimeoutError,
  type ApiErrorInit,
  type RequestDescription,
  type ValidationIssue,
} from './errors.js';
export { unwrap, type ApiErrorFor, type FetchResultLike, type ResultData, type ResultError } from './unwrap.js';
export { getCorrelationId } from './correlation.js';
export type { LevelLogger, LogEvent, LogEventType, LogFunction, LogLevel, Logger } from './logger.js';
export { redact, REDACTED } from './redaction.js';
