/**
 * One environment per documented host, and one for the local mock: the base URL, the server variables,
 * the base URL of each operation with its own server (a host pairs with the own server of the same rank),
 * each OAuth2 flow's token URL, and the credentials — empty for a real host, well-formed for the mock.
 */
import { isObject, listOperations, type JsonObject } from '@credit-apis/contract-core';
import { CollectionModelError, type Environment, type Folder, type OAuth2Flow, type Variable } from './model.js';
import { securitySchemes, tokenOperation } from './read-security.js';
import { ownServers, readServers, templated, type Server } from './read-servers.js';
import { asciiId, text } from './read-values.js';

/** The mock serves every provider under its slug on this origin (`pnpm start`). */
const MOCK_ORIGIN = 'http://127.0.0.1:4010';

/** Well-formed credentials for the mock, which checks their form only (mocks/README.md). */
const MOCK_SECRETS = { token: 'mock-access-token', username: 'mock-client-id', password: 'mock-client-secret', apiKey: 'mock-api-key' };

/** "Homologação (staging)" → "Homologação"; "Staging (host from provider notes). …" → "Staging". */
function environmentName(server: Server): string {
  const head = server.description.split(/[(.,;:\n]/)[0]?.trim() ?? '';
  return head === '' ? new URL(server.url.replace(/\{[^}]+\}/g, 'x')).host : head;
}

function mockUrl(slug: string): string {
  return `${MOCK_ORIGIN}/${slug}`;
}

function secretVariables(model: { folders: readonly Folder[]; oauth2: readonly OAuth2Flow[] }, isMock: boolean): Variable[] {
  const secrets = new Map<string, string>();
  for (const flow of model.oauth2) {
    secrets.set(flow.clientIdVariable, MOCK_SECRETS.username);
    secrets.set(flow.clientSecretVariable, MOCK_SECRETS.password);
  }
  for (const request of model.folders.flatMap((folder) => folder.requests)) {
    const { auth } = request;
    if (auth.kind === 'bearer' && !auth.oauth2) secrets.set(auth.tokenVariable, MOCK_SECRETS.token);
    if (auth.kind === 'basic') {
      secrets.set(auth.usernameVariable, MOCK_SECRETS.username);
      secrets.set(auth.passwordVariable, MOCK_SECRETS.password);
    }
    if (auth.kind === 'apiKey') secrets.set(auth.variable, MOCK_SECRETS.apiKey);
  }
  return [...secrets.entries()].map(([name, value]) => ({ name, value: isMock ? value : '', secret: true }));
}

function serverVariables(server: Server): Variable[] {
  return Object.entries(server.variables).map(([name, value]) => ({ name, value, secret: false }));
}

export function readEnvironments(doc: JsonObject, slug: string, folders: readonly Folder[], flows: readonly OAuth2Flow[]): Environment[] {
  const mock = mockUrl(slug);
  const hosts = readServers(doc.servers).filter((server) => server.url !== mock);
  const own = listOperations(doc)
    .filter((ref) => ref.kind === 'paths')
    .map((ref) => ownServers(doc, ref))
    .filter((entry) => entry !== undefined);
  const tokenPaths = new Map(flows.map((flow) => [flow, tokenOperation(doc, flow)]));
  const build = (server: Server, index: number, isMock: boolean): Environment => {
    const variables = new Map<string, Variable>();
    const add = (variable: Variable): void => {
      if (!variables.has(variable.name)) variables.set(variable.name, variable);
    };
    add({ name: 'baseUrl', value: templated(server.url), secret: false });
    serverVariables(server).forEach(add);
    for (const { variable, servers } of own) {
      // The mock serves every path under its prefix; a host pairs with the own server of the same rank.
      const provider = servers.filter((candidate) => candidate.url !== mock);
      const chosen = isMock ? undefined : provider.length === hosts.length ? provider[index] : provider[0];
      const url = chosen ? templated(chosen.url) : mock;
      add({ name: variable, value: url, secret: false });
      if (chosen) serverVariables(chosen).forEach(add);
    }
    for (const flow of flows) {
      const tokenRef = tokenPaths.get(flow);
      const tokenServer = tokenRef ? ownServers(doc, tokenRef) : undefined;
      const base = tokenServer ? `{{${tokenServer.variable}}}` : '{{baseUrl}}';
      const scheme = securitySchemes(doc)[flow.scheme];
      const declared =
        scheme && isObject(scheme.flows) && isObject(scheme.flows.clientCredentials) ? text(scheme.flows.clientCredentials.tokenUrl) : '';
      add({ name: flow.tokenUrlVariable, value: tokenRef ? `${base}${tokenRef.key}` : declared, secret: false });
    }
    secretVariables({ folders, oauth2: flows }, isMock).forEach(add);
    const name = isMock ? 'Local mock' : environmentName(server);
    return {
      id: isMock ? 'mock' : asciiId(name) || `host-${index + 1}`,
      name,
      description: isMock ? `The credit-apis mock server (\`pnpm start\`), ${mock}.` : server.description,
      variables: [...variables.values()],
    };
  };
  const environments = hosts.map((server, index) => build(server, index, false));
  environments.push(build({ url: mock, description: '', variables: {} }, hosts.length, true));
  const ids = environments.map((environment) => environment.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new CollectionModelError(`two servers give the environment name "${duplicate}": make their descriptions differ`);
  return environments;
}
