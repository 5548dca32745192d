/** The provider's correlation/request id of an answer. */
import { META, read, type ResponseMeta } from './internal/carrier.js';
import { topLevelField, type JsonParse } from './internal/text.js';
import type { ProviderProfile } from './profile.js';

/** The correlation id per the profile: the first listed header present, else the body field. @internal */
export function extractCorrelationId(
  profile: Pick<ProviderProfile, 'correlationId'>,
  headers: Headers,
  parsed: JsonParse | undefined,
): string | undefined {
  for (const name of profile.correlationId?.headers ?? []) {
    const value = headers.get(name);
    if (value) return value;
  }
  const field = profile.correlationId?.bodyField;
  return field && parsed?.kind === 'json' ? topLevelField(parsed.value, field) : undefined;
}

/**
 * The provider's correlation/request id of a response returned by a client of this runtime (from the
 * profile's headers or body field), or `undefined`.
 *
 * @example
 * const { data, response } = await client.GET('/products');
 * logger.info({ requestId: getCorrelationId(response) });
 */
export function getCorrelationId(response: Response): string | undefined {
  return read<ResponseMeta>(response, META)?.correlationId;
}
