/**
 * A missing or malformed credential gets the provider's own 401, on every operation that needs one:
 * UY3 an empty body with `WWW-Authenticate: Bearer`, Zemo `{"message": "Invalid credentials."}`, Banco
 * CDC its `401-05` envelope; UY3's token endpoint, which takes Basic credentials and documents no 401, its
 * documented 400 with the OAuth2 error `invalid_client`. A well-formed credential is let through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRequest } from '../../src/catalog/sample-request.js';
import { hasProvider, startMock, type RunningMock } from '../support/mock.js';
import { send, sendSample } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

const BAD_CREDENTIALS: readonly (string | undefined)[] = [
  undefined,
  '',
  'Bearer',
  'Bearer ',
  'Bearer two words',
  'Token abc',
  'Basic Zm9v',
  'bearer',
  'Bearer ab\u00e7',
];

const listing = await startMock();
await listing.close();
// The token endpoint documents no 401: its bad credentials are checked on their own below.
const secured = listing.providers.flatMap((provider) =>
  provider.operations
    .filter((operation) => !operation.security.anonymous && operation.info.operationId !== 'requestToken')
    .map(
      (operation) =>
        [
          `${provider.slug} ${operation.info.method.toUpperCase()} ${operation.info.path}`,
          provider.slug,
          operation.info.operationId,
        ] as const,
    ),
);

async function withAuthorization(slug: string, operationId: string, authorization: string | undefined) {
  const provider = running.provider(slug);
  const operation = running.operation(slug, operationId);
  const request = sampleRequest(provider, operation);
  const headers: Record<string, string> = { ...request.headers };
  delete headers.authorization;
  if (authorization !== undefined) headers.authorization = authorization;
  return send(`${running.url}/${slug}${request.path}`, {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
}

describe('missing or malformed credentials', () => {
  it.each(secured)('%s answers 401 to every bad credential and not to a good one', async (_label, slug, operationId) => {
    for (const authorization of BAD_CREDENTIALS) {
      const answer = await withAuthorization(slug, operationId, authorization);
      expect(answer.status, `Authorization: ${String(authorization)}`).toBe(401);
    }
    const good = await sendSample(running.url, running.provider(slug), running.operation(slug, operationId));
    expect(good.status).not.toBe(401);
  });

  it.runIf(hasProvider('eccor-fgts'))(
    'UY3: empty body and WWW-Authenticate: Bearer, also where the operation documents no 401',
    async () => {
      for (const operationId of ['listProducts', 'createCreditNote', 'donePaymentRevision']) {
        const answer = await withAuthorization('eccor-fgts', operationId, undefined);
        expect(answer.status).toBe(401);
        expect(answer.text).toBe('');
        expect(answer.headers.get('www-authenticate')).toBe('Bearer');
        expect(answer.headers.get('content-type')).toBeNull();
      }
    },
  );

  it.runIf(hasProvider('eccor-fgts'))(
    'UY3 token endpoint: its documented 400, invalid_client, for every bad Basic credential',
    async () => {
      for (const authorization of BAD_CREDENTIALS) {
        const answer = await withAuthorization('eccor-fgts', 'requestToken', authorization);
        expect(answer.status, `Authorization: ${String(authorization)}`).toBe(400);
        expect(answer.json).toEqual({ error: 'invalid_client' });
        expect(answer.headers.get('x-amz-cognito-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
      const good = await sendSample(running.url, running.provider('eccor-fgts'), running.operation('eccor-fgts', 'requestToken'));
      expect(good.status).toBe(200);
    },
  );

  it.runIf(hasProvider('zemo'))('Zemo: {"message": "Invalid credentials."}', async () => {
    const answer = await withAuthorization('zemo', 'getOperation', undefined);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Invalid credentials.' });
  });

  it.runIf(hasProvider('banco-cdc'))('Banco CDC: the 401-05 envelope', async () => {
    const answer = await withAuthorization('banco-cdc', 'getOperation', 'Basic abc');
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ return_code: '401-05', message: 'Unauthorized or token invalid', data: null });
  });
});
