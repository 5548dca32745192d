/**
 * The "Testing your integration" page: the mock server's request journal and faults on demand, and a vitest
 * example. Its prose lives in `testing.template.html`; the example is the test file that runs it in the
 * mock's own suite (mocks/test/docs-example/), shown without the lines between its `docs:hide` markers
 * (the repository loads the mock from its source there), so the page cannot show code that does not run.
 */
import { readFileSync } from 'node:fs';
import { escapeHtml } from './index-page.js';
import { assertOffline, CONTENT_SECURITY_POLICY } from './offline.js';
import { MOCK_ORIGIN } from './provider-names.js';

export const TESTING_PAGE = 'testing.html';
export const TESTING_TEMPLATE_PATH = new URL('./testing.template.html', import.meta.url);
export const EXAMPLE_PATH = new URL('../../mocks/test/docs-example/testing-your-integration.test.ts', import.meta.url);

/** The example as a partner writes it: the file without its leading comment and its docs:hide blocks. */
export function exampleSource(source: string = readFileSync(EXAMPLE_PATH, 'utf8')): string {
  const withoutHidden = source.replace(/^[ \t]*\/\/ docs:hide-start\n[\s\S]*?^[ \t]*\/\/ docs:hide-end\n/gm, '');
  return withoutHidden.replace(/^(\/\/[^\n]*\n)+/, '').trimStart();
}

function codeBlock(text: string): string {
  return `  <pre><code>${escapeHtml(text.trimEnd())}</code></pre>`;
}

const JOURNAL_CURL = `curl -s '${MOCK_ORIGIN}/_mock/requests?provider=eccor-fgts&operationId=createNaturalPerson'
curl -s -X DELETE ${MOCK_ORIGIN}/_mock/requests`;

const FAULT_CURL = `# the next GET of a Zemo operation answers 503 with Retry-After
curl -s -X POST ${MOCK_ORIGIN}/_mock/faults -d '{"provider": "zemo", "method": "GET", "path": "/api/operations/{id}",
  "times": 1, "fault": {"status": 503, "headers": {"Retry-After": "1"}}}'
# every ECCOR FGTS call: a 429 until the end of UY3's rate-limit window
curl -s -X POST ${MOCK_ORIGIN}/_mock/faults -d '{"provider": "eccor-fgts",
  "fault": {"status": 429, "headers": {"X-Rate-Limit-Reset": "2026-01-01T12:00:10.0000000Z"}}}'
# a proxy's HTML 502, three seconds late
curl -s -X POST ${MOCK_ORIGIN}/_mock/faults -d '{"provider": "banco-cdc",
  "fault": {"delayMs": 3000, "status": 502, "headers": {"Content-Type": "text/html"}, "body": "<html><body>Bad Gateway</body></html>"}}'
curl -s ${MOCK_ORIGIN}/_mock/faults
curl -s -X DELETE ${MOCK_ORIGIN}/_mock/faults`;

export function renderTestingPage(template = readFileSync(TESTING_TEMPLATE_PATH, 'utf8'), example = exampleSource()): string {
  const values: Record<string, string> = {
    csp: CONTENT_SECURITY_POLICY,
    journalCurl: codeBlock(JOURNAL_CURL),
    faultCurl: codeBlock(FAULT_CURL),
    example: codeBlock(example),
  };
  const html = template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`testing.template.html: unknown placeholder ${whole}`);
    return value;
  });
  assertOffline(html);
  return html;
}
