/**
 * The runtime's own openapi-fetch middleware, registered first on every client:
 * - `onRequest` tells the fetch pipeline (and `/validate`) which operation a request is for;
 * - `onResponse` (which runs last, after any middleware the caller added) records what `unwrap` needs and
 *   turns a body that is neither empty nor JSON into a `ResponseParseError`.
 *
 * Why here: openapi-fetch, given such a body, throws a bare `SyntaxError` for a 2xx and returns the raw
 * text (an HTML page) as `error` otherwise. Our providers always answer JSON or nothing, so both mean the
 * answer is broken. The check applies when the call parses JSON (the default `parseAs`), and not to HEAD,
 * 204, 205 or 304 answers, which have no body.
 * @internal
 */
import type { Middleware } from 'openapi-fetch';
import { extractCorrelationId } from './correlation.js';
import { ResponseParseError } from './errors.js';
import { readBody } from './internal/body.js';
import { attach, CONTEXT, META, OPERATION, type ClientContext, type ResponseMeta } from './internal/carrier.js';
import { snippet } from './internal/text.js';
import type { ProviderProfile } from './profile.js';
import { redactUrlPath } from '@credit-apis/contract-core/redact';

const NO_BODY_STATUSES = new Set([204, 205, 304]);

export function responseCheckMiddleware(profile: ProviderProfile, context: ClientContext): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      attach(request, OPERATION, schemaPath);
      attach(request, CONTEXT, context);
      return undefined;
    },
    async onResponse({ request, response, schemaPath, options }) {
      const { text, parsed } = await readBody(response);
      const method = request.method.toUpperCase();
      const meta: ResponseMeta = {
        provider: profile.name,
        method,
        operation: schemaPath,
        // Computed when read (redaction costs a URL parse and several regular expressions per response).
        get path() {
          return redactUrlPath(request.url, context.redactor);
        },
        correlationId: extractCorrelationId(profile, response.headers, parsed),
        redactor: context.redactor,
      };
      attach(response, META, meta);
      if (parsed.kind === 'invalid' && options.parseAs === 'json' && method !== 'HEAD' && !NO_BODY_STATUSES.has(response.status)) {
        throw new ResponseParseError({
          provider: profile.name,
          method,
          path: schemaPath,
          status: response.status,
          contentType: response.headers.get('content-type') ?? undefined,
          bodySnippet: context.redactor.redact(snippet(text)),
          correlationId: meta.correlationId,
          cause: parsed.error,
        });
      }
      return undefined;
    },
  };
}
