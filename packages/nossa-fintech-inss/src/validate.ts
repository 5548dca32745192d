/**
 * `@credit-apis/nossa-fintech-inss/validate`: response validation against the Nossa Fintech INSS contract, before production.
 *
 * @packageDocumentation
 */
import type { Middleware } from '@credit-apis/runtime';
import { validateResponses as validateAgainst, type OpenApiDocument, type ValidateResponsesOptions } from '@credit-apis/runtime/validate';
import spec from '@credit-apis/specs/nossa-fintech-inss.json' with { type: 'json' };

export { ResponseValidationError, type ValidateResponsesOptions, type ValidationIssue } from '@credit-apis/runtime/validate';

/**
 * openapi-fetch middleware that checks every response (status, media type, JSON body) against the bundled
 * Nossa Fintech INSS spec: drift is a `validation` warning in your logger (default), or a `ResponseValidationError`
 * with `mode: 'throw'`. Loads ajv: meant for testing, not for production traffic.
 *
 * @example
 * const client = createNossaFintechInssClient({ environment: 'mock', auth, logger: console });
 * client.use(validateResponses());
 */
export function validateResponses(options?: ValidateResponsesOptions): Middleware {
  return validateAgainst(spec as OpenApiDocument, options);
}
