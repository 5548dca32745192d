/**
 * The ECCOR FGTS (UY3) operations the sandbox answers with state. The token, products and simulation are
 * left to the static answer: they do not depend on what the partner created.
 */
import type { AnswerSpec } from '../../http/prepared-response.js';
import type { Exchange } from '../../pipeline/handlers.js';
import type { Clock } from '../clock.js';
import type { SpecData } from '../spec-data.js';
import type { BankAccountInput, CreditNoteCreate, NaturalPersonCreate, NaturalPersonUpdate, PaymentRevisionBankAccount } from '../state.js';
import type { TenantScope } from '../storage/records.js';
import { createTokenIssuer } from './token.js';
import { createCreditNoteDesk, type CreditNoteDesk, type Notify } from './credit-notes.js';
import { createDisplays } from './display.js';
import { createUy3Errors } from './errors.js';
import { createPersonBook, type PersonBook } from './persons.js';
import { createStatusMachine, type StatusMachine } from './status-machine.js';

/** One operation's answer, computed in the request's transaction for the request's tenant. */
export type OperationHandler = (exchange: Exchange, scope: TenantScope) => Promise<AnswerSpec>;

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

export function createEccorFgtsSandbox(spec: SpecData, clock: Clock, notify: Notify): EccorFgtsSandbox {
  const errors = createUy3Errors(spec);
  const persons = createPersonBook(spec, createDisplays(spec), clock);
  const machine = createStatusMachine(spec);
  const creditNotes = createCreditNoteDesk(spec, persons, machine, errors, clock, notify);
  const issueToken = createTokenIssuer(spec, clock);
  const person = (exchange: Exchange): string => exchange.pathParams.id ?? '';

  /** The answer to a bank-account operation that found no active account. */
  const accountProblem = (exchange: Exchange, found: 'deleted' | 'unknown' | undefined, permission: string): AnswerSpec => {
    const accountId = exchange.pathParams.bankAccountId ?? '';
    if (found === undefined) return errors.recordNotExists('NaturalPerson', person(exchange), permission);
    if (found === 'deleted') return errors.recordIsDeleted(accountId.toLowerCase());
    return errors.recordNotExists('BankAccount', accountId, permission);
  };

  const handlers = new Map<string, OperationHandler>([
    ['requestToken', async (exchange) => issueToken(exchange.headers)],
    [
      'createNaturalPerson',
      async (exchange, scope) => ({ status: 200, body: await persons.create(scope, body<NaturalPersonCreate>(exchange)) }),
    ],
    ['listNaturalPersons', async (exchange, scope) => ({ status: 200, body: await persons.list(scope, exchange.query) })],
    [
      'getNaturalPerson',
      async (exchange, scope) => {
        const found = await persons.get(scope, person(exchange));
        return found ? { status: 200, body: found } : errors.recordNotExists('NaturalPerson', person(exchange), 'Read');
      },
    ],
    [
      'updateNaturalPerson',
      async (exchange, scope) =>
        (await persons.replace(scope, person(exchange), body<NaturalPersonUpdate>(exchange)))
          ? NO_CONTENT
          : errors.recordNotExists('NaturalPerson', person(exchange), 'Update'),
    ],
    [
      'addBankAccounts',
      async (exchange, scope) => {
        const ids = await persons.addAccounts(scope, person(exchange), body<BankAccountInput[]>(exchange));
        return ids ? { status: 200, body: ids } : errors.recordNotExists('NaturalPerson', person(exchange), 'Update');
      },
    ],
    [
      'updateBankAccount',
      async (exchange, scope) => {
        const found = await persons.updateAccount(
          scope,
          person(exchange),
          exchange.pathParams.bankAccountId ?? '',
          body<BankAccountInput>(exchange),
        );
        return found === 'active' ? NO_CONTENT : accountProblem(exchange, found, 'Update');
      },
    ],
    [
      'deleteBankAccount',
      async (exchange, scope) => {
        const found = await persons.deleteAccount(scope, person(exchange), exchange.pathParams.bankAccountId ?? '');
        return found === 'active' ? NO_CONTENT : accountProblem(exchange, found, 'Delete');
      },
    ],
    [
      'createCreditNote',
      async (exchange, scope) => {
        const created = await creditNotes.create(scope, body<CreditNoteCreate>(exchange));
        return 'error' in created ? created.error : { status: 200, body: created.id };
      },
    ],
    ['submitCreditNoteApproval', (exchange, scope) => creditNotes.submit(scope, exchange.pathParams.id ?? '')],
    [
      'donePaymentRevision',
      (exchange, scope) =>
        creditNotes.donePaymentRevision(
          scope,
          exchange.pathParams.id ?? '',
          body<{ bankAccount: PaymentRevisionBankAccount }>(exchange).bankAccount,
        ),
    ],
  ]);

  return { handlers, persons, creditNotes, machine };
}
