/**
 * The mock's routing table decides which route answers a request line, before anything is read or sent:
 * a provider's documented path before its contract files, those before its 404; the mock's own prefixes
 * after every provider; a proxied provider takes all of its prefix; and a catch-all 404 last. Tested on
 * the real table and the real providers, without a server.
 */
import { describe, expect, it } from 'vitest';
import { createMockControl } from '../../src/control/index.js';
import { createCorsPolicy } from '../../src/http/cors.js';
import { prepare } from '../../src/http/prepared-response.js';
import { type RequestContext, RequestTarget } from '../../src/http/request-context.js';
import { mockRoutes, type MockRouteDependencies } from '../../src/routing/mock-routes.js';
import type { OperationMatch, ProxiedProvider } from '../../src/routing/provider-routes.js';
import { createRouter, NoRouteError, type Router } from '../../src/routing/router.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { createMockServer, defaultOptions } from '../../src/server.js';
import { generatedDir } from '../support/mock.js';

const { providers } = createMockServer({ ...defaultOptions, generatedDir, docsDir: '' });
const bySlug = new Map(providers.map((provider) => [provider.slug, provider]));
const [first, second] = providers;
if (!first || !second) throw new Error(`the routing tests need two providers in ${generatedDir}`);

function routerWith(overrides: Partial<MockRouteDependencies> = {}): Router {
  return createRouter(
    mockRoutes({
      providers,
      bySlug,
      proxies: new Map(),
      cors: createCorsPolicy([], []),
      control: createMockControl({ providers }),
      sandbox: undefined,
      docsDir: '',
      bodyLimit: 1024,
      boundToLoopback: () => true,
      originOf: () => 'http://127.0.0.1:4010',
      answerOperation: () => {},
      contracts: async () => prepare({ status: 200 }),
      ...overrides,
    }),
  );
}

const router = routerWith();
const routeOf = (method: string, url: string, on: Router = router): string | undefined =>
  on.find(new RequestTarget(method, url))?.route.name;

/** A documented path with parameters, its template and a concrete path for it. */
const templated = first.paths.find((entry) => entry.template.parameterNames.length > 0);
if (!templated) throw new Error(`${first.slug} documents no path with parameters`);
const concrete = templated.template.template.replace(/\{[^}]+\}/g, 'x%2Fy');

describe('the request target', () => {
  it('splits the first segment (a provider, docs, _mock…) from the rest and the query', () => {
    expect({ ...new RequestTarget('GET', '/zemo/v1/things/7?page=2') }).toEqual({
      method: 'GET',
      path: '/zemo/v1/things/7',
      head: 'zemo',
      rest: '/v1/things/7',
      search: 'page=2',
    });
    expect({ ...new RequestTarget('GET', '/zemo') }).toMatchObject({ head: 'zemo', rest: '', search: undefined });
    expect({ ...new RequestTarget('GET', '/docs/') }).toMatchObject({ head: 'docs', rest: '/' });
    expect({ ...new RequestTarget(undefined, undefined) }).toMatchObject({ method: 'GET', path: '/', head: '', rest: '' });
  });
});

describe('under a provider prefix', () => {
  it('a documented path goes to its operation route, with its template and raw parameter values', () => {
    const found = router.find(new RequestTarget('GET', `/${first.slug}${concrete}?q=1`));
    expect(found?.route.name).toBe('operation');
    const match = found?.match as OperationMatch;
    expect(match.provider.slug).toBe(first.slug);
    expect(match.entry.template.template).toBe(templated.template.template);
    expect(match.values.every((value) => value === 'x%2Fy')).toBe(true);
  });

  it('any method of a documented path goes to the operation route (which answers 405 or the preflight)', () => {
    expect(routeOf('DELETE', `/${first.slug}${concrete}`)).toBe('operation');
    expect(routeOf('OPTIONS', `/${first.slug}${concrete}`)).toBe('operation');
  });

  it('openapi.json and openapi.yaml are the contract files for GET and HEAD, the query aside', () => {
    expect(routeOf('GET', `/${first.slug}/openapi.json`)).toBe('contract-file');
    expect(routeOf('HEAD', `/${second.slug}/openapi.yaml?download=1`)).toBe('contract-file');
    expect(routeOf('POST', `/${first.slug}/openapi.json`)).toBe('no-such-operation');
  });

  it('a path the provider does not document, or its bare prefix, is its 404', () => {
    expect(routeOf('GET', `/${first.slug}/no/such/path`)).toBe('no-such-operation');
    expect(routeOf('GET', `/${first.slug}`)).toBe('no-such-operation');
    expect(routeOf('GET', `/${first.slug}/`)).toBe('no-such-operation');
  });

  it('a proxied provider takes every path of its prefix, its contract files included; the others are unaffected', () => {
    const proxied: ProxiedProvider = { provider: first, forward: async () => prepare({ status: 200 }) };
    const withProxy = routerWith({ proxies: new Map([[first.slug, proxied]]) });
    expect(routeOf('GET', `/${first.slug}${concrete}`, withProxy)).toBe('proxy');
    expect(routeOf('GET', `/${first.slug}/openapi.json`, withProxy)).toBe('proxy');
    expect(routeOf('GET', `/${first.slug}/no/such/path`, withProxy)).toBe('proxy');
    expect(routeOf('GET', `/${second.slug}/openapi.json`, withProxy)).toBe('contract-file');
  });
});

describe('outside the providers', () => {
  it('an unknown first segment is the 404 that lists the providers', () => {
    expect(routeOf('GET', '/acme/v1/things')).toBe('not-found');
    expect(routeOf('GET', `/${first.slug}x/openapi.json`)).toBe('not-found');
  });

  it('/ is the landing page for GET and HEAD only; /favicon.ico is the icon', () => {
    expect(routeOf('GET', '/')).toBe('landing');
    expect(routeOf('HEAD', '/?format=text')).toBe('landing');
    expect(routeOf('POST', '/')).toBe('not-found');
    expect(routeOf('GET', '/favicon.ico')).toBe('favicon');
  });

  it('/docs and /docs/ are both the docs route (it redirects the first); /docsx is not', () => {
    expect(routeOf('GET', '/docs')).toBe('docs');
    expect(routeOf('GET', '/docs/')).toBe('docs');
    expect(routeOf('GET', '/docs/index.html?x=1')).toBe('docs');
    expect(routeOf('GET', '/docsx')).toBe('not-found');
    expect(routeOf('POST', '/docs/')).toBe('reserved');
  });

  it('/_sandbox/ is the sandbox route with --sandbox, a reserved prefix without it; /_mock/ is always the control route', () => {
    expect(routeOf('GET', '/_sandbox/state')).toBe('reserved');
    const withSandbox = routerWith({ sandbox: {} as Sandbox });
    expect(routeOf('GET', '/_sandbox/state', withSandbox)).toBe('sandbox');
    expect(routeOf('GET', '/_mock/requests')).toBe('control');
    expect(routeOf('DELETE', '/_mock', withSandbox)).toBe('control');
  });
});

describe('the router', () => {
  it('tries the routes in order: the first that matches answers', () => {
    const served: string[] = [];
    const routes = ['a', 'b'].map((name) => ({ name, match: () => true, serve: () => void served.push(name) }));
    const request = { method: 'GET', path: '/' } as RequestContext;
    createRouter(routes).serve(request);
    expect(served).toEqual(['a']);
  });

  it('throws when no route takes a request (the table must end with a catch-all)', () => {
    const request = { method: 'GET', path: '/x' } as RequestContext;
    expect(() => createRouter([]).serve(request)).toThrow(NoRouteError);
  });
});
