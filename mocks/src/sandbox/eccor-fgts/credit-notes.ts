/**
 * Credit notes (section 4.0): create, submit for approval, complete a payment revision — and the
 * control route's manual steps. What the checks answer comes from the document:
 *   - an unknown `productId` (not one of `GET /v1/Product`'s documented products) → 400 `INVALID_FORM`
 *     "Produto não encontrado" (listed twice, as documented);
 *   - a person, beneficiary or bank account that does not exist → 400 `INVALID_FORM` on that key (the sandbox's
 *     wording, in the same style);
 *   - a deleted bank account → 400 `RECORD_IS_DELETED` (the document shows it on SubmitApproval; the sandbox
 *     answers it on create too, and on submit when the account was deleted after);
 *   - a start date before today (in Brasília; the document's note was created with the day's midnight) → 400
 *     `INVALID_FORM` "Data de início não pode estar no passado", on create and again on submit;
 *   - SubmitApproval on a note that is not a draft, donePaymentRevision on one not in 13 → 400
 *     `INVALID_ACTION_FOR_STATUS` with `currentStatus`; an unknown note → 403
 *     `RECORD_NOT_EXISTS_OR_MISSING_PERMISSION`.
 */
import { isObject } from '../../catalog/openapi.js';
import type { AnswerSpec } from '../../http/prepared-response.js';
import { brasiliaDay, newId, uy3Timestamp, type Clock } from '../clock.js';
import type { SpecData } from '../spec-data.js';
import type {
  CreditNoteCreate,
  CreditNoteStatus,
  CreditNoteStatusEvent,
  PaymentRevisionBankAccount,
  StoredCreditNote,
  Trigger,
} from '../state.js';
import type { Sql } from '../storage/database.js';
import {
  creditNoteTenant,
  findCreditNote,
  insertCreditNote,
  listCreditNotes,
  updateCreditNote,
  type Scope,
  type TenantScope,
} from '../storage/records.js';
import type { FormError, Uy3Errors } from './errors.js';
import type { PersonBook } from './persons.js';
import { TRANSITIONS, type StatusMachine, type Transition } from './status-machine.js';

/** Records a notification in the outbox, in the change's transaction, for every URL of the tenant; returns the deliveries' ids. */
export type Notify = (tx: Sql, tenant: string, subject: string, webhook: string, payload: CreditNoteStatusEvent) => Promise<string[]>;

export interface NextStep {
  to: CreditNoteStatus;
  name: string;
  display: string;
  /** The webhook the step notifies, also accepted as `{"step": …}` by the control route. */
  step: string | undefined;
  trigger: Transition['trigger'];
}

export interface CreditNoteView extends StoredCreditNote {
  statusDisplay: string;
  statusName: string;
  next: NextStep[];
}

export type AdvanceResult =
  | { kind: 'advanced'; from: CreditNoteStatus; to: CreditNoteStatus; deliveries: string[]; note: CreditNoteView }
  | { kind: 'unknown-note' }
  | { kind: 'unknown-target'; target: unknown; note: CreditNoteView }
  | { kind: 'choose'; note: CreditNoteView }
  | { kind: 'illegal'; to: CreditNoteStatus; reason: string; note: CreditNoteView };

/** Each call runs in the request's transaction (`scope.tx`): a status change and its notifications commit together. */
export interface CreditNoteDesk {
  create(scope: TenantScope, body: CreditNoteCreate): Promise<{ id: string } | { error: AnswerSpec }>;
  submit(scope: Scope, id: string): Promise<AnswerSpec>;
  donePaymentRevision(scope: Scope, id: string, bankAccount: PaymentRevisionBankAccount): Promise<AnswerSpec>;
  /** The control route: `target` is a status code or name, a webhook name, or `undefined` for the only next step. */
  advance(scope: Scope, id: string, target: unknown): Promise<AdvanceResult>;
  view(scope: Scope, id: string): Promise<CreditNoteView | undefined>;
  list(scope: Scope): Promise<CreditNoteView[]>;
}

const OK_EMPTY: AnswerSpec = { status: 200 };

