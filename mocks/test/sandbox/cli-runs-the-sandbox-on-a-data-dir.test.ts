/**
 * `pnpm start --sandbox --data-dir`: the flags, the banner, webhook delivery from the real process, the state
 * kept in the folder across a SIGTERM and the next start; `--state-file` (gone: it names `--data-dir` and the
 * import) or a sandbox flag without `--sandbox` is refused at start-up (exit 2).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import { cwd, runCli, startCli as start } from './cli-process.js';
import { startReceiver } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'credit-apis-sandbox-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => runCli('--port', '0', ...args);

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { authorization: SAMPLE_BEARER, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('pnpm start --sandbox', () => {
  it('serves the sandbox, delivers webhooks, and finds its state in the folder on the next start', async () => {
    const receiver = await startReceiver();
    const folder = join(dir, 'data');
    try {
      const first = await start(
        '--sandbox',
        '--data-dir',
        folder,
        '--webhook-url',
        receiver.url,
        '--webhook-timeout',
        '2000',
        '--webhook-attempts',
        '2',
      );
      expect(first.output()).toMatch(
        new RegExp(
          `/_sandbox/ +sandbox: eccor-fgts, nossa-fintech-inss with data dir ${folder.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(0 persons`,
        ),
      );
      const index = (await (await fetch(`${first.url}/_sandbox/`)).json()) as {
        deliveryPolicy: { timeoutMs: number; maxAttempts: number };
      };
      expect(index.deliveryPolicy).toMatchObject({ timeoutMs: 2000, maxAttempts: 2 });

      const spec = JSON.parse(readFileSync(join(cwd, '..', 'generated', 'eccor-fgts', 'openapi.json'), 'utf8')) as {
        paths: Record<
          string,
          { post: { requestBody: { content: { 'application/json': { examples: Record<string, { value: unknown }> } } } } }
        >;
      };
      const personBody = spec.paths['/v1/NaturalPerson']?.post.requestBody.content['application/json'].examples.pixAndTransfer?.value;
      const personId = (await (await fetch(`${first.url}/eccor-fgts/v1/NaturalPerson`, json(personBody))).json()) as string;
      const person = (await (
        await fetch(`${first.url}/eccor-fgts/v1/NaturalPerson/${personId}`, { headers: { authorization: SAMPLE_BEARER } })
      ).json()) as { bankAccounts: { id: string }[] };
      const noteBody = structuredClone(
        spec.paths['/v1/CreditNote']?.post.requestBody.content['application/json'].examples.creditNote?.value,
      ) as Record<string, unknown> & { amortization: Record<string, unknown> };
      Object.assign(noteBody, { personId, beneficiaryId: personId, bankAccountId: person.bankAccounts[0]?.id });
      noteBody.amortization.startDate = new Date(Date.now() + 2 * 86_400_000).toISOString();
      const noteId = (await (await fetch(`${first.url}/eccor-fgts/v1/CreditNote`, json(noteBody))).json()) as string;
      expect(
        (
          await fetch(`${first.url}/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`, {
            method: 'POST',
            headers: { authorization: SAMPLE_BEARER },
          })
        ).status,
      ).toBe(200);
      await receiver.waitFor(3, { timeoutMs: 10_000, what: 'three notifications' });
      expect(receiver.received).toHaveLength(3);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = await start('--sandbox', '--data-dir', folder);
      expect(second.output()).toContain('(1 person, 1 credit note, 0 INSS operations)');
      expect(second.output()).toContain('no webhook URL');
      const again = await fetch(`${second.url}/eccor-fgts/v1/NaturalPerson/${personId}`, { headers: { authorization: SAMPLE_BEARER } });
      expect(again.status).toBe(200);
      const note = (await (await fetch(`${second.url}/_sandbox/eccor-fgts/credit-notes/${noteId}`)).json()) as { status: number };
      expect(note.status).toBe(2);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    } finally {
      await receiver.close();
    }
  }, 120_000);

  it('refuses --state-file, naming --data-dir and the import, and sandbox flags without --sandbox', async () => {
    const cases: [string[], RegExp][] = [
      [['--sandbox', '--state-file', 'old.json'], /--state-file is gone.*import-state old\.json --data-dir <dir>/],
      [['--state-file', join(dir, 'x.json')], /--state-file needs --sandbox/],
      [['--data-dir', join(dir, 'x')], /--data-dir needs --sandbox/],
      [['--webhook-url', 'http://127.0.0.1:9/hook'], /--webhook-url needs --sandbox/],
      [['--sandbox', '--webhook-url', 'ftp://example.com/hook'], /--webhook-url takes an http\(s\) URL/],
      [['--sandbox', '--webhook-attempts', '0'], /--webhook-attempts must be a whole number from 1 to 20/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await run(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
  }, 120_000);
});
