/**
 * PACKED-INSTALL TEST (slow: builds four packages, packs six (with @credit-apis/specs), runs npm and tsc; about 25 s, bounded at 3 min).
 *
 * The only proof that the published artefacts work: the runtime and the four provider packages are built,
 * packed with `pnpm pack` (which rewrites `workspace:^` to a version range), installed with npm into an empty
 * project in the OS temp folder — outside the monorepo, so nothing resolves through the workspace — and used
 * there by a TypeScript program that is type-checked with the monorepo's `tsc` (`--module nodenext --strict`,
 * declaration files included: no `skipLibCheck`), compiled, and run with node against local servers that answer
 * with the specs' examples. A CommonJS `require()` of every entry point runs too.
 *
 * One test for the four provider packages (it lives in the largest one): each needs the runtime's tarball.
 * The runtime is packed as built (`pnpm install` builds it: its `prepare` script), never rebuilt here, since
 * the other tests and the type check read its `dist/` while this runs; a `dist/` older than the runtime's
 * sources fails the test with the command to run. The providers' `dist/`, which nothing else reads, are
 * rebuilt. Packing runs no lifecycle script (`ignore-scripts`: `prepare`/`prepack` would rebuild).
 *
 * npm needs the registry (or its cache) for openapi-fetch, ajv and ajv-formats: `--prefer-offline`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sendJson } from '@credit-apis/test-kit/http-server';
import { readBundle, specOperation, startSpecServer } from '@credit-apis/test-kit/spec-server';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const PACKAGES = ['runtime', 'nossa-fintech-inss', 'banco-cdc', 'zemo', 'eccor-fgts'];
/** The contracts the provider packages depend on (their types): `generated/` is @credit-apis/specs. */
const SPECS_DIR = join(root, 'generated');
const work = mkdtempSync(join(tmpdir(), 'credit-apis-packed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * mocks/test/packed-install rebuilds zemo too, in parallel: a lock folder (mkdir is atomic) serialises the
 * two build-and-pack steps; one left by a killed run is taken over after 5 minutes.
 */
async function withBuildLock(work: () => Promise<void>): Promise<void> {
  const lock = join(root, 'node_modules', '.packed-install.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0;
      if (age > 300_000) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250)); // no event crosses processes: poll
    }
  }
  try {
    await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** pnpm as this test run was started with it (`npm_execpath`), else the one on PATH. */
function pnpm(args: string[]): [string, string[]] {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath) ? [process.execPath, [execPath, ...args]] : ['pnpm', args];
}

