/**
 * The routing table: an ordered list of routes, the first whose `match` takes the request answers it. The
 * table is data (mock-routes.ts builds the mock's), so that its order, the precedence of its prefixes, is
 * read in one place and tested without a server.
 */
import type { RequestContext, RequestTarget } from '../http/request-context.js';

export interface Route<Match = unknown> {
  /** Names the route in the table and in tests: `landing`, `docs`, `operation`… */
  readonly name: string;
  /**
   * What the route needs of the request to answer it, or `undefined` when the request is not its. No side
   * effect: routing asks the routes in order until one matches.
   */
  match(target: RequestTarget): Match | undefined;
  /** Answers the request; `void` when it is answered synchronously (the fast path adds no promise hop). */
  serve(request: RequestContext, match: Match): void | Promise<void>;
}

export interface Router {
  readonly routes: readonly Route[];
  /** The route that answers this target, with what it matched; `undefined` when none does. */
  find(target: RequestTarget): { route: Route; match: unknown } | undefined;
  serve(request: RequestContext): void | Promise<void>;
}

export class NoRouteError extends Error {}

/** GET or HEAD: the pages and contract files are read-only. */
export function reads(target: RequestTarget): true | undefined {
  return target.method === 'GET' || target.method === 'HEAD' || undefined;
}

export function createRouter(routes: readonly Route[]): Router {
  return {
    routes,
    find(target) {
      for (const route of routes) {
        const match = route.match(target);
        if (match !== undefined) return { route, match };
      }
      return undefined;
    },
    serve(request) {
      for (const route of routes) {
        const match = route.match(request);
        if (match !== undefined) return route.serve(request, match);
      }
      // The table ends with a route that takes everything: reaching this is a bug of the table.
      throw new NoRouteError(`no route takes ${request.method} ${request.path}`);
    },
  };
}
