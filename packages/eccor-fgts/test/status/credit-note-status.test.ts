/**
 * CREDIT_NOTE_STATUS is the spec's `CreditNoteStatus` (its `enum`, `x-enum-varnames` and
 * `x-enum-descriptions`, in order) and `CreditNoteStatusDisplay`: read from the bundle, so they cannot drift.
 * (The type-level side — codes and display names equal to the generated unions — is in test/types.)
 */
import { describe, expect, it } from 'vitest';
import { readBundle } from '@credit-apis/test-kit/spec-server';
import { CREDIT_NOTE_STATUS, creditNoteStatusDisplay } from '../../src/extras.js';

const schemas = (readBundle('eccor-fgts').components as { schemas: Record<string, Record<string, unknown[]>> }).schemas;
const status = schemas.CreditNoteStatus ?? {};

describe('CREDIT_NOTE_STATUS', () => {
  it('is the spec’s CreditNoteStatus: code names, codes and display names, in the documented order', () => {
    const fromSpec = Object.fromEntries(
      (status.enum ?? []).map((code, index) => [
        status['x-enum-varnames']?.[index],
        { code, display: status['x-enum-descriptions']?.[index] },
      ]),
    );
    expect(Object.keys(fromSpec)).toHaveLength(8);
    expect(CREDIT_NOTE_STATUS).toEqual(fromSpec);
    expect(Object.keys(CREDIT_NOTE_STATUS)).toEqual(Object.keys(fromSpec));
  });

  it('has the display names of CreditNoteStatusDisplay, in the same order', () => {
    expect(Object.values(CREDIT_NOTE_STATUS).map((entry) => entry.display)).toEqual(schemas.CreditNoteStatusDisplay?.enum);
  });

  it('creditNoteStatusDisplay maps a code to its Portuguese name, and an undocumented code to undefined', () => {
    expect(creditNoteStatusDisplay(13)).toBe('Revisão de Pagamento');
    expect(creditNoteStatusDisplay(CREDIT_NOTE_STATUS.Draft.code)).toBe('Rascunho');
    expect(creditNoteStatusDisplay(4)).toBeUndefined();
  });
});
