/**
 * The Banco CDC schemas under their own names: every `components.schemas` entry of the contract
 * (`generated/banco-cdc/schema.d.ts`). Each field keeps the contract's description; the page types every
 * field of an operation as a string (amounts, rates, dates and counts included).
 */
import type { components } from '@credit-apis/specs/banco-cdc/types';

type Schemas = components['schemas'];

/** One credit operation ("Retrieve details operation"): identifiers, product, client, amounts, rates, dates, installments. */
export type OperationDetails = Schemas['OperationDetails'];
/** One installment of an operation (`installments[]`). */
export type Installment = Schemas['Installment'];
/** The API's envelope `{ request_code, return, return_code, message, data }` carrying the operation in `data`. */
export type OperationEnvelope = Schemas['OperationEnvelope'];
/** The envelope as an error answer (400, 401, 429): `return_code` and `message` say what went wrong. */
export type ErrorEnvelope = Schemas['ErrorEnvelope'];
/** The error envelope of a 400: `return_code` `400-01`, `400-02`, `400-09` (provider notes) or another one. */
export type BadRequestError = Schemas['BadRequestError'];
/** The error envelope of a 401: `return_code` `401-05` (provider notes) or another one. */
export type UnauthorizedError = Schemas['UnauthorizedError'];
/** The error envelope of a 429: `return_code` `429-01` (provider notes) or another one. */
export type TooManyRequestsError = Schemas['TooManyRequestsError'];
