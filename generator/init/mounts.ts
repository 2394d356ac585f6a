// Where src/index.ts mounts each vendor's routes file. Hono answers a request with the first route
// registered that matches it, so when a route of one vendor matches a request that a route of
// another vendor (or the Worker's own `GET /health`, or the example's routes) also matches, one of
// them is dead, in whole or in part: two specs with `GET /status` gave a Worker whose second
// `/status` could never be reached. Every vendor with such a route is mounted under its own name
// instead (`app.route('/cb', cbRoutes)`), so each route has a path of its own, and init says so;
// the other vendors stay at the root. A collision no prefix can resolve is refused.
import { SvcgenInputError } from '../load/errors.ts';
import type { ApiModel, OperationModel } from '../model/types.ts';
import { honoPath } from '../scaffold/inputs.ts';

/** A route as its file registers it: the method in capitals, the path as Hono reads it. */
export interface Route {
  method: string;
  path: string;
}

/** Routes whose place is fixed (the Worker's own, the example's), by who registers them. */
export interface FixedRoutes {
  /** How the messages name them: `the Worker`, `the example`. */
  owner: string;
  routes: Route[];
}

export interface RouteCollision {
  vendor: string;
  /** Where the vendor's routes are mounted instead of `/`: `/<vendor>`. */
  mount: string;
  /** The vendor's route that collided, as the Worker served it before the move: `GET /status`. */
  route: string;
  /** The routes it collided with, and whose they are (a vendor's name, `the Worker`, `the example`). */
  with: { owner: string; route: string }[];
  /** What the line init prints says before the mount: `GET /status is a route of ca and cb`. */
  reason: string;
}

export interface MountPlan {
  /** Vendor → its mount path (`/` or `/<vendor>`). */
  mounts: Map<string, string>;
  /** One per vendor mounted under its name, in the order of --vendors. */
  collisions: RouteCollision[];
}

/** The Worker's own routes, registered in src/index.ts before any routes file. */
export const WORKER_ROUTES: FixedRoutes = { owner: 'the Worker', routes: [{ method: 'GET', path: '/health' }] };