export function createCreditNoteDesk(
  spec: SpecData,
  persons: PersonBook,
  machine: StatusMachine,
  errors: Uy3Errors,
  clock: Clock,
  notify: Notify,
): CreditNoteDesk {
  const products = spec.responseExample('listProducts', '200');
  const productIds = new Set(
    isObject(products) && Array.isArray(products.data)
      ? products.data.flatMap((product) => (isObject(product) && typeof product.id === 'string' ? [product.id.toLowerCase()] : []))
      : [],
  );
  if (productIds.size === 0) throw new Error(`generated/${spec.slug}: the listProducts example lists no product`);

  const lookup = (scope: Scope, id: string, forUpdate = false): Promise<StoredCreditNote | undefined> =>
    findCreditNote(scope, id.toLowerCase(), forUpdate);
  // The status donePaymentRevision is allowed in (13 Revisão de Pagamento), named in its error.
  const revision = machine.status(TRANSITIONS.find((transition) => transition.trigger === 'donePaymentRevision')?.from ?? 13);
  const startHasPassed = (note: Pick<CreditNoteCreate, 'amortization'>): boolean => {
    const start = Date.parse(note.amortization.startDate);
    return Number.isNaN(start) || brasiliaDay(start) < brasiliaDay(clock());
  };

  function view(note: StoredCreditNote): CreditNoteView {
    const current = machine.status(note.status);
    return {
      ...note,
      statusDisplay: current.display,
      statusName: current.name,
      next: machine.next(note.status).map((transition) => {
        const target = machine.status(transition.to);
        return { to: target.code, name: target.name, display: target.display, step: target.webhook, trigger: transition.trigger };
      }),
    };
  }

  /** Moves the note, records it and its notification to every URL of the note's tenant (saved by the caller). */
  async function move(scope: Scope, note: StoredCreditNote, to: CreditNoteStatus, trigger: Exclude<Trigger, 'created'>): Promise<string[]> {
    const from = note.status;
    const at = uy3Timestamp(clock());
    const { webhook, payload } = machine.event(note.id, from, to);
    note.status = to;
    note.updatedAt = at;
    note.history.push({ at, from, to, trigger, webhook });
    const tenant = scope.tenant ?? (await creditNoteTenant(scope, note.id)) ?? '';
    return notify(scope.tx, tenant, note.id, webhook, payload);
  }

  return {
    async create(scope, body) {
      const formErrors: FormError[] = [];
      if (!productIds.has(body.productId.toLowerCase())) formErrors.push(...errors.productNotFound());
      const person = await persons.get(scope, body.personId);
      if (!person) formErrors.push({ message: 'Pessoa não encontrada', key: 'personId' });
      if (!(await persons.get(scope, body.beneficiaryId)))
        formErrors.push({ message: 'Beneficiário não encontrado', key: 'beneficiaryId' });
      const account = person ? await persons.account(scope, body.personId, body.bankAccountId) : undefined;
      if (person && account?.state === 'unknown') formErrors.push({ message: 'Conta bancária não encontrada', key: 'bankAccountId' });
      if (formErrors.length > 0) return { error: errors.invalidForm(formErrors) };
      if (account?.state === 'deleted') return { error: errors.recordIsDeleted(body.bankAccountId.toLowerCase()) };
      if (startHasPassed(body)) return { error: errors.startDateInPast() };
      const at = uy3Timestamp(clock());
      const note: StoredCreditNote = {
        id: newId(),
        status: 0,
        request: body,
        createdAt: at,
        updatedAt: at,
        history: [{ at, from: null, to: 0, trigger: 'created', webhook: null }],
        paymentRevisions: [],
      };
      await insertCreditNote(scope, note);
      return { id: note.id };
    },

    async submit(scope, id) {
      const note = await lookup(scope, id, true);
      if (!note) return errors.recordNotExists('CreditNote', id, 'Update');
      const draft = machine.status(0);
      if (note.status !== draft.code) return errors.invalidActionForStatus(draft.display, machine.status(note.status).name);
      if ((await persons.account(scope, note.request.personId, note.request.bankAccountId))?.state !== 'active')
        return errors.recordIsDeleted(note.request.bankAccountId.toLowerCase());
      if (startHasPassed(note.request)) return errors.startDateInPast();
      const [submitted] = machine.next(note.status, 'SubmitApproval');
      if (!submitted) return errors.invalidActionForStatus(draft.display, machine.status(note.status).name);
      await move(scope, note, submitted.to, 'SubmitApproval');
      // Then the automatic steps, one after the other (1 → 8 → 2), each notified.
      for (
        let automatic = machine.next(note.status, 'automatic');
        automatic.length === 1;
        automatic = machine.next(note.status, 'automatic')
      ) {
        await move(scope, note, (automatic[0] as Transition).to, 'automatic');
      }
      await updateCreditNote(scope, note);
      return OK_EMPTY;
    },

    async donePaymentRevision(scope, id, bankAccount) {
      const note = await lookup(scope, id, true);
      if (!note) return errors.recordNotExists('CreditNote', id, 'LiquidationPaymentRevision');
      const [done] = machine.next(note.status, 'donePaymentRevision');
      if (!done) return errors.invalidActionForStatus(revision.display, machine.status(note.status).name);
      note.paymentRevisions.push({ at: uy3Timestamp(clock()), bankAccount });
      await move(scope, note, done.to, 'donePaymentRevision');
      await updateCreditNote(scope, note);
      return OK_EMPTY;
    },

    async advance(scope, id, target) {
      const note = await lookup(scope, id, true);
      if (!note) return { kind: 'unknown-note' };
      const controls = machine.next(note.status, 'control');
      let to: CreditNoteStatus;
      if (target === undefined) {
        if (controls.length !== 1) return { kind: 'choose', note: view(note) };
        to = (controls[0] as Transition).to;
      } else {
        const resolved = machine.resolve(target);
        if (!resolved) return { kind: 'unknown-target', target, note: view(note) };
        to = resolved.code;
      }
      const transition = machine.next(note.status).find((candidate) => candidate.to === to);
      if (!transition) {
        return {
          kind: 'illegal',
          to,
          reason: `${note.status} ${machine.status(note.status).display} → ${to} ${machine.status(to).display} is not a step of the flow`,
          note: view(note),
        };
      }
      if (transition.trigger !== 'control') {
        const by =
          transition.trigger === 'automatic'
            ? 'the sandbox itself, right after SubmitApproval'
            : `the partner's own call (POST /v1/CreditNote/{id}/${transition.trigger})`;
        return { kind: 'illegal', to, reason: `${note.status} → ${to} is taken by ${by}, not by the control route`, note: view(note) };
      }
      const from = note.status;
      const deliveries = await move(scope, note, to, 'control');
      await updateCreditNote(scope, note);
      return { kind: 'advanced', from, to, deliveries, note: view(note) };
    },

    view: async (scope, id) => {
      const note = await lookup(scope, id);
      return note ? view(note) : undefined;
    },
    list: async (scope) => (await listCreditNotes(scope)).map(view),
  };
}
