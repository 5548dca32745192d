/**
 * ECCOR FGTS persons in the sandbox: `POST /v1/NaturalPerson` stores the person and `GET` returns it in the
 * documented shape (every field of `NaturalPerson`, display names derived as the document shows, Brasília
 * times), unknown ids get the documented 403, and the list filters by its six parameters in the documented
 * page envelope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/catalog/openapi.js';
import { BANKS } from '../../src/sandbox/banks.js';
import type { RunningMock } from '../support/mock.js';
import { call, createPerson, responseExample, schemaChecker, startSandbox } from './support.js';

let running: RunningMock;
let check: ReturnType<typeof schemaChecker>;
beforeAll(async () => {
  running = await startSandbox();
  check = schemaChecker(running, 'eccor-fgts');
});
afterAll(() => running.close());

describe('a stored natural person', () => {
  it('is returned as the document shows it: the same record as its example, with new ids and times', async () => {
    const person = await createPerson(running);
    expect(person.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(check('NaturalPerson', person.record)).toBeNull();
    const documented = responseExample(running, 'eccor-fgts', 'getNaturalPerson', '200') as JsonObject;
    // Created from the document's own request, it is the document's own stored person but for ids and times.
    const volatile = ['id', 'createdAt', 'updatedAt'];
    const strip = (record: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries(Object.entries(record).filter(([key]) => !volatile.includes(key)));
    expect({ ...strip(person.record), bankAccounts: person.record.bankAccounts.map(strip) }).toEqual({
      ...strip(documented),
      bankAccounts: (documented.bankAccounts as JsonObject[]).map(strip),
    });
    expect(Object.keys(person.record)).toEqual(Object.keys(documented));
    expect(person.record.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}-03:00$/);
  });

  it('derives display names from what was sent', async () => {
    const person = await createPerson(running, (body) => {
      body.civilStatus = 'Married';
      body.birthDate = '1990-12-31T23:30:00.000Z';
      (body.address as JsonObject).uf = 'RJ';
      body.bankAccounts = [
        {
          operationTypeValue: 'Transfer',
          account: '000123',
          agency: '0155',
          type: 'NaturalSavingsAccount',
          bankCode: '341',
          accountDigit: null,
        },
        { operationTypeValue: 'Transfer', account: 42, agency: '1', type: 'NaturalCheckingAccount', bankCode: '999', accountDigit: '7' },
        { operationTypeValue: 'Pix', pixKeyTypeValue: 'Email', keyPix: 'a@b.example' },
      ];
    });
    const { record } = person;
    expect(check('NaturalPerson', record)).toBeNull();
    expect(record).toMatchObject({
      civilStatus: 'Married',
      civilStatusDisplay: 'Casado',
      birthDate: '1990-12-31T20:30:00-03:00',
      address: { uf: 'RJ', ufDisplay: 'Rio de Janeiro' },
    });
    // Newest first: the request's last account is the first one returned.
    const [pix, unknownBank, itau] = record.bankAccounts;
    expect(pix).toMatchObject({
      operationTypeValue: 'Pix',
      pixKeyTypeValue: 'Email',
      keyPix: 'a@b.example',
      bankCode: '0',
      bankCodeDisplay: null,
      type: null,
    });
    expect(unknownBank).toMatchObject({
      bankCode: '999',
      bankCodeCompe: 999,
      bankCodeDisplay: null,
      bankIspb: null,
      account: '42',
      type: 'LegalCheckingAccount',
      typeDisplay: 'Conta Corrente',
    });
    expect(itau).toMatchObject({
      bankCode: '341',
      bankCodeCompe: 341,
      bankCodeDisplay: 'ITAÚ UNIBANCO S.A.',
      bankIspb: 60701190,
      account: '000123',
      accountDigit: null,
      type: 'NaturalSavingsAccount',
      typeDisplay: 'Poupança de Pessoa Física',
    });
  });

  it('names banks as both documents do', () => {
    const eccor = responseExample(running, 'eccor-fgts', 'getNaturalPerson', '200') as {
      bankAccounts: { bankCode: string; bankCodeDisplay: string | null; bankIspb: number | null }[];
    };
    for (const account of eccor.bankAccounts.filter((entry) => entry.bankCodeDisplay !== null)) {
      expect(BANKS.find((bank) => bank.compe === Number(account.bankCode))).toMatchObject({
        name: account.bankCodeDisplay,
        ispb: String(account.bankIspb).padStart(8, '0'),
      });
    }
    const inss = responseExample(running, 'nossa-fintech-inss', 'getOperation', '200') as {
      operation: { ispb_number: string; bank_name: string };
    };
    expect(BANKS.find((bank) => bank.ispb === inss.operation.ispb_number)?.name).toBe(inss.operation.bank_name);
  });

  it('answers an unknown id with the documented 403', async () => {
    const id = '311ae9b2-a751-4819-a9f0-6d839b373173';
    const answer = await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${id}`);
    expect(answer.status).toBe(403);
    expect(check('ErrorResponse', answer.json)).toBeNull();
    const documented = responseExample(running, 'eccor-fgts', 'getNaturalPerson', '403') as JsonObject;
    expect(answer.json).toEqual({ ...documented, correlationId: expect.stringMatching(/^#[0-9a-f]{32}$/) as unknown });
    expect(answer.headers.get('x-rate-limit-limit')).toBe('10s');
  });

  it('is still authenticated and validated before the sandbox sees it', async () => {
    const anonymous = await call(running, 'GET', '/eccor-fgts/v1/NaturalPerson/311ae9b2-a751-4819-a9f0-6d839b373172', undefined, {
      authorization: '',
    });
    expect(anonymous.status).toBe(401);
    const invalid = await call(running, 'POST', '/eccor-fgts/v1/NaturalPerson', { registrationNumber: null });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ code: 'INVALID_FORM' });
  });
});

describe('the list of natural persons', () => {
  let ana: string;
  let bruno: string;
  beforeAll(async () => {
    ana = (
      await createPerson(running, (body) => {
        Object.assign(body, {
          name: 'ANA JOSÉ DA SILVA',
          registrationNumber: '11122233344',
          phone: '11999990001',
          email: 'ana@example.com',
        });
      })
    ).id;
    bruno = (
      await createPerson(running, (body) => {
        Object.assign(body, { name: 'BRUNO SOUZA', registrationNumber: '55566677788', phone: '21988880002', email: 'bruno@example.com' });
      })
    ).id;
  });

  async function list(query: string): Promise<{
    page: number;
    totalPages: number;
    totalItems: number;
    data: { id: string; address: unknown; bankAccounts: unknown[] }[];
    paginationToken: unknown;
  }> {
    const answer = await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson${query}`);
    expect(answer.status).toBe(200);
    expect(check('NaturalPersonPage', answer.json)).toBeNull();
    return answer.json as never;
  }

  it('filters by each of the six documented parameters, empty ones ignored', async () => {
    const ids = async (query: string): Promise<string[]> => (await list(query)).data.map((person) => person.id);
    expect(await ids('?searchString=jose')).toEqual([ana]);
    expect(await ids('?searchString=bruno@example')).toEqual([bruno]);
    expect(await ids('?registrationNumber=555.666.777-88')).toEqual([bruno]);
    expect(await ids('?phone=11999990001')).toEqual([ana]);
    expect(await ids('?personDisplay=Souza')).toEqual([bruno]);
    expect(await ids('?filterByOwner=chatbotApi&personDisplay=ana')).toEqual([ana]);
    expect(await ids('?filterByOwnerGroup=Nobody')).toEqual([]);
    expect(await ids('?searchString=&registrationNumber=&phone=&filterByOwner=&filterByOwnerGroup=&personDisplay=BRUNO')).toEqual([bruno]);
  });

  it('answers reduced records in the documented envelope, and pages with __page and __size', async () => {
    const all = await list('');
    expect(all).toMatchObject({ page: 0, totalPages: 1, paginationToken: null });
    expect(all.totalItems).toBe(all.data.length);
    for (const person of all.data) expect(person).toMatchObject({ address: null, bankAccounts: [] });
    const second = await list('?__size=1&__page=1');
    expect(second).toMatchObject({ page: 1, totalPages: all.totalItems, totalItems: all.totalItems });
    expect(second.data.map((person) => person.id)).toEqual([all.data[1]?.id]);
    expect((await list('?personDisplay=nobody at all')).totalPages).toBe(0);
  });
});
