/**
 * Two overview sections appended to each page's introduction, derived from the contract: the
 * authentication schemes and the error responses. Redoc shows both per operation only (a "Security" box
 * and each response), so a partner would have to open every operation to learn how to authenticate and
 * which error shapes to handle; these sections answer it on the page's first screen and in its sidebar.
 */
import { deref, isObject, listOperations, type Json, type JsonObject } from '@credit-apis/contract-core';

export const AUTH_HEADING = 'Authentication schemes';
export const ERRORS_HEADING = 'Error responses';

function oneLine(text: Json | undefined): string {
  return typeof text === 'string' ? text.trim().replace(/\s*\n\s*/g, ' ') : '';
}

function refName(value: Json | undefined): string | undefined {
  return isObject(value) && typeof value.$ref === 'string' ? value.$ref.split('/').pop() : undefined;
}

const FLOW_NAMES: Record<string, string> = {
  clientCredentials: 'client credentials',
  authorizationCode: 'authorization code',
  implicit: 'implicit',
  password: 'password',
};

function schemeKind(scheme: JsonObject): string {
  if (scheme.type === 'http') return `HTTP ${String(scheme.scheme)}`;
  if (scheme.type === 'apiKey') return `API key in ${String(scheme.in)} \`${String(scheme.name)}\``;
  if (scheme.type === 'oauth2' && isObject(scheme.flows)) {
    return Object.entries(scheme.flows)
      .map(([flow, details]) => {
        const tokenUrl = isObject(details) && typeof details.tokenUrl === 'string' ? `, token URL \`${details.tokenUrl}\`` : '';
        const scopes = isObject(details) && isObject(details.scopes) ? Object.keys(details.scopes) : [];
        return `OAuth2 ${FLOW_NAMES[flow] ?? flow}${tokenUrl}${scopes.length > 0 ? `, scopes ${scopes.map((scope) => `\`${scope}\``).join(', ')}` : ''}`;
      })
      .join('; ');
  }
  return String(scheme.type);
}

export function authenticationMarkdown(doc: JsonObject): string {
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const operations = listOperations(doc).filter((op) => op.kind === 'paths');
  const lines = Object.entries(schemes).map(([name, raw]) => {
    const scheme = deref(doc, raw);
    if (!isObject(scheme)) return '';
    const users = operations.filter((op) => {
      const requirements = 'security' in op.operation ? op.operation.security : doc.security;
      return Array.isArray(requirements) && requirements.some((requirement) => isObject(requirement) && name in requirement);
    }).length;
    return `- **${name}** — ${schemeKind(scheme)}; used by ${users} of ${operations.length} operations. ${oneLine(scheme.description)}`;
  });
  return [`## ${AUTH_HEADING}`, '', ...lines.filter(Boolean)].join('\n');
}

/** Every error status (4xx, 5xx, default) any operation documents, with its body shapes and how many operations use it. */
export function errorsMarkdown(doc: JsonObject): string {
  const byStatus = new Map<string, { shapes: Set<string>; operations: number }>();
  for (const op of listOperations(doc)) {
    if (op.kind !== 'paths' || !isObject(op.operation.responses)) continue;
    for (const [status, raw] of Object.entries(op.operation.responses)) {
      if (/^[123]/.test(status)) continue;
      const response = deref(doc, raw);
      const entry = byStatus.get(status) ?? { shapes: new Set<string>(), operations: 0 };
      entry.operations += 1;
      const content = isObject(response) && isObject(response.content) ? Object.entries(response.content) : [];
      if (content.length === 0) entry.shapes.add(`no body${refName(raw) ? ` (${refName(raw)})` : ''}`);
      for (const [mediaType, media] of content) {
        const schema = isObject(media) ? (refName(media.schema) ?? 'inline schema') : 'no schema';
        entry.shapes.add(`\`${schema}\` (${mediaType})`);
      }
      byStatus.set(status, entry);
    }
  }
  const rows = [...byStatus.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, { shapes, operations }]) => `| ${status} | ${[...shapes].join(', ')} | ${operations} |`);
  if (rows.length === 0) return '';
  return [
    `## ${ERRORS_HEADING}`,
    '',
    "The error statuses this API documents and the body each carries; every operation's own responses (with examples) are under it.",
    '',
    '| Status | Body | Operations |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}
