/**
 * The runtime's public face of the workspace's one redactor (`@credit-apis/contract-core/redact`, bundled
 * into this package). Declared with their own types so that no published declaration names the private core.
 */
import { REDACTED as CORE_REDACTED, redact as coreRedact } from '@credit-apis/contract-core/redact';

/** What replaces a redacted value. */
export const REDACTED: '***' = CORE_REDACTED;

/**
 * Returns `text` with every one of `secrets` (URL-encoded too), every `Bearer`/`Basic` credential, the value
 * of every secret-named member (`…token`, `…secret`, `password`, `…key`, `jwt`, `bearer`, `code=`…), every
 * CPF (11 digits standing on their own, punctuated or not) and every e-mail address replaced by `***`.
 *
 * @example
 * redact('GET /persons/123.456.789-09?token=abc', ['abc']) // 'GET /persons/***?token=***'
 */
export const redact: (text: string, secrets?: Iterable<string>) => string = coreRedact;
