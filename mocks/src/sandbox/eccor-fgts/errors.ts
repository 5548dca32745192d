/**
 * UY3's error answers, from the spec's documented examples: the codes, messages and `details` shapes are
 * read from the bundle; only ids, statuses and the correlation id change. The few messages the document
 * does not show (a person or bank account not found in a credit note, submitting a note that is not a draft)
 * are worded like the documented ones and listed in the README.
 */
import { isObject, type JsonObject } from '../../catalog/openapi.js';
import type { AnswerSpec } from '../../http/prepared-response.js';
import { correlationId } from '../clock.js';
import { copy, type SpecData } from '../spec-data.js';

export interface FormError {
  message: string;
  key: string;
}

export interface Uy3Errors {
  /** 403 `RECORD_NOT_EXISTS_OR_MISSING_PERMISSION` (`getNaturalPerson`'s documented answer). */
  recordNotExists(resource: string, resourceId: string, permissionType: string): AnswerSpec;
  /** 400 `INVALID_FORM` with "Não foi possível validar os dados do formulário" (form validation). */
  invalidForm(formErrors: readonly FormError[]): AnswerSpec;
  /** The documented form errors of an unknown `productId` (the same entry twice, as documented). */
  productNotFound(): FormError[];
  /** 400 `RECORD_IS_DELETED`: the credit note's bank account was deleted. */
  recordIsDeleted(recordId: string): AnswerSpec;
  /** 400 `INVALID_FORM` "Erro ao validar operação": the start date has passed. */
  startDateInPast(): AnswerSpec;
  /** 400 `INVALID_ACTION_FOR_STATUS`: allowed only in `allowedDisplay`; the note is in `currentStatus`. */
  invalidActionForStatus(allowedDisplay: string, currentStatus: string): AnswerSpec;
}

/** The spec's named example of an operation's response, which the sandbox answers with: an object. */
function exampleObject(spec: SpecData, operationId: string, status: string, name: string): JsonObject {
  const value = spec.responseExample(operationId, status, name);
  if (!isObject(value)) throw new Error(`the sandbox needs ${operationId} ${status} ${name} to be an object`);
  return value;
}

function withCorrelation(body: JsonObject): JsonObject {
  return { ...copy(body), correlationId: correlationId() };
}

export function createUy3Errors(spec: SpecData): Uy3Errors {
  const notExists = exampleObject(spec, 'getNaturalPerson', '403', 'recordNotExists');
  const productMissing = exampleObject(spec, 'createCreditNote', '400', 'invalidFormProductNotFound');
  const deleted = exampleObject(spec, 'submitCreditNoteApproval', '400', 'recordIsDeleted');
  const pastStart = exampleObject(spec, 'submitCreditNoteApproval', '400', 'invalidFormStartDateInPast');
  const wrongStatus = exampleObject(spec, 'donePaymentRevision', '400', 'invalidActionForStatus');
  const productErrors =
    isObject(productMissing.details) && Array.isArray(productMissing.details.formErrors)
      ? (productMissing.details.formErrors as unknown as FormError[])
      : [];
  // "Ação permitida apenas para operações em 'Revisão de Pagamento'": the status is the part that changes.
  const wrongStatusMessage = String(wrongStatus.message);
  const documentedStatus = /'([^']+)'/.exec(wrongStatusMessage)?.[1] ?? '';

  return {
    recordNotExists: (resource, resourceId, permissionType) => ({
      status: 403,
      body: withCorrelation({ ...notExists, details: { resourceId, permissionType, resource } }),
    }),
    invalidForm: (formErrors) => ({
      status: 400,
      body: {
        code: 'INVALID_FORM',
        message: String(productMissing.message),
        details: { formErrors: formErrors.map((entry) => ({ message: entry.message, key: entry.key })) },
      },
    }),
    productNotFound: () => copy(productErrors),
    recordIsDeleted: (recordId) => ({ status: 400, body: withCorrelation({ ...deleted, details: { recordId } }) }),
    startDateInPast: () => ({ status: 400, body: withCorrelation(pastStart) }),
    invalidActionForStatus: (allowedDisplay, currentStatus) => ({
      status: 400,
      body: withCorrelation({
        ...wrongStatus,
        message: wrongStatusMessage.replace(`'${documentedStatus}'`, `'${allowedDisplay}'`),
        details: { currentStatus },
      }),
    }),
  };
}
