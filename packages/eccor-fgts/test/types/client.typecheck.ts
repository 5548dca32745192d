/**
 * Type test, checked by `tsc` (the root `pnpm typecheck`), never run: the client is typed by the ECCOR FGTS
 * contract, and so are `paginate`, `CREDIT_NOTE_STATUS` and `parseEccorFgtsWebhook`. Each `@ts-expect-error`
 * fails the type check if the line below it compiles.
 */
import { assertType, type Equal, type Interchangeable } from '@credit-apis/test-kit/type-assertions';
import {
  CREDIT_NOTE_STATUS,
  creditNoteStatusDisplay,
  paginate,
  type CreditNoteStatusName,
  type NextPageInit,
  type PaginatedPath,
} from '../../src/extras.js';
import {
  clientCredentials,
  createEccorFgtsClient,
  type unwrap,
  type components,
  type CreditNoteStatus,
  type CreditNoteStatusDisplay,
  type CreditNoteStatusEvent,
  type EccorFgtsEnvironment,
  type ErrorResponse,
  type BankAccount,
  type BankAccountType,
  type NaturalPerson,
  type NaturalPersonCreate,
  type Product,
  type ProductPage,
  type ResultError,
  type Simulation,
  type SimulationRequest,
} from '../../src/index.js';
import type { parseEccorFgtsWebhook } from '../../src/webhooks.js';

assertType<Equal<EccorFgtsEnvironment, 'homologacao' | 'producao' | 'mock'>>();
assertType<Equal<NaturalPerson, components['schemas']['NaturalPerson']>>();
assertType<Equal<PaginatedPath, '/v1/Product' | '/v1/NaturalPerson'>>();
// CREDIT_NOTE_STATUS covers every code of the contract and no other, with the display names lined up.
assertType<Equal<(typeof CREDIT_NOTE_STATUS)[CreditNoteStatusName]['code'], CreditNoteStatus>>();
assertType<Equal<(typeof CREDIT_NOTE_STATUS)[CreditNoteStatusName]['display'], CreditNoteStatusDisplay>>();
assertType<Equal<(typeof CREDIT_NOTE_STATUS)['Liquidation'], { readonly code: 3; readonly display: 'Liquidação' }>>();
assertType<Equal<ReturnType<typeof parseEccorFgtsWebhook>, CreditNoteStatusEvent>>();
// Open where the document samples the set: the webhook's transition is the known union or any other value of
// its type (the known literals stay distinct, so editors complete them), and it is the generated type, only
// more precise; the generated open enums are their bare type (openapi-fetch's response types map `T & {}`
// into an object); the known sets stay closed.
assertType<Equal<CreditNoteStatusEvent['parameters']['newStatus'], CreditNoteStatus | (number & {})>>();
assertType<Equal<CreditNoteStatusEvent['parameters']['oldStatusDisplay'], CreditNoteStatusDisplay | (string & {})>>();
assertType<Interchangeable<CreditNoteStatusEvent, components['schemas']['CreditNoteStatusEvent']>>();
assertType<Equal<CreditNoteStatusEvent['eventCode'], number>>();
assertType<Equal<CreditNoteStatusEvent['type'], string>>();
assertType<Equal<BankAccount['type'], string | null>>();
assertType<Equal<BankAccountType, 'NaturalCheckingAccount' | 'NaturalSavingsAccount' | 'LegalCheckingAccount'>>();

const auth = clientCredentials({ tokenUrl: 'https://auth.example/oauth2/token', basicToken: 'b', scope: 'credit/admin' });
createEccorFgtsClient({ environment: 'homologacao', auth });
// @ts-expect-error wrong environment: UY3's names are homologacao and producao
createEccorFgtsClient({ environment: 'staging', auth });

declare const person: NaturalPersonCreate;
declare const simulation: SimulationRequest;

export async function calls(): Promise<void> {
  const client = createEccorFgtsClient({ environment: 'mock', auth });

  const simulated = await client.POST('/v1/Amortization', { body: simulation, retry: { idempotent: true } });
  assertType<Interchangeable<ReturnType<typeof unwrap<typeof simulated>>, Simulation>>();
  const created = await client.POST('/v1/NaturalPerson', { body: person });
  assertType<Interchangeable<ResultError<typeof created>, ErrorResponse | undefined>>();

  for await (const product of paginate(client, '/v1/Product')) assertType<Interchangeable<typeof product, Product>>();
  const people = paginate(client, '/v1/NaturalPerson', { params: { query: { searchString: 'NILCE' } } });
  for await (const found of people) assertType<Interchangeable<typeof found, NaturalPerson>>();
  // nextPage may use a parameter the contract does not document (it documents none for paging).
  const nextPage = (last: ProductPage, init: NextPageInit<'/v1/Product'> | undefined) => ({
    ...init,
    params: { query: { ...init?.params?.query, page: last.page + 1 } },
  });
  paginate(client, '/v1/Product', { signal: AbortSignal.timeout(60_000) }, { nextPage });
  const display: 'Liquidação' = creditNoteStatusDisplay(CREDIT_NOTE_STATUS.Liquidation.code);
  void display;

  // @ts-expect-error wrong path: the contract has /v1/Product, not /v1/Products
  await client.GET('/v1/Products', {});
  // @ts-expect-error wrong method: /v1/Product is read-only (GET)
  await client.POST('/v1/Product', {});
  const { registrationNumber, ...withoutCpf } = person;
  // @ts-expect-error missing required body field: registrationNumber (the CPF)
  await client.POST('/v1/NaturalPerson', { body: withoutCpf });
  // @ts-expect-error wrong enum value: civilStatus is Married | Widowed | Separated | Divorced | Single
  await client.POST('/v1/NaturalPerson', { body: { ...person, civilStatus: 'Solteiro' } });
  // @ts-expect-error missing path parameter: id
  await client.GET('/v1/NaturalPerson/{id}', { params: { path: {} } });
  // @ts-expect-error missing path parameter: bankAccountId
  await client.DELETE('/v1/NaturalPerson/{id}/BankAccount/{bankAccountId}', { params: { path: { id: 'p' } } });
  // @ts-expect-error not a list: paginate takes only the paths whose GET answers the page envelope
  paginate(client, '/v1/NaturalPerson/{id}');
  // @ts-expect-error not a list: /v1/Amortization has no GET at all
  paginate(client, '/v1/Amortization');
  // @ts-expect-error undocumented query parameter: the contract has no page parameter
  paginate(client, '/v1/Product', { params: { query: { page: 1 } } });
  // @ts-expect-error wrong enum value: 4 is not a credit-note status of the contract
  const status: CreditNoteStatus = 4;
  // An open enum takes it: a notification may carry a status the document does not show.
  const notified: CreditNoteStatusEvent['parameters']['newStatus'] = 4;
  // @ts-expect-error still a number: an open enum is open to values of its type only
  const notANumber: CreditNoteStatusEvent['parameters']['newStatus'] = '4';
  void [status, notified, notANumber, registrationNumber];
}
