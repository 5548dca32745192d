/**
 * Makes the docs-only copy of a provider's committed bundle: every operation gets its generated
 * `x-codeSamples`, and every operation or webhook with `x-doc-quirks` gets them in readable form under its
 * description. The committed bundle and the specs are never touched: what partners read is derived at build
 * time, so a spec change cannot leave a stale sample behind.
 */
import { isObject, listOperations, type JsonObject } from '@credit-apis/contract-core';
import { codeSamplesFor } from './code-samples.js';
import { authenticationMarkdown, errorsMarkdown } from './overview.js';
import { quirksMarkdown, readQuirks } from './quirks.js';

/** Markdown link from a provider page to the index; the pages sit side by side in one folder. */
export const INDEX_LINK = '[← All credit-apis providers: install, mock server, the ECCOR FGTS flow](index.html)';

/** The contract's files next to its page (build-site.ts copies them from @credit-apis/specs). */
export function contractFiles(slug: string): { json: string; yaml: string } {
  return { json: `${slug}.openapi.json`, yaml: `${slug}.openapi.yaml` };
}

/** Markdown line atop each provider page: the contract itself, for generators and other tools. */
export function contractLinkMarkdown(slug: string): string {
  const files = contractFiles(slug);
  return `**Download the contract:** [OpenAPI JSON](${files.json}) · [OpenAPI YAML](${files.yaml}) — also \`npm install @credit-apis/specs\` (\`@credit-apis/specs/${slug}.json\`), and served by the mock at \`/${slug}/openapi.json\`.`;
}

export interface DocsBundle {
  doc: JsonObject;
  /** How many operations (paths) and webhooks the page documents, for the build's summary. */
  operations: number;
  webhooks: number;
}

export function docsBundle(bundle: JsonObject, slug: string): DocsBundle {
  const doc = structuredClone(bundle);
  // The banner tells maintainers not to edit the committed bundle; on a docs page it is noise.
  delete doc['x-generated'];
  // Redoc builds one API per page: the way back to the other providers is a link atop each page. Auth and
  // error shapes get an overview at the end of the introduction (overview.ts says why).
  if (isObject(doc.info)) {
    const description = typeof doc.info.description === 'string' ? doc.info.description.trimEnd() : '';
    const overview = [authenticationMarkdown(doc), errorsMarkdown(doc)].filter(Boolean);
    doc.info.description = `${[INDEX_LINK, contractLinkMarkdown(slug), description, ...overview].filter(Boolean).join('\n\n')}\n`;
  }
  const found = listOperations(doc);
  for (const op of found) {
    const samples = codeSamplesFor(doc, slug, op);
    // A hand-written sample in a spec would be shown next to the generated ones and could drift: refuse it.
    if ('x-codeSamples' in op.operation || 'x-code-samples' in op.operation) {
      throw new Error(`${slug}: ${op.method.toUpperCase()} ${op.key} has hand-written code samples; the docs build generates them`);
    }
    if (samples.length > 0) op.operation['x-codeSamples'] = samples.map((sample) => ({ ...sample }));
    const quirks = quirksMarkdown(readQuirks(op.operation['x-doc-quirks']));
    if (quirks) {
      const description = typeof op.operation.description === 'string' ? op.operation.description.trimEnd() : '';
      op.operation.description = description ? `${description}\n\n${quirks}\n` : `${quirks}\n`;
    }
  }
  return {
    doc,
    operations: found.filter((op) => op.kind === 'paths').length,
    webhooks: found.filter((op) => op.kind === 'webhooks').length,
  };
}

/** Title and one-line purpose of an API, for the index page. */
export function apiSummary(doc: JsonObject): { title: string; summary: string; version: string } {
  const info = isObject(doc.info) ? doc.info : {};
  return {
    title: String(info.title ?? ''),
    summary: String(info.summary ?? ''),
    version: String(info.version ?? ''),
  };
}
