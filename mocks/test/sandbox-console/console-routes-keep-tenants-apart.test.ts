/**
 * The console's routes keep partners apart: on a loopback bind the page may list the tenants seen so far and
 * pick one (`?tenant=`); beyond loopback there is no list, `?tenant=` names nobody, and a tenant's records
 * (the console's overview, the deliveries, the credit notes) are shown only to its own credential. State
 * changes (pause/resume) follow the control policy like the other control routes. The page itself is what a
 * browser gets at `/_sandbox/`; a JSON client still gets the JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlRequest, Sandbox } from '../../src/sandbox/index.js';
import type { RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';
import {
  call,
  control,
  createCreditNote,
  requestExample,
  SAMPLE_BEARER,
  startSandboxWithReceiver,
  type Receiver,
} from '../sandbox/support.js';

/** The support's helpers create records with the sample bearer: that tenant is Alice here. */
const ALICE = SAMPLE_BEARER;
const BOB = 'Bearer bob-token';

let running: RunningMock;
let hook: Receiver;
let close: () => Promise<void>;
let aliceNote: string;
beforeAll(async () => {
  ({ running, hook, close } = await startSandboxWithReceiver());
  aliceNote = (await createCreditNote(running)).noteId;
  const bobPerson = await call(
    running,
    'POST',
    '/eccor-fgts/v1/NaturalPerson',
    requestExample(running, 'eccor-fgts', 'createNaturalPerson'),
    { authorization: BOB },
  );
  if (bobPerson.status !== 200) throw new Error(bobPerson.text);
});
afterAll(() => close());

function routes(request: Partial<ControlRequest> & { path: string }) {
  const sandbox = running.mock.sandbox as Sandbox;
  return sandbox.routes({ method: 'GET', query: undefined, body: undefined, headers: {}, controlOpen: true, loopback: false, ...request });
}

describe('on a loopback bind', () => {
  it('lists the tenants seen so far, and the overview of one picked by name', async () => {
    const listed = (await control(running, 'GET', '/tenants')).json as { listed: boolean; tenants: string[] };
    expect(listed.listed).toBe(true);
    expect(listed.tenants.length).toBeGreaterThanOrEqual(1);
    const owner = (await control(running, 'GET', `/overview?tenant=${encodeURIComponent(listed.tenants[0] as string)}`)).json as {
      tenant: string;
    };
    expect(owner.tenant).toBe(listed.tenants[0]);
    const withNote = await Promise.all(
      listed.tenants.map(async (tenant) =>
        (
          (await control(running, 'GET', `/overview?tenant=${encodeURIComponent(tenant)}`)).json as { creditNotes: { id: string }[] }
        ).creditNotes.map((note) => note.id),
      ),
    );
    expect(withNote.flat()).toContain(aliceNote);
  });
});

describe('beyond loopback', () => {
  it('lists no tenant and ignores ?tenant=', async () => {
    const listed = JSON.parse((await routes({ path: '/tenants' })).body.toString()) as { listed: boolean; tenants: string[] };
    expect(listed).toMatchObject({ listed: false, tenants: [] });
    const everyTenant = (await control(running, 'GET', '/tenants')).json as { tenants: string[] };
    for (const tenant of everyTenant.tenants) {
      const picked = await routes({ path: '/overview', query: new URLSearchParams({ tenant }) });
      expect(picked.status).toBe(401);
    }
  });

  it("shows a tenant's records only to its credential, and the operator's every-tenant reads to nobody", async () => {
    const alice = JSON.parse((await routes({ path: '/overview', headers: { authorization: ALICE } })).body.toString()) as {
      tenant: string;
      creditNotes: unknown[];
    };
    const bob = JSON.parse((await routes({ path: '/overview', headers: { authorization: BOB } })).body.toString()) as {
      tenant: string;
      creditNotes: unknown[];
      persons: unknown[];
    };
    expect(alice.tenant).not.toBe(bob.tenant);
    expect(bob.creditNotes).toEqual([]);
    expect(bob.persons).toHaveLength(1);
    for (const path of ['/overview', '/deliveries', '/eccor-fgts/credit-notes', `/eccor-fgts/credit-notes/${aliceNote}`]) {
      expect((await routes({ path })).status, path).toBe(401);
    }
    // Another tenant's note is not found through Bob's credential.
    expect((await routes({ path: `/eccor-fgts/credit-notes/${aliceNote}`, headers: { authorization: BOB } })).status).toBe(404);
  });

  it('pauses and resumes only where control routes are open, and only URLs of the tenant', async () => {
    const body = Buffer.from(JSON.stringify({ url: hook.url }));
    expect(
      (await routes({ method: 'POST', path: '/webhooks/pause', body, headers: { authorization: BOB }, controlOpen: false })).status,
    ).toBe(403);
    expect((await routes({ method: 'POST', path: '/webhooks/pause', body })).status).toBe(401);
    expect(
      (
        await routes({
          method: 'POST',
          path: '/webhooks/pause',
          body: Buffer.from('{"url": "http://127.0.0.1:1/not-its"}'),
          headers: { authorization: BOB },
        })
      ).status,
    ).toBe(404);
    expect(
      (await routes({ method: 'POST', path: '/webhooks/pause', body: Buffer.from('nope'), headers: { authorization: BOB } })).status,
    ).toBe(400);
    expect((await routes({ method: 'POST', path: '/webhooks/pause', body, headers: { authorization: BOB } })).status).toBe(200);
    const held = JSON.parse((await routes({ path: '/overview', headers: { authorization: BOB } })).body.toString()) as {
      urls: { url: string; held: boolean }[];
    };
    expect(held.urls).toEqual([expect.objectContaining({ url: hook.url, held: true })]);
    expect((await routes({ method: 'POST', path: '/webhooks/resume', body, headers: { authorization: BOB } })).status).toBe(200);
  });
});

describe('the page', () => {
  it('is what a browser gets at /_sandbox/, with a policy that loads nothing from another host; JSON clients get JSON', async () => {
    const page = await send(`${running.url}/_sandbox/`, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('<script src="/_sandbox/console.js"');
    const asJson = await send(`${running.url}/_sandbox/`, { headers: { accept: 'application/json' } });
    expect(asJson.json).toMatchObject({ sandbox: true });
    expect((await send(`${running.url}/_sandbox/`)).json).toMatchObject({ sandbox: true });
    expect((await send(`${running.url}/`)).json).toMatchObject({ sandbox: `${running.url}/_sandbox/` });
  });
});
