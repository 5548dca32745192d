/**
 * The one place that makes a Redocly-built page work with no network at all. Measured with
 * @redocly/cli 2.77.0 (Redoc 3.0.1) in Chromium, a page built by `build-docs`:
 *
 *  1. by default imports Redoc's script from `https://cdn.redocly.com/redoc/v<version>/bundles/redoc.standalone.js`
 *     (plus a `modulepreload` of it), so offline no operation renders beyond the server-rendered shell.
 *     Fix: build with `--inlineBundle` ({@link OFFLINE_BUILD_ARGS}): the CLI then inlines the
 *     `redoc.standalone.js` it ships, and no script is loaded from anywhere.
 *  2. still requests the Redocly logo of the sidebar footer ("API docs by" + `<img>`) from
 *     `https://cdn.redoc.ly/redoc/logo-mini-full.svg` (`logo-mini.svg` when the sidebar is collapsed) once
 *     hydrated; offline that fails and logs `Failed to load resource` as a console error.
 *     Fix: both URLs are replaced by a `data:` SVG wordmark, so the attribution stays and loads nothing.
 *  3. names more CDN URLs in the inlined script that our pages never hit today but a future option or
 *     Redoc release could: the icon packs `https://cdn.redocly.com/icons/fa/7.0.0` and
 *     `https://cdn.redocly.com/icons/code/5.24.0` (CSS masks for named icons), and the telemetry endpoint
 *     `https://otel.cloud.redocly.com/v1/traces`. Fix: the icon bases become an empty `data:` SVG (a named
 *     icon renders blank instead of fetching), telemetry is forced off in the page's options
 *     (`disableTelemetry: true`, which the CLI otherwise derives from its environment) and its endpoint is
 *     replaced by an inert `data:` URL.
 *  4. A Content-Security-Policy is added that allows nothing but the page's own inline script and styles
 *     and `data:`/`blob:` resources: whatever a reader clicks, the browser itself refuses to contact
 *     another host.
 *
 * Every replacement must match at least once: when a Redocly upgrade renames a URL, the build fails here
 * instead of quietly shipping a page that phones home. {@link assertOffline} then re-checks the result.
 */

/** Flags `redocly build-docs` needs for an offline page (see 1 above). */
export const OFFLINE_BUILD_ARGS: readonly string[] = ['--inlineBundle'];

const WORDMARK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16" viewBox="0 0 64 16"><text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044D4">Redocly</text></svg>';
const MARK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><text x="3" y="12" font-family="sans-serif" font-size="12" font-weight="700" fill="#0044D4">R</text></svg>';
const EMPTY_SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>';

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

interface Replacement {
  /** What the URL was for, printed by the build and used in error messages. */
  what: string;
  from: string;
  to: string;
}

export const REPLACEMENTS: readonly Replacement[] = [
  { what: 'Redocly logo (sidebar footer)', from: 'https://cdn.redoc.ly/redoc/logo-mini-full.svg', to: svgDataUrl(WORDMARK_SVG) },
  { what: 'Redocly logo (collapsed sidebar)', from: 'https://cdn.redoc.ly/redoc/logo-mini.svg', to: svgDataUrl(MARK_SVG) },
  // The icon component appends `/<type>/<name>.svg`; after a `data:` SVG comma that is harmless text.
  { what: 'icon pack font-awesome', from: 'https://cdn.redocly.com/icons/fa/7.0.0', to: svgDataUrl(EMPTY_SVG) },
  { what: 'icon pack code', from: 'https://cdn.redocly.com/icons/code/5.24.0', to: svgDataUrl(EMPTY_SVG) },
  { what: 'telemetry endpoint', from: 'https://otel.cloud.redocly.com/v1/traces', to: 'data:,telemetry-disabled' },
];

/**
 * Hosts a page must never name as something to load. Links a reader may click (the API's own external
 * docs, "API docs by Redocly") are navigation, not requests, and are not listed.
 */
export const FORBIDDEN_HOSTS: readonly string[] = [
  'cdn.redoc.ly',
  'cdn.redocly.com',
  'otel.cloud.redocly.com',
  'cdn.jsdelivr.net',
  'unpkg.com',
  'fonts.googleapis.com',
  'fonts.gstatic.com',
];

/** Only the page's inline code and data: URLs; blob: for anything Redoc builds in memory (downloads). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  'connect-src data: blob:',
  'worker-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export class OfflineError extends Error {
  override name = 'OfflineError';
}

export interface OfflineReport {
  /** `what` → how many occurrences were replaced. */
  replaced: Record<string, number>;
}

export function makeOffline(html: string): { html: string; report: OfflineReport } {
  if (/<script[^>]+src=|<link[^>]+rel="modulepreload"/i.test(html) || !/<script type="module">/.test(html)) {
    throw new OfflineError('the page loads its script from elsewhere: build it with --inlineBundle');
  }
  const replaced: Record<string, number> = {};
  let out = html;
  for (const { what, from, to } of REPLACEMENTS) {
    const count = out.split(from).length - 1;
    if (count === 0)
      throw new OfflineError(
        `expected the ${what} URL ${from} in the page: has Redoc changed? Re-measure and update scripts/docs/offline.ts`,
      );
    out = out.split(from).join(to);
    replaced[what] = count;
  }
  const telemetry = /"disableTelemetry":(true|false)/g;
  if (!telemetry.test(out)) throw new OfflineError('expected the page options to carry "disableTelemetry": has Redoc changed?');
  out = out.replace(telemetry, '"disableTelemetry":true');
  replaced['telemetry option forced off'] = 1;
  out = out.replace(/<head>/i, `<head>\n  <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
  assertOffline(out);
  return { html: out, report: { replaced } };
}

/** Throws when a page still names a host it could load from, or lacks the policy that forbids it. */
export function assertOffline(html: string): void {
  const named = FORBIDDEN_HOSTS.filter((host) => html.includes(`//${host}`));
  if (named.length > 0) throw new OfflineError(`the page still names ${named.join(', ')}`);
  if (!html.includes('http-equiv="Content-Security-Policy"')) throw new OfflineError('the page has no Content-Security-Policy');
  if (/"disableTelemetry":false/.test(html)) throw new OfflineError('telemetry is on in the page options');
}
