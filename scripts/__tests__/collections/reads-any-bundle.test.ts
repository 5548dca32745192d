/**
 * The collection model reads a bundle generically: a small contract unlike any provider's (a server
 * variable, a token endpoint with its own server, a range status, an API key) gives the environments,
 * credentials and checks it describes, and a contract it cannot express fails with a typed error.
 */
import { describe, expect, it } from 'vitest';
import { CollectionModelError } from '../../collections/model.js';
import { readCollectionModel } from '../../collections/read.js';
import type { JsonObject } from '@credit-apis/contract-core';

function contract(overrides: JsonObject = {}): JsonObject {
  return {
    openapi: '3.1.0',
    info: { title: 'Acme', version: '1' },
    servers: [
      { url: 'https://{region}.acme.example', description: 'Sandbox (per region)', variables: { region: { default: 'eu' } } },
      { url: 'http://127.0.0.1:4010/acme', description: 'Local mock server (credit-apis)' },
    ],
    security: [{ oauth: ['read'] }],
    paths: {
      '/token': {
        servers: [{ url: 'https://auth.acme.example' }, { url: 'http://127.0.0.1:4010/acme' }],
        post: {
          operationId: 'getToken',
          security: [{ client: [] }],
          requestBody: {
            content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' }, example: { grant_type: 'client_credentials' } } },
          },
          responses: { '200': { description: 'token' } },
        },
      },
      '/things/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'abc' }],
        get: {
          operationId: 'getThing',
          tags: ['Things'],
          parameters: [{ name: 'verbose', in: 'query', schema: { type: 'boolean' } }],
          responses: {
            '2XX': {
              description: 'ok',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Thing' }, examples: { one: { value: { id: 'abc' } } } },
              },
            },
            default: { description: 'error' },
          },
        },
      },
      '/keys': { get: { operationId: 'listKeys', security: [{ key: [] }], responses: { '204': { description: 'none' } } } },
    },
    components: {
      schemas: { Thing: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, size: { type: ['integer', 'null'] } } } },
      securitySchemes: {
        oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.acme.example/token', scopes: { read: 'read' } } } },
        client: { type: 'http', scheme: 'basic' },
        key: { type: 'apiKey', in: 'header', name: 'X-Key' },
      },
    },
    ...overrides,
  };
}

const requests = (doc: JsonObject) => readCollectionModel('acme', doc).folders.flatMap((folder) => folder.requests);

describe('the collection model reads any bundle', () => {
  it('makes an environment per documented host and one for the mock, with server variables and the token URL', () => {
    const [sandbox, mock] = readCollectionModel('acme', contract()).environments;
    const values = (environment: typeof sandbox) =>
      Object.fromEntries((environment?.variables ?? []).map((variable) => [variable.name, variable.value]));
    expect(sandbox?.id).toBe('sandbox');
    expect(values(sandbox)).toMatchObject({
      baseUrl: 'https://{{region}}.acme.example',
      region: 'eu',
      getTokenBaseUrl: 'https://auth.acme.example',
      oauthTokenUrl: '{{getTokenBaseUrl}}/token',
      oauthClientId: '',
    });
    expect(mock?.id).toBe('mock');
    expect(values(mock)).toMatchObject({
      baseUrl: 'http://127.0.0.1:4010/acme',
      getTokenBaseUrl: 'http://127.0.0.1:4010/acme',
      oauthClientId: 'mock-client-id',
      keyKey: 'mock-api-key',
    });
  });

  it('gives each request its credential: the OAuth2 token, the flow client on the token endpoint, an API key', () => {
    const byId = Object.fromEntries(requests(contract()).map((request) => [request.operationId, request]));
    expect(byId.getThing?.auth).toMatchObject({
      kind: 'bearer',
      tokenVariable: 'oauthAccessToken',
      oauth2: { scope: 'read', tokenUrlVariable: 'oauthTokenUrl' },
    });
    expect(byId.getToken?.auth).toEqual({ kind: 'basic', usernameVariable: 'oauthClientId', passwordVariable: 'oauthClientSecret' });
    expect(byId.getToken?.baseUrlVariable).toBe('getTokenBaseUrl');
    expect(byId.listKeys?.auth).toEqual({ kind: 'apiKey', in: 'header', name: 'X-Key', variable: 'keyKey' });
  });

  it('accepts every code of a documented range and checks its body shape; default names no status', () => {
    const thing = requests(contract()).find((request) => request.operationId === 'getThing');
    expect(thing?.successKeys).toEqual(['2XX']);
    expect(thing?.successStatuses).toHaveLength(100);
    expect(thing?.successStatuses).toContain(207);
    expect(thing?.schemas).toEqual({
      '2XX': { type: ['object'], required: ['id'], properties: { id: ['string'], size: ['integer', 'null'] } },
    });
    expect(thing?.examples.map((example) => [example.name, example.status])).toEqual([['2XX one', 200]]);
    expect(thing?.query).toEqual([{ name: 'verbose', value: '', enabled: false, description: '' }]);
  });

  it('fails with a typed error on a contract a collection cannot express', () => {
    const paths = { '/x': { get: { responses: { '200': { description: 'ok' } } } } };
    expect(() => readCollectionModel('acme', contract({ paths }))).toThrow(CollectionModelError);
    expect(() => readCollectionModel('acme', contract({ security: [{ nowhere: [] }] }))).toThrow(/nowhere/);
  });
});