/** The routes `app.get('/path', …)` and friends register on a Hono app written by hand (the example's). */
export function registeredRoutes(text: string): Route[] {
  return [...text.matchAll(/\bapp\s*\.\s*(get|post|put|patch|delete|options)\(\s*(['"])([^'"]+)\2/g)].map((m) => ({ method: m[1]!.toUpperCase(), path: m[3]! }));
}

/** The operation a selected name picks, as `svcgen scaffold` resolves it. */
function findOperation(model: ApiModel, name: string): OperationModel | undefined {
  const lower = name.toLowerCase();
  return (
    model.operations.find((o) => o.id === name) ??
    model.operations.find((o) => o.functionName === name || o.originalId === name) ??
    model.operations.find((o) => o.id.toLowerCase() === lower)
  );
}

/** The routes a vendor's scaffolded file registers: one per chosen operation, and its webhook receiver. */
export function vendorRoutes(model: ApiModel, operations: readonly string[]): Route[] {
  const routes: Route[] = [];
  for (const name of operations) {
    const op = findOperation(model, name);
    if (op) routes.push({ method: op.method.toUpperCase(), path: honoPath(op.path) });
  }
  // The receiver the scaffold mounts (the generated routes' default path).
  if (model.webhooks) routes.push({ method: 'POST', path: `/webhooks/${model.vendor}` });
  return routes;
}

/** A route's path once its file is mounted at `mount` (Hono's joining: `/cb` + `/` is `/cb`). */
export function mountedPath(mount: string, path: string): string {
  if (mount === '/') return path;
  return path === '/' ? mount : `${mount}${path}`;
}

interface Segment {
  literal?: string;
  /** A parameter's pattern (`:id{…}`); a parameter without one matches any non-empty segment. */
  pattern?: string;
}

function segment(text: string): Segment {
  if (!text.startsWith(':')) return { literal: text };
  const brace = text.indexOf('{');
  return brace < 0 || !text.endsWith('}') ? {} : { pattern: text.slice(brace + 1, -1) };
}

function matchesLiteral(param: Segment, literal: string): boolean {
  if (param.pattern === undefined) return literal !== '';
  try {
    return new RegExp(`^(?:${param.pattern})$`).test(literal);
  } catch {
    return true;
  }
}

/**
 * A request path both Hono paths match, or undefined when none does. Two parameters with patterns
 * are taken to meet only when their patterns are the same (the scaffold writes a pattern for a
 * segment that mixes parameters and text, e.g. `{id}.json`).
 */
export function commonRequest(a: string, b: string): string | undefined {
  const as = a.split('/');
  const bs = b.split('/');
  if (as.length !== bs.length) return undefined;
  const out: string[] = [];
  for (let i = 0; i < as.length; i++) {
    const x = segment(as[i]!);
    const y = segment(bs[i]!);
    if (x.literal !== undefined && y.literal !== undefined) {
      if (x.literal !== y.literal) return undefined;
      out.push(as[i]!);
    } else if (x.literal !== undefined) {
      if (!matchesLiteral(y, x.literal)) return undefined;
      out.push(as[i]!);
    } else if (y.literal !== undefined) {
      if (!matchesLiteral(x, y.literal)) return undefined;
      out.push(bs[i]!);
    } else if (x.pattern === undefined) out.push(bs[i]!);
    else if (y.pattern === undefined || x.pattern === y.pattern) out.push(as[i]!);
    else return undefined;
  }
  return out.join('/');
}

/** The same route whatever its parameters are named: `/items/:id` and `/items/:itemId`. */
function routeKey(path: string): string {
  return path
    .split('/')
    .map((s) => (s.startsWith(':') ? `:${s.includes('{') ? s.slice(s.indexOf('{')) : ''}` : s))
    .join('/');
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

interface Placed {
  owner: string;
  /** Set for a vendor's route; a fixed route stays where it is. */
  vendor?: string;
  method: string;
  path: string;
}

function overlapping(routes: readonly Placed[], route: Placed): Placed[] {
  return routes.filter((o) => o.owner !== route.owner && o.method === route.method && commonRequest(o.path, route.path) !== undefined);
}

function reasonOf(route: Placed, others: readonly Placed[], order: readonly string[]): string {
  const same = others.filter((o) => routeKey(o.path) === routeKey(route.path));
  if (same.length) {
    const owners = [...new Set([route.owner, ...same.map((o) => o.owner)])].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return `${route.method} ${route.path} is a route of ${list(owners)}`;
  }
  const other = others[0]!;
  return `${other.method} ${other.path} of ${other.owner} and ${route.method} ${route.path} of ${route.owner} both match ${route.method} ${commonRequest(other.path, route.path)}`;
}

/**
 * Mounts every vendor at `/` but those with a route that matches a request another's route also
 * matches: each of those under `/<vendor>`, repeated until nothing overlaps (a vendor left at the
 * root may have a route like `/:name/status` that meets a moved one). Throws when a moved vendor's
 * routes still meet a fixed route, which no prefix can move.
 */
export function planMounts(fixed: readonly FixedRoutes[], vendors: readonly { vendor: string; routes: Route[] }[]): MountPlan {
  const mounts = new Map(vendors.map((v) => [v.vendor, '/']));
  const order = [...fixed.map((f) => f.owner), ...vendors.map((v) => v.vendor)];
  const placed = (): Placed[] => [
    ...fixed.flatMap((f) => f.routes.map((r) => ({ owner: f.owner, method: r.method, path: r.path }))),
    ...vendors.flatMap((v) => v.routes.map((r) => ({ owner: v.vendor, vendor: v.vendor, method: r.method, path: mountedPath(mounts.get(v.vendor)!, r.path) }))),
  ];
  const collisions: RouteCollision[] = [];
  for (;;) {
    const routes = placed();
    const moving: RouteCollision[] = [];
    for (const { vendor } of vendors) {
      if (mounts.get(vendor) !== '/') continue;
      for (const route of routes.filter((r) => r.vendor === vendor)) {
        const others = overlapping(routes, route);
        if (!others.length) continue;
        moving.push({
          vendor,
          mount: `/${vendor}`,
          route: `${route.method} ${route.path}`,
          with: others.map((o) => ({ owner: o.owner, route: `${o.method} ${o.path}` })),
          reason: reasonOf(route, others, order),
        });
        break;
      }
    }
    if (!moving.length) break;
    for (const c of moving) mounts.set(c.vendor, c.mount);
    collisions.push(...moving);
  }
  const routes = placed();
  for (const route of routes.filter((r) => r.vendor)) {
    const other = overlapping(routes, route)[0];
    if (other) {
      const moved = collisions.find((c) => c.vendor === route.vendor)!;
      throw new SvcgenInputError(
        { file: '--operation' },
        `${moved.reason}, but mounted under ${moved.mount}, ${route.vendor}'s ${route.method} ${route.path} and ${other.owner}'s ${other.method} ${other.path} both match ${route.method} ${commonRequest(other.path, route.path)}: one of them could never be reached, leave one of the operations out`,
      );
    }
  }
  collisions.sort((a, b) => order.indexOf(a.vendor) - order.indexOf(b.vendor));
  return { mounts, collisions };
}
