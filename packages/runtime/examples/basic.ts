import {
  ApiError,
  clientCredentials,
  createProviderClient,
  TimeoutError,
  unwrap,
  type ClientOptions,
  type EnvironmentOf,
  type ProviderProfile,
} from '../src/index.js';
import type { paths } from './schema.js';

// ── In a provider package: the provider as data, and a one-line factory ──────────────────────────────
export const eccorFgtsProfile = {
  name: 'eccor-fgts',
  environments: {
    homologacao: 'https://web-credit-api.azurewebsites.net',
    producao: 'https://api.uy3.com.br',
    mock: 'http://127.0.0.1:4010/eccor-fgts',
  },
  rateLimitResetHeader: 'X-Rate-Limit-Reset',
} as const satisfies ProviderProfile;

export type EccorFgtsEnvironment = EnvironmentOf<typeof eccorFgtsProfile>;

export function createEccorFgtsClient(options: ClientOptions<EccorFgtsEnvironment>) {
  return createProviderClient<paths, EccorFgtsEnvironment>(eccorFgtsProfile, options);
}

// ── In an application ─────────────────────────────────────────────────────────────────────────────────
export function clientFor(environment: EccorFgtsEnvironment, credentials: { tokenUrl: string; basicToken: string }) {
  return createEccorFgtsClient({
    environment, // 'homologacao' | 'producao' | 'mock': anything else does not compile
    auth: clientCredentials({ ...credentials, scope: 'credit/admin' }), // token cached, renewed, shared
    timeoutMs: 10_000, // per attempt (default 30 s)
    logger: (event) => console.info(event.message), // redacted: no token, no secret, no CPF
  });
}

export async function simulate(client: ReturnType<typeof createEccorFgtsClient>, registrationNumber: string) {
  // unwrap: the data, or an ApiError (status, parsed body, correlation id, method, path).
  const { items } = unwrap(await client.GET('/products'));
  const product = items[0];
  if (!product) return undefined;

  // A simulation has no side effect, so this POST opts in to retries. Nothing extra goes on the wire.
  const { data, error, response } = await client.POST('/simulations', {
    body: { productId: product.id, registrationNumber, amount: 1_000 },
    retry: { idempotent: true },
  });
  if (data) return data; // typed: { id, installments, totalAmount }
  if (response.status === 400 && error) throw new Error(error.errors.map((e) => e.message).join('; '));
  return unwrap({ data, error, response }); // any other status: throws ApiError
}

export async function main(client: ReturnType<typeof createEccorFgtsClient>): Promise<string> {
  try {
    const simulation = await simulate(client, '123.456.789-09');
    return simulation ? `${simulation.installments} installments, total ${simulation.totalAmount}` : 'no product';
  } catch (error) {
    if (error instanceof ApiError) return `provider answered ${error.status} (${error.correlationId ?? 'no id'})`;
    if (error instanceof TimeoutError) return `gave up after ${error.timeoutMs} ms`;
    throw error;
  }
}
