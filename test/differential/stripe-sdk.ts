// The official Stripe SDK's v1 methods, discovered from a live instance: every resource object
// (`stripe.customers`, `stripe.billing.meters`, …) is walked and each method's source is read for
// the `_makeRequest('METHOD', path…)` call it makes, so the route table follows the installed SDK.
export interface StripeSdkMethod {
  /** `customers.create`, `testHelpers.testClocks.del`. */
  name: string;
  method: string;
  /** Path template with the SDK's argument names: `/v1/customers/{id}/sources`. */
  path: string;
  /** The path arguments in signature order. */
  pathArgs: string[];
  /** The method picks one of several routes at run time (e.g. `accounts.retrieve`). */
  conditional: boolean;
  call(pathValues: unknown[], params: unknown, options?: object): Promise<unknown>;
}

type Method = (...args: unknown[]) => Promise<unknown>;

const REQUEST = /_makeRequest\('([A-Z]+)', (`[^`]*`|'[^']*')/g;

/** `/v1/customers/${encodeURIComponent(id)}` → `/v1/customers/{id}`; undefined for other expressions. */
function templateOf(literal: string): { path: string; args: string[] } | undefined {
  const text = literal.slice(1, -1);
  const args: string[] = [];
  const path = text.replace(/\$\{([^}]*)\}/g, (_all, expression: string) => {
    const arg = /^encodeURIComponent\((\w+)\)$/.exec(expression.trim());
    args.push(arg ? arg[1]! : '');
    return `{${arg ? arg[1] : ''}}`;
  });
  return args.includes('') ? undefined : { path, args };
}

function signatureOf(source: string): string[] {
  const match = /^\w+\(([^)]*)\)/.exec(source);
  return match ? match[1]!.split(',').map((p) => p.trim().split('=')[0]!.trim()).filter(Boolean) : [];
}

function methodsOf(resource: Record<string, unknown>, trail: string): StripeSdkMethod[] {
  const found: StripeSdkMethod[] = [];
  const seen = new Set<string>();
  for (let proto = Object.getPrototypeOf(resource) as Record<string, unknown> | null; proto && proto.constructor.name !== 'StripeResource'; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const fn = proto[key];
      if (key === 'constructor' || seen.has(key) || typeof fn !== 'function') continue;
      seen.add(key);
      const source = fn.toString();
      const requests = [...source.matchAll(REQUEST)];
      const parameters = signatureOf(source);
      for (const request of requests) {
        const template = templateOf(request[2]!);
        if (!template) continue;
        // Callable only when the signature is exactly (path args…, params, options): then the
        // path values choose this route.
        const expected = [...template.args, 'params', 'options'];
        if (parameters.length !== expected.length || parameters.some((p, i) => p !== expected[i])) continue;
        found.push({
          name: `${trail}.${key}`,
          method: request[1]!,
          path: template.path,
          pathArgs: template.args,
          conditional: requests.length > 1,
          call: (pathValues, params, options) => (fn as Method).call(resource, ...pathValues, params, options),
        });
      }
    }
  }
  return found;
}

function isResource(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { _makeRequest?: unknown })._makeRequest === 'function';
}

/** Every callable v1 method on a Stripe instance, sorted by name. */
export function stripeSdkMethods(stripe: object): StripeSdkMethod[] {
  const found: StripeSdkMethod[] = [];
  const visited = new Set<object>();
  const walk = (node: unknown, trail: string, depth: number) => {
    if (typeof node !== 'object' || node === null || visited.has(node) || depth > 4) return;
    visited.add(node);
    if (isResource(node)) {
      found.push(...methodsOf(node, trail));
      return;
    }
    for (const [key, value] of Object.entries(node)) if (!key.startsWith('_')) walk(value, trail ? `${trail}.${key}` : key, depth + 1);
  };
  walk(stripe, '', 0);
  return found.filter((m) => m.path.startsWith('/v1/')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
