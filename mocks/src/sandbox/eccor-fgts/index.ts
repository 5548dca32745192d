/**
 * The ECCOR FGTS (UY3) operations the sandbox answers with state. The token, products and simulation are
 * left to the static answer: they do not depend on what the partner created.
 */
import type { AnswerSpec } from '../../http/prepared-response.js';
import type { Exchange } from '../../pipeline/handlers.js';
import type { Clock } from '../clock.js';
import type { SpecData } from '../spec-data.js';
import type { BankAccountInput, CreditNoteCreate, EccorFgtsState, NaturalPersonCreate, NaturalPersonUpdate, PaymentRevisionBankAccount } from '../state.js';
import { createCreditNoteDesk, type CreditNoteDesk, type Notify } from './credit-notes.js';
import { createDisplays } from './display.js';
import { createUy3Errors } from './errors.js';
import { createPersonBook, type PersonBook } from './persons.js';
import { createStatusMachine, type StatusMachine } from './status-machine.js';

export type OperationHandler = (exchange: Exchange) => AnswerSpec;

export interface EccorFgtsSandbox {
  readonly handlers: ReadonlyMap<string, OperationHandler>;
  readonly persons: PersonBook;
  readonly creditNotes: CreditNoteDesk;
  readonly machine: StatusMachine;
}

const NO_CONTENT: AnswerSpec = { status: 204 };

function body<T>(exchange: Exchange): T {
  return exchange.body?.value as T;
}

export function createEccorFgtsSandbox(spec: SpecData, state: EccorFgtsState, clock: Clock, notify: Notify, changed: () => void): EccorFgtsSandbox {
  const errors = createUy3Errors(spec);
  const persons = createPersonBook(spec, createDisplays(spec), state, clock, changed);
  const machine = createStatusMachine(spec);
  const creditNotes = createCreditNoteDesk(spec, state, persons, machine, errors, clock, notify, changed);
  const person = (exchange: Exchange): string => exchange.pathParams.id ?? '';

  /** The answer to a bank-account operation that found no active account. */
  const accountProblem = (exchange: Exchange, found: 'deleted' | 'unknown' | undefined, permission: string): AnswerSpec => {
    const accountId = exchange.pathParams.bankAccountId ?? '';
    if (found === undefined) return errors.recordNotExists('NaturalPerson', person(exchange), permission);
    if (found === 'deleted') return errors.recordIsDeleted(accountId.toLowerCase());
    return errors.recordNotExists('BankAccount', accountId, permission);
  };

  const handlers = new Map<string, OperationHandler>([
    ['createNaturalPerson', (exchange) => ({ status: 200, body: persons.create(body<NaturalPersonCreate>(exchange)) })],
    ['listNaturalPersons', (exchange) => ({ status: 200, body: persons.list(exchange.query) })],
    [
      'getNaturalPerson',
      (exchange) => {
        const found = persons.get(person(exchange));
        return found ? { status: 200, body: found } : errors.recordNotExists('NaturalPerson', person(exchange), 'Read');
      },
    ],
    ['updateNaturalPerson', (exchange) => (persons.replace(person(exchange), body<NaturalPersonUpdate>(exchange)) ? NO_CONTENT : errors.recordNotExists('NaturalPerson', person(exchange), 'Update'))],
    [
      'addBankAccounts',
      (exchange) => {
        const ids = persons.addAccounts(person(exchange), body<BankAccountInput[]>(exchange));
        return ids ? { status: 200, body: ids } : errors.recordNotExists('NaturalPerson', person(exchange), 'Update');
      },
    ],
    [
      'updateBankAccount',
      (exchange) => {
        const found = persons.updateAccount(person(exchange), exchange.pathParams.bankAccountId ?? '', body<BankAccountInput>(exchange));
        return found === 'active' ? NO_CONTENT : accountProblem(exchange, found, 'Update');
      },
    ],
    [
      'deleteBankAccount',
      (exchange) => {
        const found = persons.deleteAccount(person(exchange), exchange.pathParams.bankAccountId ?? '');
        return found === 'active' ? NO_CONTENT : accountProblem(exchange, found, 'Delete');
      },
    ],
    [
      'createCreditNote',
      (exchange) => {
        const created = creditNotes.create(body<CreditNoteCreate>(exchange));
        return 'error' in created ? created.error : { status: 200, body: created.id };
      },
    ],
    ['submitCreditNoteApproval', (exchange) => creditNotes.submit(exchange.pathParams.id ?? '')],
    ['donePaymentRevision', (exchange) => creditNotes.donePaymentRevision(exchange.pathParams.id ?? '', body<{ bankAccount: PaymentRevisionBankAccount }>(exchange).bankAccount)],
  ]);

  return { handlers, persons, creditNotes, machine };
}
