/**
 * Zemo Bank. Spec: bearer scheme (assumed), 401 `{"message": "Invalid credentials."}` and 404
 * `{"message": …}` documented, so both come from the spec. Zemo documents no validation error (seed 003
 * shows 200, 401 and 404 only):
 *   - an id the spec's schema rejects (not a UUID) names no operation, so it gets the documented 404
 *     "We could not find the opetarion with this id." (seed 003, lines 16 and 117), as an unknown id does;
 *   - any other invalid request gets 400 in Zemo's only error shape, `{"message": …}`, naming every
 *     offending field (README). The one operation has no query, header or body to reject today.
 */
import { defineProfile } from './types.js';

export default defineProfile(() => ({
  malformedPathParameterStatus: 404,
  validationError: (violations) => ({
    status: 400,
    body: { message: `Invalid request: ${violations.map((violation) => violation.message).join('; ')}.` },
  }),
}));
