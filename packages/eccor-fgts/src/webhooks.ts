/**
 * `@credit-apis/eccor-fgts/webhooks`: reading the status-change notifications ECCOR posts to your URL.
 *
 * A separate entry point because it validates with ajv against the bundled spec: the base client stays small
 * and never loads ajv (see the README).
 *
 * @packageDocumentation
 */
import { CreditApisError, redact, type LogEvent, type Logger } from '@credit-apis/runtime';
import { createDocumentValidator, createOpenEnumCheck, type DocumentValidator, type OpenEnumCheck } from '@credit-apis/runtime/validate';
import spec from '@credit-apis/specs/eccor-fgts.json' with { type: 'json' };
import type { CreditNoteStatusEvent } from './types.js';

export type { CreditNoteStatusEvent } from './types.js';

/** The payload's JSON Schema in the bundled spec: the one schema every webhook of the document shares. */
const EVENT_SCHEMA = '/components/schemas/CreditNoteStatusEvent';

/** One thing wrong with a notification. */
export interface WebhookIssue {
  /** JSON Pointer into the payload (`/parameters/newStatus`); `''` for the payload itself. */
  path: string;
  /** What is wrong (`must be equal to one of the allowed values`, `must have required property 'id'`). */
  message: string;
}

/** A notification is not JSON, or does not match the contract's `CreditNoteStatusEvent`. */
export class WebhookValidationError extends CreditApisError {
  override name = 'WebhookValidationError';
  /** Every difference found. */
  readonly issues: readonly WebhookIssue[];

  constructor(issues: readonly WebhookIssue[]) {
    super(
      `eccor-fgts: the webhook payload does not match the contract: ${issues.map((issue) => `${issue.path || '(payload)'} ${issue.message}`).join('; ')}`,
    );
    this.issues = issues;
  }
}

/** Options of {@link parseEccorFgtsWebhook}. */
export interface ParseWebhookOptions {
  /**
   * Where a value outside the documented set goes (a status, event code or display string the document does
   * not show): one `validation` event (level `warn`, issues with keyword `x-open-enum`). Default
   * `console.warn`, as `validateResponses` does.
   */
  logger?: Logger;
}

let validator: DocumentValidator | undefined;
let openEnums: OpenEnumCheck | undefined;

/** Reports the undocumented values of an accepted notification (drift the partner should hear of). */
function reportUnknownValues(value: unknown, logger: Logger | undefined): void {
  openEnums ??= createOpenEnumCheck(spec);
  const issues = openEnums.unknownValues(EVENT_SCHEMA, value);
  if (issues.length === 0) return;
  const event: LogEvent = {
    level: 'warn',
    type: 'validation',
    message: `eccor-fgts: a webhook notification has values the contract does not document (accepted): ${issues.map((issue) => issue.instancePath).join(', ')}`,
    provider: 'eccor-fgts',
    method: 'POST',
    path: '(webhook)',
    operation: EVENT_SCHEMA,
    attempt: 1,
    issues,
  };
  if (!logger) console.warn(event.message);
  else if (typeof logger === 'function') logger(event);
  else logger.warn?.(event.message, event);
}

/**
 * Validates an ECCOR FGTS webhook notification against the contract and returns it typed. Give it the
 * request body as received: the raw text or bytes (`string`, `Uint8Array`/`Buffer`), or the value your
 * framework already parsed. All seven webhooks of the document (compliance approval, credit approval,
 * signature collection and validation, liquidation, manual liquidation, payment revision) share this payload;
 * `parameters.oldStatus`/`newStatus` tell them apart (see `CREDIT_NOTE_STATUS`).
 *
 * The document shows no signature or authentication of these calls: check their origin by other means.
 *
 * The structure is strict, the codes are open: a status, event code or display string outside the documented
 * set is accepted (typed as the known union or another value: `CreditNoteStatus | (number & {})`) and
 * reported through `options.logger`, because the document shows only the seven happy-path notifications and
 * a real one of another transition (a rejected or cancelled credit note) must not be lost.
 *
 * @throws WebhookValidationError listing every problem (`issues`: `{ path, message }`), when the body is not
 * JSON or does not match the schema (a missing member, a wrong type, a member the contract does not have).
 *
 * @example
 * app.post('/webhooks/eccor', (req, res) => {
 *   const event = parseEccorFgtsWebhook(req.body, { logger: console });
 *   if (event.parameters.newStatus === CREDIT_NOTE_STATUS.Liquidation.code) startPayout(event.id);
 *   res.sendStatus(204);
 * });
 */
export function parseEccorFgtsWebhook(body: unknown, options: ParseWebhookOptions = {}): CreditNoteStatusEvent {
  let value = body instanceof Uint8Array ? new TextDecoder().decode(body) : body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch (error) {
      // JSON.parse quotes the text in its message: redacted, like every message of the kit.
      throw new WebhookValidationError([{ path: '', message: redact(`is not JSON (${(error as Error).message})`) }]);
    }
  }
  validator ??= createDocumentValidator(spec);
  const issues = validator.check(EVENT_SCHEMA, value);
  if (issues.length > 0) {
    throw new WebhookValidationError(issues.map((issue) => ({ path: issue.instancePath, message: issue.message })));
  }
  try {
    reportUnknownValues(value, options.logger);
  } catch {
    // A broken logger must not lose a valid notification.
  }
  return value as CreditNoteStatusEvent;
}
