/**
 * Nossa Fintech INSS in the sandbox: `POST /inss/v1/operation` stores the operation and answers a new
 * `debt_key` with the fields the spec's create response models; `GET /inss/v1/operation/{debt_key}` answers
 * the stored record built from the request, with its history; an unknown or mismatched key is a 404 in the
 * provider's error envelope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/catalog/openapi.js';
import { pythonJsonDumps } from '../../src/providers/nossa-fintech-inss.js';
import { annuityRate } from '../../src/sandbox/inss.js';
import type { RunningMock } from '../support/mock.js';
import { call, requestExample, responseExample, schemaChecker, startSandbox } from './support.js';

let running: RunningMock;
let check: ReturnType<typeof schemaChecker>;
beforeAll(async () => {
  running = await startSandbox();
  check = schemaChecker(running, 'nossa-fintech-inss');
});
afterAll(() => running.close());

interface Created {
  debt_key: string;
  credit_operation_key: string;
  num_contrato: string;
}

async function create(change: (body: JsonObject) => void = () => {}): Promise<{ body: JsonObject; created: Created }> {
  const body = requestExample(running, 'nossa-fintech-inss', 'createOperation');
  change(body);
  const answer = await call(running, 'POST', '/nossa-fintech-inss/inss/v1/operation', body);
  expect(answer.status).toBe(200);
  expect(check('CreatedOperation', answer.json)).toBeNull();
  return { body, created: answer.json as Created };
}

describe('create, then track by debt_key', () => {
  it('answers a new debt_key with the create response fields, and tracks the stored operation', async () => {
    const { body, created } = await create();
    expect(created).toEqual({
      debt_key: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      link_form: null,
      num_contrato: expect.stringMatching(/^CTC\d{10}$/) as unknown,
      dsc_situacao_emprestimo: 'waiting_signature',
      credit_operation_key: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    });
    const tracked = await call(
      running,
      'GET',
      `/nossa-fintech-inss/inss/v1/operation/${created.debt_key}?credit_operation_key=${created.credit_operation_key}`,
    );
    expect(tracked.status).toBe(200);
    expect(check('OperationTracking', tracked.json)).toBeNull();
    const { operation, histories } = tracked.json as { operation: Record<string, unknown>; histories: Record<string, unknown>[] };
    const client = body.client as Record<string, string> & { bank_account: Record<string, string> };
    const terms = body.operation as Record<string, number | string | boolean>;
    expect(operation).toMatchObject({
      debt_key: created.debt_key,
      credit_operation_key: created.credit_operation_key,
      num_contrato: created.num_contrato,
      nom_cliente: client.person_name,
      cod_cpf_cliente: client.document_number,
      email_cliente: client.email,
      dat_nascimento: client.birth_date,
      nom_mae: client.mother_name,
      nom_logradouro: client.street,
      num_predio: client.number,
      nom_bairro: client.neighborhood,
      nom_localidade: client.city,
      sig_unidade_federacao: client.state,
      cod_endrcmnt_pstl: client.postal_code,
      num_telefone_celular: `+${client.country_code}${client.area_code}${client.phone_number}`,
      ispb_number: client.bank_account.ispb_number,
      branch_number: client.bank_account.branch_number,
      account_number: client.bank_account.account_number,
      account_digit: client.bank_account.account_digit,
      bank_name: 'ITAÚ UNIBANCO S.A.',
      benefit_number: String(terms.benefit_number),
      qtd_parcela: String(terms.number_of_installments),
      val_liquido: terms.disbursed_amount,
      val_emissao: terms.issue_amount,
      first_installment_value: terms.installment_face_value,
      first_installment_date: `${String(terms.first_due_date)}T00:00:00`,
      cod_tabela: terms.cod_tabela,
      cod_produto: String(terms.cod_tabela).slice(0, 3),
      in100: terms.IN100,
      link_form: null,
      dsc_situacao_emprestimo: 'waiting_signature',
    });
    const documented = responseExample(running, 'nossa-fintech-inss', 'getOperation', '200') as {
      operation: JsonObject;
      histories: JsonObject[];
    };
    expect(Object.keys(operation)).toEqual(Object.keys(documented.operation));
    expect(histories).toEqual([
      {
        ...documented.histories[0],
        id: expect.any(Number) as unknown,
        debt_key: created.debt_key,
        credit_operation_key: created.credit_operation_key,
        event_datetime: operation.created_at,
      },
    ]);
    expect(operation.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('gives each operation its own keys and contract number, and one related party per CPF', async () => {
    const first = await create();
    const second = await create();
    const third = await create((body) => {
      (body.client as JsonObject).document_number = '98765432100';
    });
    expect(new Set([first, second, third].map(({ created }) => created.debt_key)).size).toBe(3);
    expect(new Set([first, second, third].map(({ created }) => created.num_contrato)).size).toBe(3);
    const party = async ({ created }: { created: Created }): Promise<unknown> =>
      (
        (
          await call(
            running,
            'GET',
            `/nossa-fintech-inss/inss/v1/operation/${created.debt_key}?credit_operation_key=${created.credit_operation_key}`,
          )
        ).json as { operation: { related_party_key: string } }
      ).operation.related_party_key;
    expect(await party(first)).toBe(await party(second));
    expect(await party(third)).not.toBe(await party(first));
  });

  it('derives the rate from the installments (monthly, repaying the issue amount)', () => {
    const rate = annuityRate(12444.67, 300, 84);
    expect((300 * (1 - (1 + rate) ** -84)) / rate).toBeCloseTo(12444.67, 2);
    expect(annuityRate(1000, 10, 50)).toBe(0);
  });

  it("answers an unknown debt_key or a mismatched credit_operation_key in the provider's error envelope", async () => {
    const { created } = await create();
    const unknown = await call(
      running,
      'GET',
      `/nossa-fintech-inss/inss/v1/operation/00d7ccb6-64bd-4de5-a076-6cd796e0d5dc?credit_operation_key=${created.credit_operation_key}`,
    );
    const mismatched = await call(
      running,
      'GET',
      `/nossa-fintech-inss/inss/v1/operation/${created.debt_key}?credit_operation_key=e697d1c9-7265-45be-a35e-70b9e71d1803`,
    );
    for (const answer of [unknown, mismatched]) {
      expect(answer.status).toBe(404);
      const { data, ...inner } = answer.json as { data: string } & Record<string, unknown>;
      expect(Object.keys(inner).sort()).toEqual(
        Object.keys(responseExample(running, 'nossa-fintech-inss', 'createOperation', '400') as JsonObject)
          .filter((key) => key !== 'data')
          .sort(),
      );
      expect(data).toBe(pythonJsonDumps(inner));
      expect(inner).toMatchObject({ code: 'SANDBOX_NOT_FOUND', translation: 'Operação não encontrada' });
    }
    expect((mismatched.json as { description: string }).description).toContain('credit_operation_key');
    // The key is still required, as the spec says.
    const missing = await call(running, 'GET', `/nossa-fintech-inss/inss/v1/operation/${created.debt_key}`);
    expect(missing.status).toBe(400);
  });
});
