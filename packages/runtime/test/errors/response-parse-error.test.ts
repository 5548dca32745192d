import { afterEach, describe, expect, it } from 'vitest';
import { CreditApisError, ResponseParseError } from '../../src/index.js';
import { createThingsClient } from '../helpers/clients.js';
import { serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

const gatewayPage = '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

describe('a body that is neither empty nor JSON is a ResponseParseError', () => {
  it('an HTML 502 from a gateway (after the retries)', async () => {
    const api = await servers.start((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end(gatewayPage);
    });
    const client = createThingsClient({ baseUrl: api.url, retry: { initialDelayMs: 5 } });
    const error: unknown = await client.GET('/things').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toBeInstanceOf(CreditApisError);
    const parseError = error as ResponseParseError;
    expect(parseError.name).toBe('ResponseParseError');
    expect(parseError.status).toBe(502);
    expect(parseError.method).toBe('GET');
    expect(parseError.path).toBe('/things');
    expect(parseError.contentType).toBe('text/html');
    expect(parseError.message).toContain('GET /things');
    expect(parseError.message).toContain('502');
    expect(parseError.bodySnippet).toContain('Bad Gateway');
    expect(api.requests).toHaveLength(3);
  });

  it('an HTML 502 to a POST (not retried), named by its path template', async () => {
    const api = await servers.start((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end(gatewayPage);
    });
    const client = createThingsClient({ baseUrl: api.url });
    const error = (await client
      .POST('/things', { body: { name: 'x', amount: 1 } })
      .catch((caught: unknown) => caught)) as ResponseParseError;
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toContain('POST /things');
    expect(api.requests).toHaveLength(1);
  });

  it('a truncated JSON body on a 200, with the operation path template', async () => {
    const api = await servers.start((_request, response) => {
      const text = '{"id": "t-1", "name": "fir';
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      response.end(text);
    });
    const client = createThingsClient({ baseUrl: api.url });
    const error = (await client
      .GET('/things/{id}', { params: { path: { id: 't-1' } } })
      .catch((caught: unknown) => caught)) as ResponseParseError;
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.status).toBe(200);
    expect(error.path).toBe('/things/{id}');
    expect(error.message).toContain('GET /things/{id} answered 200');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('an empty body is not an error, and neither is a JSON one', async () => {
    const api = await servers.start((_request, response, index) => {
      if (index === 0) {
        response.writeHead(200);
        response.end();
      } else {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end('{"request_code":"rc","return_code":"404-01","message":"not found"}');
      }
    });
    const client = createThingsClient({ baseUrl: api.url });
    expect((await client.GET('/things')).data).toBeUndefined();
    expect((await client.GET('/things/{id}', { params: { path: { id: 'x' } } })).error).toMatchObject({ return_code: '404-01' });
  });

  it('calls that parse as text are left alone', async () => {
    const api = await servers.start((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('plain text');
    });
    const client = createThingsClient({ baseUrl: api.url });
    const { data } = await client.GET('/things', { parseAs: 'text' });
    expect(data).toBe('plain text');
  });
});
