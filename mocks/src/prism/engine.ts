/**
 * Stoplight Prism's HTTP engine (@stoplight/prism-http), in process, loaded on first use only: it takes
 * most of a second to load (faker, json-schema-faker), so the fast path and start-up never touch it. Used
 * for `Prefer: dynamic=true`, the validating proxy, and the test that proves the fast path answers as
 * Prism does. The few types below describe the part of Prism's API the mock calls; the module is typed
 * through them at the one place it is loaded.
 */
import { createRequire } from 'node:module';
import type { IncomingHttpHeaders } from 'node:http';
import type { JsonObject } from '../catalog/openapi.js';

export type Either<L, R> = { readonly _tag: 'Left'; readonly left: L } | { readonly _tag: 'Right'; readonly right: R };

export interface PrismDiagnostic {
  readonly message: string;
  /** 0 error, 1 warning, 2 information, 3 hint (@stoplight/types DiagnosticSeverity). */
  readonly severity: number;
  readonly path?: readonly (string | number)[];
  readonly code?: string | number;
}

export interface PrismInput {
  method: string;
  url: { path: string; query?: Record<string, string | string[]>; baseUrl?: string };
  headers?: Record<string, string>;
  body?: unknown;
}

export interface PrismResponse {
  readonly statusCode: number;
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
}

export interface PrismOutput {
  readonly output: PrismResponse;
  readonly validations: { readonly input: readonly PrismDiagnostic[]; readonly output: readonly PrismDiagnostic[] };
}

export interface PrismMockOptions {
  dynamic: boolean;
  code?: number;
  exampleKey?: string;
  mediaTypes?: string[];
}

interface PrismSettings {
  mock: PrismMockOptions;
  checkSecurity: boolean;
  validateRequest: boolean;
  validateResponse: boolean;
  errors: boolean;
  upstreamProxy: undefined;
}

/** Prism's config: mocking, or proxying to `upstream`, with the same settings. */
export type PrismConfig = PrismSettings & ({ isProxy: false } | { isProxy: true; upstream: URL });

/** An operation as Prism's http-spec describes it; the mock only passes these back to Prism. */
export interface PrismOperation {
  readonly method: string;
  readonly path: string;
}

export interface PrismInstance {
  request(input: PrismInput, operations: readonly PrismOperation[], config?: PrismConfig): () => Promise<Either<Error, PrismOutput>>;
}

interface PrismHttpModule {
  createInstance(config: PrismConfig, components: { logger: unknown }): PrismInstance;
  getHttpOperationsFromSpec(spec: JsonObject): Promise<PrismOperation[]>;
}

interface PrismCoreModule {
  createLogger(name: string, options: { level: string }): unknown;
}

export interface PrismEngine {
  readonly prism: PrismHttpModule;
  /** A silent logger: the mock writes its own log lines. */
  readonly logger: unknown;
  /** Prism's operations for a provider's document (dereferenced once, cached). */
  operations(slug: string, doc: JsonObject): Promise<readonly PrismOperation[]>;
}

let engine: PrismEngine | undefined;

/** Prism is an optional peer dependency of the published mock: the default install stays small. */
export const PRISM_PACKAGES = ['@stoplight/prism-http@5.12.0', '@stoplight/prism-core@5.8.0'] as const;

export class PrismNotInstalledError extends Error {
  override name = 'PrismNotInstalledError';
}

function installHint(feature: string): string {
  return `${feature} needs Stoplight Prism's engine, an optional peer dependency of @credit-apis/mock-server: npm install --save-dev ${PRISM_PACKAGES.join(' ')}`;
}

function isMissingModule(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
}

/** Fails early (at start-up, for `--proxy`) with the install line when Prism is not installed. */
export function assertPrismInstalled(feature: string, fail: (message: string) => Error): void {
  const require = createRequire(import.meta.url);
  for (const name of ['@stoplight/prism-http', '@stoplight/prism-core']) {
    try {
      require.resolve(name);
    } catch {
      throw fail(installHint(feature));
    }
  }
}

export function loadPrism(feature = 'Prism'): PrismEngine {
  if (engine) return engine;
  const require = createRequire(import.meta.url);
  let prism: PrismHttpModule;
  let core: PrismCoreModule;
  try {
    prism = require('@stoplight/prism-http') as PrismHttpModule;
    core = require('@stoplight/prism-core') as PrismCoreModule;
  } catch (error) {
    if (isMissingModule(error)) throw new PrismNotInstalledError(installHint(feature));
    throw error;
  }
  const cache = new Map<string, Promise<readonly PrismOperation[]>>();
  engine = {
    prism,
    logger: core.createLogger('credit-apis-mock', { level: 'silent' }),
    operations(slug, doc) {
      let operations = cache.get(slug);
      // Prism dereferences the document in place: give it a copy.
      if (!operations) cache.set(slug, (operations = prism.getHttpOperationsFromSpec(structuredClone(doc))));
      return operations;
    },
  };
  return engine;
}

export function prismHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function prismQuery(query: URLSearchParams | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!query) return out;
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    out[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

/** Prism's answer as the mock writes it: headers as strings (Prism leaves `null` for unknown values). */
export function fromPrismResponse(response: PrismResponse): {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  mediaType: string | undefined;
} {
  const headers: Record<string, string> = {};
  let mediaType: string | undefined;
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    if (value === null || value === undefined) continue;
    if (name.toLowerCase() === 'content-type') mediaType = String(value);
    else headers[name] = String(value);
  }
  return { status: response.statusCode, headers, body: response.body, mediaType };
}
