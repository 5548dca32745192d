/**
 * What the mock answers about itself carries no secret: `/_sandbox/` and `/_sandbox/deliveries` show the
 * webhook URL with its `?token=` redacted, the stored records they list show no CPF nor e-mail, and the
 * mock's own 404s do not echo them from the path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../support/mock.js';
import { call, control, createCreditNote, startReceiver, startSandbox, type Receiver } from '../sandbox/support.js';

const TOKEN = 's3cr3t-webhook-token';
let receiver: Receiver;
let running: RunningMock;
beforeAll(async () => {
  receiver = await startReceiver();
  running = await startSandbox({ webhookUrls: [new URL(`${receiver.url}?token=${TOKEN}&tenant=1`)] });
});
afterAll(async () => {
  await running.close();
  await receiver.close();
});

describe("the mock's own errors", () => {
  it('echo no CPF, e-mail or secret of the path they could not serve', async () => {
    for (const path of [
      '/no-such-bank/NaturalPerson/00805349960?email=nilce.knupp%40example.com&token=s3cr3t-path-token',
      '/eccor-fgts/v1/Nowhere/00805349960?token=s3cr3t-path-token',
    ]) {
      const answer = await call(running, 'GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.text, path).not.toMatch(/00805349960|nilce|s3cr3t-path-token/);
    }
  });
});

describe('the sandbox control routes', () => {
  it('never show a webhook token, a CPF or an e-mail', async () => {
    const { person, noteId } = await createCreditNote(running);
    expect((await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`)).status).toBe(200);
    await receiver.waitFor(1, { what: 'a delivery' });
    // The webhook URL is used as configured (the partner needs the token), only never shown.
    expect(receiver.received[0]?.headers.host).toBeDefined();

    const cpf = String(person.record.registrationNumber);
    const email = String(person.record.email ?? '');
    expect(cpf).toMatch(/^\d{11}$/);
    for (const path of [
      '/',
      '/deliveries',
      `/deliveries?subject=${noteId}`,
      '/eccor-fgts/credit-notes',
      `/eccor-fgts/credit-notes/${noteId}`,
    ]) {
      const answer = await control(running, 'GET', path);
      expect(answer.status, path).toBe(200);
      expect(answer.text, path).not.toContain(TOKEN);
      expect(answer.text, path).not.toContain(cpf);
      if (email !== '') expect(answer.text, path).not.toContain(email);
    }
    const index = (await control(running, 'GET', '/')).json as { webhookUrls: string[] };
    expect(index.webhookUrls).toEqual([`${receiver.url}?token=***&tenant=1`]);
  });
});
