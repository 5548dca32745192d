/**
 * `@credit-apis/eccor-fgts/extras`: what ECCOR FGTS needs beyond the client — `paginate` over the list
 * envelope, exact conversions between integer cents (the API's money unit) and reais, and the credit-note
 * statuses with their Portuguese names.
 *
 * @packageDocumentation
 */
export {
  paginate,
  PaginationError,
  type ItemOf,
  type NextPageInit,
  type PageEnvelope,
  type PageOf,
  type PaginatedPath,
  type PaginateInit,
  type PaginateOptions,
} from './paginate.js';
export { centsToReais, formatReais, reaisToCents } from './money.js';
export { CREDIT_NOTE_STATUS, creditNoteStatusDisplay, type CreditNoteStatusName } from './status.js';
