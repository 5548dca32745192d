/**
 * The Nossa Fintech INSS schemas under their own names: every `components.schemas` entry of the contract
 * (`generated/nossa-fintech-inss/schema.d.ts`). Each field keeps the contract's description. One rename: the
 * spec's `Client` (the borrower) is `ClientData` here, since `Client` is the client type of openapi-fetch.
 */
import type { components } from '@credit-apis/specs/nossa-fintech-inss/types';

type Schemas = components['schemas'];

/** Body of "Criação de Operação" (`POST /inss/v1/operation`): the borrower (`client`) and the loan terms (`operation`). */
export type CreateOperationRequest = Schemas['CreateOperationRequest'];
/** The loan terms sent to create an operation (`operation`). */
export type OperationInput = Schemas['OperationInput'];
/** The spec's `Client`: the borrower of the loan (`client`), with their bank account. */
export type ClientData = Schemas['Client'];
/** The borrower's bank account that receives the disbursement (`client.bank_account`). */
export type BankAccount = Schemas['BankAccount'];
/** The created operation, as far as the create page shows it (other fields are allowed). */
export type CreatedOperation = Schemas['CreatedOperation'];
/** Body of "Acompanhamento de Operação por DEBT_KEY": the operation and its status history. */
export type OperationTracking = Schemas['OperationTracking'];
/** One payroll-loan operation as the tracking page returns it. */
export type Operation = Schemas['Operation'];
/** One event of an operation's status history (`histories[]`). */
export type OperationHistory = Schemas['OperationHistory'];
/** Error body of a request rejected by the provider's validation (400, "Request Validator Error"). */
export type RequestValidatorError = Schemas['RequestValidatorError'];
/** What the simulation is solved for: `'installment_face_value' | 'disbursed_amount'`. */
export type SimulationType = Schemas['SimulationType'];
/** A local date-time, `YYYY-MM-DDThh:mm:ss`, no UTC offset. */
export type LocalDateTime = Schemas['LocalDateTime'];
/** Type of the bank account (`account_type`); only `checking_account` is documented. */
export type AccountType = Schemas['AccountType'];
/** How the PIX transfer of the disbursement is made (`pix_transfer_type`); only `manual` is documented. */
export type PixTransferType = Schemas['PixTransferType'];
/** Marital status (`marital_status`); only `single` is documented. */
export type MaritalStatus = Schemas['MaritalStatus'];
/** How the credit is paid out (`credit_type`); only `checking_account` is documented. */
export type CreditType = Schemas['CreditType'];
/** Type of the INSS benefit (`assistance_type`), e.g. `retirement_by_age`. */
export type AssistanceType = Schemas['AssistanceType'];
