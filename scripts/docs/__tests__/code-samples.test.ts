/** Code samples are generated from the contract: the right client, auth, values and mock URL, never typed by hand. */
import { describe, expect, it } from 'vitest';
import { listOperations, type JsonObject, type OperationRef } from '@credit-apis/contract-core';
import { REDOC_OPTIONS } from '../build-site.js';
import { codeSamplesFor, CURL, SAMPLE_LANGUAGES, SampleError, TYPESCRIPT, type CodeSample } from '../code-samples.js';
import { docsBundle, INDEX_LINK } from '../docs-bundle.js';
import { AUTH_HEADING, errorsMarkdown, ERRORS_HEADING } from '../overview.js';
import { quirksMarkdown, QUIRKS_HEADING } from '../quirks.js';
import { redocSlug } from '../redoc-anchors.js';
import { bearerApi, committedBundles, oauthApi } from './fixtures.js';

function operation(doc: JsonObject, operationId: string): OperationRef {
  const found = listOperations(doc).find((op) => op.operation.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

function sample(samples: CodeSample[], lang: string): string {
  const found = samples.find((candidate) => candidate.lang === lang);
  if (!found) throw new Error(`no ${lang} sample`);
  return found.source;
}

describe('TypeScript samples use the agreed client API of @credit-apis/<slug>', () => {
  it('a read: factory, bearer auth from the environment, path and query values from the first documented example', () => {
    const doc = bearerApi();
    const ts = sample(codeSamplesFor(doc, 'fixture', operation(doc, 'getLoan')), TYPESCRIPT);
    expect(ts).toContain("import { createFixtureClient, bearer } from '@credit-apis/fixture';");
    expect(ts).toContain("environment: 'mock',");
    expect(ts).toContain("auth: bearer(process.env.FIXTURE_TOKEN ?? ''),");
    expect(ts).toContain("const { data, error } = await client.GET('/loans/{loan_id}', {");
    expect(ts).toContain("loan_id: 'L-1',");
    expect(ts).not.toContain('L-2');
    expect(ts).toContain("expand: 'installments & fees',");
    // An optional parameter without a documented value is left out rather than invented.
    expect(ts).not.toContain('page');
    expect(ts).not.toContain('unwrap');
  });

  it('a write: unwrap() around the call, the first body example printed as a literal', () => {
    const doc = bearerApi();
    const ts = sample(codeSamplesFor(doc, 'fixture', operation(doc, 'createLoan')), TYPESCRIPT);
    expect(ts).toContain("import { createFixtureClient, bearer, unwrap } from '@credit-apis/fixture';");
    expect(ts).toContain("const data = unwrap(await client.POST('/loans', {");
    expect(ts).toContain('amount: 100,');
    expect(ts).toContain("'debt-key': 'it\\'s',");
    expect(ts).toMatch(/list: \[\n\s+1,\n\s+2,\n\s+\],/);
    expect(ts).not.toContain('amount: 200');
  });

  it('OAuth2 client credentials: clientCredentials() with the mock token URL and the required scope', () => {
    const doc = oauthApi();
    const ts = sample(codeSamplesFor(doc, 'oauth-fixture', operation(doc, 'listProducts')), TYPESCRIPT);
    expect(ts).toContain("import { createOauthFixtureClient, clientCredentials } from '@credit-apis/oauth-fixture';");
    expect(ts).toContain("tokenUrl: 'http://127.0.0.1:4010/oauth-fixture/oauth2/token',");
    expect(ts).toContain("clientId: process.env.OAUTH_FIXTURE_CLIENT_ID ?? '',");
    expect(ts).toContain("scope: 'credit/admin',");
    expect(ts).toContain("await client.GET('/v1/Product');");
  });

  it('the token endpoint: a form body with its content type, and a note that the client fetches tokens itself', () => {
    const doc = oauthApi();
    const ts = sample(codeSamplesFor(doc, 'oauth-fixture', operation(doc, 'requestToken')), TYPESCRIPT);
    expect(ts).toContain("'Content-Type': 'application/x-www-form-urlencoded',");
    expect(ts).toContain("grant_type: 'client_credentials',");
    expect(ts).toContain('// clientCredentials() already fetches and renews this token');
  });

  it('a required value with no documented example becomes a typed placeholder that names it', () => {
    const doc = bearerApi();
    const getLoan = operation(doc, 'getLoan').operation;
    getLoan.parameters = [
      { name: 'loan_id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'page', in: 'query', required: true, schema: { type: 'integer' } },
    ];
    const samples = codeSamplesFor(doc, 'fixture', operation(doc, 'getLoan'));
    expect(sample(samples, TYPESCRIPT)).toContain("loan_id: '<loan_id>',");
    expect(sample(samples, TYPESCRIPT)).toContain('page: 0,');
    expect(sample(samples, CURL)).toContain("--url 'http://127.0.0.1:4010/fixture/loans/<loan_id>?page=0'");
  });

  it('webhooks get no sample (partners receive them; Redoc shows their payload)', () => {
    const doc = bearerApi();
    expect(codeSamplesFor(doc, 'fixture', operation(doc, 'onLoanPaid'))).toEqual([]);
  });
});

describe('curl samples call the local mock server', () => {
  it('a read: mock URL with encoded path and query values, bearer token from the environment', () => {
    const doc = bearerApi();
    const curl = sample(codeSamplesFor(doc, 'fixture', operation(doc, 'getLoan')), CURL);
    expect(curl).toContain("--url 'http://127.0.0.1:4010/fixture/loans/L-1?expand=installments+%26+fees'");
    expect(curl).toContain('--header "Authorization: Bearer $FIXTURE_TOKEN"');
    expect(curl).toContain('--request GET');
  });

  it('a write: the JSON body, single quotes escaped for the shell', () => {
    const doc = bearerApi();
    const curl = sample(codeSamplesFor(doc, 'fixture', operation(doc, 'createLoan')), CURL);
    expect(curl).toContain("--header 'Content-Type: application/json'");
    expect(curl).toContain(`"debt-key": "it'\\''s"`);
  });

  it("the token endpoint: the path item's mock server, basic auth and url-encoded fields", () => {
    const doc = oauthApi();
    const curl = sample(codeSamplesFor(doc, 'oauth-fixture', operation(doc, 'requestToken')), CURL);
    expect(curl).toContain("--url 'http://127.0.0.1:4010/oauth-fixture/oauth2/token'");
    expect(curl).toContain('--header "Authorization: Basic $OAUTH_FIXTURE_BASIC_TOKEN"');
    expect(curl).toContain("--data-urlencode 'scope=credit/admin'");
  });

  it('an OAuth2 operation says where its bearer token comes from', () => {
    const doc = oauthApi();
    const curl = sample(codeSamplesFor(doc, 'oauth-fixture', operation(doc, 'listProducts')), CURL);
    expect(curl).toMatch(/^# OAUTH_FIXTURE_TOKEN: the access_token answered by POST \/oauth2\/token\n/);
  });

  it('fails loudly when a spec lists no local mock server', () => {
    const doc = bearerApi();
    doc.servers = [{ url: 'https://api.example.invalid' }];
    expect(() => codeSamplesFor(doc, 'fixture', operation(doc, 'getLoan'))).toThrow(SampleError);
  });

  it('fails loudly when a required body has no documented example', () => {
    const doc = bearerApi();
    const create = operation(doc, 'createLoan').operation;
    create.requestBody = { required: true, content: { 'application/json': { schema: { type: 'object' } } } };
    expect(() => codeSamplesFor(doc, 'fixture', operation(doc, 'createLoan'))).toThrow(/no documented example/);
  });
});

describe('Redoc 3 shows the TypeScript samples', () => {
  it('every sample language is listed in codeSamples.languages (Redoc 3 hides unlisted ones, and lists no TypeScript by default)', () => {
    const listed = new Set(REDOC_OPTIONS.codeSamples.languages.map(({ lang }) => lang.toLowerCase()));
    expect(REDOC_OPTIONS.codeSamples.languages).toBe(SAMPLE_LANGUAGES);
    const doc = bearerApi();
    for (const op of listOperations(doc)) {
      for (const { lang, label } of codeSamplesFor(doc, 'fixture', op))
        expect(listed, `${lang} sample`).toContain((label || lang).toLowerCase());
    }
  });
});

describe('the docs-only copy of a bundle', () => {
  it('adds samples and readable quirks without touching the committed bundle', () => {
    const bundle = bearerApi();
    bundle['x-generated'] = 'banner';
    const before = structuredClone(bundle);
    const { doc, operations, webhooks } = docsBundle(bundle, 'fixture');
    expect(bundle).toEqual(before);
    expect([operations, webhooks]).toEqual([2, 1]);
    expect(doc['x-generated']).toBeUndefined();
    const getLoan = operation(doc, 'getLoan').operation;
    expect((getLoan['x-codeSamples'] as JsonObject[]).map((entry) => entry.lang)).toEqual([TYPESCRIPT, CURL]);
    expect(String(getLoan.description)).toContain(QUIRKS_HEADING);
    expect(String((doc.info as JsonObject).description)).toMatch(new RegExp(`^${INDEX_LINK.replace(/[[\]()]/g, '\\$&')}`));
    expect(operation(doc, 'onLoanPaid').operation['x-codeSamples']).toBeUndefined();
    const intro = String((doc.info as JsonObject).description);
    expect(intro).toContain(`## ${AUTH_HEADING}\n\n- **bearerAuth** — HTTP bearer; used by 2 of 2 operations.`);
    expect(intro).not.toContain(`## ${ERRORS_HEADING}`);
  });

  it('refuses hand-written samples in a spec (they would drift from the generated ones)', () => {
    const bundle = bearerApi();
    operation(bundle, 'getLoan').operation['x-codeSamples'] = [{ lang: 'curl', source: 'curl …' }];
    expect(() => docsBundle(bundle, 'fixture')).toThrow(/hand-written code samples/);
  });

  it('renders quirks as one line each, HTML escaped outside code spans', () => {
    const markdown = quirksMarkdown([
      { where: 'responses.200', documented: 'a <b>bold</b> `<code>` claim\n  over two lines', chosen: 'the reading' },
    ]);
    expect(markdown).toContain('- **`responses.200`**');
    expect(markdown).toContain('  - *Documented:* a &lt;b&gt;bold&lt;/b&gt; `<code>` claim over two lines');
    expect(markdown).toContain('  - *Chosen:* the reading');
    expect(quirksMarkdown([])).toBe('');
  });
});

describe('the overview sections', () => {
  it('list every error status with its body shape and how many operations document it', () => {
    const doc = bearerApi();
    const getLoan = operation(doc, 'getLoan').operation;
    getLoan.responses = {
      '200': { description: 'ok' },
      '401': { $ref: '#/components/responses/Unauthorized' },
      '404': { description: 'missing', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } },
    };
    (doc.components as JsonObject).responses = { Unauthorized: { description: 'no token' } };
    const markdown = errorsMarkdown(doc);
    expect(markdown).toContain('| 401 | no body (Unauthorized) | 1 |');
    expect(markdown).toContain('| 404 | `Problem` (application/json) | 1 |');
    expect(markdown).not.toContain('| 200 ');
  });
});

describe('every committed bundle', () => {
  const bundles = committedBundles();
  it('exists for at least one provider', () => {
    expect(bundles.length).toBeGreaterThan(0);
  });
  for (const { slug, bundle } of bundles) {
    it(`${slug}: every operation gets a TypeScript and a curl sample for its own method and path, every webhook none`, () => {
      const { doc } = docsBundle(bundle, slug);
      for (const op of listOperations(doc)) {
        const samples = (op.operation['x-codeSamples'] ?? []) as unknown as CodeSample[];
        if (op.kind === 'webhooks') {
          expect(samples, `webhook ${op.key}`).toEqual([]);
          continue;
        }
        expect(
          samples.map((entry) => entry.lang),
          `${op.method} ${op.key}`,
        ).toEqual([TYPESCRIPT, CURL]);
        expect(sample(samples, TYPESCRIPT)).toContain(`client.${op.method.toUpperCase()}('${op.key}'`);
        expect(sample(samples, CURL)).toContain(`--request ${op.method.toUpperCase()}`);
        expect(sample(samples, CURL)).toContain(`--url 'http://127.0.0.1:4010/${slug}/`);
      }
    });
  }
});

describe('Redoc anchors', () => {
  it('slug tag and operation names the way Redoc 3 routes them', () => {
    expect(redocSlug('Natural Persons')).toBe('natural-persons');
    expect(redocSlug('createCreditNote')).toBe('createcreditnote');
    expect(redocSlug('Operações & Títulos')).toBe('operacoes-and-titulos');
    expect(redocSlug('Bank accounts - Pix')).toBe('bank-accounts-pix');
  });
});
