/**
 * The sandbox's place in the answer chain (pipeline/handlers.ts): in front of the static answer, after the
 * credential check and the request's validation. It answers the operations it keeps state for and leaves
 * every other one to the chain. A request that states a `Prefer` (`code`, `example`, `dynamic`) asks for a
 * documented answer: it gets it, from the static chain, so that documented errors stay one header away.
 * Each answer is computed in one transaction for the request's tenant, and sent after the commit.
 */
import type { AnswerSpec } from '../http/prepared-response.js';
import type { AnswerHandler } from '../pipeline/handlers.js';
import { providerAnswer } from './answers.js';
import type { OperationHandler } from './eccor-fgts/index.js';
import type { TenantScope } from './storage/records.js';
import { tenantOf } from './tenants.js';

/** Operation handlers by provider slug, then by operationId. */
export type HandlerTable = ReadonlyMap<string, ReadonlyMap<string, OperationHandler>>;

/** Runs one request's work in a committed transaction for `tenant`. */
export type RunInTransaction = (tenant: string, work: (scope: TenantScope) => Promise<AnswerSpec>) => Promise<AnswerSpec>;

export function createSandboxHandler(table: HandlerTable, run: RunInTransaction): AnswerHandler {
  return (exchange) => {
    const { preference } = exchange;
    if (preference.code !== undefined || preference.example !== undefined || preference.dynamic === true) return undefined;
    const handler = table.get(exchange.provider.slug)?.get(exchange.operation.info.operationId);
    if (!handler) return undefined;
    return run(tenantOf(exchange.headers), (scope) => handler(exchange, scope)).then((spec) => providerAnswer(exchange.operation, spec));
  };
}
