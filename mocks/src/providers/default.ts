/**
 * The answer shapes of a provider that has no file in this folder: validation errors as RFC 9457 problem
 * details listing every violation. Used for a new spec until its provider file is written.
 */
import { defineProfile } from './types.js';

export default defineProfile(() => ({
  validationError: (violations) => ({
    status: 400,
    mediaType: 'application/problem+json',
    body: {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request does not match the contract (mock server).',
      violations: violations.map((violation) => ({ location: violation.location, field: violation.field, message: violation.message })),
    },
  }),
}));
