/**
 * A request whose only fault is a path parameter its schema rejects (`/api/operations/not-a-uuid`), for a
 * provider whose profile names the documented status that answers it (`malformedPathParameterStatus`,
 * a "not found"): the operation's own documented answer for that status. The contract then declares what
 * the mock answers, where the provider documents no validation error for ids.
 */
import type { ResponseTable } from '../catalog/responses.js';
import type { PreparedResponse } from '../http/prepared-response.js';
import type { ProviderProfile } from '../providers/types.js';
import type { Violation } from './violation.js';

export function malformedPathAnswer(
  profile: ProviderProfile,
  responses: ResponseTable,
  violations: readonly Violation[],
): PreparedResponse | undefined {
  const status = profile.malformedPathParameterStatus;
  if (status === undefined || violations.length === 0 || violations.some((violation) => violation.location !== 'path')) return undefined;
  const documented = responses.forCode(status);
  // Only the exact status: a `4XX` or `default` entry does not say the provider answers this one.
  return documented && documented.answers.status === String(status) ? documented.answers.first : undefined;
}
