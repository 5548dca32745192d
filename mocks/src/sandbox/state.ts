/**
 * The shapes of the sandbox's records (as the database keeps them, in `json` columns: storage/records.ts),
 * and the format of the old `--state-file` (version 1), which `import-state` reads (import-state.ts):
 *
 *   { "format": "credit-apis-sandbox", "version": 1,
 *     "eccorFgts": { "persons": { "<id>": { "record": <NaturalPerson as GET answers it>,
 *                                           "deletedBankAccounts": { "<bank account id>": "<deleted at>" } } },
 *                    "creditNotes": { "<id>": { "id", "status", "request": <CreditNoteCreate>, "createdAt",
 *                                               "updatedAt", "history": [{ "at", "from", "to", "trigger", "webhook" }],
 *                                               "paymentRevisions": [{ "at", "bankAccount" }] } } },
 *     "nossaFintechInss": { "next": { "operationId", "historyId", "contract" },
 *                           "operations": { "<debt_key>": { "operation": <Operation>, "histories": [<OperationHistory>] } },
 *                           "relatedParties": { "<CPF>": "<related_party_key>" } } }
 *
 * Records are kept as the API returns them, so the database and the old file read like the answers. The old
 * file had no webhook deliveries and no tenants.
 */
import type { components as EccorComponents } from '@credit-apis/specs/eccor-fgts/types';
import type { components as InssComponents } from '@credit-apis/specs/nossa-fintech-inss/types';

type Eccor = EccorComponents['schemas'];
type Inss = InssComponents['schemas'];

export type NaturalPerson = Eccor['NaturalPerson'];
export type StoredBankAccountRecord = Eccor['BankAccount'];
export type NaturalPersonCreate = Eccor['NaturalPersonCreate'];
export type NaturalPersonUpdate = Eccor['NaturalPersonUpdate'];
export type NaturalPersonPage = Eccor['NaturalPersonPage'];
export type BankAccountInput = Eccor['BankAccountInput'];
export type BankAccountUpdateItem = Eccor['BankAccountUpdateItem'];
export type CreditNoteCreate = Eccor['CreditNoteCreate'];
export type CreditNoteStatus = Eccor['CreditNoteStatus'];
export type CreditNoteStatusEvent = Eccor['CreditNoteStatusEvent'];
export type PaymentRevisionBankAccount = Eccor['PaymentRevisionBankAccount'];
export type InssOperation = Inss['Operation'];
export type InssOperationHistory = Inss['OperationHistory'];
export type CreateOperationRequest = Inss['CreateOperationRequest'];

export interface StoredPerson {
  /** The person as `GET /v1/NaturalPerson/{id}` answers it: active bank accounts only, newest first. */
  record: NaturalPerson;
  /** This person's deleted bank accounts (id → when), so a credit note can tell "deleted" from "unknown". */
  deletedBankAccounts: Record<string, string>;
}

export type Trigger = 'SubmitApproval' | 'automatic' | 'control' | 'donePaymentRevision';

export interface StatusChange {
  at: string;
  /** `null` for the creation (status 0). */
  from: CreditNoteStatus | null;
  to: CreditNoteStatus;
  trigger: Trigger | 'created';
  /** The webhook the change notified (`complianceApproval`…), `null` for the creation. */
  webhook: string | null;
}

export interface StoredCreditNote {
  id: string;
  status: CreditNoteStatus;
  request: CreditNoteCreate;
  createdAt: string;
  updatedAt: string;
  history: StatusChange[];
  paymentRevisions: { at: string; bankAccount: PaymentRevisionBankAccount }[];
}

export interface EccorFgtsState {
  persons: Record<string, StoredPerson>;
  creditNotes: Record<string, StoredCreditNote>;
}

export interface StoredInssOperation {
  operation: InssOperation;
  histories: InssOperationHistory[];
}

export interface InssState {
  /** Next numeric ids: `operation.id`, `histories[].id`, and the contract number's sequence. */
  next: { operationId: number; historyId: number; contract: number };
  operations: Record<string, StoredInssOperation>;
  /** One `related_party_key` per client CPF. */
  relatedParties: Record<string, string>;
}

export interface SandboxState {
  format: 'credit-apis-sandbox';
  version: 1;
  eccorFgts: EccorFgtsState;
  nossaFintechInss: InssState;
}

export function emptyState(): SandboxState {
  return {
    format: 'credit-apis-sandbox',
    version: 1,
    eccorFgts: { persons: {}, creditNotes: {} },
    nossaFintechInss: { next: { operationId: 1, historyId: 1, contract: 1 }, operations: {}, relatedParties: {} },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: unknown, where: string): Record<string, unknown> {
  if (!isRecord(value)) throw new Error(`${where} must be an object`);
  return value;
}

function eachRecord(value: unknown, where: string, check: (entry: Record<string, unknown>, at: string) => void): void {
  for (const [key, entry] of Object.entries(objectAt(value, where))) check(objectAt(entry, `${where}.${key}`), `${where}.${key}`);
}

/** A loaded state file, checked enough that the sandbox can trust it; throws naming the first problem. */
export function parseState(value: unknown): SandboxState {
  const root = objectAt(value, 'the file');
  if (root.format !== 'credit-apis-sandbox') throw new Error('"format" must be "credit-apis-sandbox"');
  if (root.version !== 1) throw new Error(`"version" ${JSON.stringify(root.version)} is not a version this sandbox reads (1)`);
  const eccor = objectAt(root.eccorFgts, 'eccorFgts');
  eachRecord(eccor.persons, 'eccorFgts.persons', (person, at) => {
    const record = objectAt(person.record, `${at}.record`);
    if (typeof record.id !== 'string' || !Array.isArray(record.bankAccounts))
      throw new Error(`${at}.record must have an id and bankAccounts`);
    objectAt(person.deletedBankAccounts, `${at}.deletedBankAccounts`);
  });
  eachRecord(eccor.creditNotes, 'eccorFgts.creditNotes', (note, at) => {
    if (
      typeof note.id !== 'string' ||
      typeof note.status !== 'number' ||
      !Array.isArray(note.history) ||
      !Array.isArray(note.paymentRevisions)
    ) {
      throw new Error(`${at} must have an id, a numeric status, a history and paymentRevisions`);
    }
    objectAt(note.request, `${at}.request`);
  });
  const inss = objectAt(root.nossaFintechInss, 'nossaFintechInss');
  const next = objectAt(inss.next, 'nossaFintechInss.next');
  for (const counter of ['operationId', 'historyId', 'contract']) {
    if (!Number.isSafeInteger(next[counter])) throw new Error(`nossaFintechInss.next.${counter} must be an integer`);
  }
  eachRecord(inss.operations, 'nossaFintechInss.operations', (entry, at) => {
    objectAt(entry.operation, `${at}.operation`);
    if (!Array.isArray(entry.histories)) throw new Error(`${at}.histories must be an array`);
  });
  objectAt(inss.relatedParties, 'nossaFintechInss.relatedParties');
  return root as unknown as SandboxState;
}

/** `record[key]` when it is the record's own entry (keys come from requests: never the prototype's). */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
