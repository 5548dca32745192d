/**
 * `@credit-apis/banco-cdc/validate`: response validation against the Banco CDC contract, for staging.
 *
 * @packageDocumentation
 */
import type { Middleware } from '@credit-apis/runtime';
import { validateResponses as validateAgainst, type OpenApiDocument, type ValidateResponsesOptions } from '@credit-apis/runtime/validate';
import spec from '@credit-apis/specs/banco-cdc.json' with { type: 'json' };

export { ResponseValidationError, type ValidateResponsesOptions, type ValidationIssue } from '@credit-apis/runtime/validate';

/**
 * openapi-fetch middleware that checks every response (status, media type, JSON body) against the bundled
 * Banco CDC spec: drift is a `validation` warning in your logger (default), or a `ResponseValidationError`
 * with `mode: 'throw'`. Loads ajv: meant for staging, not for production traffic.
 *
 * @example
 * const client = createBancoCdcClient({ environment: 'staging', auth, logger: console });
 * client.use(validateResponses());
 */
export function validateResponses(options?: ValidateResponsesOptions): Middleware {
  return validateAgainst(spec as OpenApiDocument, options);
}
