/**
 * The "Testing your integration" page: offline like every page, linked from the index, and showing the
 * vitest example exactly as the mock's suite runs it (mocks/test/docs-example/), minus the lines the
 * repository needs to load the mock from source — so the page cannot show code that does not run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderIndex } from '../index-page.js';
import { assertOffline } from '../offline.js';
import { EXAMPLE_PATH, exampleSource, renderTestingPage } from '../testing-page.js';

const unescapeHtml = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('testing.html', () => {
  const html = renderTestingPage();

  it('is offline and links back to the index', () => {
    expect(() => assertOffline(html)).not.toThrow();
    expect(html).toContain('<a href="index.html">');
    expect(html).not.toMatch(/\{\{\w+\}\}/);
  });

  it('shows the example file as it runs, without its docs:hide lines and leading comment', () => {
    const file = readFileSync(EXAMPLE_PATH, 'utf8');
    const shown = exampleSource(file);
    expect(file).toContain('vi.mock(');
    expect(shown).not.toContain('vi.mock(');
    expect(shown).not.toContain('docs:hide');
    expect(shown.startsWith("import { bearer, createEccorFgtsClient, TimeoutError, unwrap } from '@credit-apis/eccor-fgts';")).toBe(true);
    expect(shown).toContain("from '@credit-apis/mock-server'");
    // Everything else of the file is shown, line for line.
    for (const line of file.split('\n').filter((line) => line.includes('mock.fault(') || line.includes('expect(')))
      expect(shown).toContain(line);
    expect(unescapeHtml(html)).toContain(shown.trimEnd());
  });

  it('documents every route, fault member and journal field the mock has', () => {
    for (const text of [
      'GET /_mock/requests',
      'DELETE /_mock/requests',
      'POST /_mock/faults',
      'GET /_mock/faults',
      'DELETE /_mock/faults/{id}',
      '--journal-size',
      '--control',
    ])
      expect(unescapeHtml(html)).toContain(text);
    for (const member of ['fault.status', 'fault.delayMs', 'fault.reset', 'fault.truncate', 'times', 'path', 'method', 'provider'])
      expect(html).toContain(`<code>${member}</code>`);
    for (const field of ['seq', 'template', 'operationId', 'query', 'headers', 'body', 'status', 'time'])
      expect(html).toContain(`<code>${field}</code>`);
  });

  it('is linked from the index', () => {
    expect(renderIndex({ providers: [], mockCommand: 'pnpm start', redoclyVersion: 'x' })).toContain(
      '<a href="testing.html">Testing your integration</a>',
    );
  });
});
