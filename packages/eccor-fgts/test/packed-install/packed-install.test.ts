/**
 * PACKED-INSTALL TEST (slow: installs six tarballs with npm, runs tsc, and runs the program on three Node
 * versions; bounded at 4 min).
 *
 * The only proof that the published artefacts work: the runtime and the four provider packages (with the
 * contracts they depend on, @credit-apis/specs), as packed once
 * for this run by the `packed` project's global setup (scripts/release/packed.global-setup.ts, which builds
 * what is stale; `pnpm pack` rewrites `workspace:^` to a version range), are installed with npm into an empty
 * project in the OS temp folder — outside the monorepo, so nothing resolves through the workspace — and used
 * there by a TypeScript program that is type-checked with the monorepo's `tsc` (`--module nodenext --strict`,
 * declaration files included: no `skipLibCheck`), compiled, and run against local servers that answer with the
 * specs' examples. A CommonJS `require()` of every entry point runs too.
 *
 * Compatibility: the program and the CommonJS check run on Node 20, 22 and 24 (`inject('nodeBinaries')`: this
 * process's node, and `npx -y node@22` / `node@24` from the npm registry, fetched once by the global setup).
 * They never skip: CI reaches the registry.
 *
 * npm needs the registry (or its cache) for openapi-fetch, ajv and ajv-formats: `--prefer-offline`.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sendJson } from '@credit-apis/test-kit/http-server';
import { readBundle, specOperation, startSpecServer } from '@credit-apis/test-kit/spec-server';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const PACKAGES = ['runtime', 'nossa-fintech-inss', 'banco-cdc', 'zemo', 'eccor-fgts', 'specs'].map((name) => `@credit-apis/${name}`);
const work = mkdtempSync(join(tmpdir(), 'credit-apis-packed-install-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const run = promisify(execFile);

async function sh(command: [string, string[]], cwd: string, { timeout = 90_000 } = {}): Promise<string> {
  try {
    const { stdout } = await run(command[0], command[1], {
      cwd,
      timeout,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, CI: 'true' },
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${[command[0], ...command[1]].join(' ')} (in ${cwd}) failed:\n${stdout}\n${stderr}`, { cause: error });
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
  it('install, type-check, and run a TypeScript program against local servers on Node 20, 22 and 24', { timeout: 240_000 }, async () => {
    const app = join(work, 'app');
    mkdirSync(app);
    const packed = inject('packed').filter((pkg) => PACKAGES.includes(pkg.name));
    expect(packed.map((pkg) => pkg.name).sort()).toEqual([...PACKAGES].sort());

    await sh(['npm', ['init', '-y']], app);
    await sh(['npm', ['pkg', 'set', 'type=module']], app);
    await sh(['npm', ['install', ...packed.map((pkg) => pkg.tarball), '--prefer-offline', '--no-audit', '--no-fund']], app);
    expect(
      readdirSync(join(app, 'node_modules', '@credit-apis'))
        .map((name) => `@credit-apis/${name}`)
        .sort(),
    ).toEqual([...PACKAGES].sort());

    writeFileSync(join(app, 'main.ts'), PROGRAM);
    writeFileSync(join(app, 'check.cjs'), CJS_CHECK);
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    await sh(
      [
        process.execPath,
        [
          tsc,
          'main.ts',
          '--module',
          'nodenext',
          '--moduleResolution',
          'nodenext',
          '--target',
          'es2022',
          '--strict',
          '--outDir',
          'dist',
          '--typeRoots',
          join(root, 'node_modules', '@types'),
          '--types',
          'node',
        ],
      ],
      app,
    );

    const bundles = {
      zemo: readBundle('zemo'),
      banco: readBundle('banco-cdc'),
      inss: readBundle('nossa-fintech-inss'),
      eccor: readBundle('eccor-fgts'),
    };
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
    const webhooks = bundles.eccor.webhooks as Record<
      string,
      { post: { requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> } } }
    >;
    const liquidation = webhooks.liquidation?.post.requestBody.content['application/json']?.examples.liquidation?.value;

    const args = [
      join('dist', 'main.js'),
      servers.zemo.url,
      servers.banco.url,
      servers.inss.url,
      servers.eccor.url,
      zemoId,
      String(tracking.parameters.find((parameter) => parameter.name === 'debt_key')?.example),
      String(tracking.parameters.find((parameter) => parameter.name === 'credit_operation_key')?.example),
      JSON.stringify(liquidation),
    ];
    expect(inject('nodeBinaries').map(([major]) => major)).toEqual([20, 22, 24]);
    for (const [major, node] of inject('nodeBinaries')) {
      const output = await sh([node, args], app, { timeout: 30_000 });
      expect(JSON.parse(output), `the program on Node ${major}`).toEqual({
        zemo: 'Cristiano Ronaldo',
        banco: '4',
        inss: 1,
        eccor: ['CCB FGTS'],
        webhook: true,
        refused: "must have required property 'eventCode'",
        notFound: 404,
        money: 'R$ 45,70',
      });
      for (const server of Object.values(servers)) expect(server.problems, `requests on Node ${major}`).toEqual([]);

      const cjs = JSON.parse(await sh([node, ['check.cjs']], app, { timeout: 30_000 })) as {
        found: Record<string, number>;
        sameErrors: boolean;
        factory: string;
      };
      expect(
        Object.values(cjs.found).every((count) => count > 0),
        `every CommonJS entry point on Node ${major}`,
      ).toBe(true);
      expect(cjs, `CommonJS on Node ${major}`).toMatchObject({ sameErrors: true, factory: 'function' });
    }
  });
});
