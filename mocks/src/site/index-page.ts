/**
 * `GET /`: what the mock serves, for a person or a script: each provider with its base URL, operations
 * and a curl that works, how to pick answers with `Prefer`, the docs when they are built, and the sandbox
 * console with `--sandbox`.
 */
import { curlFor, sampleRequest, showcaseOperation } from '../catalog/sample-request.js';
import type { Provider } from '../catalog/provider.js';
import { prepare, type PreparedResponse } from '../http/prepared-response.js';

export function indexPage(origin: string, providers: readonly Provider[], docsAvailable: boolean, sandboxConsole = false): PreparedResponse {
  return prepare({
    status: 200,
    body: {
      name: 'credit-apis mock server',
      description: 'Answers every provider of credit-apis from its OpenAPI spec, with the provider\'s own auth, errors and headers.',
      providers: providers.map((provider) => {
        const baseUrl = `${origin}/${provider.slug}`;
        const showcase = showcaseOperation(provider);
        return {
          slug: provider.slug,
          title: provider.title,
          baseUrl,
          operations: provider.operations.map((operation) => `${operation.info.method.toUpperCase()} ${operation.info.path}`),
          ...(showcase ? { sampleCurl: curlFor(baseUrl, sampleRequest(provider, showcase)) } : {}),
        };
      }),
      prefer: 'Prefer: code=<status>, example=<exampleName>, dynamic=true (or ?__code=&__example=&__dynamic=)',
      ...(docsAvailable ? { docs: `${origin}/docs/` } : {}),
      // With --sandbox: the console page (open it in a browser; JSON clients of /_sandbox/ get the JSON routes).
      ...(sandboxConsole ? { sandboxConsole: `${origin}/_sandbox/` } : {}),
    },
  });
}
