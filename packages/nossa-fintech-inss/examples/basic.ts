import {
  bearer,
  createNossaFintechInssClient,
  TimeoutError,
  unwrap,
  type CreateOperationRequest,
  type NossaFintechInssClient,
  type NossaFintechInssClientOptions,
} from '../src/index.js';
import { validateResponses } from '../src/validate.js';

// 'producao' (the documented host) or 'mock' (the kit's local mock server), or any `baseUrl`.
export function inssClient(where: Pick<NossaFintechInssClientOptions, 'environment' | 'baseUrl' | 'retry'>, loginToken: string, checkContract = false) {
  const client = createNossaFintechInssClient({
    ...where,
    auth: bearer(loginToken), // TOKEN_DO_LOGIN, from Nossa Fintech's login (not part of the documents)
    timeoutMs: 20_000, // per attempt (default 30 s)
    logger: console, // redacted events: no token, no CPF
  });
  // While integrating: report every answer that drifts from the contract (a logger warning; ajv is loaded).
  if (checkContract) client.use(validateResponses());
  return client;
}

/** Creates the payroll loan, then reads its tracking once. */
export async function createAndTrack(
  client: NossaFintechInssClient,
  request: CreateOperationRequest,
  creditOperationKey: string,
  trackingTimeoutMs = 60_000,
) {
  // A POST is never retried unless the call opts in ({ retry: { idempotent: true } }): creating twice is not
  // the same as creating once, and the API documents no idempotency key.
  const created = await client.POST('/inss/v1/operation', { body: request });
  if (created.error) {
    // 400 "Request Validator Error", typed: the provider's code and messages.
    return `refused: ${created.error.code} ${created.error.translation} (${created.error.description})`;
  }
  const { debt_key, dsc_situacao_emprestimo } = unwrap(created); // unwrap: any other non-2xx → ApiError
  try {
    // GETs are retried twice on 408/429/502/503/504, timeouts and network errors; per-call options go next
    // to `params` (never sent): here a longer limit per attempt.
    const tracking = unwrap(
      await client.GET('/inss/v1/operation/{debt_key}', {
        params: { path: { debt_key }, query: { credit_operation_key: creditOperationKey } },
        timeoutMs: trackingTimeoutMs,
      }),
    );
    const last = tracking.histories.at(-1);
    return `${debt_key}: ${dsc_situacao_emprestimo}, ${tracking.histories.length} event(s), last ${last?.status ?? 'none'}`;
  } catch (error) {
    if (error instanceof TimeoutError) return `${debt_key}: created, tracking timed out after ${error.timeoutMs} ms`;
    throw error;
  }
}
