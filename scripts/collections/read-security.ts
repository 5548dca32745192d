/**
 * The credential each operation sends (its first security requirement), and the OAuth2 client-credentials
 * flows, tied to the token operation of the contract when the flow's token URL points at one.
 */
import { deref, isObject, listOperations, type JsonObject, type OperationRef } from '@credit-apis/contract-core';
import { CollectionModelError, type Auth, type OAuth2Flow } from './model.js';
import { text } from './read-values.js';

interface SchemeInfo {
  readonly name: string;
  readonly scheme: JsonObject;
}

export function securitySchemes(doc: JsonObject): Record<string, JsonObject> {
  const found = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  return Object.fromEntries(
    Object.entries(found)
      .map(([name, raw]) => [name, deref(doc, raw)])
      .filter((entry): entry is [string, JsonObject] => isObject(entry[1])),
  );
}

/** The scheme of an operation's first security requirement (what a client sends first). */
function firstScheme(doc: JsonObject, operation: JsonObject): { scheme: SchemeInfo; scopes: string[] } | undefined {
  const requirements = Array.isArray(operation.security) ? operation.security : Array.isArray(doc.security) ? doc.security : [];
  const first = requirements.find(isObject);
  if (!first) return undefined;
  const [name, scopes] = Object.entries(first)[0] ?? [];
  if (name === undefined) return undefined;
  const scheme = securitySchemes(doc)[name];
  if (!scheme) throw new CollectionModelError(`security requirement names ${name}, which components.securitySchemes does not define`);
  return { scheme: { name, scheme }, scopes: Array.isArray(scopes) ? scopes.map(String) : [] };
}

export function readOAuth2Flows(doc: JsonObject): OAuth2Flow[] {
  const requiredScopes = new Map<string, Set<string>>();
  for (const { kind, operation } of listOperations(doc)) {
    if (kind !== 'paths') continue;
    const found = firstScheme(doc, operation);
    if (!found) continue;
    const scopes = requiredScopes.get(found.scheme.name) ?? new Set<string>();
    found.scopes.forEach((scope) => scopes.add(scope));
    requiredScopes.set(found.scheme.name, scopes);
  }
  return Object.entries(securitySchemes(doc)).flatMap(([name, scheme]) => {
    const flow = scheme.type === 'oauth2' && isObject(scheme.flows) ? scheme.flows.clientCredentials : undefined;
    if (!isObject(flow)) return [];
    return [
      {
        scheme: name,
        tokenVariable: `${name}AccessToken`,
        tokenUrlVariable: `${name}TokenUrl`,
        clientIdVariable: `${name}ClientId`,
        clientSecretVariable: `${name}ClientSecret`,
        scope: [...(requiredScopes.get(name) ?? [])].join(' '),
        description: text(scheme.description),
      },
    ];
  });
}

/** The operation of the contract that a flow's token URL points at, if the contract models it. */
export function tokenOperation(doc: JsonObject, flow: OAuth2Flow): OperationRef | undefined {
  const scheme = securitySchemes(doc)[flow.scheme];
  const flows = scheme && isObject(scheme.flows) ? scheme.flows : undefined;
  const tokenUrl = flows && isObject(flows.clientCredentials) ? text(flows.clientCredentials.tokenUrl) : '';
  const path = tokenUrl === '' ? '' : new URL(tokenUrl, 'https://relative.invalid').pathname;
  return listOperations(doc).find((entry) => entry.kind === 'paths' && entry.key === path && entry.method === 'post');
}

export function readAuth(doc: JsonObject, ref: OperationRef, flows: readonly OAuth2Flow[]): Auth {
  const found = firstScheme(doc, ref.operation);
  if (!found) return { kind: 'none' };
  const { name, scheme } = found.scheme;
  const type = text(scheme.type);
  const httpScheme = text(scheme.scheme).toLowerCase();
  if (type === 'oauth2' || type === 'openIdConnect') {
    const flow = flows.find((candidate) => candidate.scheme === name);
    return flow
      ? { kind: 'bearer', tokenVariable: flow.tokenVariable, oauth2: flow }
      : { kind: 'bearer', tokenVariable: `${name}AccessToken` };
  }
  if (type === 'http' && httpScheme === 'bearer') return { kind: 'bearer', tokenVariable: `${name}Token` };
  if (type === 'http' && httpScheme === 'basic') {
    // The token endpoint of a client-credentials flow authenticates the client: the flow's id and secret.
    const flow = flows.find((candidate) => tokenOperation(doc, candidate)?.operation === ref.operation);
    return flow
      ? { kind: 'basic', usernameVariable: flow.clientIdVariable, passwordVariable: flow.clientSecretVariable }
      : { kind: 'basic', usernameVariable: `${name}Username`, passwordVariable: `${name}Password` };
  }
  if (type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query'))
    return { kind: 'apiKey', in: scheme.in, name: text(scheme.name), variable: `${name}Key` };
  throw new CollectionModelError(`security scheme ${name} (${type} ${httpScheme}) has no collection equivalent`);
}
