/**
 * A second generator must read every contract, not only openapi-typescript: @hey-api/openapi-ts (pinned in
 * the catalog; it needs Node 22.18, so it runs under `npx node@22`) generates a fetch client for every
 * fresh bundle, in one run. The test then checks that it made an SDK function for every operation, and
 * type-checks its output with `tsc --strict` together with every documented JSON answer assigned to the
 * generated type of its status: a contract another generator misreads fails here.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deref, isObject, listOperations, type JsonObject } from '@credit-apis/contract-core';
import { freshBundles } from '../../../specs/__tests__/bundles.js';

const require = createRequire(import.meta.url);
const heyApi = join(require.resolve('@hey-api/openapi-ts/package.json'), '..', 'bin', 'run.js');
const tsc = require.resolve('typescript/bin/tsc');

const bundles = freshBundles();
const workDir = mkdtempSync(join(tmpdir(), 'hey-api-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    // Bounded: a generator or compiler that hangs fails the test instead of stalling the suite.
    execFile(command, args, { cwd: workDir, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

function pascal(operationId: string): string {
  return operationId.charAt(0).toUpperCase() + operationId.slice(1);
}

/** Every documented `application/json` answer, assigned to hey-api's type of its status. */
function examplesModule(doc: JsonObject): string {
  const lines = ["import type * as T from './types.gen.js';"];
  for (const { kind, operation } of listOperations(doc)) {
    if (kind !== 'paths' || typeof operation.operationId !== 'string') continue;
    const responses = isObject(operation.responses) ? operation.responses : {};
    for (const [status, raw] of Object.entries(responses)) {
      if (!/^\d{3}$/.test(status)) continue;
      const response = deref(doc, raw);
      const media = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
      const examples = isObject(media) && isObject(media.examples) ? Object.entries(media.examples) : [];
      const group = status.startsWith('2') ? 'Responses' : 'Errors';
      for (const [name, rawExample] of examples) {
        const example = deref(doc, rawExample);
        if (!isObject(example) || !('value' in example)) continue;
        const constant = `${operation.operationId}_${status}_${name.replace(/\W/g, '_')}`;
        lines.push(`export const ${constant}: T.${pascal(operation.operationId)}${group}[${status}] = ${JSON.stringify(example.value)};`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

let generation: { code: number; output: string };
beforeAll(async () => {
  const jobs = bundles.map(({ slug, text }) => {
    const input = join(workDir, `${slug}.openapi.json`);
    writeFileSync(input, text);
    return { input, output: join(workDir, 'out', slug), plugins: ['@hey-api/client-fetch'], logs: { file: false } };
  });
  writeFileSync(join(workDir, 'openapi-ts.config.mjs'), `export default ${JSON.stringify(jobs, null, 2)};\n`);
  generation = await run('npx', ['-y', 'node@22', heyApi, '-f', join(workDir, 'openapi-ts.config.mjs')]);
}, 240_000);

describe('@hey-api/openapi-ts generates a client from every contract', () => {
  it('runs without error', () => {
    expect(generation.code, generation.output).toBe(0);
  });

  it.each(bundles.map(({ slug, doc }) => [slug, doc] as const))('%s: an SDK function for every operation', (slug, doc) => {
    const sdk = readFileSync(join(workDir, 'out', slug, 'sdk.gen.ts'), 'utf8');
    const operationIds = listOperations(doc)
      .filter((entry) => entry.kind === 'paths')
      .map((entry) => String(entry.operation.operationId));
    expect(operationIds.filter((operationId) => !sdk.includes(`export const ${operationId} =`))).toEqual([]);
  });

  it('the generated clients and every documented JSON answer type-check with tsc --strict', { timeout: 240_000 }, async () => {
    for (const { slug, doc } of bundles) {
      mkdirSync(join(workDir, 'out', slug), { recursive: true });
      writeFileSync(join(workDir, 'out', slug, 'examples.ts'), examplesModule(doc));
    }
    writeFileSync(join(workDir, 'package.json'), '{ "type": "module" }\n');
    const compilerOptions = {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      types: [],
    };
    writeFileSync(join(workDir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['out/**/*.ts'] }, null, 2));
    const checked = await run(process.execPath, [tsc, '-p', join(workDir, 'tsconfig.json')]);
    expect(checked.output.trim()).toBe('');
    expect(checked.code).toBe(0);
  });
});
