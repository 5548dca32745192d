/**
 * The sandbox's place in the answer chain (pipeline/handlers.ts): in front of the static answer, after the
 * credential check and the request's validation. It answers the operations it keeps state for and leaves
 * every other one to the chain. A request that states a `Prefer` (`code`, `example`, `dynamic`) asks for a
 * documented answer: it gets it, from the static chain, so that documented errors stay one header away.
 */
import type { AnswerHandler } from '../pipeline/handlers.js';
import { providerAnswer } from './answers.js';
import type { OperationHandler } from './eccor-fgts/index.js';

/** Operation handlers by provider slug, then by operationId. */
export type HandlerTable = ReadonlyMap<string, ReadonlyMap<string, OperationHandler>>;

export function createSandboxHandler(table: HandlerTable): AnswerHandler {
  return (exchange) => {
    const { preference } = exchange;
    if (preference.code !== undefined || preference.example !== undefined || preference.dynamic === true) return undefined;
    const handler = table.get(exchange.provider.slug)?.get(exchange.operation.info.operationId);
    return handler ? providerAnswer(exchange.operation, handler(exchange)) : undefined;
  };
}
