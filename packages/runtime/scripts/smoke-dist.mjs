// Uses the built package the way a consumer does — by its name, through `exports`, from ESM and from CJS —
// against a real local HTTP server, and checks that the base entry never loads ajv.
// Run after `pnpm build` (part of `pnpm check:package`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const require = createRequire(import.meta.url);

const server = createServer((request, response) => {
  const body = JSON.stringify({ seen: request.headers.authorization, url: request.url });
  response.writeHead(request.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' });
  response.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}`;
const profile = { name: 'smoke', environments: { local: baseUrl } };

async function exercise(runtime, validate, format) {
  const client = runtime.createProviderClient(profile, { environment: 'local', auth: runtime.bearer('t0ken') });
  const data = runtime.unwrap(await client.GET('/things'));
  assert.equal(data.seen, 'Bearer t0ken', `${format}: bearer header`);
  const missing = await client.GET('/missing');
  assert.throws(() => runtime.unwrap(missing), runtime.ApiError, `${format}: unwrap throws ApiError`);
  assert.equal(validate.ResponseValidationError, runtime.ResponseValidationError, `${format}: one error class for both entries`);
  assert.equal(typeof validate.validateResponses, 'function');
  console.log(`smoke-dist: ${format} ok`);
}

// CJS: require() by package name; the base entry must not pull ajv in.
const cjsRuntime = require('@credit-apis/runtime');
assert.ok(!Object.keys(require.cache).some((file) => /[\\/]ajv[\\/]/.test(file)), 'cjs: base entry loaded ajv');
const cjsValidate = require('@credit-apis/runtime/validate');
assert.ok(
  Object.keys(require.cache).some((file) => /[\\/]ajv[\\/]/.test(file)),
  'cjs: validate entry should load ajv',
);
await exercise(cjsRuntime, cjsValidate, 'cjs');

// ESM: import() by package name; the base entry's static import graph must not contain ajv.
function importGraph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(dist, file), 'utf8');
  for (const [, specifier] of text.matchAll(/(?:from|import)\s*['"]([^'"]+)['"]/g)) {
    if (specifier.startsWith('./')) importGraph(specifier.slice(2), seen);
    else seen.add(specifier);
  }
  return seen;
}
const esmGraph = [...importGraph('index.js')];
assert.ok(!esmGraph.some((entry) => entry.startsWith('ajv')), `esm: base entry imports ajv (${esmGraph.join(', ')})`);
await exercise(await import('@credit-apis/runtime'), await import('@credit-apis/runtime/validate'), 'esm');

server.close();
