/**
 * The ECCOR FGTS schemas under their own names: every `components.schemas` entry of the contract
 * (`generated/eccor-fgts/schema.d.ts`), so that `NaturalPerson` reads better than
 * `components['schemas']['NaturalPerson']`. Each field keeps the contract's description. Money is integer
 * cents everywhere (`4570` = R$ 45,70: see `centsToReais`), rates are fractions (`0.0204` = 2,04 %).
 */
import type { components } from '@credit-apis/specs/eccor-fgts/types';

type Schemas = components['schemas'];

/** Form body (`application/x-www-form-urlencoded`) of the token request (section 1.1: *Body urlencoded*). */
export type TokenRequest = Schemas['TokenRequest'];
/** Access token issued by the token endpoint (200 OK). */
export type TokenResponse = Schemas['TokenResponse'];
/** Error answer of the token endpoint (400 BAD REQUEST). */
export type TokenError = Schemas['TokenError'];
/** The contract template document of a product (`templateDoc`). */
export type ProductTemplateDocument = Schemas['ProductTemplateDocument'];
/** The bank's commission configured on the product (`bankComission`, spelled as the API does). */
export type ProductBankCommission = Schemas['ProductBankCommission'];
/** A credit product configured by ECCOR for the partner (1.3 - Produtos): commissions, interest rates, … */
export type Product = Schemas['Product'];
/** A page of products: the list envelope of the API, `{page, totalPages, totalItems, data, paginationToken}` … */
export type ProductPage = Schemas['ProductPage'];
/** One validation error of an `INVALID_FORM` answer. */
export type FormError = Schemas['FormError'];
/** Correlation id of the failed request (`#` followed by 32 lowercase hex digits); quote it to support. */
export type CorrelationId = Schemas['CorrelationId'];
/** `INVALID_FORM`: the request body (or the operation it acts on) failed validation; each failure is one entry … */
export type InvalidFormError = Schemas['InvalidFormError'];
/** `MISSING_RESOURCE_PERMISSION` (403): the client's credentials lack the permission the resource needs. */
export type MissingResourcePermissionError = Schemas['MissingResourcePermissionError'];
/** `RECORD_NOT_EXISTS_OR_MISSING_PERMISSION` (403): the record does not exist, or the client may not perform … */
export type RecordNotExistsOrMissingPermissionError = Schemas['RecordNotExistsOrMissingPermissionError'];
/** `RECORD_IS_DELETED` (400): a record the operation depends on was deleted (in the document, the bank account … */
export type RecordIsDeletedError = Schemas['RecordIsDeletedError'];
/** `INVALID_ACTION_FOR_STATUS` (400): the action is not allowed in the credit note's current status. */
export type InvalidActionForStatusError = Schemas['InvalidActionForStatusError'];
/** Error envelope of the `/v1` API: `{code, message, details, correlationId}`. */
export type ErrorResponse = Schemas['ErrorResponse'];
/** How the agent commission is charged. */
export type AgentCommissionType = Schemas['AgentCommissionType'];
/** The value a percentage commission applies to. */
export type AgentCommissionBaseValue = Schemas['AgentCommissionBaseValue'];
/** The partner's (agent's) commission on the operation (comissão do agente). */
export type AgentCommission = Schemas['AgentCommission'];
/** Amortization type (tipo de amortização); always `fgts` ("sempre fixo"). */
export type AmortizationType = Schemas['AmortizationType'];
/** Amortization terms of a simulation (`amortization` of `POST /v1/Amortization`). */
export type SimulationAmortization = Schemas['SimulationAmortization'];
/** Body of `POST /v1/Amortization`. */
export type SimulationRequest = Schemas['SimulationRequest'];
/** How the operation is calculated (tipo de cálculo de operação): `Gross` from the gross value (valor bruto), … */
export type CalculateByValueType = Schemas['CalculateByValueType'];
/** One installment of the payment schedule. */
export type PaymentScheduleItem = Schemas['PaymentScheduleItem'];
/** Result of a simulation (`POST /v1/Amortization`, 200 OK). */
export type Simulation = Schemas['Simulation'];
/** Address of a natural person as stored (endereço); the request fields plus `ufDisplay`. */
export type Address = Schemas['Address'];
/** Civil status (estado civil): `Married` (Casado), `Widowed` (Viúvo), `Separated` (Separado), `Divorced` … */
export type CivilStatus = Schemas['CivilStatus'];
/** Account type of a stored bank account: the two request types plus `LegalCheckingAccount`, which the API … */
export type BankAccountType = Schemas['BankAccountType'];
/** How a bank account is paid to (tipo de operação): `Pix` (a Pix key) or `Transfer` (a bank transfer, TED, to … */
export type OperationType = Schemas['OperationType'];
/** Pix key type (tipo de chave): `NaturalRegistrationNumber` (CPF), `Phone` (telefone), `Email`, `Automatic` … */
export type PixKeyType = Schemas['PixKeyType'];
/** Display name of the tenant. */
export type TenantDisplay = Schemas['TenantDisplay'];
/** A user of the platform as stored on a record: the creator (`createdBy`) or the owner (`ownerUser`). */
export type UserReference = Schemas['UserReference'];
/** Tenant (the partner's account on the platform) that owns the record; a Cognito user-pool id such as … */
export type TenantId = Schemas['TenantId'];
/** The user group that owns a record (`ownerGroup`). */
export type GroupReference = Schemas['GroupReference'];
/** A bank account or Pix key of a natural person as stored and returned (`GET /v1/NaturalPerson/{id}`): one … */
export type BankAccount = Schemas['BankAccount'];
/** A natural person (pessoa física) as stored and returned by `GET /v1/NaturalPerson/{id}` and, reduced … */
export type NaturalPerson = Schemas['NaturalPerson'];
/** A page of natural persons: the list envelope of the API, `{page, totalPages, totalItems, data, … */
export type NaturalPersonPage = Schemas['NaturalPersonPage'];
/** Address of a natural person in a create or update request (endereço). */
export type AddressInput = Schemas['AddressInput'];
/** A Pix key of the borrower, to pay the operation to (`operationTypeValue: Pix`). */
export type PixBankAccountInput = Schemas['PixBankAccountInput'];
/** Account type accepted in requests (tipo de conta): `NaturalCheckingAccount` (checking account of a natural … */
export type NaturalAccountType = Schemas['NaturalAccountType'];
/** A bank account of the borrower for a transfer (TED) (`operationTypeValue: Transfer`). */
export type TransferBankAccountInput = Schemas['TransferBankAccountInput'];
/** A bank account or Pix key in a request, by `operationTypeValue`: `Pix` needs `pixKeyTypeValue` and … */
export type BankAccountInput = Schemas['BankAccountInput'];
/** Body of `POST /v1/NaturalPerson`. */
export type NaturalPersonCreate = Schemas['NaturalPersonCreate'];
/** Id of the record just created. */
export type CreatedId = Schemas['CreatedId'];
/** A Pix key of the borrower, to pay the operation to (`operationTypeValue: Pix`). */
export type PixBankAccountUpdateItem = Schemas['PixBankAccountUpdateItem'];
/** A bank account of the borrower for a transfer (TED) (`operationTypeValue: Transfer`). */
export type TransferBankAccountUpdateItem = Schemas['TransferBankAccountUpdateItem'];
/** A bank account or Pix key in `PUT /v1/NaturalPerson/{id}`, by `operationTypeValue` (as `BankAccountInput`), … */
export type BankAccountUpdateItem = Schemas['BankAccountUpdateItem'];
/** Body of `PUT /v1/NaturalPerson/{id}`: the whole person is sent again. */
export type NaturalPersonUpdate = Schemas['NaturalPersonUpdate'];
/** How the operation is paid out (liquidação): `EletronicTransfer` (spelled as the API does), paid … */
export type LiquidationType = Schemas['LiquidationType'];
/** Amortization terms of a credit note (`amortization` of `POST /v1/CreditNote`): the simulation's terms plus … */
export type CreditNoteAmortization = Schemas['CreditNoteAmortization'];
/** Body of `POST /v1/CreditNote`. */
export type CreditNoteCreate = Schemas['CreditNoteCreate'];
/** The bank account the operation is paid to after a payment revision. */
export type PaymentRevisionBankAccount = Schemas['PaymentRevisionBankAccount'];
/** Body of `POST /v1/CreditNote/{id}/donePaymentRevision`, the corrected bank account. */
export type PaymentRevisionRequest = Schemas['PaymentRevisionRequest'];
/** Status of a credit note (operação de crédito), a numeric code, in the order of the flow: 0 Rascunho … */
export type CreditNoteStatus = Schemas['CreditNoteStatus'];
/** Portuguese display name of a credit-note status, as the webhooks send it; in the order of … */
export type CreditNoteStatusDisplay = Schemas['CreditNoteStatusDisplay'];
type GeneratedStatusEvent = Schemas['CreditNoteStatusEvent'];

/**
 * Payload of every status-change webhook of a credit note (Alteração de Status Operação de Crédito), the same
 * for all seven notifications: the generated type, with the transition's codes and display names typed
 * `CreditNoteStatus | (number & {})` / `CreditNoteStatusDisplay | (string & {})` (open enums: a notification of
 * a transition the document does not show, a rejected or cancelled note, carries another code).
 */
export type CreditNoteStatusEvent = Omit<GeneratedStatusEvent, 'parameters'> & {
  parameters: Omit<GeneratedStatusEvent['parameters'], 'oldStatus' | 'oldStatusDisplay' | 'newStatus' | 'newStatusDisplay'> & {
    /** The status before the change; see `CREDIT_NOTE_STATUS`. */
    oldStatus: CreditNoteStatus | (number & {});
    /** Display name of `oldStatus` (Portuguese). */
    oldStatusDisplay: CreditNoteStatusDisplay | (string & {});
    /** The status after the change; see `CREDIT_NOTE_STATUS`. */
    newStatus: CreditNoteStatus | (number & {});
    /** Display name of `newStatus` (Portuguese). */
    newStatusDisplay: CreditNoteStatusDisplay | (string & {});
  };
};
