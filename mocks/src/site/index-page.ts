/**
 * `GET /`: what the mock serves, for a person or a script: each provider with its base URL, operations
 * and a curl that works, its contract (JSON, YAML), how to pick answers with `Prefer`, and the docs and the
 * sandbox when they are there. (Browsers get the same as a page: landing-page.ts.)
 */
import { curlFor, sampleRequest, showcaseOperation } from '../catalog/sample-request.js';
import type { Provider } from '../catalog/provider.js';
import { prepare, type PreparedResponse } from '../http/prepared-response.js';

export function indexPage(origin: string, providers: readonly Provider[], docsAvailable: boolean, sandbox = false): PreparedResponse {
  return prepare({
    status: 200,
    // The same URL is a page for browsers: caches must keep the two apart.
    headers: { Vary: 'Accept' },
    body: {
      name: 'credit-apis mock server',
      description: "Answers every provider of credit-apis from its OpenAPI spec, with the provider's own auth, errors and headers.",
      providers: providers.map((provider) => {
        const baseUrl = `${origin}/${provider.slug}`;
        const showcase = showcaseOperation(provider);
        return {
          slug: provider.slug,
          title: provider.title,
          baseUrl,
          contract: { json: `${baseUrl}/openapi.json`, yaml: `${baseUrl}/openapi.yaml` },
          operations: provider.operations.map((operation) => `${operation.info.method.toUpperCase()} ${operation.info.path}`),
          ...(showcase ? { sampleCurl: curlFor(baseUrl, sampleRequest(provider, showcase)) } : {}),
        };
      }),
      prefer: 'Prefer: code=<status>, example=<exampleName>, dynamic=true (or ?__code=&__example=&__dynamic=)',
      ...(docsAvailable ? { docs: `${origin}/docs/` } : {}),
      ...(sandbox ? { sandbox: `${origin}/_sandbox/` } : {}),
    },
  });
}
