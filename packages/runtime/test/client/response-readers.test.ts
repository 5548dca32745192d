/**
 * The runtime reads each answer's body once (so that the timeout covers it) and hands openapi-fetch a
 * Response that answers from what it read: every way of reading a Response must still give the body, the
 * status, the headers and the URL as the server sent them, any number of times.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createThingsClient } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

const thing = { id: 't-1', name: 'Ação', amount: 1, status: 'OPEN' };
const bytes = new TextEncoder().encode(JSON.stringify(thing));

describe('the Response a call gives back', () => {
  it('is read by text(), json(), arrayBuffer(), bytes(), blob() and body alike, again and again', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 200, thing, { 'x-request-id': 'rq-1' }));
    const { data, response } = await createThingsClient({ baseUrl: api.url }).GET('/things/{id}', { params: { path: { id: 't-1' } } });
    expect(data).toEqual(thing);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.url).toBe(`${api.url}/things/t-1`);
    expect(response.redirected).toBe(false);
    expect(response.headers.get('x-request-id')).toBe('rq-1');
    for (let round = 0; round < 2; round += 1) {
      expect(await response.text()).toBe(JSON.stringify(thing));
      expect(await response.json()).toEqual(thing);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
      expect(await response.bytes()).toEqual(bytes);
      const blob = await response.blob();
      expect(blob.type).toBe('application/json');
      expect(await blob.text()).toBe(JSON.stringify(thing));
    }
    expect(await new Response(response.body).text()).toBe(JSON.stringify(thing));
  });

  it('gives the caller data of its own: changing it changes no later read of the Response', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 200, thing));
    const { data, response } = await createThingsClient({ baseUrl: api.url }).GET('/things/{id}', { params: { path: { id: 't-1' } } });
    if (!data) throw new Error('no data');
    data.name = 'changed by the caller';
    expect(await response.json()).toEqual(thing);
    expect(await response.clone().json()).toEqual(thing);
    expect(await response.json()).not.toBe(await response.json());
  });

  it('clones with its body, status, headers and URL', async () => {
    const api = await servers.start((_request, response) => sendJson(response, 404, { message: 'no such thing' }));
    const { error, response } = await createThingsClient({ baseUrl: api.url }).GET('/things/{id}', { params: { path: { id: 'x' } } });
    expect(error).toEqual({ message: 'no such thing' });
    const copy = response.clone();
    expect(copy.status).toBe(404);
    expect(copy.url).toBe(response.url);
    expect(copy.headers.get('content-type')).toBe('application/json');
    expect(await copy.json()).toEqual({ message: 'no such thing' });
  });

  it('an answer without a body reads as empty', async () => {
    const api = await servers.start((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    const { response } = await createThingsClient({ baseUrl: api.url }).DELETE('/things/{id}', { params: { path: { id: 't-1' } } });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    expect(await response.text()).toBe('');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });
});
