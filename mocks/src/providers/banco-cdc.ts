/**
 * Banco CDC (CaaS). Spec: bearer scheme, 401 `401-05` documented (from the spec). A validation error is
 * the spec's `400-01` "Something unexpected happened." envelope (the documented code for an unexpected
 * request), taken from the spec's `somethingUnexpected` example, with the offending fields appended to its
 * message, the envelope's only free-text member (README).
 */
import { documentedExample } from '../catalog/documented-example.js';
import { isObject } from '../catalog/openapi.js';
import { defineProfile } from './types.js';

export default defineProfile((doc) => {
  const documented = documentedExample(doc, '400', 'somethingUnexpected');
  const envelope = isObject(documented) ? documented : { return_code: '400-01', message: 'Something unexpected happened.', data: null };
  return {
    validationError: (violations) => ({
      status: 400,
      body: { ...envelope, message: `${String(envelope.message)} ${violations.map((violation) => violation.message).join('; ')}.` },
    }),
  };
});
