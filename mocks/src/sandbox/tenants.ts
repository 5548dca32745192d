/**
 * Tenants: a shared sandbox is used by many partners, so each credential has its own space. The tenant of a
 * request is read from its credential, the same way for every provider:
 *
 *   - a bearer token that is a JWT with a `client_id` claim (the ECCOR FGTS token endpoint issues one per
 *     client, like Cognito does: eccor-fgts/token.ts) → `client:<client_id>`;
 *   - any other bearer token (INSS, the bearer-only providers) → `token:<first 16 hex of its SHA-256>`: the
 *     token names the tenant, and is never stored;
 *   - Basic credentials (the token endpoint itself) → `client:<client id>`.
 *
 * The sandbox checks no signature (no credential of the mock is ever checked for its value): tenants keep
 * honest partners' records apart, they are not a security boundary.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const ANONYMOUS = 'anonymous';

function jwtClientId(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8')) as unknown;
    const clientId = typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>).client_id : undefined;
    return typeof clientId === 'string' && clientId !== '' ? clientId : undefined;
  } catch {
    return undefined;
  }
}

/** The client id of Basic credentials (`base64(id:secret)`), when well formed. */
export function basicClientId(authorization: string | undefined): string | undefined {
  const match = /^Basic +([A-Za-z0-9+/]+=*)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? decoded.slice(0, colon) : undefined;
}

/** The tenant of a credential, or `undefined` when the request carries none. */
export function credentialTenant(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  const bearer = /^Bearer +(\S+)$/i.exec(authorization ?? '')?.[1];
  if (bearer) {
    const clientId = jwtClientId(bearer);
    return clientId ? `client:${clientId}` : `token:${createHash('sha256').update(bearer).digest('hex').slice(0, 16)}`;
  }
  const clientId = basicClientId(authorization);
  return clientId ? `client:${clientId}` : undefined;
}

/** The tenant a provider request acts for (one without a credential has a space of its own). */
export function tenantOf(headers: IncomingHttpHeaders): string {
  return credentialTenant(headers) ?? ANONYMOUS;
}
