/**
 * Type test, checked by `tsc` (the root `pnpm typecheck`), never run: the client is typed by the Zemo
 * contract. Each `@ts-expect-error` fails the type check if the line below it compiles. The contract has one
 * operation, a GET without a body, and no enumeration (every status field is a free string): "a missing
 * required body field" becomes "no body on that GET", "a wrong enum value" a wrongly typed parameter.
 */
import { assertType, type Equal, type Interchangeable } from '@credit-apis/test-kit/type-assertions';
import {
  bearer,
  createZemoClient,
  unwrap,
  type Assignor,
  type components,
  type ErrorMessage,
  type ResultError,
  type ZemoEnvironment,
  type ZemoOperation,
} from '../../src/index.js';

assertType<Equal<ZemoEnvironment, 'mock'>>();
assertType<Equal<Assignor, components['schemas']['Assignor']>>();

createZemoClient({ baseUrl: 'https://zemo.example', auth: bearer('t') });
// @ts-expect-error wrong environment: Zemo's host is not documented (use baseUrl)
createZemoClient({ environment: 'producao', auth: bearer('t') });

export async function calls(): Promise<void> {
  const client = createZemoClient({ environment: 'mock', auth: bearer('t') });
  const path = { id: '0190d2a4-5b7e-7c3e-9f1a-2b3c4d5e6f70' };

  const result = await client.GET('/api/operations/{id}', { params: { path } });
  const operation = unwrap(result);
  assertType<Interchangeable<typeof operation, ZemoOperation>>();
  assertType<Interchangeable<ResultError<typeof result>, ErrorMessage>>();

  // @ts-expect-error wrong path: the contract has /api/operations/{id}, not /api/operation/{id}
  await client.GET('/api/operation/{id}', { params: { path } });
  // @ts-expect-error wrong method: the operation is a GET
  await client.DELETE('/api/operations/{id}', { params: { path } });
  // @ts-expect-error a body on the GET: the operation takes none
  await client.GET('/api/operations/{id}', { params: { path }, body: { id: path.id } });
  // @ts-expect-error wrong parameter type: the id is a string (a UUID)
  await client.GET('/api/operations/{id}', { params: { path: { id: 42 } } });
  // @ts-expect-error missing path parameter: id
  await client.GET('/api/operations/{id}', { params: { path: {} } });
  // @ts-expect-error a field the contract does not have
  console.log(operation.operationStatus);
}
