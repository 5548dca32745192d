/**
 * The faults in force. A request of a provider's operation takes the most recently added fault that
 * matches it (provider, then method and path template when the fault names them), as WireMock's newest
 * stub wins; a fault with `times` counts down and is gone at zero.
 */
import { randomUUID } from 'node:crypto';
import type { Provider } from '../catalog/provider.js';
import type { PreparedResponse } from '../http/prepared-response.js';
import { parseFaultSpec, type ActiveFault, type FaultEffect, type FaultSpec } from './fault-spec.js';

/** What the server needs of a fault taken by a request. */
export interface TakenFault {
  readonly effect: FaultEffect;
  /** The `status` answer, prepared when the fault was added; `undefined` when the operation answers. */
  readonly answer: PreparedResponse | undefined;
}

interface Entry {
  readonly id: string;
  readonly spec: FaultSpec;
  readonly taken: TakenFault;
  remaining: number | null;
  applied: number;
}

export interface Faults {
  /** Checks and adds a fault; throws `FaultSpecError`. */
  add(input: unknown): ActiveFault;
  /** The fault a request of `slug`'s operation takes (counted), or `undefined`. */
  take(slug: string, method: string, template: string): TakenFault | undefined;
  list(): ActiveFault[];
  remove(id: string): boolean;
  clear(): void;
}

function view(entry: Entry): ActiveFault {
  return { id: entry.id, ...entry.spec, remaining: entry.remaining, applied: entry.applied };
}

/** The `status` answer of a fault: a string body as it is, any other JSON value as JSON. */
export function faultAnswer(effect: FaultEffect): PreparedResponse | undefined {
  if (effect.status === undefined) return undefined;
  const given = Object.entries(effect.headers ?? {});
  const contentType = given.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  let body = Buffer.alloc(0);
  if (effect.body !== undefined) body = Buffer.from(typeof effect.body === 'string' ? effect.body : JSON.stringify(effect.body));
  const headers: string[] = [];
  if (body.length > 0 && contentType === undefined)
    headers.push('content-type', typeof effect.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json');
  headers.push('content-length', String(body.length));
  for (const [name, value] of given) headers.push(name, value);
  return { status: effect.status, headers, body };
}

export function createFaults(providers: readonly Provider[]): Faults {
  // Oldest first; take() looks from the end.
  const entries: Entry[] = [];
  return {
    add(input) {
      const spec = parseFaultSpec(input, providers);
      const entry: Entry = {
        id: randomUUID(),
        spec,
        taken: { effect: spec.fault, answer: faultAnswer(spec.fault) },
        remaining: spec.times ?? null,
        applied: 0,
      };
      entries.push(entry);
      return view(entry);
    },
    take(slug, method, template) {
      if (entries.length === 0) return undefined;
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i] as Entry;
        const { spec } = entry;
        if (spec.provider !== slug || (spec.path !== undefined && spec.path !== template)) continue;
        if (spec.method !== undefined && spec.method !== method && !(spec.method === 'GET' && method === 'HEAD')) continue;
        entry.applied += 1;
        if (entry.remaining !== null && --entry.remaining === 0) entries.splice(i, 1);
        return entry.taken;
      }
      return undefined;
    },
    list: () => entries.map(view),
    remove(id) {
      const index = entries.findIndex((entry) => entry.id === id);
      if (index === -1) return false;
      entries.splice(index, 1);
      return true;
    },
    clear() {
      entries.length = 0;
    },
  };
}
