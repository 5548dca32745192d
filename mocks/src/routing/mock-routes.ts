/**
 * The mock's routing table, in precedence order. A provider's slug comes first (slugs can be neither empty
 * nor reserved, catalog/load.ts), then the mock's own prefixes; the last route takes everything (404).
 *
 *   /<slug>/…                    proxy (a `--proxy` provider), else a documented path, else
 *   /<slug>/openapi.json|yaml    its contract, else
 *   /<slug>/…                    404 listing its paths
 *   /                            landing page / plain index
 *   /favicon.ico
 *   /docs, /docs/…               reference docs (GET, HEAD)
 *   /_sandbox/…                  with `--sandbox` only
 *   /_mock/…                     journal and faults
 *   /docs, /_sandbox (reserved)  what the routes above left: a 405 for writes to the docs, a 404 naming
 *                                `--sandbox` for the sandbox's prefix
 *   anything else                404 listing the providers
 */
import type { Provider } from '../catalog/provider.js';
import type { MockControl } from '../control/index.js';
import type { CorsPolicy } from '../http/cors.js';
import type { PreparedResponse } from '../http/prepared-response.js';
import type { AnswerOperation } from '../pipeline/operation.js';
import type { Sandbox } from '../sandbox/index.js';
import { controlRoute, sandboxRoute } from './control-routes.js';
import { contractFileRoute, noSuchOperationRoute, operationRoute, proxyRoute, type ProxiedProvider } from './provider-routes.js';
import type { Route } from './router.js';
import { docsRoute, faviconRoute, landingRoute, notFoundRoute, reservedRoute, type SiteDependencies } from './site-routes.js';

export interface MockRouteDependencies extends Omit<SiteDependencies, 'sandboxEnabled'> {
  readonly bySlug: ReadonlyMap<string, Provider>;
  readonly proxies: ReadonlyMap<string, ProxiedProvider>;
  readonly cors: CorsPolicy;
  readonly control: MockControl;
  readonly sandbox: Sandbox | undefined;
  readonly bodyLimit: number;
  readonly boundToLoopback: () => boolean;
  readonly answerOperation: AnswerOperation;
  readonly contracts: (slug: string, rest: string) => Promise<PreparedResponse>;
}

export function mockRoutes(deps: MockRouteDependencies): Route[] {
  const { bySlug, control, sandbox, bodyLimit } = deps;
  const site: SiteDependencies = { ...deps, sandboxEnabled: sandbox !== undefined };
  return [
    ...(deps.proxies.size > 0 ? [proxyRoute(deps.proxies, bodyLimit)] : []),
    operationRoute({ bySlug, cors: deps.cors, faults: control.faults, answerOperation: deps.answerOperation }),
    contractFileRoute(bySlug, deps.contracts),
    noSuchOperationRoute(bySlug),
    landingRoute(site),
    faviconRoute,
    docsRoute(deps.docsDir),
    ...(sandbox ? [sandboxRoute({ sandbox, control, bodyLimit, boundToLoopback: deps.boundToLoopback })] : []),
    controlRoute(control, bodyLimit),
    reservedRoute,
    notFoundRoute(site),
  ];
}
