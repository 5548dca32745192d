/**
 * Zemo Bank. Spec: bearer scheme (assumed), 401 `{"message": "Invalid credentials."}` and 404
 * `{"message": …}` documented, so both come from the spec. Zemo documents no validation error: the mock
 * answers 400 in Zemo's only error shape, `{"message": …}`, naming every offending field (README).
 */
import { defineProfile } from './types.js';

export default defineProfile(() => ({
  validationError: (violations) => ({
    status: 400,
    body: { message: `Invalid request: ${violations.map((violation) => violation.message).join('; ')}.` },
  }),
}));
