/** Small hand-made contracts for the unit tests, and the committed bundles for the tests that use real specs. */
import { existsSync, readFileSync } from 'node:fs';
import type { JsonObject } from '@credit-apis/contract-core';
import { listProviders } from '../../lib/providers.js';

/** A bearer-token API with a path parameter, a documented query parameter, a JSON body and a webhook. */
export function bearerApi(): JsonObject {
  return {
    openapi: '3.1.0',
    info: { title: 'Fixture API', version: '1', summary: 'A fixture.', description: 'Fixture.' },
    servers: [
      { url: 'https://api.example.invalid', description: 'Production' },
      { url: 'http://127.0.0.1:4010/fixture', description: 'Local mock server (credit-apis)' },
    ],
    tags: [
      { name: 'Loans', description: 'Loans.' },
      { name: 'Webhooks', description: 'Hooks.' },
    ],
    security: [{ bearerAuth: [] }],
    paths: {
      '/loans/{loan_id}': {
        get: {
          operationId: 'getLoan',
          tags: ['Loans'],
          summary: 'Get a loan',
          parameters: [
            {
              name: 'loan_id',
              in: 'path',
              required: true,
              schema: { type: 'string' },
              examples: { first: { value: 'L-1' }, second: { value: 'L-2' } },
            },
            {
              name: 'expand',
              in: 'query',
              required: false,
              schema: { type: 'string' },
              examples: { installments: { value: 'installments & fees' } },
            },
            { name: 'page', in: 'query', required: false, schema: { type: 'integer' } },
          ],
          'x-doc-quirks': [{ where: 'responses.200', documented: 'a <b>bold</b> `<code>` claim\n  over two lines', chosen: 'the reading' }],
          responses: { '200': { description: 'ok' } },
        },
      },
      '/loans': {
        post: {
          operationId: 'createLoan',
          tags: ['Loans'],
          summary: 'Create a loan',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object' },
                examples: {
                  minimal: { value: { amount: 100, 'debt-key': "it's", nested: { list: [1, 2] } } },
                  full: { value: { amount: 200 } },
                },
              },
            },
          },
          responses: { '201': { description: 'created' } },
        },
      },
    },
    webhooks: {
      loanPaid: {
        post: {
          operationId: 'onLoanPaid',
          tags: ['Webhooks'],
          summary: 'Loan paid',
          requestBody: { content: { 'application/json': { schema: { type: 'object' }, examples: { paid: { value: { id: 'L-1' } } } } } },
          responses: { '200': { description: 'ack' } },
        },
      },
    },
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
  };
}

/** An OAuth2 client-credentials API whose token endpoint is itself an operation with basic auth and a form body. */
export function oauthApi(): JsonObject {
  return {
    openapi: '3.1.0',
    info: { title: 'OAuth fixture', version: '1' },
    servers: [{ url: 'http://127.0.0.1:4010/oauth-fixture', description: 'Local mock server (credit-apis)' }],
    security: [{ oauth2: ['credit/admin'] }],
    paths: {
      '/oauth2/token': {
        servers: [
          { url: 'https://{authUrl}', variables: { authUrl: { default: 'auth.example.invalid' } } },
          { url: 'http://127.0.0.1:4010/oauth-fixture', description: 'Local mock server (credit-apis)' },
        ],
        post: {
          operationId: 'requestToken',
          tags: ['Authentication'],
          summary: 'Request a token',
          security: [{ basicAuth: [] }],
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: { type: 'object' },
                examples: { clientCredentials: { value: { grant_type: 'client_credentials', scope: 'credit/admin' } } },
              },
            },
          },
          responses: { '200': { description: 'token' } },
        },
      },
      '/v1/Product': {
        get: { operationId: 'listProducts', tags: ['Products'], summary: 'List products', responses: { '200': { description: 'ok' } } },
      },
    },
    components: {
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: 'https://auth.example.invalid/oauth2/token', scopes: { 'credit/admin': 'all' } } },
        },
        basicAuth: { type: 'http', scheme: 'basic' },
      },
    },
  };
}

/** Every provider whose bundle `pnpm generate` has written, parsed. */
export function committedBundles(): { slug: string; bundle: JsonObject }[] {
  return listProviders()
    .filter((provider) => existsSync(provider.bundlePath))
    .map((provider) => ({ slug: provider.slug, bundle: JSON.parse(readFileSync(provider.bundlePath, 'utf8')) as JsonObject }));
}
