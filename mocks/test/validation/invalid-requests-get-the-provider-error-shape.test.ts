/**
 * A request that breaks the contract gets the provider's own validation error, naming every offending
 * field: UY3 `INVALID_FORM` with one `{message, key}` per field (and, for a `oneOf` such as a bank
 * account, only the fields of the branch the request meant); INSS `Request Validator Error` whose `data`
 * is the same object as a JSON string; Zemo and Banco CDC their only error shapes (Zemo answers an id that is
 * not a UUID with its documented 404, as it answers an unknown id). Every such answer also lists the
 * violations in `sl-violations`, as Prism does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import bancoCdc from '../../src/providers/banco-cdc.js';
import inss from '../../src/providers/nossa-fintech-inss.js';
import zemo from '../../src/providers/zemo.js';
import type { Violation } from '../../src/validation/violation.js';
import { hasProvider, startMock, type RunningMock } from '../support/mock.js';
import { send, sendSample } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

const json = { authorization: SAMPLE_BEARER, 'content-type': 'application/json' };
const info = { slug: 'x', operationId: 'x', method: 'post', path: '/x', ownServers: false };
const missingName: Violation = {
  location: 'body',
  field: ['borrower', 'name'],
  keyword: 'minLength',
  message: 'body.borrower.name must NOT have fewer than 1 characters',
  params: { limit: 1 },
  value: '',
};
const missingCpf: Violation = {
  location: 'body',
  field: ['client', 'document_number'],
  keyword: 'required',
  message: 'body.client.document_number is required',
  params: { missingProperty: 'document_number' },
};

describe('invalid requests get the provider error shape', () => {
  it.runIf(hasProvider('eccor-fgts'))('UY3: INVALID_FORM naming every offending field, by the branch each bank account meant', async () => {
    const answer = await send(`${running.url}/eccor-fgts/v1/NaturalPerson/311ae9b2-a751-4819-a9f0-6d839b373172/BankAccount`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify([
        { operationTypeValue: 'Transfer', account: 1, agency: 2 },
        { operationTypeValue: 'Boleto' },
        { operationTypeValue: 'Pix', pixKeyTypeValue: 'Phone', keyPix: '1' },
      ]),
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      code: 'INVALID_FORM',
      message: 'Não foi possível validar os dados do formulário',
      details: {
        formErrors: [
          { key: '[0].type', message: 'Campo obrigatório' },
          { key: '[0].bankCode', message: 'Campo obrigatório' },
          { key: '[0].accountDigit', message: 'Campo obrigatório' },
          { key: '[0].agency', message: 'Valor inválido: esperado texto' },
          { key: '[1].operationTypeValue', message: 'Valor inválido. Valores aceitos: Pix, Transfer' },
        ],
      },
    });
    expect(JSON.parse(answer.headers.get('sl-violations') ?? '[]')).toHaveLength(5);
  });

  it.runIf(hasProvider('eccor-fgts'))('UY3: nested fields and query parameters are keyed as the request spells them', async () => {
    const provider = running.provider('eccor-fgts');
    const operation = running.operation('eccor-fgts', 'simulateAmortization');
    const valid = await sendSample(running.url, provider, operation);
    expect(valid.status).toBe(200);
    const answer = await send(`${running.url}/eccor-fgts/v1/Amortization`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        amortization: {
          apr: 'high',
          termInMonths: 10,
          startDate: 'yesterday',
          requestedAmount: 0,
          amortizationType: 'fgts',
          agentCommission: { amount: 0, type: 'Percentage', baseValue: 'InitialValue' },
        },
        registrationNumber: '00805349960',
        legalPerson: false,
        productId: 'not-a-uuid',
      }),
    });
    expect(answer.status).toBe(400);
    const keys = (answer.json as { details: { formErrors: { key: string }[] } }).details.formErrors.map((error) => error.key);
    expect(keys).toEqual(expect.arrayContaining(['amortization.apr', 'amortization.startDate', 'productId']));
  });

  it.runIf(hasProvider('zemo'))('Zemo: an id that is not a UUID gets the documented 404, the violation in sl-violations', async () => {
    const answer = await send(`${running.url}/zemo/api/operations/not-a-uuid`, { headers: { authorization: SAMPLE_BEARER } });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ message: 'We could not find the opetarion with this id.' });
    expect(answer.headers.get('sl-violations')).toContain('uuid');
  });

  it('Zemo: any other violation gets {"message"} naming it', () => {
    const answer = zemo({}).validationError([missingName], info);
    expect(answer).toEqual({
      status: 400,
      body: { message: 'Invalid request: body.borrower.name must NOT have fewer than 1 characters.' },
    });
  });

  it.runIf(hasProvider('nossa-fintech-inss'))(
    'INSS: Request Validator Error over HTTP, data being the same object as a JSON string',
    async () => {
      const provider = running.provider('nossa-fintech-inss');
      const create = provider.operations.find((operation) => operation.info.method === 'post');
      expect(create).toBeDefined();
      const answer = await send(`${running.url}/nossa-fintech-inss${create?.info.path ?? ''}`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ client: {}, operation: {} }),
      });
      expect(answer.status).toBe(400);
      const body = answer.json as Record<string, unknown>;
      expect(body).toMatchObject({
        title: 'Request Validator Error',
        translation: 'Payload Invalido',
        extra_fields: {},
        code: 'LEG000041',
      });
      expect(JSON.parse(String(body.data))).toEqual({
        title: body.title,
        description: body.description,
        translation: body.translation,
        extra_fields: {},
        code: body.code,
      });
      expect(String(body.description)).toContain('is a required property in client');
    },
  );

  it('INSS shape, worded like Python jsonschema, with data written as Python json.dumps does', () => {
    const answer = inss({}).validationError([missingName, missingCpf], info);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      data: '{"title": "Request Validator Error", "description": "\'\' should be non-empty in borrower.name; \'document_number\' is a required property in client", "translation": "Payload Invalido", "extra_fields": {}, "code": "LEG000041"}',
      title: 'Request Validator Error',
      description: "'' should be non-empty in borrower.name; 'document_number' is a required property in client",
      translation: 'Payload Invalido',
      extra_fields: {},
      code: 'LEG000041',
    });
  });

  it('Banco CDC shape: the documented 400-01 envelope naming the fields in its message', () => {
    const answer = bancoCdc({}).validationError([missingCpf], info);
    expect(answer).toMatchObject({ status: 400, body: { return_code: '400-01', data: null } });
    expect(String((answer.body as { message: string }).message)).toMatch(/^Something unexpected happened\. .*document_number/);
  });
});
