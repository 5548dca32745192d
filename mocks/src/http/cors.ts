/**
 * CORS for browser apps. By default only loopback origins (http(s)://localhost, 127.x.x.x, [::1], any
 * port) are allowed: the mock runs on a developer's machine, and a page from anywhere else should not be
 * able to read it. Allowed origins are echoed with `Access-Control-Allow-Credentials: true`; the `*`
 * setting allows every origin but then never with credentials (the Fetch standard forbids the pair).
 * Preflights allow `Authorization`, `Content-Type` and `Prefer` (and whatever else the browser asks for
 * from an allowed origin), and answers expose the headers the specs document (rate limits, challenges).
 */
export interface CorsPolicy {
  /** Extra headers for an actual request from `origin`, or `undefined` when the origin is not allowed. */
  headersFor(origin: string): readonly string[] | undefined;
  /** Headers of a successful preflight, or `undefined` when the origin is not allowed. */
  preflight(origin: string, allow: string, requestedHeaders: string | undefined): string[] | undefined;
}

const LOOPBACK = /^https?:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;
const ALWAYS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Prefer'];

export function createCorsPolicy(origins: readonly string[], exposedHeaders: readonly string[]): CorsPolicy {
  const wildcard = origins.includes('*');
  const listed = new Set(origins.filter((origin) => origin !== '*').map((origin) => origin.toLowerCase()));
  const expose = exposedHeaders.join(', ');
  const allowed = (origin: string): boolean => wildcard || (listed.size === 0 ? LOOPBACK.test(origin) : listed.has(origin.toLowerCase()));
  // Headers per origin are built once: a browser app sends the same Origin on every request.
  const cache = new Map<string, readonly string[]>();
  const base = (origin: string): string[] =>
    wildcard
      ? ['Access-Control-Allow-Origin', '*', 'Access-Control-Expose-Headers', expose]
      : [
          'Access-Control-Allow-Origin',
          origin,
          'Access-Control-Allow-Credentials',
          'true',
          'Access-Control-Expose-Headers',
          expose,
          'Vary',
          'Origin',
        ];
  return {
    headersFor(origin) {
      let headers = cache.get(origin);
      if (headers) return headers;
      if (!allowed(origin)) return undefined;
      headers = base(origin);
      if (cache.size < 256) cache.set(origin, headers);
      return headers;
    },
    preflight(origin, allow, requestedHeaders) {
      if (!allowed(origin)) return undefined;
      const requested = (requestedHeaders ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name));
      const allowHeaders = [...new Set([...ALWAYS_ALLOWED_HEADERS, ...requested])].join(', ');
      return [
        ...base(origin),
        'Access-Control-Allow-Methods',
        allow,
        'Access-Control-Allow-Headers',
        allowHeaders,
        'Access-Control-Max-Age',
        '600',
      ];
    },
  };
}
