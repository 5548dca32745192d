/**
 * `paginate`: every item of every page of a list operation, as an async iterator.
 *
 * The API's list envelope is `{ page, totalPages, totalItems, data, paginationToken }` (`ProductPage`,
 * `NaturalPersonPage`), `page` zero-based. The document gives **no way to ask for another page**: no
 * `page`/`size` query parameter is documented, and `paginationToken` is only ever `null`. So `paginate`
 * yields the first page's items, and when the envelope says there are more pages (`page + 1 < totalPages`)
 * it asks the caller how to request the next one (`nextPage`). Without `nextPage` it throws
 * {@link PaginationError} rather than stop silently or guess a parameter the contract does not have.
 */
import { CreditApisError, unwrap, type CallOptions, type FetchOptions } from '@credit-apis/runtime';
import type { paths } from '@credit-apis/specs/eccor-fgts/types';
import type { EccorFgtsClient } from './client.js';

/** The list envelope of the API. */
export interface PageEnvelope<Item = unknown> {
  /** Index of this page, zero-based. */
  page: number;
  /** Number of pages. */
  totalPages: number;
  /** Number of items over all pages. */
  totalItems: number;
  /** The items of this page. */
  data: Item[];
  /** Continuation token: only `null` in the document. */
  paginationToken?: unknown;
}

type GetOperation<P extends keyof paths> = paths[P] extends { get: infer Operation } ? Operation : never;
type JsonBody200<Operation> = Operation extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never;

/** The paths whose GET answers with the list envelope: `'/v1/Product' | '/v1/NaturalPerson'`. */
export type PaginatedPath = {
  [P in keyof paths]: [JsonBody200<GetOperation<P>>] extends [never]
    ? never
    : JsonBody200<GetOperation<P>> extends PageEnvelope
      ? P
      : never;
}[keyof paths];

/** The page type of a paginated path (`ProductPage`, `NaturalPersonPage`). */
export type PageOf<P extends PaginatedPath> = Extract<JsonBody200<GetOperation<P>>, PageEnvelope>;

/** The item type of a paginated path (`Product`, `NaturalPerson`). */
export type ItemOf<P extends PaginatedPath> = PageOf<P>['data'][number];

/** The init of a paginated GET: openapi-fetch's (`params`, `headers`, `signal`…) plus the per-call options. */
export type PaginateInit<P extends PaginatedPath> = FetchOptions<GetOperation<P>> & CallOptions;

/**
 * The init of a next-page request, as `nextPage` returns it: {@link PaginateInit}, except that `params.query`
 * may hold parameters the contract does not document (it documents none for paging: that is the point), so
 * they are not checked against it.
 */
export type NextPageInit<P extends PaginatedPath> = Omit<PaginateInit<P>, 'params'> & {
  params?: { query?: Record<string, unknown> };
};

/** Options of {@link paginate}. */
export interface PaginateOptions<P extends PaginatedPath> {
  /**
   * How to request the page after `lastPage`: return the init of the next GET (e.g. with a query parameter
   * ECCOR told you about), or `undefined` to stop. Called only when `lastPage.page + 1 < lastPage.totalPages`,
   * with the init of the request that returned `lastPage`. The contract documents no such parameter, so there
   * is no default.
   */
  nextPage?: (lastPage: PageOf<P>, init: NextPageInit<P> | undefined) => NextPageInit<P> | undefined;
}

/**
 * The envelope says there are more pages, but no way to request them was given (`nextPage`), or the page
 * that `nextPage` asked for did not come after the last one (the server ignored the request: going on would
 * loop forever).
 */
export class PaginationError extends CreditApisError {
  override name = 'PaginationError';
  /** The list operation's path. */
  readonly path: string;
  /** `page` of the last envelope received (zero-based). */
  readonly page: number;
  /** `totalPages` of the last envelope received. */
  readonly totalPages: number;

  constructor(path: string, page: number, totalPages: number, message: string) {
    super(`eccor-fgts: GET ${path}: ${message}`);
    this.path = path;
    this.page = page;
    this.totalPages = totalPages;
  }
}

/**
 * Iterates over every item of every page of a list operation (`GET /v1/Product`, `GET /v1/NaturalPerson`).
 * Each page is fetched with `client.GET(path, init)` and unwrapped: a non-2xx answer throws `ApiError`.
 *
 * The contract documents **no request parameter to select a page** (and `paginationToken` is always
 * `null`). When the first envelope has `totalPages > 1`, pass `nextPage` to say how to ask for the next
 * page; without it, after the first page's items, the iterator throws {@link PaginationError} naming the
 * gap. It also throws `PaginationError` when a page requested with `nextPage` does not advance.
 *
 * @example
 * for await (const person of paginate(client, '/v1/NaturalPerson', { params: { query: { searchString: 'NILCE' } } })) {
 *   console.log(person.name);
 * }
 * // Only if ECCOR tells you how to ask for a page (the contract does not); `page` here is an example:
 * paginate(client, '/v1/Product', undefined, {
 *   nextPage: (last, init) => ({ ...init, params: { query: { ...init?.params?.query, page: last.page + 1 } } }),
 * });
 */
export async function* paginate<P extends PaginatedPath>(
  client: EccorFgtsClient,
  path: P,
  init?: PaginateInit<P>,
  options: PaginateOptions<P> = {},
): AsyncGenerator<ItemOf<P>, void, undefined> {
  const get = client.GET as unknown as (path: string, init?: object) => Promise<{ data?: unknown; response: Response }>;
  let current: NextPageInit<P> | undefined = init;
  let previous: number | undefined;
  for (;;) {
    const page = unwrap(await get(path, current)) as unknown as PageOf<P>;
    if (previous !== undefined && !(page.page > previous)) {
      throw new PaginationError(
        path,
        page.page,
        page.totalPages,
        `nextPage asked for the page after ${previous}, and page ${page.page} came back: stopping rather than looping`,
      );
    }
    yield* page.data as ItemOf<P>[];
    if (!(page.page + 1 < page.totalPages)) return;
    if (!options.nextPage) {
      throw new PaginationError(
        path,
        page.page,
        page.totalPages,
        `page ${page.page} of ${page.totalPages} (zero-based) was read, and the contract documents no way to request the next one (no page parameter; paginationToken is null): pass paginate(client, path, init, { nextPage }) to say how`,
      );
    }
    current = options.nextPage(page, current);
    if (current === undefined) return;
    previous = page.page;
  }
}
