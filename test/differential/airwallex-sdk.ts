// The official Airwallex SDK, pointed at a local server and callable by operation. Which operations
// it has comes from test/unit/airwallex-sdk-facts.ts (parsed from the installed dist/api); how to
// call one (which positional argument is a path parameter, the query object, a header or the body)
// is read here from the method's own source, so an SDK upgrade that reorders arguments is followed
// rather than silently mis-called.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SdkOperation } from '../unit/airwallex-sdk-facts.ts';

export type SdkArgument =
  | { kind: 'path'; name: string }
  /** The destructured query object: each variable and the query name the SDK sends it as. */
  | { kind: 'query'; names: { variable: string; wire: string }[] }
  | { kind: 'header'; header: string }
  | { kind: 'body' }
  | { kind: 'options' };

export interface SdkInput {
  /** By the SDK's template names (`{id}` → `id`). */
  path: Record<string, unknown>;
  /** By the query names the SDK sends. */
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
}

export interface BoundSdkOperation {
  operation: SdkOperation;
  args: SdkArgument[];
  call(input: SdkInput): Promise<unknown>;
}

export interface LocalAirwallex {
  /** The SDK's configured API version (sent as x-api-version on every call). */
  apiVersion: string;
  bind(operation: SdkOperation): BoundSdkOperation;
  /**
   * The name of every method on the live instance's API objects that builds a request path (its
   * source assigns `localVarPath`), found by walking the objects rather than parsing dist/api.
   */
  requestMethods(): string[];
  /** Logs in now, so that no case pays (or records) the first login. */
  login(): Promise<void>;
  /** Stops the SDK's token-refresh timer. */
  close(): void;
}

interface AirwallexInstance {
  config: { apiVersion: string };
  login(force?: boolean): Promise<void>;
  _clearTimeout(): void;
}

type AirwallexClass = new (config: Record<string, unknown>) => AirwallexInstance;
type Method = (...args: unknown[]) => Promise<unknown>;

/** Splits a parameter list at top-level commas (destructuring braces hold commas of their own). */
function splitParameters(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of list) {
    if (char === '{' || char === '(' || char === '[') depth++;
    if (char === '}' || char === ')' || char === ']') depth--;
    if (char === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads the role of each positional parameter from the method's source. */
export function readSignature(functionName: string, source: string): SdkArgument[] {
  const head = new RegExp(`^async ${functionName}\\(`).exec(source);
  if (!head) throw new Error(`cannot read the signature of ${functionName}`);
  let depth = 1;
  let end = head[0].length;
  for (; end < source.length && depth > 0; end++) {
    if (source[end] === '(') depth++;
    if (source[end] === ')') depth--;
  }
  const list = source.slice(head[0].length, end - 1);
  return splitParameters(list).map((parameter): SdkArgument => {
    if (parameter.startsWith('{')) {
      const variables = parameter.slice(1, parameter.lastIndexOf('}')).split(',').map((n) => n.trim()).filter(Boolean);
      return {
        kind: 'query',
        // The wire name can differ from the variable (`required_features_currency` is sent as
        // `required_features.currency`).
        names: variables.map((variable) => {
          const wire = new RegExp(`queryParams\\['([^']+)'\\] = ${escapeRegExp(variable)};`).exec(source);
          if (!wire) throw new Error(`${functionName}: cannot tell which query parameter ${variable} is`);
          return { variable, wire: wire[1]! };
        }),
      };
    }
    const name = parameter.split('=')[0]!.trim();
    if (name === 'options') return { kind: 'options' };
    const id = escapeRegExp(name);
    const inPath = new RegExp(`'\\{' \\+ '([^']+)' \\+ '\\}', encodeURIComponent\\(String\\(${id}\\)\\)`).exec(source);
    if (inPath) return { kind: 'path', name: inPath[1]! };
    const header = new RegExp(`localVarHeaderParams\\['([^']+)'\\] = ${id};`).exec(source);
    if (header) return { kind: 'header', header: header[1]! };
    if (new RegExp(`\\}, ${id}\\);`).test(source)) return { kind: 'body' };
    throw new Error(`${functionName}: cannot tell what parameter ${name} is`);
  });
}

function argumentsFor(args: SdkArgument[], input: SdkInput): unknown[] {
  return args.map((arg) => {
    switch (arg.kind) {
      case 'path':
        return input.path[arg.name];
      case 'query':
        return Object.fromEntries(arg.names.filter((n) => input.query[n.wire] !== undefined).map((n) => [n.variable, input.query[n.wire]]));
      case 'header':
        return input.headers[arg.header];
      case 'body':
        return input.body;
      case 'options':
        return {};
    }
  });
}

/**
 * All API objects hanging off the Airwallex instance: namespaces (`payouts.transfers`) and
 * namespaces that are themselves an API class (`accountCapability`).
 */
function apiObjects(instance: object): object[] {
  const found: object[] = [];
  for (const namespace of Object.values(instance)) {
    if (typeof namespace !== 'object' || namespace === null) continue;
    found.push(namespace);
    for (const api of Object.values(namespace)) if (typeof api === 'object' && api !== null) found.push(api);
  }
  return found;
}

/**
 * An SDK instance whose requests go to `baseUrl`. The SDK derives its host from `env` only, so
 * a subclass overrides the `basePath` getter its HTTP client reads at construction. Telemetry is
 * off (it would post to another host) and retries are off (a retry would be a second request).
 */
export function createLocalAirwallex(packageRoot: string, baseUrl: string, credentials: { clientId: string; apiKey: string }): LocalAirwallex {
  const require = createRequire(path.join(packageRoot, 'package.json'));
  const { Airwallex } = require(packageRoot) as { Airwallex: AirwallexClass };
  const Local = class extends Airwallex {
    get basePath(): string {
      return baseUrl;
    }
  };
  const sdk = new Local({ ...credentials, env: 'demo', enableTelemetry: false, retry: 0 });
  const apis = apiObjects(sdk);

  function bind(operation: SdkOperation): BoundSdkOperation {
    const module = require(path.join(packageRoot, 'dist', 'api', operation.file)) as Record<string, unknown>;
    const apiClass = Object.values(module).find(
      (value): value is new () => object => typeof value === 'function' && typeof (value.prototype as Record<string, unknown>)[operation.functionName] === 'function',
    );
    const api = apiClass && apis.find((candidate) => candidate instanceof apiClass);
    if (!api) throw new Error(`no SDK object offers ${operation.file} ${operation.functionName}`);
    const method = (api as Record<string, Method>)[operation.functionName]!;
    const args = readSignature(operation.functionName, method.toString());
    return { operation, args, call: (input) => method.apply(api, argumentsFor(args, input)) };
  }

  function requestMethods(): string[] {
    const names: string[] = [];
    for (const api of apis) {
      for (let proto = Object.getPrototypeOf(api) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const key of Object.getOwnPropertyNames(proto)) {
          const value = (proto as Record<string, unknown>)[key];
          if (key !== 'constructor' && typeof value === 'function' && value.toString().includes('localVarPath =')) names.push(key);
        }
      }
    }
    return names.sort();
  }

  return {
    apiVersion: sdk.config.apiVersion,
    bind,
    requestMethods,
    login: () => sdk.login(true),
    close: () => sdk._clearTimeout(),
  };
}
