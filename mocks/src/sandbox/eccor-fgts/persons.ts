/**
 * Natural persons and their bank accounts (section 3.0 of the document), as UY3 stores and returns them.
 *
 * Records are built on the document's own stored person (`getNaturalPerson`'s example): every field the
 * request does not carry keeps the documented value (`pep: null`, `hasDependents: false`, `assets: []`,
 * `riskRating: "Intermediary"`, …), the audit and owner fields are the documented API client's
 * (`createdBy`/`ownerUser` `chatbotApi`, `ownerGroup` `Todos`, tenant `Chatbot UY3`), and the key order is
 * the document's. What the request carries replaces the rest, with display names (display.ts), birth date
 * and timestamps in Brasília time, and bank accounts newest first (as the document lists them).
 *
 * PUT semantics (the document's "caso não for enviado, o registro anterior será excluído"): an entry with
 * the `id` of one of the person's accounts updates it (id and creation kept); an entry without `id` — or with
 * an id that is not one of the person's accounts, as the document's own PUT example sends and gets 204 — is a
 * new account; a stored account whose id is not sent is deleted.
 */
import type { Json } from '../../catalog/openapi.js';
import { isObject } from '../../catalog/openapi.js';
import { newId, uy3DateTime, uy3Timestamp, type Clock } from '../clock.js';
import { copy, type SpecData } from '../spec-data.js';
import { findPerson, insertPerson, listPersons, updatePerson, type Scope, type TenantScope } from '../storage/records.js';
import {
  own,
  type BankAccountInput,
  type NaturalPerson,
  type NaturalPersonCreate,
  type NaturalPersonPage,
  type NaturalPersonUpdate,
  type StoredBankAccountRecord,
  type StoredPerson,
} from '../state.js';
import type { Displays } from './display.js';

/** The list's page size when the request does not say (`__size`); the document shows no page parameter. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

export type AccountLookup =
  | { state: 'active'; record: StoredBankAccountRecord }
  | { state: 'deleted'; deletedAt: string }
  | { state: 'unknown' };

/** Each call runs in the request's transaction (`scope.tx`) and sees only the scope's tenant. */
export interface PersonBook {
  create(scope: TenantScope, body: NaturalPersonCreate): Promise<string>;
  get(scope: Scope, id: string): Promise<NaturalPerson | undefined>;
  list(scope: Scope, query: URLSearchParams | undefined): Promise<NaturalPersonPage>;
  /** `false` when the person does not exist. */
  replace(scope: Scope, id: string, body: NaturalPersonUpdate): Promise<boolean>;
  /** The new accounts' ids in the order sent; `undefined` when the person does not exist. */
  addAccounts(scope: Scope, id: string, accounts: readonly BankAccountInput[]): Promise<string[] | undefined>;
  account(scope: Scope, personId: string, accountId: string): Promise<AccountLookup | undefined>;
  /** `undefined` when the person does not exist. */
  updateAccount(scope: Scope, personId: string, accountId: string, body: BankAccountInput): Promise<AccountLookup['state'] | undefined>;
  deleteAccount(scope: Scope, personId: string, accountId: string): Promise<AccountLookup['state'] | undefined>;
}

/** An account of a stored person, by id (any case). */
function accountOf(person: StoredPerson, accountId: string): AccountLookup {
  const id = accountId.toLowerCase();
  const record = person.record.bankAccounts.find((account) => account.id === id);
  if (record) return { state: 'active', record };
  const deletedAt = own(person.deletedBankAccounts, id);
  return deletedAt === undefined ? { state: 'unknown' } : { state: 'deleted', deletedAt };
}

function objectExample(value: Json, what: string): Record<string, Json> {
  if (!isObject(value)) throw new Error(`the sandbox needs ${what} to be an object`);
  return value;
}

