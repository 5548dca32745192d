/**
 * The credit note's status machine, as the document describes it (`submitCreditNoteApproval`, the seven
 * webhooks, `CreditNoteStatus`):
 *
 *   0 Rascunho ──SubmitApproval──▶ 1 Aprovação de Compliance ──▶ 8 Aprovação de Crédito ──▶ 2 Coleta de Assinaturas
 *                                  (automatic, one after the other, each notified)
 *   2 ──control──▶ 12 Validação de Assinaturas ──control──▶ 3 Liquidação ──control──▶ 14 Liquidação Manual
 *                                                            3 ──control──▶ 13 Revisão de Pagamento
 *   13 ──donePaymentRevision──▶ 3 Liquidação
 *
 * The steps a person or the provider takes by hand (signatures collected and validated, liquidation,
 * manual liquidation, payment revision) are `control` transitions, taken through the sandbox's control
 * route. 13 → 3 is the sandbox's reading: the document says the partner "completes the revision" with a
 * corrected bank account, which sends the payout back to liquidation; no webhook is documented for it, so
 * the sandbox notifies it as every change to 3 (`liquidation`'s payload, `oldStatus` 13). 14 is final.
 *
 * Status names, display names and payloads come from the spec: `CreditNoteStatus`'s `enum`,
 * `x-enum-descriptions` and `x-enum-varnames`, and each webhook's documented example, picked by the status
 * it notifies (`parameters.newStatus`). Only the transitions are written here, and they are checked
 * against the spec at start-up.
 */
import { isObject } from '../../catalog/openapi.js';
import { copy, type SpecData } from '../spec-data.js';
import type { CreditNoteStatus, CreditNoteStatusEvent, Trigger } from '../state.js';

export interface Transition {
  readonly from: CreditNoteStatus;
  readonly to: CreditNoteStatus;
  readonly trigger: Exclude<Trigger, 'created'>;
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 0, to: 1, trigger: 'SubmitApproval' },
  { from: 1, to: 8, trigger: 'automatic' },
  { from: 8, to: 2, trigger: 'automatic' },
  { from: 2, to: 12, trigger: 'control' },
  { from: 12, to: 3, trigger: 'control' },
  { from: 3, to: 14, trigger: 'control' },
  { from: 3, to: 13, trigger: 'control' },
  { from: 13, to: 3, trigger: 'donePaymentRevision' },
];

export interface StatusInfo {
  readonly code: CreditNoteStatus;
  /** Portuguese display name (`x-enum-descriptions`): `Liquidação`. */
  readonly display: string;
  /** English code name (`x-enum-varnames`): `Liquidation`, as `INVALID_ACTION_FOR_STATUS.details.currentStatus` writes it. */
  readonly name: string;
  /** The webhook that notifies a change to this status (`liquidation`), if any. */
  readonly webhook: string | undefined;
}

export interface StatusMachine {
  readonly statuses: readonly StatusInfo[];
  status(code: CreditNoteStatus): StatusInfo;
  /** A status by code (`12`, `"12"`), English name (`SignatureValidation`) or webhook name (`signatureValidation`). */
  resolve(target: unknown): StatusInfo | undefined;
  /** The transitions out of `from`, of one trigger or all. */
  next(from: CreditNoteStatus, trigger?: Transition['trigger']): Transition[];
  /** The notification of a change, from the webhook example of the new status. */
  event(id: string, from: CreditNoteStatus, to: CreditNoteStatus): { webhook: string; payload: CreditNoteStatusEvent };
}

export function createStatusMachine(spec: SpecData): StatusMachine {
  const displays = spec.enumLabels('CreditNoteStatus');
  const names = spec.enumNames('CreditNoteStatus');
  const templates = new Map<number, { webhook: string; payload: CreditNoteStatusEvent }>();
  for (const { name, example } of spec.webhookExamples()) {
    if (isObject(example) && isObject(example.parameters) && typeof example.parameters.newStatus === 'number') {
      templates.set(example.parameters.newStatus, { webhook: name, payload: example as unknown as CreditNoteStatusEvent });
    }
  }
  const statuses: StatusInfo[] = [...displays.entries()].map(([code, display]) => ({
    code: code as CreditNoteStatus,
    display,
    name: names.get(code) ?? String(code),
    webhook: templates.get(code as number)?.webhook,
  }));
  const byCode = new Map(statuses.map((status) => [status.code as number, status]));
  for (const transition of TRANSITIONS) {
    for (const code of [transition.from, transition.to])
      if (!byCode.has(code)) throw new Error(`generated/${spec.slug}: CreditNoteStatus has no status ${code}`);
    if (!templates.has(transition.to))
      throw new Error(`generated/${spec.slug}: no webhook example notifies the change to status ${transition.to}`);
  }
  const status = (code: CreditNoteStatus): StatusInfo => byCode.get(code) as StatusInfo;

  return {
    statuses,
    status,
    resolve(target) {
      if (typeof target === 'number' || (typeof target === 'string' && /^\d+$/.test(target))) return byCode.get(Number(target));
      if (typeof target !== 'string') return undefined;
      return statuses.find((candidate) => candidate.name === target || candidate.webhook === target);
    },
    next: (from, trigger) =>
      TRANSITIONS.filter((transition) => transition.from === from && (trigger === undefined || transition.trigger === trigger)),
    event(id, from, to) {
      const template = templates.get(to);
      if (!template) throw new Error(`no webhook notifies status ${to}`);
      const payload = copy(template.payload);
      payload.id = id;
      payload.parameters.oldStatus = from;
      payload.parameters.oldStatusDisplay = status(from).display as CreditNoteStatusEvent['parameters']['oldStatusDisplay'];
      payload.parameters.newStatus = to;
      payload.parameters.newStatusDisplay = status(to).display as CreditNoteStatusEvent['parameters']['newStatusDisplay'];
      return { webhook: template.webhook, payload };
    },
  };
}
