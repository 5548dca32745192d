/**
 * What the mock answers about itself (`/_sandbox/…`: webhook URLs, deliveries, stored records) goes through
 * the workspace's one redactor: a webhook URL's `?token=…`, a stored CPF or e-mail never leave the mock in
 * the clear, whoever asks.
 */
import { redactJson } from '@credit-apis/contract-core/redact';
import type { PreparedResponse } from './prepared-response.js';

/** `answer` with its JSON body redacted (other bodies as they are). */
export function redactAnswer(answer: PreparedResponse): PreparedResponse {
  const typeAt = answer.headers.findIndex((value, index) => index % 2 === 0 && value.toLowerCase() === 'content-type');
  const type = typeAt === -1 ? '' : (answer.headers[typeAt + 1] ?? '');
  if (answer.body.length === 0 || !/[/+]json\b/i.test(type)) return answer;
  const body = Buffer.from(JSON.stringify(redactJson(JSON.parse(answer.body.toString('utf8')) as unknown)));
  const headers = [...answer.headers];
  const lengthAt = headers.findIndex((value, index) => index % 2 === 0 && value.toLowerCase() === 'content-length');
  if (lengthAt !== -1) headers[lengthAt + 1] = String(body.length);
  return { status: answer.status, headers, body };
}
