/**
 * How the sandbox's answers become bytes: provider answers (built by the provider modules as `AnswerSpec`)
 * get the status's documented headers like the static ones do; the control routes answer plain JSON, and
 * their errors are RFC 9457 problems like every answer of the mock's own.
 */
import type { Operation } from '../catalog/provider.js';
import { prepare, type AnswerSpec, type PreparedResponse } from '../http/prepared-response.js';
import { problem } from '../http/mock-errors.js';

export { problem };

export function providerAnswer(operation: Operation, spec: AnswerSpec): PreparedResponse {
  const documented = operation.responses.forCode(spec.status)?.answers.headers ?? {};
  return prepare({ ...spec, headers: { ...documented, ...spec.headers } });
}

export function json(status: number, body: unknown): PreparedResponse {
  return prepare({ status, body });
}
