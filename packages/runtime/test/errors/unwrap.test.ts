import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { ApiError, CreditApisError, unwrap } from '../../src/index.js';
import type { components } from '../fixtures/things-api.js';
import { createThingsClient } from '../helpers/clients.js';
import { sendEmpty, sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

type Thing = components['schemas']['Thing'];
type ErrorEnvelope = components['schemas']['ErrorEnvelope'];

describe('unwrap', () => {
  it('returns data on 2xx, typed from the spec', async () => {
    const api = await servers.start((_request, response) =>
      sendJson(response, 200, { id: 't-1', name: 'first', amount: 1, status: 'OPEN' }),
    );
    const client = createThingsClient({ baseUrl: api.url });
    const thing = unwrap(await client.GET('/things/{id}', { params: { path: { id: 't-1' } } }));
    expectTypeOf(thing).toEqualTypeOf<Thing>();
    expect(thing.name).toBe('first');
  });

  it('an empty-body 401 (error is undefined) still throws ApiError with status 401', async () => {
    const api = await servers.start((_request, response) => sendEmpty(response, 401, { 'www-authenticate': 'Bearer' }));
    const client = createThingsClient({ baseUrl: api.url });
    const result = await client.GET('/things/{id}', { params: { path: { id: 't-1' } } });
    expect(result.error).toBeUndefined();

    let caught: unknown;
    try {
      unwrap(result);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect(caught).toBeInstanceOf(CreditApisError);
    const apiError = caught as ApiError;
    expect(apiError.name).toBe('ApiError');
    expect(apiError.status).toBe(401);
    expect(apiError.body).toBeUndefined();
    expect(apiError.method).toBe('GET');
    expect(apiError.path).toBe('/things/{id}');
    expect(apiError.provider).toBe('things');
    expect(apiError.message).toBe('things: GET /things/{id} answered 401');
  });

  it('carries the parsed error body, typed as the operation’s error bodies', async () => {
    const envelope = { request_code: 'rc-9', return_code: '404-01', message: 'There are no results for the query.' };
    const api = await servers.start((_request, response) => sendJson(response, 404, envelope));
    const client = createThingsClient({ baseUrl: api.url });
    const result = await client.GET('/things/{id}', { params: { path: { id: 'missing' } } });
    try {
      unwrap(result);
      expect.unreachable();
    } catch (error) {
      const apiError = error as ApiError<ErrorEnvelope>;
      expect(apiError.status).toBe(404);
      expect(apiError.body).toEqual(envelope);
      expect(apiError.message).toContain('404-01');
    }
  });

  it('returns undefined for a 204', async () => {
    const api = await servers.start((_request, response) => sendEmpty(response, 204));
    const client = createThingsClient({ baseUrl: api.url });
    const deleted = unwrap(await client.DELETE('/things/{id}', { params: { path: { id: 't-1' } } }));
    expectTypeOf(deleted).toEqualTypeOf<undefined>();
    expect(deleted).toBeUndefined();
  });
});
