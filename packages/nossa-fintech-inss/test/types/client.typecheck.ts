/**
 * Type test, checked by `tsc` (the root `pnpm typecheck`), never run: the client is typed by the Nossa
 * Fintech INSS contract. Each `@ts-expect-error` fails the type check if the line below it compiles.
 */
import { assertType, type Equal, type Interchangeable } from '@credit-apis/test-kit/type-assertions';
import {
  bearer,
  createNossaFintechInssClient,
  unwrap,
  type ClientData,
  type components,
  type CreateOperationRequest,
  type CreatedOperation,
  type NossaFintechInssEnvironment,
  type OperationTracking,
  type RequestValidatorError,
  type ResultError,
} from '../../src/index.js';

assertType<Equal<NossaFintechInssEnvironment, 'producao' | 'mock'>>();
assertType<Equal<ClientData, components['schemas']['Client']>>();

createNossaFintechInssClient({ environment: 'producao', auth: bearer('t') });
// @ts-expect-error wrong environment: the contract documents no homologação host
createNossaFintechInssClient({ environment: 'homologacao', auth: bearer('t') });

declare const request: CreateOperationRequest;

export async function calls(): Promise<void> {
  const client = createNossaFintechInssClient({ environment: 'mock', auth: bearer('t') });

  const created = await client.POST('/inss/v1/operation', { body: request });
  assertType<Interchangeable<ReturnType<typeof unwrap<typeof created>>, CreatedOperation>>();
  assertType<Interchangeable<ResultError<typeof created>, RequestValidatorError>>();
  const params = { path: { debt_key: 'k' }, query: { credit_operation_key: 'c' } };
  const tracking = unwrap(await client.GET('/inss/v1/operation/{debt_key}', { params }));
  assertType<Interchangeable<typeof tracking, OperationTracking>>();

  // @ts-expect-error wrong path: the contract has /inss/v1/operation, not /inss/v1/operations
  await client.POST('/inss/v1/operations', { body: request });
  // @ts-expect-error wrong method: /inss/v1/operation has no GET
  await client.GET('/inss/v1/operation', {});
  // @ts-expect-error missing required body field: `operation`
  await client.POST('/inss/v1/operation', { body: { client: request.client } });
  // @ts-expect-error wrong enum value: simulation_type is 'installment_face_value' | 'disbursed_amount'
  await client.POST('/inss/v1/operation', { body: { ...request, operation: { ...request.operation, simulation_type: 'gross_amount' } } });
  // @ts-expect-error missing path parameter: debt_key
  await client.GET('/inss/v1/operation/{debt_key}', { params: { path: {}, query: { credit_operation_key: 'c' } } });
  // @ts-expect-error missing required query parameter: credit_operation_key
  await client.GET('/inss/v1/operation/{debt_key}', { params: { path: { debt_key: 'k' } } });
}
