/**
 * The token endpoint in the sandbox: one token per client, so that each client has its own records
 * (../tenants.ts). The answer is the documented one (`requestToken`'s example: `expires_in`, `token_type`)
 * with a token shaped like the example's — a JWT whose claims are the example's, with this client's
 * `client_id` and `sub`, now's `iat`/`auth_time`, `exp` = now + `expires_in`, a fresh `jti` — and a random
 * signature (the mock checks no signature).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isObject } from '../../catalog/openapi.js';
import type { AnswerSpec } from '../../http/prepared-response.js';
import type { Clock } from '../clock.js';
import { copy, type SpecData } from '../spec-data.js';
import { basicClientId } from '../tenants.js';

const segment = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function decodeSegment(text: string | undefined): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(text ?? '', 'base64url').toString('utf8')) as unknown;
    return isObject(value as never) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function createTokenIssuer(spec: SpecData, clock: Clock): (headers: IncomingHttpHeaders) => AnswerSpec {
  const example = spec.responseExample('requestToken', '200');
  if (!isObject(example) || typeof example.access_token !== 'string')
    throw new Error(`generated/${spec.slug}: the requestToken example must have an access_token`);
  const [header, claims] = example.access_token.split('.');
  const templateHeader = decodeSegment(header);
  const templateClaims = decodeSegment(claims);
  const lifetime = typeof example.expires_in === 'number' ? example.expires_in : 3600;

  return (headers) => {
    // The request's validation has checked the Basic credentials' form.
    const clientId = basicClientId(headers.authorization) ?? 'unknown-client';
    const now = Math.floor(clock() / 1000);
    const payload = {
      ...templateClaims,
      sub: clientId,
      auth_time: now,
      exp: now + lifetime,
      iat: now,
      jti: randomUUID(),
      client_id: clientId,
    };
    const body = copy(example);
    body.access_token = `${segment(templateHeader)}.${segment(payload)}.${randomBytes(256).toString('base64url')}`;
    return { status: 200, body };
  };
}
