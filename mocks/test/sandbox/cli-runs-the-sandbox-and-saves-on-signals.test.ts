/**
 * `pnpm start --sandbox`: the flags, the banner, webhook delivery from the real process, the state file
 * saved on SIGTERM and loaded by the next start; a bad state file or a sandbox flag without `--sandbox` is
 * refused at start-up (exit 2).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, startCli, type Started } from '@credit-apis/test-kit/cli';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import { eventually, startReceiver } from './support.js';

const cli = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));
const cwd = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'credit-apis-sandbox-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(...args: string[]): Promise<Started> {
  // Started once the banner is whole, sandbox line included.
  return startCli(['--import', 'tsx', cli, '--port', '0', '--quiet', ...args], {
    cwd,
    banner: /listening on (http:\/\/\S+) [\s\S]*\n$/,
    ready: (output) => output.includes('/_sandbox/'),
  });
}

function run(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  return runCli(['--import', 'tsx', cli, '--port', '0', ...args], { cwd });
}

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { authorization: SAMPLE_BEARER, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('pnpm start --sandbox', () => {
  it('serves the sandbox, delivers webhooks, saves the state on SIGTERM and loads it on the next start', async () => {
    const receiver = await startReceiver();
    const file = join(dir, 'state.json');
    try {
      const first = await start('--sandbox', '--state-file', file, '--webhook-url', receiver.url, '--webhook-timeout', '2000', '--webhook-attempts', '2');
      expect(first.output()).toMatch(new RegExp(`/_sandbox/ +sandbox: eccor-fgts, nossa-fintech-inss with state file ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(0 persons`));
      const index = (await (await fetch(`${first.url}/_sandbox/`)).json()) as { deliveryPolicy: { timeoutMs: number; maxAttempts: number } };
      expect(index.deliveryPolicy).toMatchObject({ timeoutMs: 2000, maxAttempts: 2 });

      const spec = JSON.parse(readFileSync(join(cwd, '..', 'generated', 'eccor-fgts', 'openapi.json'), 'utf8')) as { paths: Record<string, { post: { requestBody: { content: { 'application/json': { examples: Record<string, { value: unknown }> } } } } }> };
      const personBody = spec.paths['/v1/NaturalPerson']?.post.requestBody.content['application/json'].examples.pixAndTransfer?.value;
      const personId = (await (await fetch(`${first.url}/eccor-fgts/v1/NaturalPerson`, json(personBody))).json()) as string;
      const person = (await (await fetch(`${first.url}/eccor-fgts/v1/NaturalPerson/${personId}`, { headers: { authorization: SAMPLE_BEARER } })).json()) as { bankAccounts: { id: string }[] };
      const noteBody = structuredClone(spec.paths['/v1/CreditNote']?.post.requestBody.content['application/json'].examples.creditNote?.value) as Record<string, unknown> & { amortization: Record<string, unknown> };
      Object.assign(noteBody, { personId, beneficiaryId: personId, bankAccountId: person.bankAccounts[0]?.id });
      noteBody.amortization.startDate = new Date(Date.now() + 2 * 86_400_000).toISOString();
      const noteId = (await (await fetch(`${first.url}/eccor-fgts/v1/CreditNote`, json(noteBody))).json()) as string;
      expect((await fetch(`${first.url}/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`, { method: 'POST', headers: { authorization: SAMPLE_BEARER } })).status).toBe(200);
      await eventually(() => receiver.received.length === 3, 10_000, 'three notifications');

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { eccorFgts: { persons: Record<string, unknown>; creditNotes: Record<string, { status: number }> } };
      expect(Object.keys(saved.eccorFgts.persons)).toEqual([personId]);
      expect(saved.eccorFgts.creditNotes[noteId]?.status).toBe(2);

      const second = await start('--sandbox', '--state-file', file);
      expect(second.output()).toContain('(1 person, 1 credit note, 0 INSS operations)');
      expect(second.output()).toContain('no webhook URL');
      const again = await fetch(`${second.url}/eccor-fgts/v1/NaturalPerson/${personId}`, { headers: { authorization: SAMPLE_BEARER } });
      expect(again.status).toBe(200);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('refuses a state file it cannot use, and sandbox flags without --sandbox', async () => {
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{ not json');
    const cases: [string[], RegExp][] = [
      [['--sandbox', '--state-file', corrupt], /--state-file .*corrupt\.json: is not valid JSON/],
      [['--state-file', join(dir, 'x.json')], /--state-file needs --sandbox/],
      [['--webhook-url', 'http://127.0.0.1:9/hook'], /--webhook-url needs --sandbox/],
      [['--sandbox', '--webhook-url', 'ftp://example.com/hook'], /--webhook-url takes an http\(s\) URL/],
      [['--sandbox', '--webhook-attempts', '0'], /--webhook-attempts must be a whole number from 1 to 20/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await run(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
    expect(readFileSync(corrupt, 'utf8')).toBe('{ not json');
  });
});
