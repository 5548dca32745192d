/**
 * The mock's own pages, outside every provider's prefix: the landing page (or the plain-text index) at `/`,
 * the favicon, the reference docs under `/docs/`, and the 404 that lists the providers. The reserved
 * prefixes a disabled feature would answer (`/_sandbox/` without `--sandbox`) say so instead of 404.
 */
import type { IncomingMessage } from 'node:http';
import { RESERVED_SEGMENTS } from '../catalog/load.js';
import type { Provider } from '../catalog/provider.js';
import { methodNotAllowed, notFound, sandboxNotEnabled } from '../http/mock-errors.js';
import { prepare } from '../http/prepared-response.js';
import { docsAvailable, serveDocs } from '../site/docs-static.js';
import { indexPage } from '../site/index-page.js';
import { favicon, landingPage, wantsHtml } from '../site/landing-page.js';
import { reads, type Route } from './router.js';

export interface SiteDependencies {
  readonly providers: readonly Provider[];
  readonly docsDir: string;
  readonly sandboxEnabled: boolean;
  /** The origin the request reached the mock at (http/origin.ts). */
  readonly originOf: (req: IncomingMessage) => string;
}

const DOCS_REDIRECT = prepare({ status: 301, headers: { Location: '/docs/' } });

export function landingRoute(site: SiteDependencies): Route<true> {
  return {
    name: 'landing',
    match: (target) => (target.path === '/' && reads(target)) || undefined,
    serve(request) {
      const origin = site.originOf(request.req);
      const docs = docsAvailable(site.docsDir);
      request.send(
        wantsHtml(request.req.headers.accept)
          ? landingPage({ origin, providers: site.providers, docs, sandbox: site.sandboxEnabled })
          : indexPage(origin, site.providers, docs, site.sandboxEnabled),
      );
    },
  };
}

export const faviconRoute: Route<true> = {
  name: 'favicon',
  match: (target) => (target.path === '/favicon.ico' && reads(target)) || undefined,
  serve: (request) => request.send(favicon()),
};

/** `/docs` is redirected to `/docs/`, so that the pages' relative links resolve. */
export function docsRoute(docsDir: string): Route<true> {
  return {
    name: 'docs',
    match: (target) => (target.head === 'docs' && reads(target)) || undefined,
    async serve(request) {
      request.send(request.rest === '' ? DOCS_REDIRECT : await serveDocs(docsDir, request.rest));
    },
  };
}

export const reservedRoute: Route<true> = {
  name: 'reserved',
  match: (target) => RESERVED_SEGMENTS.has(target.head) || undefined,
  // What the routes above left of a reserved prefix: the docs written to (they are read-only), or the
  // sandbox's prefix without --sandbox.
  serve: (request) =>
    request.send(request.head === 'docs' ? methodNotAllowed(request.method, request.path, 'GET, HEAD') : sandboxNotEnabled()),
};

/** Takes every request: the last route of the table. */
export function notFoundRoute(site: SiteDependencies): Route<true> {
  const links = (origin: string) => site.providers.map((provider) => ({ slug: provider.slug, baseUrl: `${origin}/${provider.slug}` }));
  return {
    name: 'not-found',
    match: () => true,
    serve: (request) => request.send(notFound(request.path, links(site.originOf(request.req)))),
  };
}
