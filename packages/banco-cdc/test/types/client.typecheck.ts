/**
 * Type test, checked by `tsc` (the root `pnpm typecheck`), never run: the client is typed by the Banco CDC
 * contract. Each `@ts-expect-error` fails the type check if the line below it compiles. The contract has one
 * operation, a GET without a body: "a missing required body field" becomes "no body on that GET".
 */
import { assertType, type Equal, type Interchangeable } from '@credit-apis/test-kit/type-assertions';
import {
  ApiError,
  bearer,
  createBancoCdcClient,
  unwrap,
  type ApiErrorFor,
  type BancoCdcEnvironment,
  type components,
  type ErrorEnvelope,
  type OperationDetails,
  type OperationEnvelope,
  type operations,
  type ResultError,
} from '../../src/index.js';

assertType<Equal<BancoCdcEnvironment, 'staging' | 'mock'>>();
assertType<Equal<OperationDetails, components['schemas']['OperationDetails']>>();

createBancoCdcClient({ environment: 'staging', auth: bearer('t') });
// @ts-expect-error wrong environment: the production host is not documented (use baseUrl)
createBancoCdcClient({ environment: 'producao', auth: bearer('t') });

export async function calls(): Promise<void> {
  const client = createBancoCdcClient({ environment: 'mock', auth: bearer('t') });
  const path = { operation_code: 'c0de' };

  const result = await client.GET('/operation/{operation_code}', { params: { path } });
  const envelope = unwrap(result);
  assertType<Interchangeable<typeof envelope, OperationEnvelope>>();
  assertType<Interchangeable<ResultError<typeof result>, ErrorEnvelope>>();
  if (envelope.data.status_code === '4') console.log(envelope.data.status_description);

  try {
    unwrap(result);
  } catch (error) {
    const err = error as ApiErrorFor<operations['getOperation']>;
    if (error instanceof ApiError && err.status === 429) console.log(err.body?.return_code);
    assertType<Equal<typeof err.status, 400 | 401 | 429>>();
  }

  // @ts-expect-error wrong path: the contract has /operation/{operation_code}, not /operations/{operation_code}
  await client.GET('/operations/{operation_code}', { params: { path } });
  // @ts-expect-error wrong method: the operation is a GET
  await client.POST('/operation/{operation_code}', { params: { path } });
  // @ts-expect-error a body on the GET: the operation takes none
  await client.GET('/operation/{operation_code}', { params: { path }, body: { operation_code: 'c0de' } });
  // Open enums (the notes sample the sets): an undocumented status code or return code is a string like any other.
  assertType<Equal<typeof envelope.data.status_code, string>>();
  if (envelope.data.status_code === '6') console.log('a status the notes do not list');
  const code: ErrorEnvelope['return_code'] = '500-01';
  // @ts-expect-error still a string: an open enum is open to values of its type only
  const notAString: ErrorEnvelope['return_code'] = 500;
  void notAString;
  // @ts-expect-error missing path parameter: operation_code
  await client.GET('/operation/{operation_code}', { params: { path: {} } });
  void code;
}
