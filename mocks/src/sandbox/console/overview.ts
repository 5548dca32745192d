/**
 * What the console shows of one tenant, in one read: its ECCOR FGTS persons and credit notes (each change of
 * a note's timeline with the notifications it produced, per URL every delivery and its attempts), its INSS
 * operations with their histories, its webhook URLs (held or not, and their health), and the status names of
 * the spec (the status machine's, so the page never writes a status name of its own).
 */
import type { CreditNoteDesk, CreditNoteView } from '../eccor-fgts/credit-notes.js';
import type { StatusMachine } from '../eccor-fgts/status-machine.js';
import type { StatusChange, StoredInssOperation } from '../state.js';
import type { Sql } from '../storage/database.js';
import { listPersons } from '../storage/records.js';
import { heldUrls } from '../webhooks/holds.js';
import { listDeliveries, listEndpoints, tenantUrls, urlsFor, type DeliveryRecord, type EndpointHealth } from '../webhooks/outbox.js';

export interface ConsoleStatus {
  code: number;
  display: string;
  name: string;
}

export interface TimelineEntry extends StatusChange {
  fromDisplay: string | null;
  toDisplay: string;
  /** The deliveries this change produced (one per URL, then their redeliveries), oldest first. */
  deliveries: DeliveryRecord[];
}

export interface ConsoleCreditNote extends CreditNoteView {
  timeline: TimelineEntry[];
}

export interface ConsoleUrl {
  url: string;
  /** `sandbox`: every tenant's (`--webhook-url`), not the tenant's to remove; `tenant`: its own. */
  source: 'sandbox' | 'tenant';
  held: boolean;
  health: EndpointHealth | undefined;
}

export interface TenantOverview {
  tenant: string;
  statuses: ConsoleStatus[];
  urls: ConsoleUrl[];
  persons: { id: string; name: string | null; registrationNumber: string | null }[];
  creditNotes: ConsoleCreditNote[];
  inssOperations: StoredInssOperation[];
  /** Deliveries no credit note's change explains (another provider's, or older than the shown ones). */
  otherDeliveries: DeliveryRecord[];
}

/** Every tenant with a record, a delivery or a URL, in name order (the loopback console's picker). */
export async function seenTenants(tx: Sql): Promise<string[]> {
  const rows = await tx.query<{ tenant: string }>(
    `SELECT tenant FROM persons UNION SELECT tenant FROM credit_notes UNION SELECT tenant FROM inss_operations
     UNION SELECT tenant FROM deliveries UNION SELECT tenant FROM tenant_webhooks ORDER BY tenant`,
  );
  return rows.map((row) => row.tenant);
}

type Event = { parameters?: { oldStatus?: unknown; newStatus?: unknown } };
const pairOf = (delivery: DeliveryRecord): string => {
  const parameters = (delivery.payload as Event | null)?.parameters;
  return `${String(parameters?.oldStatus)}→${String(parameters?.newStatus)}`;
};

/**
 * Each note's changes with their deliveries: a delivery belongs to the change of the same subject and the
 * same old → new status made last before it was written (the change and its notifications commit together);
 * a redelivery goes with the delivery it repeats.
 */
function timelines(
  notes: CreditNoteView[],
  deliveries: DeliveryRecord[],
  machine: StatusMachine,
): { notes: ConsoleCreditNote[]; others: DeliveryRecord[] } {
  const display = (code: number | null): string | null =>
    code === null ? null : (machine.statuses.find((status) => status.code === code)?.display ?? String(code));
  const byId = new Map<string, TimelineEntry>();
  const entriesOf = new Map<string, { entry: TimelineEntry; pair: string; at: number }[]>();
  const out = notes.map((note) => {
    const timeline = note.history.map((change) => ({
      ...change,
      fromDisplay: display(change.from),
      toDisplay: display(change.to) as string,
      deliveries: [] as DeliveryRecord[],
    }));
    entriesOf.set(
      note.id,
      timeline.map((entry) => ({ entry, pair: `${String(entry.from)}→${String(entry.to)}`, at: Date.parse(entry.at) })),
    );
    return { ...note, timeline };
  });
  const others: DeliveryRecord[] = [];
  for (const delivery of deliveries) {
    const original = delivery.redeliveryOf === null ? undefined : byId.get(delivery.redeliveryOf);
    const created = Date.parse(delivery.createdAt);
    const entry =
      original ??
      (entriesOf.get(delivery.subject) ?? []).filter((candidate) => candidate.pair === pairOf(delivery) && !(candidate.at > created)).at(-1)
        ?.entry;
    if (!entry) {
      others.push(delivery);
      continue;
    }
    entry.deliveries.push(delivery);
    byId.set(delivery.id, entry);
  }
  return { notes: out, others };
}

export async function tenantOverview(
  tx: Sql,
  tenant: string,
  globalUrls: readonly string[],
  notes: CreditNoteDesk | undefined,
  machine: StatusMachine | undefined,
): Promise<TenantOverview> {
  const scope = { tx, tenant };
  const [persons, creditNotes, inss, deliveries, all, own, held, endpoints] = [
    await listPersons(scope),
    notes ? await notes.list(scope) : [],
    await tx.query<{ entry: StoredInssOperation }>('SELECT entry FROM inss_operations WHERE tenant = $1 ORDER BY seq', [tenant]),
    await listDeliveries(tx, { tenant, limit: 2000 }),
    await urlsFor(tx, tenant, globalUrls),
    new Set(await tenantUrls(tx, tenant)),
    new Set(await heldUrls(tx, tenant)),
    await listEndpoints(tx),
  ];
  const health = new Map(endpoints.map((endpoint) => [endpoint.url, endpoint]));
  const joined = machine
    ? timelines(creditNotes, deliveries, machine)
    : { notes: creditNotes.map((note) => ({ ...note, timeline: [] })), others: deliveries };
  return {
    tenant,
    statuses: (machine?.statuses ?? []).map((status) => ({ code: status.code, display: status.display, name: status.name })),
    urls: [...new Set([...all, ...held])].map((url) => ({
      url,
      source: own.has(url) || !globalUrls.includes(url) ? 'tenant' : 'sandbox',
      held: held.has(url),
      health: health.get(url),
    })),
    persons: persons.records.map((person) => ({
      id: person.id,
      name: typeof person.name === 'string' ? person.name : null,
      registrationNumber: typeof person.registrationNumber === 'string' ? person.registrationNumber : null,
    })),
    creditNotes: joined.notes,
    inssOperations: inss.map((row) => row.entry),
    otherDeliveries: joined.others,
  };
}