async function sh(command: [string, string[]], cwd: string, timeout = 90_000): Promise<string> {
  try {
    const { stdout } = await run(command[0], command[1], { cwd, timeout, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, CI: 'true' } });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${[command[0], ...command[1]].join(' ')} (in ${cwd}) failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/** The runtime's `dist/` exists and is newer than every file it is built from. */
function expectRuntimeBuilt(): void {
  const runtime = join(root, 'packages', 'runtime');
  const built = join(runtime, 'dist', 'index.d.ts');
  const sources = [join(runtime, 'package.json'), join(runtime, 'tsup.config.ts'), ...readdirSync(join(runtime, 'src'), { recursive: true, encoding: 'utf8' }).map((file) => join(runtime, 'src', file))];
  const newest = Math.max(...sources.map((file) => statSync(file).mtimeMs));
  if (!existsSync(built) || statSync(built).mtimeMs < newest) {
    throw new Error('packages/runtime/dist is missing or older than its sources (the type check and the tests used it too): run `pnpm --filter @credit-apis/runtime build` (or `pnpm install`, which builds it)');
  }
}

/** The consumer's program: every package, through its published names only. */
const PROGRAM = `
import { ApiError, bearer, createZemoClient, unwrap, type ZemoOperation } from '@credit-apis/zemo';
import { createBancoCdcClient, type OperationDetails } from '@credit-apis/banco-cdc';
import { createNossaFintechInssClient, type OperationTracking } from '@credit-apis/nossa-fintech-inss';
import { clientCredentials, createEccorFgtsClient, type Product } from '@credit-apis/eccor-fgts';
import { CREDIT_NOTE_STATUS, formatReais, paginate, reaisToCents } from '@credit-apis/eccor-fgts/extras';
import { parseEccorFgtsWebhook, WebhookValidationError } from '@credit-apis/eccor-fgts/webhooks';
import { validateResponses } from '@credit-apis/eccor-fgts/validate';
import { validateResponses as validateZemo } from '@credit-apis/zemo/validate';

const [zemoUrl, bancoUrl, inssUrl, eccorUrl, zemoId, debtKey, operationKey, webhook] = process.argv.slice(2) as string[];

const zemo = createZemoClient({ baseUrl: zemoUrl!, auth: bearer('packed-token') });
zemo.use(validateZemo({ mode: 'throw' }));
const operation: ZemoOperation = unwrap(await zemo.GET('/api/operations/{id}', { params: { path: { id: zemoId! } } }));

const banco = createBancoCdcClient({ baseUrl: bancoUrl!, auth: bearer('packed-token') });
const details: OperationDetails = unwrap(await banco.GET('/operation/{operation_code}', { params: { path: { operation_code: 'x' } } })).data;

const inss = createNossaFintechInssClient({ baseUrl: inssUrl!, auth: bearer('packed-token') });
const params = { path: { debt_key: debtKey! }, query: { credit_operation_key: operationKey! } };
const tracking: OperationTracking = unwrap(await inss.GET('/inss/v1/operation/{debt_key}', { params }));

const eccor = createEccorFgtsClient({
  baseUrl: eccorUrl!,
  auth: clientCredentials({ tokenUrl: eccorUrl + '/oauth2/token', basicToken: 'packed-basic', scope: 'credit/admin' }),
});
eccor.use(validateResponses({ mode: 'throw' }));
const products: Product[] = [];
for await (const product of paginate(eccor, '/v1/Product')) products.push(product);
const event = parseEccorFgtsWebhook(webhook!);
let refused = '';
try {
  parseEccorFgtsWebhook('{}');
} catch (error) {
  if (error instanceof WebhookValidationError) refused = error.issues[0]!.message;
}
let notFound = 0;
try {
  unwrap(await zemo.GET('/api/operations/{id}', { params: { path: { id: 'missing' } } }));
} catch (error) {
  if (error instanceof ApiError) notFound = error.status;
}

// The types are the contract's, not \`any\`: each line marked below must fail to compile (never run).
export function typeChecks(): void {
  // @ts-expect-error wrong path
  void zemo.GET('/api/operation/{id}', { params: { path: { id: 'x' } } });
  // @ts-expect-error wrong enum value
  const wrongStatus: typeof CREDIT_NOTE_STATUS.Draft.code = 1;
  void wrongStatus;
}

console.log(JSON.stringify({
  zemo: operation.assignor.name,
  banco: details.status_code,
  inss: tracking.histories.length,
  eccor: products.map((product) => product.name),
  webhook: event.parameters.newStatus === CREDIT_NOTE_STATUS.Liquidation.code,
  refused,
  notFound,
  money: formatReais(reaisToCents('45,70')),
}));
`;

/** CommonJS consumers: every entry point through require(). */
const CJS_CHECK = `
const entries = ['@credit-apis/runtime', '@credit-apis/runtime/validate', '@credit-apis/zemo', '@credit-apis/zemo/validate',
  '@credit-apis/banco-cdc', '@credit-apis/banco-cdc/validate', '@credit-apis/nossa-fintech-inss', '@credit-apis/nossa-fintech-inss/validate',
  '@credit-apis/eccor-fgts', '@credit-apis/eccor-fgts/extras', '@credit-apis/eccor-fgts/webhooks', '@credit-apis/eccor-fgts/validate'];
const found = Object.fromEntries(entries.map((entry) => [entry, Object.keys(require(entry)).length]));
const runtime = require('@credit-apis/runtime');
const zemo = require('@credit-apis/zemo');
console.log(JSON.stringify({ found, sameErrors: zemo.ApiError === runtime.ApiError, factory: typeof zemo.createZemoClient }));
`;

describe('packed install: the published packages, installed with npm outside the monorepo', () => {
  it('build, pack, install, type-check and run a TypeScript program against local servers', { timeout: 180_000 }, async () => {
    const tarballs = join(work, 'tarballs');
    const app = join(work, 'app');
    mkdirSync(tarballs);
    mkdirSync(app);

    expectRuntimeBuilt();
    await withBuildLock(async () => {
      for (const name of PACKAGES) {
        const dir = join(root, 'packages', name);
        if (name !== 'runtime') await sh(pnpm(['run', 'build']), dir);
        await sh(pnpm(['pack', '--config.ignore-scripts=true', '--pack-destination', tarballs]), dir);
      }
      await sh(pnpm(['pack', '--config.ignore-scripts=true', '--pack-destination', tarballs]), SPECS_DIR);
    });
    const packed = readdirSync(tarballs).sort();
    expect(packed).toEqual([...PACKAGES, 'specs'].map((name) => `credit-apis-${name}-0.1.0.tgz`).sort());

    await sh(['npm', ['init', '-y']], app);
    await sh(['npm', ['pkg', 'set', 'type=module']], app);
    await sh(['npm', ['install', ...packed.map((file) => join(tarballs, file)), '--prefer-offline', '--no-audit', '--no-fund']], app);
    expect(readdirSync(join(app, 'node_modules', '@credit-apis')).sort()).toEqual([...PACKAGES, 'specs'].sort());

    writeFileSync(join(app, 'main.ts'), PROGRAM);
    writeFileSync(join(app, 'check.cjs'), CJS_CHECK);
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    await sh(
      [process.execPath, [tsc, 'main.ts', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--strict', '--outDir', 'dist', '--typeRoots', join(root, 'node_modules', '@types'), '--types', 'node']],
      app,
    );

    const bundles = { zemo: readBundle('zemo'), banco: readBundle('banco-cdc'), inss: readBundle('nossa-fintech-inss'), eccor: readBundle('eccor-fgts') };
    const bearerAuth = 'Bearer packed-token';
    const token = (specOperation(bundles.eccor, 'requestToken').success.body as { access_token: string }).access_token;
    const servers = {
      zemo: await startSpecServer(bundles.zemo, {
        authorization: { bearerAuth },
        answer: (_operation, request, response) =>
          request.url.endsWith('/missing') && (sendJson(response, 404, { message: 'We could not find the opetarion with this id.' }), true),
      }),
      banco: await startSpecServer(bundles.banco, { authorization: { bearerAuth } }),
      inss: await startSpecServer(bundles.inss, { authorization: { bearerAuth } }),
      eccor: await startSpecServer(bundles.eccor, { authorization: { basicAuth: 'Basic packed-basic', oauth2: `Bearer ${token}` } }),
    };
    const zemoId = (specOperation(bundles.zemo, 'getOperation').success.body as { id: string }).id;
    const tracking = specOperation(bundles.inss, 'getOperation');
    const webhooks = bundles.eccor.webhooks as Record<string, { post: { requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> } } }>;
    const liquidation = webhooks.liquidation?.post.requestBody.content['application/json']?.examples.liquidation?.value;

    const output = await sh(
      [
        process.execPath,
        [
          join('dist', 'main.js'),
          servers.zemo.url,
          servers.banco.url,
          servers.inss.url,
          servers.eccor.url,
          zemoId,
          String(tracking.parameters.find((parameter) => parameter.name === 'debt_key')?.example),
          String(tracking.parameters.find((parameter) => parameter.name === 'credit_operation_key')?.example),
          JSON.stringify(liquidation),
        ],
      ],
      app,
      30_000,
    );
    expect(JSON.parse(output)).toEqual({
      zemo: 'Cristiano Ronaldo',
      banco: '4',
      inss: 1,
      eccor: ['CCB FGTS'],
      webhook: true,
      refused: "must have required property 'eventCode'",
      notFound: 404,
      money: 'R$ 45,70',
    });
    for (const server of Object.values(servers)) expect(server.problems).toEqual([]);

    const cjs = JSON.parse(await sh([process.execPath, ['check.cjs']], app, 30_000)) as { found: Record<string, number>; sameErrors: boolean; factory: string };
    expect(Object.values(cjs.found).every((count) => count > 0)).toBe(true);
    expect(cjs).toMatchObject({ sameErrors: true, factory: 'function' });
  });
});
