/**
 * What a provider file may say. Everything else about a provider comes from its spec: routes, security
 * schemes, documented answers, headers and 401s. A provider file only says what a spec cannot: how the
 * provider words a validation error, which documented status answers a malformed id, how it answers a credential the spec documents no 401 for, which
 * headers it adds to every answer, and how lenient its JSON parser is.
 */
import type { JsonObject } from '../catalog/openapi.js';
import type { AnswerSpec } from '../http/prepared-response.js';
import type { SchemeKind } from '../security/schemes.js';
import type { Violation } from '../validation/violation.js';

export interface OperationInfo {
  readonly slug: string;
  readonly operationId: string;
  readonly method: string;
  /** Path template as in the spec: `/v1/NaturalPerson/{id}`. */
  readonly path: string;
  /** True when the operation declares its own `servers` (answered by another host, e.g. a token URL). */
  readonly ownServers: boolean;
}

export interface MalformedBody {
  readonly mediaType: string;
  /** The JSON parser's message (position included). */
  readonly reason: string;
}

export interface ProviderProfile {
  /** Accept JSON bodies with comments and trailing commas (Newtonsoft.Json's default). */
  readonly lenientJson?: boolean;
  /** Answer to a missing or malformed credential on operations whose spec documents no 401. */
  readonly unauthorized?: Partial<Record<SchemeKind, AnswerSpec>>;
  /**
   * The documented status whose answer a request gets when only its path parameters break the contract
   * (an id its schema rejects), for a provider that documents a "not found" for unknown ids and no
   * validation error: such an id names nothing, so the operation's own documented answer for this status
   * (first example, documented headers) is sent. Operations that do not document the status, and any
   * other violation, still get `validationError`.
   */
  readonly malformedPathParameterStatus?: number;
  /** Answer to a request that breaks the contract; every violation must be named. */
  validationError(violations: readonly Violation[], operation: OperationInfo): AnswerSpec;
  /** Answer to a body that cannot be parsed; by default a validation error with one body violation. */
  malformedBody?(problem: MalformedBody, operation: OperationInfo): AnswerSpec;
  /**
   * Headers added to an answer, as a flat `[name, value, …]` list (rate-limit headers). Called per
   * request on the hot path: return a cached array when nothing changed.
   */
  extraHeaders?(status: number, operation: OperationInfo): readonly string[];
}

/** A provider file's default export: builds the profile from the provider's bundle. */
export type ProfileFactory = (doc: JsonObject) => ProviderProfile;

export function defineProfile(factory: ProfileFactory): ProfileFactory {
  return factory;
}