/** Lower case, no accents: how the list's filters compare text. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

function pageParameter(query: URLSearchParams | undefined, name: string, fallback: number, max: number): number {
  const raw = query?.get(name);
  if (raw === null || raw === undefined || !/^\d{1,9}$/.test(raw)) return fallback;
  return Math.min(Number(raw), max);
}

export function createPersonBook(spec: SpecData, displays: Displays, clock: Clock): PersonBook {
  const template = objectExample(
    spec.responseExample('getNaturalPerson', '200'),
    'getNaturalPerson 200 example',
  ) as unknown as NaturalPerson;
  const accountTemplate = (kind: 'Pix' | 'Transfer'): StoredBankAccountRecord => {
    const found = template.bankAccounts.find((account) => account.operationTypeValue === kind);
    if (!found) throw new Error(`generated/${spec.slug}: the getNaturalPerson example must show a ${kind} account`);
    return found;
  };
  const templates = { Pix: accountTemplate('Pix'), Transfer: accountTemplate('Transfer') };

  const lookup = (scope: Scope, id: string, forUpdate = false): Promise<StoredPerson | undefined> =>
    findPerson(scope, id.toLowerCase(), forUpdate);

  function accountRecord(input: BankAccountInput, id: string, now: string, previous?: StoredBankAccountRecord): StoredBankAccountRecord {
    const record = copy(templates[input.operationTypeValue]);
    if (input.operationTypeValue === 'Transfer') {
      const bank = displays.bank(input.bankCode);
      const type = displays.accountType(input.type);
      record.bankCode = input.bankCode;
      record.bankCodeCompe = bank.compe;
      record.bankCodeDisplay = bank.name;
      record.bankIspb = bank.ispb;
      record.account = String(input.account);
      record.accountDigit = input.accountDigit;
      record.agency = input.agency;
      record.type = type.type as StoredBankAccountRecord['type'];
      record.typeDisplay = type.display;
    } else {
      record.pixKeyTypeValue = input.pixKeyTypeValue;
      record.keyPix = input.keyPix;
    }
    record.id = id;
    record.createdAt = previous?.createdAt ?? now;
    record.createdBy = copy(template.createdBy);
    record.updatedAt = now;
    record.updatedBy = previous ? copy(template.createdBy) : null;
    return record;
  }

  /** The request's fields on a record (the template for a new person, the stored one for a PUT). */
  function applyPerson(record: NaturalPerson, body: Omit<NaturalPersonCreate, 'bankAccounts'>): void {
    const { address } = body;
    record.registrationNumber = body.registrationNumber;
    record.name = body.name;
    record.nationality = body.nationality;
    record.address = {
      addressName: address.addressName,
      zipCode: address.zipCode,
      city: address.city,
      uf: address.uf,
      ufDisplay: displays.uf(address.uf),
      district: address.district,
      number: address.number,
      complement: address.complement,
    };
    record.birthDate = uy3DateTime(body.birthDate);
    record.civilStatus = body.civilStatus;
    record.civilStatusDisplay = displays.civilStatus(body.civilStatus);
    record.phone = body.phone;
    record.email = body.email;
    record.occupation = body.occupation;
  }

  function stamp(): string {
    return uy3Timestamp(clock());
  }

  const filters: readonly [string, (person: NaturalPerson, value: string) => boolean][] = [
    [
      'searchString',
      (person, value) =>
        [person.name, person.email, person.registrationNumber, person.phone].some((field) => fold(field).includes(fold(value))) ||
        (digits(value) !== '' && [person.registrationNumber, person.phone].some((field) => digits(field).includes(digits(value)))),
    ],
    ['registrationNumber', (person, value) => digits(person.registrationNumber).includes(digits(value))],
    ['phone', (person, value) => digits(person.phone).includes(digits(value))],
    ['filterByOwner', (person, value) => person.ownerUser.userId === value || fold(person.ownerUser.userIdDisplay).includes(fold(value))],
    ['filterByOwnerGroup', (person, value) => fold(person.ownerGroup.groupDisplay).includes(fold(value))],
    ['personDisplay', (person, value) => fold(person.name).includes(fold(value))],
  ];

  return {
    async create(scope, body) {
      const now = stamp();
      const record = copy(template);
      applyPerson(record, body);
      // Newest first, as the document lists them (its request sends Pix then Transfer; GET shows Transfer first).
      record.bankAccounts = body.bankAccounts.map((account) => accountRecord(account, newId(), now)).reverse();
      record.id = newId();
      record.createdAt = now;
      record.createdBy = copy(template.createdBy);
      record.updatedAt = now;
      record.updatedBy = null;
      await insertPerson(scope, { record, deletedBankAccounts: {} });
      return record.id;
    },

    get: async (scope, id) => (await lookup(scope, id))?.record,

    async list(scope, query) {
      const active = filters
        .filter(([name]) => (query?.get(name) ?? '') !== '')
        .map(([name, test]) => [query?.get(name) ?? '', test] as const);
      const size = Math.max(1, pageParameter(query, '__size', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
      const page = pageParameter(query, '__page', 0, 1_000_000);
      // Without a filter the database pages; a filter reads the tenant's persons (text folding is JavaScript's).
      const stored = await listPersons(scope, active.length === 0 ? { offset: page * size, limit: size } : undefined);
      const matching =
        active.length === 0 ? stored.records : stored.records.filter((person) => active.every(([value, test]) => test(person, value)));
      const total = active.length === 0 ? stored.total : matching.length;
      const pageRecords = active.length === 0 ? matching : matching.slice(page * size, page * size + size);
      // The list answers reduced records: no address, no bank accounts (the document's capture).
      const data = pageRecords.map((person) => ({ ...person, address: null, bankAccounts: [] }));
      return { page, totalPages: Math.ceil(total / size), totalItems: total, data, paginationToken: null };
    },

    async replace(scope, id, body) {
      const person = await lookup(scope, id, true);
      if (!person) return false;
      const now = stamp();
      const { record } = person;
      applyPerson(record, body);
      const stored = new Map(record.bankAccounts.map((account) => [account.id, account]));
      const kept = new Map<string, StoredBankAccountRecord>();
      const added: StoredBankAccountRecord[] = [];
      for (const entry of body.bankAccounts) {
        const { id: entryId, ...input } = entry;
        const previous = entryId === undefined ? undefined : stored.get(entryId.toLowerCase());
        if (previous && !kept.has(previous.id)) kept.set(previous.id, accountRecord(input as BankAccountInput, previous.id, now, previous));
        else added.push(accountRecord(input as BankAccountInput, newId(), now));
      }
      for (const account of record.bankAccounts) if (!kept.has(account.id)) person.deletedBankAccounts[account.id] = now;
      record.bankAccounts = [...added.reverse(), ...record.bankAccounts.flatMap((account) => kept.get(account.id) ?? [])];
      record.updatedAt = now;
      record.updatedBy = copy(template.createdBy);
      await updatePerson(scope, person);
      return true;
    },

    async addAccounts(scope, id, accounts) {
      const person = await lookup(scope, id, true);
      if (!person) return undefined;
      const now = stamp();
      const created = accounts.map((account) => accountRecord(account, newId(), now));
      person.record.bankAccounts = [...[...created].reverse(), ...person.record.bankAccounts];
      await updatePerson(scope, person);
      return created.map((account) => account.id);
    },

    async account(scope, personId, accountId) {
      const person = await lookup(scope, personId);
      return person ? accountOf(person, accountId) : undefined;
    },

    async updateAccount(scope, personId, accountId, body) {
      const person = await lookup(scope, personId, true);
      if (!person) return undefined;
      const found = accountOf(person, accountId);
      if (found.state !== 'active') return found.state;
      const previous = found.record;
      person.record.bankAccounts = person.record.bankAccounts.map((account) =>
        account === previous ? accountRecord(body, previous.id, stamp(), previous) : account,
      );
      await updatePerson(scope, person);
      return 'active';
    },

    async deleteAccount(scope, personId, accountId) {
      const person = await lookup(scope, personId, true);
      if (!person) return undefined;
      const found = accountOf(person, accountId);
      if (found.state !== 'active') return found.state;
      person.record.bankAccounts = person.record.bankAccounts.filter((account) => account !== found.record);
      person.deletedBankAccounts[found.record.id] = stamp();
      await updatePerson(scope, person);
      return 'active';
    },
  };
}
