/**
 * `GET /` in a browser (`Accept: text/html`): the index as a page — each provider with its base URL, its
 * contract (JSON, YAML), and every operation with a curl that works, plus the docs and the sandbox when they
 * are on. Everything else asking for `/` still gets the JSON index (index-page.ts). The page loads nothing:
 * inline styles, no script, an inline `data:` icon (a browser would otherwise ask for /favicon.ico).
 */
import { curlFor, sampleRequest } from '../catalog/sample-request.js';
import type { Provider } from '../catalog/provider.js';
import type { PreparedResponse } from '../http/prepared-response.js';

export interface LandingPageInput {
  readonly origin: string;
  readonly providers: readonly Provider[];
  readonly docs: boolean;
  readonly sandbox: boolean;
}

/** Whether the client prefers HTML: `text/html` listed without `q=0`. */
export function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== 'text/html') return false;
    const q = params.find((param) => param.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const ICON =
  'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Crect width=%2216%22 height=%2216%22 rx=%223%22 fill=%22%231f6feb%22/%3E%3C/svg%3E';
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
/** The header adds what a `<meta>` policy cannot carry (Chromium logs an error for it there). */
const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;

const STYLE = `
  body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
  code, pre { font: 13px/1.4 ui-monospace, monospace; }
  pre { background: #f6f8fa; padding: .6rem .8rem; overflow-x: auto; border-radius: 6px; }
  section { border-top: 1px solid #d0d7de; padding-top: .5rem; margin-top: 1.5rem; }
  .method { display: inline-block; min-width: 3.5rem; font-weight: 600; }
  .muted { color: #59636e; }
  details { margin: .2rem 0; }
`;

function providerSection(origin: string, provider: Provider): string {
  const base = `${origin}/${provider.slug}`;
  const operations = provider.operations.map((operation) => {
    const curl = curlFor(base, sampleRequest(provider, operation));
    return [
      '      <details>',
      `        <summary><span class="method">${escapeHtml(operation.info.method.toUpperCase())}</span> <code>${escapeHtml(operation.info.path)}</code> <span class="muted">${escapeHtml(operation.info.operationId)}</span></summary>`,
      `        <pre><code>${escapeHtml(curl)}</code></pre>`,
      '      </details>',
    ].join('\n');
  });
  return [
    `    <section id="${escapeHtml(provider.slug)}">`,
    `      <h2>${escapeHtml(provider.title)}</h2>`,
    `      <p>Base URL <code>${escapeHtml(base)}</code> · contract <a href="/${escapeHtml(provider.slug)}/openapi.json">openapi.json</a> · <a href="/${escapeHtml(provider.slug)}/openapi.yaml">openapi.yaml</a></p>`,
    ...operations,
    '    </section>',
  ].join('\n');
}

const ICON_SVG = Buffer.from(decodeURIComponent(ICON.slice('data:image/svg+xml,'.length)));

/** `/favicon.ico`, for the pages that declare no icon (the JSON index, the docs): the same icon, no 404. */
export function favicon(): PreparedResponse {
  return {
    status: 200,
    headers: [
      'content-type',
      'image/svg+xml',
      'content-length',
      String(ICON_SVG.length),
      'cache-control',
      'max-age=86400',
      'x-content-type-options',
      'nosniff',
    ],
    body: ICON_SVG,
  };
}

export function landingPage(input: LandingPageInput): PreparedResponse {
  const links = [
    ...(input.docs ? ['<a href="/docs/">Reference docs</a>'] : []),
    ...(input.sandbox ? ['<a href="/_sandbox/">Sandbox console</a>'] : ['Sandbox off (start with <code>--sandbox</code>)']),
    `<a href="/" type="application/json">This index as JSON</a> (<code>curl ${escapeHtml(input.origin)}/</code>)`,
  ];
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta http-equiv="Content-Security-Policy" content="${CSP}" />
  <title>credit-apis mock server</title>
  <link rel="icon" href="${ICON}" />
  <style>${STYLE}</style>
</head>
<body>
  <h1>credit-apis mock server</h1>
  <p>Every provider of credit-apis, answered from its OpenAPI contract with the provider's own auth, errors and headers.
    Pick another documented answer with <code>Prefer: code=&lt;status&gt;, example=&lt;name&gt;</code> (or <code>?__code=&amp;__example=</code>).</p>
  <p>${links.join(' · ')}</p>
${input.providers.map((provider) => providerSection(input.origin, provider)).join('\n')}
</body>
</html>
`;
  const body = Buffer.from(html);
  return {
    status: 200,
    headers: [
      'content-type',
      'text/html; charset=utf-8',
      'content-length',
      String(body.length),
      'content-security-policy',
      CSP_HEADER,
      'x-content-type-options',
      'nosniff',
      'vary',
      'Accept',
    ],
    body,
  };
}
