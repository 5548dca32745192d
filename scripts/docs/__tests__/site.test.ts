/**
 * The built site, as files: the folder layout the mock server serves, every page offline and under its size
 * budget, every operation's samples inside the page, and an index that links every page and walks the
 * ECCOR FGTS flow in the contract's order. (What a browser shows is browser.test.ts.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isObject, listOperations, type JsonObject } from '@credit-apis/contract-core';
import { listProviders } from '../../lib/providers.js';
import { buildSite, type BuiltSite } from '../build-site.js';
import { CURL, TYPESCRIPT, type CodeSample } from '../code-samples.js';
import { FLOW_PROVIDER } from '../index-page.js';
import { assertOffline } from '../offline.js';
import { operationAnchor } from '../redoc-anchors.js';
import { committedBundles } from './fixtures.js';

/**
 * Size budgets of the built HTML, ~20 % above what was measured with @redocly/cli 2.77.0 (Redoc 3.0.1) on
 * the four contracts. Nearly all of a reference page is the inlined Redoc script (2,291,000 bytes, needed to
 * render offline); the rest is the docs copy of the contract, embedded twice (server-rendered HTML and the
 * hydration data). A page that outgrows its budget is a contract that grew a lot, or a Redoc that did.
 */
export const SIZE_BUDGETS_KIB = {
  /** Measured 2,527 (zemo), 2,538 (banco-cdc), 2,567 (nossa-fintech-inss), 2,689 (eccor-fgts) KiB. */
  referencePage: 3_220,
  /** Measured 13 KiB. */
  index: 16,
} as const;

let site: BuiltSite;
let outDir: string;
const bundlesBefore = committedBundles();

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'credit-apis-site-'));
  site = await buildSite(outDir);
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function page(file: string): string {
  return readFileSync(join(outDir, file), 'utf8');
}

/** The contract Redoc hydrates the page with (the docs-only copy). */
function embeddedDefinition(html: string): JsonObject {
  const match = /const __redoc_definition = (.*);\n/.exec(html);
  if (!match?.[1]) throw new Error('no __redoc_definition in the page');
  return JSON.parse(match[1]) as JsonObject;
}

describe('pnpm docs output', () => {
  it('is one flat folder: index.html, testing.html, and <slug>.html with its contract (.openapi.json, .openapi.yaml) per provider, nothing else', () => {
    const expected = [
      'index.html',
      'testing.html',
      ...listProviders().flatMap((provider) => [`${provider.slug}.html`, `${provider.slug}.openapi.json`, `${provider.slug}.openapi.yaml`]),
    ].sort();
    expect(readdirSync(outDir).sort()).toEqual(expected);
  });

  it('links the downloadable contract from the index and from each page, byte for byte the committed bundle', () => {
    for (const provider of listProviders()) {
      const json = `${provider.slug}.openapi.json`;
      const yaml = `${provider.slug}.openapi.yaml`;
      expect(page(json)).toBe(readFileSync(provider.bundlePath, 'utf8'));
      expect(page(yaml)).toBe(readFileSync(provider.bundlePath.replace(/\.json$/, '.yaml'), 'utf8'));
      expect(page('index.html')).toContain(`href="${json}" download`);
      expect(page('index.html')).toContain(`href="${yaml}" download`);
      expect(page(`${provider.slug}.html`)).toContain(`href="${json}"`);
    }
  });

  it('leaves the committed bundles untouched (samples go into a docs-only copy)', () => {
    expect(committedBundles()).toEqual(bundlesBefore);
  });

  it(`keeps every reference page under ${SIZE_BUDGETS_KIB.referencePage} KiB and the index under ${SIZE_BUDGETS_KIB.index} KiB`, () => {
    const sizes = Object.fromEntries([...site.pages, site.index].map((built) => [built.file, Math.ceil(built.bytes / 1024)]));
    console.log(`docs page sizes (KiB): ${JSON.stringify(sizes)}; build ${site.ms} ms`);
    for (const built of site.pages) expect(Math.ceil(built.bytes / 1024), built.file).toBeLessThanOrEqual(SIZE_BUDGETS_KIB.referencePage);
    expect(Math.ceil(site.index.bytes / 1024)).toBeLessThanOrEqual(SIZE_BUDGETS_KIB.index);
  });

  it.each(listProviders().map((provider) => provider.slug))('%s.html is self-contained and offline', (slug) => {
    const html = page(`${slug}.html`);
    expect(() => assertOffline(html)).not.toThrow();
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
  });

  it('index.html is offline too', () => {
    const html = page('index.html');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
  });

  for (const { slug } of committedBundles()) {
    it(`${slug}.html embeds a TypeScript and a curl sample for every operation`, () => {
      const doc = embeddedDefinition(page(`${slug}.html`));
      const operations = listOperations(doc).filter((op) => op.kind === 'paths');
      expect(operations.length).toBeGreaterThan(0);
      for (const op of operations) {
        const langs = ((op.operation['x-codeSamples'] ?? []) as unknown as CodeSample[]).map((sample) => sample.lang);
        expect(langs, `${op.method} ${op.key}`).toEqual([TYPESCRIPT, CURL]);
      }
    });
  }
});

describe('index.html', () => {
  it('links every provider reference page', () => {
    const html = page('index.html');
    for (const { slug } of listProviders()) expect(html).toContain(`href="${slug}.html"`);
  });

  it('shows how to install a package and start the mock server', () => {
    const html = page('index.html');
    for (const { slug } of listProviders()) expect(html).toContain(`pnpm add @credit-apis/${slug}`);
    // The README's main-job command, HTML-escaped.
    expect(html).toContain('<pre><code>npx -y pnpm@10 install &amp;&amp; npx -y pnpm@10 start</code></pre>');
    expect(html).toContain('http://127.0.0.1:4010/docs/');
  });

  it(`walks the ${FLOW_PROVIDER} flow: every operation and webhook, in the contract's tag order`, () => {
    const flow = committedBundles().find(({ slug }) => slug === FLOW_PROVIDER);
    if (!flow) throw new Error(`generated/${FLOW_PROVIDER}/openapi.json is missing: run pnpm generate`);
    const tags = (Array.isArray(flow.bundle.tags) ? flow.bundle.tags : []).filter(isObject).map((tag) => String(tag.name));
    const tagIndex = (op: ReturnType<typeof listOperations>[number]): number =>
      tags.indexOf(String(Array.isArray(op.operation.tags) ? op.operation.tags[0] : ''));
    const expected = listOperations(flow.bundle)
      .map((op, position) => ({ op, position }))
      .sort((a, b) => tagIndex(a.op) - tagIndex(b.op) || a.position - b.position)
      .map(({ op }) => `${FLOW_PROVIDER}.html${operationAnchor(op)}`);
    const linked = [...page('index.html').matchAll(/<a href="([^"]+)" data-operation=/g)].map((match) => match[1]);
    expect(linked).toEqual(expected);
    expect(expected.some((href) => href.includes('#/webhooks/'))).toBe(true);
  });
});
