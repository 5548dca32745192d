/**
 * Builds the static docs site: one Redoc page per provider (Redocly CLI `build-docs`, one API per page) and
 * our index page, into one flat folder that works opened from disk or served under any path:
 *
 *   <outDir>/index.html        the kit's index (index-page.ts)
 *   <outDir>/<slug>.html       one self-contained reference page per provider
 *   <outDir>/<slug>.openapi.json, .yaml   its contract, as @credit-apis/specs holds it ("download the contract")
 *   <outDir>/testing.html      testing your integration: the mock's journal and faults (testing-page.ts)
 *
 * Pages are built from the committed bundles (`generated/<slug>/openapi.json`, kept fresh by the drift test)
 * through a docs-only copy that carries the generated code samples (docs-bundle.ts).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { JsonObject } from '@credit-apis/contract-core';
import { listProviders, repoRoot } from '../lib/providers.js';
import { runRedocly } from '../lib/redocly.js';
import { SAMPLE_LANGUAGES } from './code-samples.js';
import { apiSummary, contractFiles, docsBundle } from './docs-bundle.js';
import { renderIndex, type IndexProvider } from './index-page.js';
import { makeOffline, OFFLINE_BUILD_ARGS, type OfflineReport } from './offline.js';
import { EXAMPLE_PATH, renderTestingPage, TESTING_PAGE } from './testing-page.js';

export const DEFAULT_OUT_DIR = join(repoRoot, 'dist', 'docs');

/**
 * Redoc 3 options of every page. `codeSamples.languages` is required for the TypeScript samples to show at
 * all: Redoc 3 drops any `x-codeSamples` entry whose language is not listed, and its default list has no
 * TypeScript (see code-samples.ts).
 */
export const REDOC_OPTIONS = {
  codeSamples: { languages: SAMPLE_LANGUAGES },
  // Partners compare payloads field by field: open nested example objects further than the default 2.
  jsonSamplesExpandLevel: 4,
} as const;

export interface BuiltPage {
  slug: string;
  title: string;
  file: string;
  bytes: number;
  operations: number;
  webhooks: number;
  offline: OfflineReport;
}

export interface BuiltSite {
  outDir: string;
  pages: BuiltPage[];
  index: { file: string; bytes: number };
  testing: { file: string; bytes: number };
  redoclyVersion: string;
  ms: number;
}

export class DocsBuildError extends Error {
  override name = 'DocsBuildError';
}

function redoclyVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(require.resolve('@redocly/cli/package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** How a reader starts the mock server from a clone: the README's main-job command. */
export function mockCommand(): string {
  return 'npx -y pnpm@10 install && npx -y pnpm@10 start';
}

async function buildPage(slug: string, bundlePath: string, workDir: string, outDir: string): Promise<{ page: BuiltPage; doc: JsonObject }> {
  if (!existsSync(bundlePath)) {
    throw new DocsBuildError(`${relative(repoRoot, bundlePath)} is missing: run \`pnpm generate\` first`);
  }
  const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as JsonObject;
  const { doc, operations, webhooks } = docsBundle(bundle, slug);
  const { title } = apiSummary(doc);
  const specFile = join(workDir, `${slug}.json`);
  const rawHtml = join(workDir, `${slug}.raw.html`);
  writeFileSync(specFile, JSON.stringify(doc));
  const result = await runRedocly([
    'build-docs',
    specFile,
    ...OFFLINE_BUILD_ARGS,
    '--output',
    rawHtml,
    '--title',
    `${title} · credit-apis reference`,
    '--openapi',
    JSON.stringify(REDOC_OPTIONS),
  ]);
  if (result.code !== 0 || !existsSync(rawHtml)) {
    throw new DocsBuildError(`redocly build-docs failed for ${slug} (exit ${result.code}):\n${result.stderr}${result.stdout}`);
  }
  const { html, report } = makeOffline(readFileSync(rawHtml, 'utf8'));
  const file = `${slug}.html`;
  writeFileSync(join(outDir, file), html);
  // The downloadable contract next to its page: the committed bundle in both forms, unchanged.
  const files = contractFiles(slug);
  copyFileSync(bundlePath, join(outDir, files.json));
  copyFileSync(bundlePath.replace(/\.json$/, '.yaml'), join(outDir, files.yaml));
  return { page: { slug, title, file, bytes: Buffer.byteLength(html), operations, webhooks, offline: report }, doc };
}

/**
 * Whether `outDir` already holds every page, newer than every bundle it is built from and every file of this
 * builder. `pnpm start` uses it to build the docs only when they would change.
 */
export function isSiteFresh(outDir: string = DEFAULT_OUT_DIR): boolean {
  const providers = listProviders();
  const outputs = [
    'index.html',
    TESTING_PAGE,
    ...providers.flatMap((provider) => [`${provider.slug}.html`, ...Object.values(contractFiles(provider.slug))]),
  ].map((file) => join(outDir, file));
  if (providers.length === 0 || !outputs.every((file) => existsSync(file))) return false;
  const builderDir = join(repoRoot, 'scripts', 'docs');
  const inputs = [
    ...providers.map((provider) => provider.bundlePath),
    ...readdirSync(builderDir)
      .filter((name) => /\.(ts|html)$/.test(name))
      .map((name) => join(builderDir, name)),
    EXAMPLE_PATH,
  ];
  const newestInput = Math.max(...inputs.map((file) => statSync(file).mtimeMs));
  return outputs.every((file) => statSync(file).mtimeMs >= newestInput);
}

export async function buildSite(outDir: string = DEFAULT_OUT_DIR): Promise<BuiltSite> {
  const started = performance.now();
  const providers = listProviders();
  if (providers.length === 0) throw new DocsBuildError('no provider spec under specs/');
  const workDir = mkdtempSync(join(tmpdir(), 'credit-apis-docs-'));
  try {
    // A fresh folder: a provider that disappears must not leave its old page behind.
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const built = await Promise.all(providers.map((provider) => buildPage(provider.slug, provider.bundlePath, workDir, outDir)));
    const version = redoclyVersion();
    const indexProviders: IndexProvider[] = built.map(({ page, doc }) => ({ slug: page.slug, file: page.file, doc }));
    const indexHtml = renderIndex({ providers: indexProviders, mockCommand: mockCommand(), redoclyVersion: version });
    writeFileSync(join(outDir, 'index.html'), indexHtml);
    const testingHtml = renderTestingPage();
    writeFileSync(join(outDir, TESTING_PAGE), testingHtml);
    return {
      outDir,
      pages: built.map(({ page }) => page),
      index: { file: 'index.html', bytes: Buffer.byteLength(indexHtml) },
      testing: { file: TESTING_PAGE, bytes: Buffer.byteLength(testingHtml) },
      redoclyVersion: version,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
