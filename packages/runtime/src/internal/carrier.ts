/**
 * Data the runtime hangs on `Request` and `Response` objects as it passes them between openapi-fetch, its
 * middleware and its fetch. Keys come from the global symbol registry, so that the ESM and CJS builds (and
 * the `/validate` entry) agree on them.
 * @internal
 */
import type { Logger } from '../logger.js';
import type { Redactor } from '@credit-apis/contract-core/redact';
import type { JsonParse } from './text.js';

/** On a Request: the operation's path template, set by the runtime's middleware. */
export const OPERATION = Symbol.for('@credit-apis/runtime.operation');
/** On a Request: the client's context, for other middleware of the runtime (`/validate`). */
export const CONTEXT = Symbol.for('@credit-apis/runtime.context');
/** On a Response: its body, already read by the runtime's fetch. */
export const BODY = Symbol.for('@credit-apis/runtime.body');
/** On a Response: where it came from, for `unwrap`. */
export const META = Symbol.for('@credit-apis/runtime.meta');

/** The client's context as seen by other middleware. */
export interface ClientContext {
  provider: string;
  logger: Logger | undefined;
  redactor: Redactor;
}

/** What `unwrap` needs to know about a response. */
export interface ResponseMeta {
  provider: string;
  method: string;
  /** Path template, e.g. `/operation/{operation_code}`. */
  operation: string;
  /** Redacted path and query. */
  path: string;
  correlationId: string | undefined;
  redactor: Redactor;
}

/** A body read once, and its JSON parse (computed on first use; handed to the first `json()` reader). */
export interface BufferedBody {
  text: string;
  parsed?: JsonParse | undefined;
}

type Carrier = Record<symbol, unknown>;

/** Hangs `value` on `target` under `key`, non-enumerable. */
export function attach(target: object, key: symbol, value: unknown): void {
  Object.defineProperty(target, key, { value, configurable: true, enumerable: false, writable: true });
}

/** Reads what {@link attach} hung on `target`. */
export function read<T>(target: object, key: symbol): T | undefined {
  return (target as Carrier)[key] as T | undefined;
}
