/**
 * Type-checks the TypeScript code samples of the docs with the TypeScript compiler, in memory, against
 * either the real client package or a stand-in of it:
 *
 * - **package** — `packages/<slug>/package.json` exists: `@credit-apis/<slug>` resolves to that package's
 *   source entry (`src/index.ts`, else its `types`). This is the target as soon as a package is written.
 * - **stand-in** — no package yet: `@credit-apis/<slug>` resolves to a generated module that implements the
 *   agreed public API (`create<Provider>Client`, `bearer`, `clientCredentials`, `unwrap`) with
 *   openapi-fetch's `createClient<paths>()` over `generated/<slug>/schema.d.ts`, so paths, parameters and
 *   bodies are checked against the contract's types either way.
 *
 * The switch is automatic per provider; `CREDIT_APIS_DOCS_SAMPLES=stand-in` or `=packages` forces one target
 * for every provider (`packages` fails when a package is missing instead of falling back).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { providerFiles, repoRoot } from '../lib/providers.js';
import { providerNames } from './provider-names.js';

export const SAMPLES_TARGET_ENV = 'CREDIT_APIS_DOCS_SAMPLES';

export type SampleTarget = { kind: 'package'; entry: string } | { kind: 'stand-in'; entry: string };

export interface SampleToCheck {
  slug: string;
  /** Unique per provider, used as the file name: the operationId. */
  name: string;
  source: string;
}

export interface SampleResult {
  sample: SampleToCheck;
  target: SampleTarget['kind'];
  /** Empty when the sample compiles; otherwise one `line:col message` per error. */
  errors: string[];
}

/** Virtual files live under the repository so that `openapi-fetch` and `@types/node` resolve from its node_modules. */
const VIRTUAL_DIR = join(repoRoot, 'scripts', 'docs', '.virtual-samples');

function packageEntry(slug: string): string | undefined {
  const dir = join(repoRoot, 'packages', slug);
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return undefined;
  const source = join(dir, 'src', 'index.ts');
  if (existsSync(source)) return source;
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { types?: unknown };
  return typeof pkg.types === 'string' ? join(dir, pkg.types) : source;
}

export function sampleTarget(slug: string, mode = process.env[SAMPLES_TARGET_ENV] ?? 'auto'): SampleTarget {
  if (!['auto', 'stand-in', 'packages'].includes(mode)) {
    throw new Error(`${SAMPLES_TARGET_ENV} must be auto, stand-in or packages, got "${mode}"`);
  }
  const entry = mode === 'stand-in' ? undefined : packageEntry(slug);
  if (entry) return { kind: 'package', entry };
  if (mode === 'packages') throw new Error(`${SAMPLES_TARGET_ENV}=packages but packages/${slug}/package.json does not exist`);
  return { kind: 'stand-in', entry: join(VIRTUAL_DIR, 'stand-ins', `${slug}.ts`) };
}

function importPath(fromFile: string, toFile: string): string {
  const path = relative(dirname(fromFile), toFile)
    .replace(/\\/g, '/')
    .replace(/\.d\.ts$/, '.js');
  return path.startsWith('.') ? path : `./${path}`;
}

/** The agreed public API of `@credit-apis/<slug>`, implemented over the generated types. */
export function standInSource(slug: string, file: string): string {
  const { factory } = providerNames(slug);
  return `/** Stand-in for ${providerNames(slug).packageName} until packages/${slug}/ exists (scripts/docs/sample-typecheck.ts). */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '${importPath(file, providerFiles(slug).typesPath)}';

export interface Auth { readonly kind: 'bearer' | 'clientCredentials' }
export function bearer(token: string): Auth { void token; return { kind: 'bearer' }; }
export function clientCredentials(options: { tokenUrl: string; clientId: string; clientSecret: string; scope?: string }): Auth {
  void options;
  return { kind: 'clientCredentials' };
}
export function ${factory}(options: { environment: 'mock' | 'production' | 'staging'; auth: Auth }): Client<paths> {
  void options.auth;
  return createClient<paths>({ baseUrl: 'http://127.0.0.1:4010/${slug}' });
}
export function unwrap<R extends { data?: unknown; error?: unknown }>(result: R): NonNullable<R['data']> {
  if (result.error !== undefined) throw new Error(JSON.stringify(result.error));
  return result.data as NonNullable<R['data']>;
}
`;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
};

export function typecheckSamples(samples: SampleToCheck[]): SampleResult[] {
  const virtual = new Map<string, string>();
  const paths: Record<string, string[]> = {};
  const targets = new Map<string, SampleTarget>();
  for (const slug of new Set(samples.map((sample) => sample.slug))) {
    const target = sampleTarget(slug);
    targets.set(slug, target);
    if (target.kind === 'stand-in') virtual.set(target.entry, standInSource(slug, target.entry));
    paths[providerNames(slug).packageName] = [target.entry];
  }
  const files = samples.map((sample) => {
    const file = join(VIRTUAL_DIR, sample.slug, `${sample.name}.ts`);
    if (virtual.has(file)) throw new Error(`two samples named ${sample.slug}/${sample.name}`);
    virtual.set(file, sample.source);
    return file;
  });

  const options: ts.CompilerOptions = { ...COMPILER_OPTIONS, paths };
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError, shouldCreate) => {
    const text = virtual.get(file);
    return text === undefined
      ? getSourceFile.call(host, file, language, onError, shouldCreate)
      : ts.createSourceFile(file, text, language, true);
  };
  // The virtual folder has no package.json of its own: the repository's (`"type": "module"`) makes samples ESM,
  // which top-level `await` needs.
  const program = ts.createProgram({ rootNames: files, options, host });

  return samples.map((sample, index) => {
    const file = files[index] ?? '';
    const sourceFile = program.getSourceFile(file);
    const diagnostics = sourceFile ? [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)] : [];
    const errors = diagnostics.map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (diagnostic.file && diagnostic.start !== undefined) {
        const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
        return `${line + 1}:${character + 1} ${message}`;
      }
      return message;
    });
    if (!sourceFile) errors.push('the sample was not part of the program');
    return { sample, target: targets.get(sample.slug)?.kind ?? 'stand-in', errors };
  });
}
