import {
  ApiError,
  clientCredentials,
  createEccorFgtsClient,
  unwrap,
  type EccorFgtsClient,
  type EccorFgtsEnvironment,
  type Product,
} from '../src/index.js';
import { CREDIT_NOTE_STATUS, formatReais, paginate, PaginationError } from '../src/extras.js';
import { validateResponses } from '../src/validate.js';
import { parseEccorFgtsWebhook, WebhookValidationError } from '../src/webhooks.js';

// 'homologacao', 'producao' or 'mock' (the kit's local mock server), or a `baseUrl`. The token URL is the
// one ECCOR gave you at onboarding ({auth-url}/oauth2/token); tokens differ per environment.
export function eccorClient(
  where: { environment: EccorFgtsEnvironment } | { baseUrl: string },
  credentials: { tokenUrl: string; basicToken: string },
): EccorFgtsClient {
  const client = createEccorFgtsClient({
    ...where,
    // OAuth2 client credentials: one token request, cached until shortly before `expires_in` (3600 s),
    // shared by concurrent calls, renewed after a 401.
    auth: clientCredentials({ ...credentials, scope: 'credit/admin' }),
    logger: console, // redacted events: no token, no Basic token, no CPF
  });
  // In homologação, report every answer that drifts from the contract (a logger warning; loads ajv).
  if ('environment' in where && where.environment === 'homologacao') client.use(validateResponses());
  return client;
}

/** Simulates an FGTS anticipation with the first product ECCOR configured for you. Money is integer cents. */
export async function simulate(client: EccorFgtsClient, cpf: string, requestedAmountInCents: number): Promise<string> {
  try {
    // Every item of every page. The API documents no way to ask for the next page: with more than one,
    // paginate yields the first page and then throws PaginationError, unless you pass { nextPage }.
    const products: Product[] = [];
    for await (const product of paginate(client, '/v1/Product')) products.push(product);
    const [product] = products;
    if (!product) return 'no product configured';

    // A simulation has no side effect, so this POST opts in to retries (nothing extra goes on the wire).
    const simulation = unwrap(
      await client.POST('/v1/Amortization', {
        body: {
          registrationNumber: cpf,
          legalPerson: false,
          productId: product.id,
          amortization: {
            amortizationType: 'fgts',
            requestedAmount: requestedAmountInCents,
            apr: product.minimumInterestRate, // a fraction: 0.0204 is 2,04 % a month
            termInMonths: 10,
            startDate: new Date().toISOString(),
            agentCommission: { amount: 0, type: 'Percentage', baseValue: 'InitialValue' },
          },
        },
        retry: { idempotent: true },
      }),
    );
    return `${product.name}: ${formatReais(simulation.liquidValue)} net of ${formatReais(simulation.initialValue)}, ${simulation.termInMonths} months`;
  } catch (error) {
    if (error instanceof PaginationError) return `more products than one page (${error.totalPages} pages)`;
    // 401/403/400…: the body is ECCOR's error ({ code, message, details }); quote the correlation id to support.
    if (error instanceof ApiError) return `ECCOR answered ${error.status} (${error.correlationId ?? 'no correlation id'})`;
    throw error; // NetworkError, TimeoutError (30 s per attempt by default)…
  }
}

/** Your webhook endpoint: validates the notification, acts on it, and returns the HTTP status to answer. */
export function onWebhook(body: string, onPaymentRevision: (creditNoteId: string) => void): number {
  try {
    // Typed CreditNoteStatusEvent, its structure checked against the contract; a status the document does not
    // show (a rejected or cancelled note) is accepted and reported to the logger, never lost.
    const event = parseEccorFgtsWebhook(body, { logger: console });
    console.info(`credit note ${event.id}: ${event.parameters.oldStatusDisplay} → ${event.parameters.newStatusDisplay}`);
    if (event.parameters.newStatus === CREDIT_NOTE_STATUS.PaymentRevision.code) onPaymentRevision(event.id);
    return 204; // any 2xx acknowledges
  } catch (error) {
    if (error instanceof WebhookValidationError) return 400; // error.issues: [{ path, message }, …]
    throw error;
  }
}
