/**
 * The Zemo schemas under their own names: every `components.schemas` entry of the contract
 * (`generated/zemo/schema.d.ts`). Each field keeps the contract's description.
 */
import type { components } from '@credit-apis/specs/zemo/types';

type Schemas = components['schemas'];

/** A receivables-anticipation operation, with its contract details, assignor (cedente) and titles. */
export type ZemoOperation = Schemas['ZemoOperation'];
/** Contract details of an operation (`contractDetails`). */
export type ContractDetails = Schemas['ContractDetails'];
/** The assignor (cedente) of an operation: a natural person (PF) or a company (PJ). */
export type Assignor = Schemas['Assignor'];
/** One title (receivable) anticipated in an operation. */
export type Title = Schemas['Title'];
/** Error body of the Zemo API: `{ message }` (401, 404). */
export type ErrorMessage = Schemas['ErrorMessage'];
