/**
 * Postman's collection-level `auth` of type oauth2 never fetches a token in newman (it only sends one that
 * the app fetched before), so the collection carries a pre-request script that fetches the
 * client-credentials token the contract describes and caches it until shortly before it expires. It runs
 * before every request and acts only on those whose bearer token is a flow's variable.
 */
import type { OAuth2Flow } from './model.js';

function flowLiteral(flow: OAuth2Flow): string {
  return JSON.stringify({
    tokenVariable: flow.tokenVariable,
    tokenUrl: `{{${flow.tokenUrlVariable}}}`,
    clientId: `{{${flow.clientIdVariable}}}`,
    clientSecret: `{{${flow.clientSecretVariable}}}`,
    scope: flow.scope,
  });
}

export function postmanTokenScript(flows: readonly OAuth2Flow[]): string[] {
  return [
    '// Generated from the contract: fetches the OAuth2 client-credentials token (RFC 6749 §4.4) of the requests',
    '// that need one, and caches it in collection variables until a minute before it expires.',
    `const flows = [${flows.map(flowLiteral).join(', ')}];`,
    "const auth = pm.request.auth && pm.request.auth.type === 'bearer' ? pm.request.auth.parameters().get('token') : undefined;",
    "const flow = flows.find((candidate) => auth === '{{' + candidate.tokenVariable + '}}');",
    'if (flow) fetchToken(flow);',
    'function fetchToken(flow) {',
    '  const url = pm.variables.replaceIn(flow.tokenUrl);',
    '  const clientId = pm.variables.replaceIn(flow.clientId);',
    '  const clientSecret = pm.variables.replaceIn(flow.clientSecret);',
    "  const cacheKey = url + ' ' + clientId + ' ' + flow.scope;",
    "  const expiresAt = Number(pm.collectionVariables.get(flow.tokenVariable + 'ExpiresAt') || 0);",
    "  const fresh = pm.collectionVariables.get(flow.tokenVariable) && pm.collectionVariables.get(flow.tokenVariable + 'For') === cacheKey && expiresAt > Date.now() + 60000;",
    '  if (fresh) return;',
    '  pm.sendRequest({',
    '    url: url,',
    "    method: 'POST',",
    '    header: [',
    "      { key: 'Authorization', value: 'Basic ' + btoa(clientId + ':' + clientSecret) },",
    "      { key: 'Content-Type', value: 'application/x-www-form-urlencoded' },",
    "      { key: 'Accept', value: 'application/json' },",
    '    ],',
    '    body: {',
    "      mode: 'urlencoded',",
    "      urlencoded: [{ key: 'grant_type', value: 'client_credentials' }].concat(flow.scope ? [{ key: 'scope', value: flow.scope }] : []),",
    '    },',
    '  }, function (error, response) {',
    "    if (error) throw new Error('token request to ' + url + ' failed: ' + error);",
    "    if (response.code !== 200) throw new Error('token request to ' + url + ' answered ' + response.code + ': ' + response.text());",
    '    const token = response.json();',
    '    pm.collectionVariables.set(flow.tokenVariable, token.access_token);',
    "    pm.collectionVariables.set(flow.tokenVariable + 'For', cacheKey);",
    "    pm.collectionVariables.set(flow.tokenVariable + 'ExpiresAt', String(Date.now() + Number(token.expires_in || 0) * 1000));",
    '  });',
    '}',
  ];
}
