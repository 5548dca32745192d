/**
 * The client makes every operation of the Nossa Fintech INSS contract once, over real HTTP, against a server
 * that answers with the spec's examples (and checks the bearer token, query and body of each request). A new
 * operation in the spec fails this test until it is called here.
 */
import { describe, it } from 'vitest';
import {
  expectEnvironmentsOfSpec,
  expectEveryOperation,
  parameterExample,
  readBundle,
  requestExample,
  startSpecServer,
} from '@credit-apis/test-kit/spec-server';
import { bearer, createNossaFintechInssClient, nossaFintechInssProfile, type CreateOperationRequest } from '../../src/index.js';
import { validateResponses } from '../../src/validate.js';

const spec = readBundle('nossa-fintech-inss');

describe('Nossa Fintech INSS: every operation of the contract', () => {
  it('is called once, and answers the documented example, valid against the spec', async () => {
    const server = await startSpecServer(spec, { authorization: { bearerAuth: 'Bearer login-token' } });
    const client = createNossaFintechInssClient({ baseUrl: server.url, auth: bearer('login-token') });
    client.use(validateResponses({ mode: 'throw' }));

    await expectEveryOperation(spec, server, {
      createOperation: () => client.POST('/inss/v1/operation', { body: requestExample<CreateOperationRequest>(spec, 'createOperation') }),
      getOperation: () =>
        client.GET('/inss/v1/operation/{debt_key}', {
          params: {
            path: { debt_key: parameterExample(spec, 'getOperation', 'debt_key') },
            query: { credit_operation_key: parameterExample(spec, 'getOperation', 'credit_operation_key') },
          },
        }),
    });
  });

  it('names the environments of the spec: production and the mock', () => {
    expectEnvironmentsOfSpec(spec, nossaFintechInssProfile.environments);
  });
});
