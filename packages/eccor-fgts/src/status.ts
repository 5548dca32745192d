/**
 * The credit-note statuses of the contract (`CreditNoteStatus`: its `enum`, `x-enum-varnames` and
 * `x-enum-descriptions`), in the order of the flow. `test/status/credit-note-status.test.ts` checks this
 * table against the spec, and the types below against the generated ones, so the two cannot drift.
 */
import type { CreditNoteStatus, CreditNoteStatusDisplay } from './types.js';

/**
 * Every credit-note status by its English code name: the numeric `code` the API and the webhooks send, and
 * the Portuguese `display` name (`*StatusDisplay` in the webhooks).
 *
 * @example
 * if (event.parameters.newStatus === CREDIT_NOTE_STATUS.Liquidation.code) { … }
 * CREDIT_NOTE_STATUS.PaymentRevision.display; // 'Revisão de Pagamento'
 */
export const CREDIT_NOTE_STATUS = {
  Draft: { code: 0, display: 'Rascunho' },
  ComplianceApproval: { code: 1, display: 'Aprovação de Compliance' },
  CreditApproval: { code: 8, display: 'Aprovação de Crédito' },
  SignatureCollection: { code: 2, display: 'Coleta de Assinaturas' },
  SignatureValidation: { code: 12, display: 'Validação de Assinaturas' },
  Liquidation: { code: 3, display: 'Liquidação' },
  ManualLiquidation: { code: 14, display: 'Liquidação Manual' },
  PaymentRevision: { code: 13, display: 'Revisão de Pagamento' },
} as const satisfies Record<string, { code: CreditNoteStatus; display: CreditNoteStatusDisplay }>;

/** The English code name of a status: `'Draft' | 'ComplianceApproval' | …`. */
export type CreditNoteStatusName = keyof typeof CREDIT_NOTE_STATUS;

type Status = (typeof CREDIT_NOTE_STATUS)[CreditNoteStatusName];
/** The display name of a status code: `DisplayOf<3>` is `'Liquidação'`. */
type DisplayOf<Code extends CreditNoteStatus> = Extract<Status, { code: Code }>['display'];

/**
 * The Portuguese display name of a status code: `creditNoteStatusDisplay(3) === 'Liquidação'`; `undefined`
 * for a code the contract does not document (a webhook may carry one: its status is an open enum over these
 * eight known codes, which stay a closed table here).
 */
export function creditNoteStatusDisplay<Code extends CreditNoteStatus>(code: Code): DisplayOf<Code>;
export function creditNoteStatusDisplay(code: number): CreditNoteStatusDisplay | undefined;
export function creditNoteStatusDisplay(code: number): CreditNoteStatusDisplay | undefined {
  return Object.values(CREDIT_NOTE_STATUS).find((status) => status.code === code)?.display;
}
