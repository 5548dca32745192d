/**
 * The kit's index page: what each provider is for, how to install a package and start the mock server,
 * and the ECCOR FGTS flow in order, linking into the four Redoc pages. Redocly's open-source CLI builds one
 * API per page, so this page is ours; its prose lives in `index.template.html`, and everything about a
 * provider (purpose, operations, order of the flow) comes from the contracts so it cannot fall behind them.
 */
import { readFileSync } from 'node:fs';
import { isObject, listOperations, type JsonObject, type OperationRef } from '@credit-apis/contract-core';
import { codeSamplesFor, TYPESCRIPT } from './code-samples.js';
import { apiSummary, contractFiles } from './docs-bundle.js';
import { CONTENT_SECURITY_POLICY } from './offline.js';
import { MOCK_ORIGIN, providerNames } from './provider-names.js';
import { operationAnchor } from './redoc-anchors.js';

export const TEMPLATE_PATH = new URL('./index.template.html', import.meta.url);

/** The provider whose whole flow the index walks through. */
export const FLOW_PROVIDER = 'eccor-fgts';

export interface IndexProvider {
  slug: string;
  /** File name of its reference page, relative to the index. */
  file: string;
  /** The docs copy of its bundle. */
  doc: JsonObject;
}

export interface IndexInput {
  providers: IndexProvider[];
  /** The shell command that starts the mock server from the repository root. */
  mockCommand: string;
  redoclyVersion: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function codeBlock(text: string, indent = '  '): string {
  return `${indent}<pre><code>${escapeHtml(text.trimEnd())}</code></pre>`;
}

function providerCard({ slug, file, doc }: IndexProvider): string {
  const { title, summary } = apiSummary(doc);
  const operations = listOperations(doc);
  const paths = operations.filter((op) => op.kind === 'paths').length;
  const webhooks = operations.filter((op) => op.kind === 'webhooks').length;
  const counts = [
    `${paths} operation${paths === 1 ? '' : 's'}`,
    ...(webhooks > 0 ? [`${webhooks} webhook${webhooks === 1 ? '' : 's'}`] : []),
  ].join(', ');
  const { packageName } = providerNames(slug);
  return [
    `    <section class="provider" id="provider-${escapeHtml(slug)}">`,
    `      <h3><a href="${escapeHtml(file)}">${escapeHtml(title)}</a></h3>`,
    `      <p>${escapeHtml(summary)}</p>`,
    `      <p class="meta"><code>${escapeHtml(packageName)}</code> · ${escapeHtml(counts)} · mock <code>${escapeHtml(`${MOCK_ORIGIN}/${slug}`)}</code></p>`,
    `      <p class="meta">Download the contract: <a href="${escapeHtml(contractFiles(slug).json)}" download>OpenAPI JSON</a> · <a href="${escapeHtml(contractFiles(slug).yaml)}" download>OpenAPI YAML</a></p>`,
    `      <a class="open" href="${escapeHtml(file)}">Open the ${escapeHtml(title)} reference →</a>`,
    '    </section>',
  ].join('\n');
}

function operationLine(file: string, op: OperationRef): string {
  const summary = typeof op.operation.summary === 'string' ? op.operation.summary : '';
  const what = op.kind === 'webhooks' ? `webhook ${op.key}` : `${op.method.toUpperCase()} ${op.key}`;
  const href = `${file}${operationAnchor(op)}`;
  const method = op.kind === 'webhooks' ? 'HOOK' : op.method.toUpperCase();
  return `        <li><span class="method">${escapeHtml(method)}</span> <a href="${escapeHtml(href)}" data-operation="${escapeHtml(what)}">${escapeHtml(summary || what)}</a> <span class="muted"><code>${escapeHtml(op.key)}</code></span></li>`;
}

/** The flow as the contract declares it: tags in document order, each with its operations and webhooks. */
function flowSection(provider: IndexProvider | undefined): string {
  if (!provider) return `  <p class="muted">The ${FLOW_PROVIDER} contract is not built yet.</p>`;
  const { doc, file } = provider;
  const operations = listOperations(doc);
  const tags = (Array.isArray(doc.tags) ? doc.tags : []).filter(isObject);
  const steps = tags
    .map((tag) => {
      const name = String(tag.name);
      const ops = operations.filter((op) => Array.isArray(op.operation.tags) && op.operation.tags[0] === name);
      if (ops.length === 0) return '';
      const description = typeof tag.description === 'string' ? firstSentence(tag.description) : '';
      return [
        `    <li><strong>${escapeHtml(name)}</strong>${description ? ` — ${escapeHtml(description)}` : ''}`,
        '      <ul>',
        ...ops.map((op) => operationLine(file, op)),
        '      </ul>',
        '    </li>',
      ].join('\n');
    })
    .filter(Boolean);
  const { title } = apiSummary(doc);
  return [
    `  <p>${escapeHtml(title)} is a whole lending flow: each step below needs what the steps before it returned. The order is the contract's (its tags follow the provider's document).</p>`,
    '  <ol class="flow">',
    ...steps,
    '  </ol>',
  ].join('\n');
}

function firstSentence(text: string): string {
  const line = text.trim().replace(/\s*\n\s*/g, ' ');
  const match = /^(.*?[.!?])(\s|$)/.exec(line);
  return match?.[1] ?? line;
}

/** A first call to show on the index: the first read operation of the flow provider, else of any provider. */
function firstCall(providers: IndexProvider[]): string {
  const ordered = [...providers.filter((p) => p.slug === FLOW_PROVIDER), ...providers.filter((p) => p.slug !== FLOW_PROVIDER)];
  for (const { slug, doc } of ordered) {
    const op = listOperations(doc).find((candidate) => candidate.kind === 'paths' && candidate.method === 'get');
    const sample = op ? codeSamplesFor(doc, slug, op).find((candidate) => candidate.lang === TYPESCRIPT) : undefined;
    if (sample) return codeBlock(sample.source);
  }
  return '';
}

export function renderIndex(input: IndexInput, template = readFileSync(TEMPLATE_PATH, 'utf8')): string {
  const { providers, mockCommand, redoclyVersion } = input;
  const install = providers.map(({ slug }) => `pnpm add ${providerNames(slug).packageName}`).join('\n');
  const values: Record<string, string> = {
    csp: CONTENT_SECURITY_POLICY,
    providers: providers.map(providerCard).join('\n'),
    install: `${codeBlock(`${install}\n# or: npm install ${providerNames(providers[0]?.slug ?? 'zemo').packageName}`)}`,
    firstCall: firstCall(providers),
    mock: codeBlock(mockCommand),
    mockOrigin: escapeHtml(MOCK_ORIGIN),
    mockPrefixes: providers.map(({ slug }) => `<code>/${escapeHtml(slug)}</code>`).join(', '),
    flow: flowSection(providers.find((p) => p.slug === FLOW_PROVIDER)),
    redoclyVersion: escapeHtml(redoclyVersion),
  };
  const html = template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`index.template.html: unknown placeholder ${whole}`);
    return value;
  });
  return html;
}
