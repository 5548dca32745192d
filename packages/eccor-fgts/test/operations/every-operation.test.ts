/**
 * The client makes every operation of the ECCOR FGTS contract once, over real HTTP, against a server that
 * answers with the spec's examples and checks each request: the OAuth2 token (obtained by clientCredentials
 * from the server's own token endpoint), the Basic token of the token request, the query and the body. A new
 * operation in the spec fails this test until it is called here.
 */
import { describe, it } from 'vitest';
import {
  expectEnvironmentsOfSpec,
  expectEveryOperation,
  parameterExample,
  readBundle,
  requestExample,
  specOperation,
  startSpecServer,
} from '@credit-apis/test-kit/spec-server';
import { clientCredentials, createEccorFgtsClient, eccorFgtsProfile, type operations, type TokenResponse } from '../../src/index.js';
import { validateResponses } from '../../src/validate.js';

const spec = readBundle('eccor-fgts');

/** The request body type of an operation. */
type Body<Id extends keyof operations> = NonNullable<operations[Id]['requestBody']>['content'] extends infer Content
  ? Content[keyof Content]
  : never;
const body = <Id extends keyof operations>(operationId: Id): Body<Id> => requestExample<Body<Id>>(spec, operationId);
const param = (operationId: keyof operations, name: string): string => parameterExample(spec, operationId, name);

describe('ECCOR FGTS: every operation of the contract', () => {
  it('is called once, and answers the documented example, valid against the spec', async () => {
    const basicToken = 'b4sic-t0ken';
    const { access_token: accessToken } = specOperation(spec, 'requestToken').success.body as TokenResponse;
    const server = await startSpecServer(spec, {
      authorization: { basicAuth: `Basic ${basicToken}`, oauth2: `Bearer ${accessToken}` },
    });
    const client = createEccorFgtsClient({
      baseUrl: server.url,
      auth: clientCredentials({ tokenUrl: `${server.url}/oauth2/token`, basicToken, scope: 'credit/admin' }),
    });
    client.use(validateResponses({ mode: 'throw' }));

    await expectEveryOperation(spec, server, {
      // The token endpoint called directly (clientCredentials calls it for the other operations).
      requestToken: () =>
        client.POST('/oauth2/token', {
          body: body('requestToken'),
          headers: { Authorization: `Basic ${basicToken}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        }),
      listProducts: () => client.GET('/v1/Product'),
      simulateAmortization: () => client.POST('/v1/Amortization', { body: body('simulateAmortization'), retry: { idempotent: true } }),
      createNaturalPerson: () => client.POST('/v1/NaturalPerson', { body: body('createNaturalPerson') }),
      listNaturalPersons: () =>
        client.GET('/v1/NaturalPerson', {
          params: {
            query: {
              searchString: param('listNaturalPersons', 'searchString'),
              registrationNumber: param('listNaturalPersons', 'registrationNumber'),
            },
          },
        }),
      getNaturalPerson: () => client.GET('/v1/NaturalPerson/{id}', { params: { path: { id: param('getNaturalPerson', 'id') } } }),
      updateNaturalPerson: () =>
        client.PUT('/v1/NaturalPerson/{id}', {
          params: { path: { id: param('updateNaturalPerson', 'id') } },
          body: body('updateNaturalPerson'),
        }),
      addBankAccounts: () =>
        client.POST('/v1/NaturalPerson/{id}/BankAccount', {
          params: { path: { id: param('addBankAccounts', 'id') } },
          body: body('addBankAccounts'),
        }),
      updateBankAccount: () =>
        client.PUT('/v1/NaturalPerson/{id}/BankAccount/{bankAccountId}', {
          params: { path: { id: param('updateBankAccount', 'id'), bankAccountId: param('updateBankAccount', 'bankAccountId') } },
          body: body('updateBankAccount'),
        }),
      deleteBankAccount: () =>
        client.DELETE('/v1/NaturalPerson/{id}/BankAccount/{bankAccountId}', {
          params: { path: { id: param('deleteBankAccount', 'id'), bankAccountId: param('deleteBankAccount', 'bankAccountId') } },
        }),
      createCreditNote: () => client.POST('/v1/CreditNote', { body: body('createCreditNote') }),
      submitCreditNoteApproval: () =>
        client.POST('/v1/CreditNote/{id}/SubmitApproval', { params: { path: { id: param('submitCreditNoteApproval', 'id') } } }),
      donePaymentRevision: () =>
        client.POST('/v1/CreditNote/{id}/donePaymentRevision', {
          params: { path: { id: param('donePaymentRevision', 'id') } },
          body: body('donePaymentRevision'),
        }),
    });
  });

  it('names the environments of the spec: homologação, produção and the mock', () => {
    expectEnvironmentsOfSpec(spec, eccorFgtsProfile.environments);
  });
});
