/**
 * The client makes every operation of the Banco CDC contract once, over real HTTP, against a server that
 * answers with the spec's examples (and checks the bearer token, query and body of each request). A new
 * operation in the spec fails this test until it is called here.
 */
import { describe, expect, it } from 'vitest';
import { expectEnvironmentsOfSpec, expectEveryOperation, readBundle, startSpecServer } from '@credit-apis/test-kit/spec-server';
import { bancoCdcProfile, bearer, createBancoCdcClient, getCorrelationId } from '../../src/index.js';
import { validateResponses } from '../../src/validate.js';

const spec = readBundle('banco-cdc');

describe('Banco CDC: every operation of the contract', () => {
  it('is called once, and answers the documented example, valid against the spec', async () => {
    const server = await startSpecServer(spec, { authorization: { bearerAuth: 'Bearer cdc-token' } });
    const client = createBancoCdcClient({ baseUrl: server.url, auth: bearer('cdc-token') });
    client.use(validateResponses({ mode: 'throw' }));
    const correlationIds: (string | undefined)[] = [];

    await expectEveryOperation(spec, server, {
      // The spec documents no example of the operation code (a UUID, provider notes).
      getOperation: async () => {
        const result = await client.GET('/operation/{operation_code}', {
          params: { path: { operation_code: '0b6e4a8e-2f7c-4d51-9a43-6c1f0d3b2a10' } },
        });
        correlationIds.push(getCorrelationId(result.response));
        return result;
      },
    });
    // The envelope's request_code is the correlation id (the example's placeholder value).
    expect(correlationIds).toEqual(['undocumented']);
  });

  it('names the environments of the spec: staging and the mock', () => {
    expectEnvironmentsOfSpec(spec, bancoCdcProfile.environments);
  });
});
