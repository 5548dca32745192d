/**
 * `unwrap(result)`: openapi-fetch's `{ data, error, response }` to `data`, or a thrown {@link ApiError}.
 */
import { ApiError } from './errors.js';
import { META, read, type ResponseMeta } from './internal/carrier.js';
import { snippet } from './internal/text.js';
import { redact } from '@credit-apis/contract-core/redact';

/** The shape of any openapi-fetch result. */
export interface FetchResultLike {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The success body type of an openapi-fetch result (`undefined` for operations without a body). */
export type ResultData<R> = [DataOf<R>] extends [never] ? undefined : DataOf<R>;

/** The `data` type of the success member of a result union. */
type DataOf<R> = R extends { data: infer D } ? D : never;

/** The error body type of an openapi-fetch result: the union of the operation's documented error bodies. */
export type ResultError<R> = R extends { error: infer E } ? E : never;

/** The numeric, non-2xx status keys of an operation's `responses`. */
type ErrorStatusKeys<Responses> = {
  [S in keyof Responses]: S extends number ? (`${S}` extends `2${string}` ? never : S) : never;
}[keyof Responses];

/** The body type of one response object (`undefined` when it has no content). */
type ContentBody<Response> = Response extends { content: infer C }
  ? C extends Record<string, unknown>
    ? C[keyof C]
    : undefined
  : undefined;

/**
 * The {@link ApiError}s an operation documents, discriminated by `status`: pass the operation type from
 * openapi-typescript (`operations['getOperation']` or `paths['/x']['get']`). The runtime cannot know the
 * operation of a caught error, so this is a type to cast to, after `instanceof ApiError`.
 *
 * @example
 * try { unwrap(await client.GET('/operation/{operation_code}', { params })); }
 * catch (e) {
 *   if (!(e instanceof ApiError)) throw e;
 *   const err = e as ApiErrorFor<paths['/operation/{operation_code}']['get']>;
 *   if (err.status === 400) console.log(err.body?.return_code); // typed per status
 * }
 */
export type ApiErrorFor<Operation> = Operation extends { responses: infer Responses }
  ? [ErrorStatusKeys<Responses>] extends [never]
    ? ApiError
    : { [S in ErrorStatusKeys<Responses>]: ApiError<ContentBody<Responses[S]>, S & number> }[ErrorStatusKeys<Responses>]
  : ApiError;

/**
 * Returns `result.data` when the response is 2xx; otherwise throws {@link ApiError} with the status, the
 * provider's parsed error body (`undefined` for an empty body, e.g. UY3's 401), the correlation id, the
 * method and the operation's path. The decision is `response.ok`, never the presence of `error`.
 *
 * @example
 * const operation = unwrap(await client.GET('/operation/{operation_code}', { params: { path: { operation_code } } }));
 */
export function unwrap<R extends FetchResultLike>(result: R): ResultData<R> {
  const { response } = result;
  if (response.ok) return result.data as ResultData<R>;
  throw toApiError(result);
}

function toApiError<R extends FetchResultLike>(result: R): ApiError<ResultError<R>> {
  const { response } = result;
  const meta = read<ResponseMeta>(response, META);
  const clean = (text: string): string => (meta ? meta.redactor.redact(text) : redact(text));
  const body = result.error === '' ? undefined : (result.error as ResultError<R> | undefined);
  let summary: string | undefined;
  if (body !== undefined) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    summary = clean(snippet(text, 300));
  }
  let path = meta?.operation;
  if (!path) {
    try {
      path = clean(new URL(response.url).pathname);
    } catch {
      path = '(unknown path)';
    }
  }
  return new ApiError<ResultError<R>>({
    provider: meta?.provider,
    method: meta?.method ?? '(unknown method)',
    path,
    status: response.status,
    body,
    headers: response.headers,
    correlationId: meta?.correlationId === undefined ? undefined : clean(meta.correlationId),
    bodySummary: summary,
  });
}
