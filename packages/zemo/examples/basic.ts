import { ApiError, bearer, createZemoClient, unwrap, type ZemoClient } from '../src/index.js';
import { validateResponses } from '../src/validate.js';

// Zemo's documentation gives no API host: pass the one Zemo gives you as `baseUrl`
// (or `environment: 'mock'` for the kit's local mock server, http://127.0.0.1:4010/zemo).
export function zemoClient(baseUrl: string, token: string, options: { checkContract?: boolean } = {}): ZemoClient {
  const client = createZemoClient({
    baseUrl,
    auth: bearer(token), // Authorization: Bearer <token>; a function is called before every attempt
    timeoutMs: 10_000, // per attempt (default 30 s); GETs are retried twice on 408/429/502/503/504 and network errors
    logger: (event) => console.info(event.message), // redacted: no token, no CPF
  });
  // While integrating: report every answer that drifts from the contract (a logger warning; ajv is loaded).
  if (options.checkContract) client.use(validateResponses());
  return client;
}

export async function describeOperation(client: ZemoClient, id: string): Promise<string> {
  try {
    // unwrap: the operation, typed (ZemoOperation), or an ApiError for any non-2xx answer.
    const operation = unwrap(await client.GET('/api/operations/{id}', { params: { path: { id } } }));
    const who = operation.assignor.tradeName ?? operation.assignor.name;
    return `${who}: ${operation.titles.length} title(s), ${operation.totalValue} → ${operation.liquidValue} net`;
  } catch (error) {
    // Zemo's errors are { message }: 404 for an unknown id, 401 for bad credentials.
    if (error instanceof ApiError && error.status === 404) return 'no such operation';
    throw error;
  }
}
