/**
 * Display names of a stored UY3 record, derived the way the document shows them. The spec is read first:
 *   - the stored person of `getNaturalPerson`'s example pairs each value with the display the API sent
 *     (`civilStatus: Single` → `civilStatusDisplay: Solteiro`, `uf: SP` → `ufDisplay: São Paulo`,
 *     `bankCode: "1"` → `bankCodeDisplay: BCO DO BRASIL S.A.`, `bankIspb: 0`, `type` → `typeDisplay`);
 *   - enumerations give the rest (`x-enum-descriptions` of `CivilStatus`, `BankAccountType`).
 * Where the spec has nothing (the other states; other banks), the tables below and `../banks.ts` do.
 *
 * The account type: the document's create request sends bank 1 / agency 1234 / account 1234567 as
 * `NaturalCheckingAccount`, and its stored person returns that account as `LegalCheckingAccount`,
 * "Conta Corrente" (the spec's x-doc-quirks of getNaturalPerson). The sandbox answers as the API did, by
 * matching the two examples' accounts — so a partner sees in the sandbox what the document saw.
 */
import { isObject, type Json } from '../../catalog/openapi.js';
import { bankByCode } from '../banks.js';
import type { SpecData } from '../spec-data.js';

/** The 27 federative units. The spec enumerates none; the document shows `SP` → `São Paulo`. */
const STATES: Readonly<Record<string, string>> = {
  AC: 'Acre',
  AL: 'Alagoas',
  AP: 'Amapá',
  AM: 'Amazonas',
  BA: 'Bahia',
  CE: 'Ceará',
  DF: 'Distrito Federal',
  ES: 'Espírito Santo',
  GO: 'Goiás',
  MA: 'Maranhão',
  MT: 'Mato Grosso',
  MS: 'Mato Grosso do Sul',
  MG: 'Minas Gerais',
  PA: 'Pará',
  PB: 'Paraíba',
  PR: 'Paraná',
  PE: 'Pernambuco',
  PI: 'Piauí',
  RJ: 'Rio de Janeiro',
  RN: 'Rio Grande do Norte',
  RS: 'Rio Grande do Sul',
  RO: 'Rondônia',
  RR: 'Roraima',
  SC: 'Santa Catarina',
  SP: 'São Paulo',
  SE: 'Sergipe',
  TO: 'Tocantins',
};

export interface BankDisplay {
  /** `bankCodeCompe`: the code as a number. */
  readonly compe: number;
  /** `bankCodeDisplay`, `null` for a bank the sandbox cannot name. */
  readonly name: string | null;
  /** `bankIspb` as a number (`0` for ISPB 00000000), `null` when unknown. */
  readonly ispb: number | null;
}

export interface Displays {
  civilStatus(value: string): string;
  uf(value: string): string;
  bank(code: string): BankDisplay;
  /** The stored type and its display for a requested account type. */
  accountType(requested: string): { type: string; display: string };
}

function objects(value: Json | undefined): Record<string, Json>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function createDisplays(spec: SpecData): Displays {
  const person = spec.responseExample('getNaturalPerson', '200');
  const created = spec.requestExample('createNaturalPerson');
  if (!isObject(person) || !isObject(created))
    throw new Error(`generated/${spec.slug}: the getNaturalPerson and createNaturalPerson examples must be objects`);

  const civil = spec.enumLabels('CivilStatus');
  if (typeof person.civilStatus === 'string' && typeof person.civilStatusDisplay === 'string')
    civil.set(person.civilStatus, person.civilStatusDisplay);

  const ufs = new Map(Object.entries(STATES));
  if (isObject(person.address) && typeof person.address.uf === 'string' && typeof person.address.ufDisplay === 'string')
    ufs.set(person.address.uf, person.address.ufDisplay);

  const banks = new Map<string, BankDisplay>();
  const storedAccounts = objects(person.bankAccounts);
  for (const account of storedAccounts) {
    if (account.operationTypeValue !== 'Transfer' || typeof account.bankCode !== 'string' || typeof account.bankCodeDisplay !== 'string')
      continue;
    banks.set(String(Number(account.bankCode)), {
      compe: typeof account.bankCodeCompe === 'number' ? account.bankCodeCompe : Number(account.bankCode),
      name: account.bankCodeDisplay,
      ispb: typeof account.bankIspb === 'number' ? account.bankIspb : null,
    });
  }

  // Requested type → stored type and display, from the accounts the two examples share.
  const typeLabels = spec.enumLabels('BankAccountType');
  const storedTypes = new Map<string, { type: string; display: string }>();
  for (const sent of objects(created.bankAccounts)) {
    if (sent.operationTypeValue !== 'Transfer' || typeof sent.type !== 'string') continue;
    const stored = storedAccounts.find(
      (account) => account.bankCode === sent.bankCode && account.agency === sent.agency && account.account === String(sent.account),
    );
    if (stored && typeof stored.type === 'string' && typeof stored.typeDisplay === 'string')
      storedTypes.set(sent.type, { type: stored.type, display: stored.typeDisplay });
  }

  return {
    civilStatus: (value) => civil.get(value) ?? value,
    uf: (value) => ufs.get(value.toUpperCase()) ?? value,
    bank(code) {
      const compe = /^\d+$/.test(code) ? Number(code) : 0;
      const documented = banks.get(String(compe));
      if (documented) return documented;
      const known = bankByCode(code);
      return { compe, name: known?.name ?? null, ispb: known ? Number(known.ispb) : null };
    },
    accountType(requested) {
      return storedTypes.get(requested) ?? { type: requested, display: typeLabels.get(requested) ?? requested };
    },
  };
}
