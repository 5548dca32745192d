/**
 * Credential checks compiled from the spec's security schemes and requirements. The mock checks the form
 * of a credential, never its value: any well-formed bearer token is accepted, so partners can use the
 * token endpoint's token or any other. What "well-formed" means:
 *   http bearer, oauth2, openIdConnect  `Authorization: Bearer <b64token>` (RFC 6750 token68 syntax)
 *   http basic                          `Authorization: Basic <base64 of id:secret>` with a non-empty id
 *   apiKey                              a non-empty header, query parameter or cookie of the given name
 * A requirement object passes when all of its schemes pass; the operation passes when one requirement does
 * (`{}` allows anonymous calls).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { isObject, type Json, type JsonObject } from '../catalog/openapi.js';

/** Key of the kind of credential, used by provider files to pick their 401 answer. */
export type SchemeKind = 'http:bearer' | 'http:basic' | 'oauth2' | 'openIdConnect' | 'apiKey' | 'other';

export interface SchemeCheck {
  readonly name: string;
  readonly kind: SchemeKind;
  /** `WWW-Authenticate` challenge for this scheme (`Bearer`, `Basic`). */
  readonly challenge: string | undefined;
  passes(headers: IncomingHttpHeaders, query: URLSearchParams | undefined): boolean;
}

export interface SecurityCheck {
  /** `undefined` when the request passes, else the scheme that failed (of the first requirement). */
  failure(headers: IncomingHttpHeaders, query: URLSearchParams | undefined): SchemeCheck | undefined;
  readonly schemes: readonly SchemeCheck[];
  readonly anonymous: boolean;
}

const BEARER = /^Bearer +[A-Za-z0-9\-._~+/]+=*$/i;
const BASIC = /^Basic +([A-Za-z0-9+/]+={0,2})$/i;

function bearerPasses(headers: IncomingHttpHeaders): boolean {
  const authorization = headers.authorization;
  return authorization !== undefined && BEARER.test(authorization);
}

function basicPasses(headers: IncomingHttpHeaders): boolean {
  const match = BASIC.exec(headers.authorization ?? '');
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  return decoded.indexOf(':') > 0;
}

function cookieValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const pair of (headers.cookie ?? '').split(';')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function compileScheme(name: string, scheme: JsonObject): SchemeCheck {
  const type = String(scheme.type);
  if (type === 'http' && String(scheme.scheme).toLowerCase() === 'basic') {
    return { name, kind: 'http:basic', challenge: 'Basic', passes: basicPasses };
  }
  if (type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') {
    return { name, kind: 'http:bearer', challenge: 'Bearer', passes: bearerPasses };
  }
  if (type === 'oauth2' || type === 'openIdConnect') {
    return { name, kind: type, challenge: 'Bearer', passes: bearerPasses };
  }
  if (type === 'apiKey') {
    const keyName = String(scheme.name);
    const where = String(scheme.in);
    const lower = keyName.toLowerCase();
    return {
      name,
      kind: 'apiKey',
      challenge: undefined,
      passes: (headers, query) => {
        const value = where === 'header' ? headers[lower] : where === 'query' ? query?.get(keyName) : cookieValue(headers, keyName);
        return typeof value === 'string' && value.length > 0;
      },
    };
  }
  // A scheme the mock cannot check (mutualTLS, digest…) is not enforced; the README says so.
  return { name, kind: 'other', challenge: undefined, passes: () => true };
}

export function compileSecurity(requirements: Json | undefined, schemes: ReadonlyMap<string, SchemeCheck>): SecurityCheck {
  const alternatives: SchemeCheck[][] = (Array.isArray(requirements) ? requirements : []).filter(isObject).map((requirement) =>
    Object.keys(requirement).map((name) => {
      const check = schemes.get(name);
      if (!check) throw new Error(`security requirement names an undeclared scheme "${name}"`);
      return check;
    }),
  );
  const anonymous = alternatives.length === 0 || alternatives.some((all) => all.length === 0);
  return {
    anonymous,
    schemes: [...new Set(alternatives.flat())],
    failure(headers, query) {
      if (anonymous) return undefined;
      let firstFailure: SchemeCheck | undefined;
      for (const all of alternatives) {
        const failed = all.find((check) => !check.passes(headers, query));
        if (!failed) return undefined;
        firstFailure ??= failed;
      }
      return firstFailure;
    },
  };
}
