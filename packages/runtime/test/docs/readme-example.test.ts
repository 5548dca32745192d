/**
 * The README's usage example is `examples/basic.ts`, verbatim (with the package name in the import): this
 * test checks they are the same text, then runs the example against local servers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientCredentials } from '../../src/index.js';
import { clientFor, createEccorFgtsClient, main, simulate } from '../../examples/basic.js';
import { sendEmpty, sendJson, serverPool } from '@credit-apis/test-kit/http-server';
import { readmeExample } from '@credit-apis/test-kit/readme-example';

const servers = serverPool();
afterEach(async () => {
  vi.restoreAllMocks();
  await servers.closeAll();
});

async function setUp(simulationAnswers: ((response: Parameters<typeof sendJson>[0]) => void)[], productsStatus = 200) {
  const auth = await servers.start((_request, response) =>
    sendJson(response, 200, { access_token: 'example-token', expires_in: 3600, token_type: 'Bearer' }),
  );
  const api = await servers.start((request, response) => {
    if (request.url === '/products') {
      if (productsStatus === 200) sendJson(response, 200, { items: [{ id: 'p-1', name: 'FGTS' }] });
      else sendJson(response, productsStatus, {}, { 'x-request-id': 'req-1' });
    } else {
      const answer = simulationAnswers.shift() ?? ((res) => sendEmpty(res, 500));
      answer(response);
    }
  });
  const client = createEccorFgtsClient({
    baseUrl: api.url,
    auth: clientCredentials({ tokenUrl: `${auth.url}/oauth2/token`, basicToken: 'YmFzaWM=', scope: 'credit/admin' }),
    retry: { initialDelayMs: 5 },
  });
  return { auth, api, client };
}

describe('README example (examples/basic.ts)', () => {
  it('is the code shown in the README', () => {
    const { shown, expected } = readmeExample(new URL('../../', import.meta.url));
    expect(shown).toBe(expected);
  });

  it('runs: token, products, a simulation POST retried after a 503', async () => {
    const created = { id: 's-1', installments: 12, totalAmount: 1_100 };
    const { auth, api, client } = await setUp([
      (response) => sendJson(response, 503, { errors: [{ message: 'busy' }] }),
      (response) => sendJson(response, 201, created),
    ]);
    expect(await main(client)).toBe('12 installments, total 1100');
    expect(auth.requests).toHaveLength(1);
    expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /products',
      'POST /simulations',
      'POST /simulations',
    ]);
    expect(JSON.parse(api.requests[2]?.body ?? '{}')).toEqual({ productId: 'p-1', registrationNumber: '123.456.789-09', amount: 1000 });
    expect(api.requests[2]?.headers.authorization).toBe('Bearer example-token');
  });

  it('runs: a 400 becomes an Error with the provider messages, another status an ApiError', async () => {
    const { client } = await setUp([
      (response) => sendJson(response, 400, { errors: [{ message: 'amount too low' }, { message: 'bad product' }] }),
    ]);
    await expect(simulate(client, '12345678909')).rejects.toThrow('amount too low; bad product');

    const other = await setUp([], 404);
    expect(await main(other.client)).toBe('provider answered 404 (no id)');
  });

  it('clientFor() builds a client for a named environment, logging through console.info', () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const client = clientFor('homologacao', { tokenUrl: 'https://auth.invalid/oauth2/token', basicToken: 'YmFzaWM=' });
    expect(typeof client.GET).toBe('function');
  });
});
