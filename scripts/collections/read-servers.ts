/** The `servers` of a bundle, of a path item or of an operation, as URLs with their variables' defaults. */
import { deref, isObject, type Json, type JsonObject, type OperationRef } from '@credit-apis/contract-core';
import { asciiId, text } from './read-values.js';

export interface Server {
  readonly url: string;
  readonly description: string;
  readonly variables: Readonly<Record<string, string>>;
}

export function readServers(value: Json | undefined): Server[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((server) => ({
    url: text(server.url).replace(/\/+$/, ''),
    description: text(server.description),
    variables: Object.fromEntries(
      Object.entries(isObject(server.variables) ? server.variables : {}).map(([name, variable]) => [
        name,
        isObject(variable) ? text(variable.default) : '',
      ]),
    ),
  }));
}

/** `https://{host}` → `https://{{host}}`: a server variable becomes an environment variable. */
export function templated(url: string): string {
  return url.replace(/\{([^}]+)\}/g, '{{$1}}');
}

/** The variable of an operation whose path item or operation declares its own `servers`. */
export function ownServers(doc: JsonObject, ref: OperationRef): { variable: string; servers: Server[] } | undefined {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const item = deref(doc, paths[ref.key]);
  const servers = readServers(ref.operation.servers ?? (isObject(item) ? item.servers : undefined));
  if (servers.length === 0) return undefined;
  return { variable: `${text(ref.operation.operationId) || asciiId(ref.key)}BaseUrl`, servers };
}
