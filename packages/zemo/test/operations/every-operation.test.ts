/**
 * The client makes every operation of the Zemo contract once, over real HTTP, against a server that answers
 * with the spec's examples (and checks the bearer token, query and body of each request). A new operation in
 * the spec fails this test until it is called here.
 */
import { describe, it } from 'vitest';
import {
  expectEnvironmentsOfSpec,
  expectEveryOperation,
  parameterExample,
  readBundle,
  startSpecServer,
} from '@credit-apis/test-kit/spec-server';
import { bearer, createZemoClient, zemoProfile } from '../../src/index.js';
import { validateResponses } from '../../src/validate.js';

const spec = readBundle('zemo');

describe('Zemo: every operation of the contract', () => {
  it('is called once, and answers the documented example, valid against the spec', async () => {
    const server = await startSpecServer(spec, { authorization: { bearerAuth: 'Bearer z3mo-token' } });
    const client = createZemoClient({ baseUrl: server.url, auth: bearer('z3mo-token') });
    client.use(validateResponses({ mode: 'throw' }));

    await expectEveryOperation(spec, server, {
      getOperation: () => client.GET('/api/operations/{id}', { params: { path: { id: parameterExample(spec, 'getOperation', 'id') } } }),
    });
  });

  it('names the environments of the spec: only the mock (the host is undocumented: baseUrl)', () => {
    expectEnvironmentsOfSpec(spec, zemoProfile.environments);
  });
});
