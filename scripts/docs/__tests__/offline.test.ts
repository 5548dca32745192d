/**
 * The offline fix (offline.ts) against the Redoc script the pinned CLI really inlines: every URL it would
 * load from is replaced, and the fix fails loudly when Redoc changes under it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertOffline, FORBIDDEN_HOSTS, makeOffline, OfflineError, REPLACEMENTS } from '../offline.js';

const require = createRequire(import.meta.url);
const redocScript = readFileSync(
  join(dirname(require.resolve('@redocly/cli/package.json')), 'lib', 'chunks', 'redoc.standalone.js'),
  'utf8',
);

/** The shape of `build-docs --inlineBundle` output (default template), around a given script. */
function inlinePage(script: string, telemetry = false): string {
  return [
    '<html lang="en"><head><meta charset="utf8" /><title>t</title></head><body>',
    '<div id="redoc"></div>',
    '<script type="module">',
    script.replace(/<\/(script)/gi, '<\\/$1'),
    `const __redoc_options = {"codeSamples":{},"disableTelemetry":${String(telemetry)}};`,
    '</script></body></html>',
  ].join('\n');
}

describe('offline.ts against the Redoc 3 script of the pinned CLI', () => {
  it('the inlined script does name the CDN and telemetry URLs that were measured (else re-measure)', () => {
    for (const { from } of REPLACEMENTS) expect(redocScript, from).toContain(from);
  });

  it('leaves no host to load from, forces telemetry off and adds a Content-Security-Policy', () => {
    const { html, report } = makeOffline(inlinePage(redocScript));
    for (const host of FORBIDDEN_HOSTS) expect(html.includes(`//${host}`), host).toBe(false);
    expect(html).toContain('"disableTelemetry":true');
    expect(html).toMatch(/<head>\n {2}<meta http-equiv="Content-Security-Policy" content="default-src 'none'; /);
    expect(Object.keys(report.replaced)).toEqual([...REPLACEMENTS.map(({ what }) => what), 'telemetry option forced off']);
    expect(() => assertOffline(html)).not.toThrow();
  });

  it('refuses a page built without --inlineBundle (Redoc imported from the CDN)', () => {
    const cdnPage = inlinePage('import { hydrate } from "https://cdn.redocly.com/redoc/v3.0.1/bundles/redoc.standalone.js";').replace(
      '<title>',
      '<link rel="modulepreload" href="https://cdn.redocly.com/redoc/v3.0.1/bundles/redoc.standalone.js" /><title>',
    );
    expect(() => makeOffline(cdnPage)).toThrow(/--inlineBundle/);
  });

  it('fails when Redoc no longer names a URL it was measured to load (a silent upgrade must be re-measured)', () => {
    const renamed = redocScript.split('https://cdn.redoc.ly/redoc/logo-mini-full.svg').join('https://cdn.redoc.ly/redoc/logo-2027.svg');
    expect(() => makeOffline(inlinePage(renamed))).toThrow(OfflineError);
  });

  it('assertOffline catches a page that still names a CDN or has telemetry on', () => {
    const { html } = makeOffline(inlinePage(redocScript));
    expect(() => assertOffline(html.replace('</body>', '<img src="https://cdn.redocly.com/x.svg"></body>'))).toThrow(/cdn\.redocly\.com/);
    expect(() => assertOffline(html.replace('"disableTelemetry":true', '"disableTelemetry":false'))).toThrow(/telemetry/);
  });
});
