/**
 * `paginate` against a real local server. The contract documents no page-selection parameter, so: one page
 * is read through; more pages without `nextPage` yield the first page, then throw `PaginationError`; with
 * `nextPage` (here a `page` query parameter that only this test server knows) every page is read; a
 * `nextPage` the server ignores does not loop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sendJson, serverPool, type RecordedRequest } from '@credit-apis/test-kit/http-server';
import { readBundle, specOperation } from '@credit-apis/test-kit/spec-server';
import { paginate, PaginationError, type NextPageInit } from '../../src/extras.js';
import { ApiError, bearer, createEccorFgtsClient, type Product, type ProductPage } from '../../src/index.js';

const servers = serverPool();
afterEach(() => servers.closeAll());

const documented = specOperation(readBundle('eccor-fgts'), 'listProducts').success.body as ProductPage;
const product = (id: string): Product => ({ ...(documented.data[0] as Product), id });

/** Pages of the products `ids`, `perPage` per page; the server reads the (test-only) `page` query parameter. */
async function listServer(ids: string[][], options: { ignorePage?: boolean } = {}) {
  const server = await servers.start((request, response, index) => {
    // A paginate that loops gets a 500 instead of hanging the test.
    if (index >= 10) return sendJson(response, 500, { looping: true });
    const page = options.ignorePage ? 0 : Number(new URL(request.url, 'http://x').searchParams.get('page') ?? 0);
    const body: ProductPage = {
      page,
      totalPages: ids.length,
      totalItems: ids.flat().length,
      data: (ids[page] ?? []).map(product),
      paginationToken: null,
    };
    sendJson(response, 200, body);
  });
  const client = createEccorFgtsClient({ baseUrl: server.url, auth: bearer('t0ken'), retry: false });
  return { server, client };
}

const collect = async <T>(items: AsyncIterable<T>, into: T[] = []): Promise<T[]> => {
  for await (const item of items) into.push(item);
  return into;
};
const urls = (requests: RecordedRequest[]): string[] => requests.map((request) => request.url);
/** The caller's knowledge of how to ask for a page: here, the test server's `page` parameter. */
const nextPage = (last: ProductPage, init: NextPageInit<'/v1/Product'> | undefined): NextPageInit<'/v1/Product'> => ({
  ...init,
  params: { query: { ...init?.params?.query, page: last.page + 1 } },
});

describe('paginate', () => {
  it('yields every item of a single page (the documented example: page 0 of 1)', async () => {
    const { server, client } = await listServer([['a', 'b', 'c']]);
    const items = await collect(paginate(client, '/v1/Product'));
    expect(items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(items[0]).toEqual(product('a'));
    expect(urls(server.requests)).toEqual(['/v1/Product']);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer t0ken');
  });

  it('with more pages and no nextPage: yields the first page, then throws PaginationError naming the gap', async () => {
    const { server, client } = await listServer([['a', 'b'], ['c'], ['d']]);
    const items: Product[] = [];
    const error = await collect(paginate(client, '/v1/Product'), items).catch((caught: unknown) => caught);
    expect(items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ name: 'PaginationError', path: '/v1/Product', page: 0, totalPages: 3 });
    expect((error as Error).message).toMatch(/documents no way to request the next one.*nextPage/);
    expect(urls(server.requests)).toEqual(['/v1/Product']);
  });

  it('with nextPage: asks for each next page the way the caller says, and yields every item once', async () => {
    const { server, client } = await listServer([['a', 'b'], ['c', 'd'], ['e']]);
    const seen: number[] = [];
    const items = await collect(
      paginate(client, '/v1/Product', undefined, { nextPage: (last, init) => (seen.push(last.page), nextPage(last, init)) }),
    );
    expect(items.map((item) => item.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(seen).toEqual([0, 1]);
    expect(urls(server.requests)).toEqual(['/v1/Product', '/v1/Product?page=1', '/v1/Product?page=2']);
  });

  it('keeps the documented query of the first request, and stops when nextPage returns undefined', async () => {
    const { server, client } = await listServer([['a'], ['b'], ['c']]);
    const init = { params: { query: { searchString: 'NILCE' } } };
    const items = await collect(
      paginate(client, '/v1/NaturalPerson', init, {
        nextPage: (last, previous) =>
          last.page === 0 ? { ...previous, params: { query: { ...previous?.params?.query, page: 1 } } } : undefined,
      }),
    );
    expect(items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(urls(server.requests)).toEqual(['/v1/NaturalPerson?searchString=NILCE', '/v1/NaturalPerson?searchString=NILCE&page=1']);
  });

  it('does not loop when the server ignores the next-page request', async () => {
    const { server, client } = await listServer([['a'], ['b']], { ignorePage: true });
    const items: Product[] = [];
    const error = await collect(paginate(client, '/v1/Product', undefined, { nextPage }), items).catch((caught: unknown) => caught);
    expect(items.map((item) => item.id)).toEqual(['a']);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toMatch(/page 0 came back/);
    expect(server.requests).toHaveLength(2);
  });

  it('throws ApiError for an error answer', async () => {
    const server = await servers.start((_request, response) =>
      sendJson(response, 403, { code: 'MISSING_RESOURCE_PERMISSION', message: 'no' }),
    );
    const client = createEccorFgtsClient({ baseUrl: server.url, auth: bearer('t0ken'), retry: false });
    await expect(collect(paginate(client, '/v1/Product'))).rejects.toMatchObject({ name: 'ApiError', status: 403, path: '/v1/Product' });
    await expect(collect(paginate(client, '/v1/Product'))).rejects.toBeInstanceOf(ApiError);
  });
});
