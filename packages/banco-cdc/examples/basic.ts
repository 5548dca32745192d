import {
  ApiError,
  bearer,
  createBancoCdcClient,
  unwrap,
  type ApiErrorFor,
  type BancoCdcClient,
  type BancoCdcEnvironment,
  type OperationDetails,
  type operations,
} from '../src/index.js';
import { validateResponses } from '../src/validate.js';

// 'staging' (the documented host) or 'mock' (the kit's local mock server); for production, pass `baseUrl`.
export function bancoCdcClient(
  where: { environment: BancoCdcEnvironment } | { baseUrl: string },
  getToken: () => Promise<string>,
  options: { checkContract?: boolean } = {},
): BancoCdcClient {
  const client = createBancoCdcClient({
    ...where,
    // The token comes from Banco CDC's partner-auth route (valid 60 minutes): the function is called before
    // every attempt, so a token your application renews is picked up.
    auth: bearer(getToken),
    retry: { maxRetries: 3 }, // the GET is retried on 408/429/502/503/504 and network errors (default 2 retries)
    logger: console, // redacted events: no token, no CPF
  });
  // While integrating: report every answer that drifts from the contract (a logger warning; ajv is loaded).
  if (options.checkContract) client.use(validateResponses());
  return client;
}

export async function operationStatus(client: BancoCdcClient, operationCode: string): Promise<string> {
  try {
    // The operation arrives in the envelope's `data`: { request_code, return, return_code, message, data }.
    const { data }: { data: OperationDetails } = unwrap(
      await client.GET('/operation/{operation_code}', { params: { path: { operation_code: operationCode } } }),
    );
    return `${data.client_name}: ${data.status_code} ${data.status_description}, ${data.installments.length} installment(s)`;
  } catch (caught) {
    if (!(caught instanceof ApiError)) throw caught; // NetworkError, TimeoutError…
    const error = caught as ApiErrorFor<operations['getOperation']>; // typed per documented status
    // correlationId is the envelope's request_code: quote it to Banco CDC's support.
    if (error.status === 400 && error.body?.return_code === '400-09') return `not found (${error.correlationId})`;
    return `failed: ${error.status} ${error.body?.return_code ?? ''} ${error.body?.message ?? ''}`.trim();
  }
}
