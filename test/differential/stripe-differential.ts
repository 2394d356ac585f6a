// Stripe: every operation of the vendored spec that the installed `stripe` SDK also offers is
// called through the SDK's resource method and through our generated function, with the same rich
// input (nested hashes, arrays of scalars and of objects, metadata, expand, empty-string unsets,
// booleans, deepObject query filters, a multipart upload), against one capture server; the
// requests are compared (see wire.ts for how). Routes are paired by method and path template.
import { loadVendor } from '../../generator/load/index.ts';
import { buildApiModel } from '../../generator/model/index.ts';
import type { OperationModel } from '../../generator/model/types.ts';
import { startCaptureServer, type CapturedRequest, type Responder } from '../support/capture-server.ts';
import { operationKey } from '../unit/airwallex-sdk-facts.ts';
import { loadGeneratedClient } from './generated-client.ts';
import { classify, type KnownDifference } from './known.ts';
import type { CaseResult } from './report.ts';
import { richValue } from './rich-sample.ts';
import { stripeSdkMethods, type StripeSdkMethod } from './stripe-sdk.ts';
import { differences, viewOf } from './wire.ts';

/** Stripe's GETs answer a valid empty list, which also satisfies retrieve calls in both clients. */
const stripeList: Responder = (request) => {
  if (request.method !== 'GET' || !request.path.startsWith('/v1/')) return undefined;
  return { body: { object: 'list', data: [], has_more: false, url: request.path } };
};

export interface StripeRules {
  /** Header name (lowercase) → why the two clients legitimately send different values. */
  ignoredHeaders: Readonly<Record<string, string>>;
  /** `METHOD /path` (our template) → a known difference. */
  known: Readonly<Record<string, KnownDifference>>;
  /** `METHOD /path` → why the SDK has no method for a route of the spec (the list must be complete). */
  onlyInSpec: Readonly<Record<string, string>>;
  /** `METHOD /path` → request options the SDK method insists on (given the spec's API version). */
  sdkOptions: Readonly<Record<string, { reason: string; options: (specApiVersion: string) => object }>>;
}

/** The body and query shapes a case exercised, for the coverage check. */
export type Shape =
  | 'nested object'
  | 'array of scalars'
  | 'array of objects'
  | 'metadata map'
  | 'expand'
  | 'empty-string unset'
  | 'boolean'
  | 'deepObject query'
  | 'multipart upload';

export interface StripeCase extends CaseResult {
  shapes: Shape[];
}

export interface StripeRun {
  sdkVersion: string;
  /** The API version the SDK pins by default (we pin it to the spec's for the comparison). */
  sdkApiVersion: string;
  specApiVersion: string;
  results: StripeCase[];
}

const API_KEY = 'sk_test_differential';

interface StripeConstructor {
  new (key: string, config: object): object;
  PACKAGE_VERSION: string;
  API_VERSION: string;
}

/** The file uploaded to `POST /v1/files`, in the `{data, name, type}` form both clients accept. */
function uploadFile(): { data: Uint8Array; name: string; type: string } {
  return { data: new TextEncoder().encode('differential evidence\nline 2\n'), name: 'evidence.txt', type: 'text/plain' };
}

function templateNames(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function shapesOf(operation: OperationModel, query: Record<string, unknown> | undefined, body: unknown): Shape[] {
  const shapes = new Set<Shape>();
  if (operation.requestBody?.encoding === 'multipart') shapes.add('multipart upload');
  for (const value of Object.values(query ?? {})) if (isPlainObject(value)) shapes.add('deepObject query');
  if (query && Array.isArray(query.expand)) shapes.add('expand');
  const walk = (value: unknown, key: string, depth: number) => {
    if (value === '') shapes.add('empty-string unset');
    if (typeof value === 'boolean') shapes.add('boolean');
    if (Array.isArray(value)) {
      if (key === 'expand') shapes.add('expand');
      if (value.some(isPlainObject)) shapes.add('array of objects');
      else if (value.length > 0) shapes.add('array of scalars');
      value.forEach((item) => walk(item, key, depth + 1));
    } else if (isPlainObject(value) && !('data' in value && 'name' in value)) {
      if (key === 'metadata' && Object.keys(value).length > 0) shapes.add('metadata map');
      else if (depth > 0 && Object.keys(value).length > 0) shapes.add('nested object');
      for (const [k, v] of Object.entries(value)) walk(v, k, depth + 1);
    }
  };
  walk(body, '', 0);
  return [...shapes].sort();
}

export interface StripeInput {
  /** By our template names. */
  pathValues: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** Every path, query and body parameter of the operation, filled richly. */
export function richInput(operation: OperationModel, document: Record<string, unknown>): StripeInput {
  const pathValues: Record<string, string> = {};
  // A space and a slash check that both clients percent-encode path values alike.
  for (const name of templateNames(operation.path)) pathValues[name] = `${name} 1/a`;
  const input: StripeInput = { pathValues };
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query' || parameter.role !== 'param') continue;
    const value = richValue(parameter.schema ?? { type: 'string' }, document, parameter.name);
    if (value !== undefined) (input.query ??= {})[parameter.name] = value;
  }
  if (operation.requestBody) {
    input.body = richValue(operation.requestBody.schema ?? { type: 'object' }, document, '', { binary: uploadFile }) ?? {};
  }
  return input;
}

/** One key per operation, so a request that carried another case's key would show. */
function idempotencyKeyFor(operation: OperationModel): string {
  return `differential-${operation.functionName}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Picks the SDK method for a route: one that always takes it, then the first by name. */
function pickMethod(candidates: StripeSdkMethod[] | undefined): StripeSdkMethod | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  return candidates.find((m) => !m.conditional) ?? candidates[0];
}

export interface StripeHarness {
  sdkVersion: string;
  /** The API version the SDK pins by default (both clients are pinned to the spec's here). */
  sdkApiVersion: string;
  specApiVersion: string;
  operations: OperationModel[];
  document: Record<string, unknown>;
  /** The SDK method for one of our operations, if the SDK has its route. */
  sdkMethodFor(operation: OperationModel): StripeSdkMethod | undefined;
  /** SDK routes our spec lacks. */
  sdkOnly(): StripeSdkMethod[];
  /** Calls both clients with `input` and returns every difference between the two requests. */
  compare(operation: OperationModel, sdkMethod: StripeSdkMethod, input: StripeInput, sdkOptions?: object): Promise<{ problems: string[]; sent?: CaseResult['sent'] }>;
  close(): Promise<void>;
}

export async function openStripeHarness(root: string, ignoredHeaders: Readonly<Record<string, string>>): Promise<StripeHarness> {
  const { default: Stripe } = (await import('stripe')) as unknown as { default: StripeConstructor };
  const loaded = await loadVendor('stripe', { root });
  const model = buildApiModel(loaded);
  const specApiVersion = model.apiVersion?.value ?? '';
  const server = await startCaptureServer({ responders: [stripeList] });
  // Both clients pin the spec's API version, so Stripe-Version is compared like any header.
  const stripe = new Stripe(API_KEY, { host: '127.0.0.1', port: server.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false, apiVersion: specApiVersion });
  const generated = await loadGeneratedClient(root, 'stripe', { apiKey: API_KEY, baseUrl: server.url });
  const sdkByKey = new Map<string, StripeSdkMethod[]>();
  for (const method of stripeSdkMethods(stripe)) {
    const key = operationKey(method.method, method.path);
    sdkByKey.set(key, [...(sdkByKey.get(key) ?? []), method]);
  }
  const ourKeys = new Set(model.operations.map((op) => operationKey(op.method, op.path)));
  const ignored = new Set(Object.keys(ignoredHeaders));

  async function compare(operation: OperationModel, sdkMethod: StripeSdkMethod, input: StripeInput, sdkOptions?: object) {
    const problems: string[] = [];
    const ourNames = templateNames(operation.path);
    // The SDK's argument names differ from ours (`id` vs `customer`): slots match by position.
    const pathValues = ourNames.map((name) => input.pathValues[name]);
    const params = operation.method === 'get' || operation.method === 'delete' ? input.query : input.body;
    // Both clients key every POST (the SDK with a random `stripe-node-retry-<uuid>`): given the
    // same key, the Idempotency-Key header is compared like any other.
    const idempotencyKey = operation.method === 'post' ? idempotencyKeyFor(operation) : undefined;
    const keyOption = idempotencyKey === undefined ? {} : { idempotencyKey };
    await sdkMethod.call(pathValues, params ?? {}, { ...sdkOptions, ...keyOption }).catch((error: unknown) => problems.push(`SDK threw ${errorText(error)}`));
    const sdkRequests = server.take();
    const init: Record<string, unknown> = { params: { ...(ourNames.length ? { path: input.pathValues } : {}), ...(input.query ? { query: input.query } : {}) } };
    if (input.body !== undefined) init.body = input.body;
    await generated
      .operation(operation.functionName)(generated.client, init, keyOption)
      .catch((error: unknown) => problems.push(`ours threw ${errorText(error)}`));
    const ourRequests = server.take();
    if (sdkRequests.length !== 1 || ourRequests.length !== 1) {
      const list = (rs: CapturedRequest[]) => rs.map((r) => `${r.method} ${r.path}`).join(', ') || 'nothing';
      return { problems: [...problems, `requests: SDK sent ${list(sdkRequests)}, ours sent ${list(ourRequests)}`] };
    }
    const sdkView = await viewOf(sdkRequests[0]!, ignored);
    const ourView = await viewOf(ourRequests[0]!, ignored);
    const sent: NonNullable<CaseResult['sent']> = { body: sdkView.body.kind, queryPairs: sdkView.query.length };
    if (idempotencyKey !== undefined) sent.idempotencyKey = { given: idempotencyKey, sdk: sdkView.headers['idempotency-key'], ours: ourView.headers['idempotency-key'] };
    return { problems: [...problems, ...differences(sdkView, ourView)], sent };
  }

  return {
    sdkVersion: Stripe.PACKAGE_VERSION,
    sdkApiVersion: Stripe.API_VERSION,
    specApiVersion,
    operations: model.operations,
    document: loaded.document,
    sdkMethodFor: (operation) => pickMethod(sdkByKey.get(operationKey(operation.method, operation.path))),
    sdkOnly: () => [...sdkByKey].filter(([key]) => !ourKeys.has(key)).map(([, methods]) => pickMethod(methods)!),
    compare,
    close: () => server.close(),
  };
}

/** Every operation of the spec, compared with the SDK method of the same route. */
export async function runStripeDifferential(harness: StripeHarness, rules: StripeRules): Promise<StripeRun> {
  const results: StripeCase[] = [];
  for (const operation of harness.operations) {
    const route = `${operation.method.toUpperCase()} ${operation.path}`;
    const sdkMethod = harness.sdkMethodFor(operation);
    const input = richInput(operation, harness.document);
    const shapes = shapesOf(operation, input.query, input.body);
    if (!sdkMethod) {
      results.push({ route, ours: operation.functionName, outcome: 'ours-only', problems: [], shapes, outside: true, note: rules.onlyInSpec[route] ?? 'no SDK method has this method and path (unlisted)' });
      continue;
    }
    const { problems, sent } = await harness.compare(operation, sdkMethod, input, rules.sdkOptions[route]?.options(harness.specApiVersion));
    const result: StripeCase = { ...classify({ route, sdk: sdkMethod.name, ours: operation.functionName }, problems, rules.known[route]), shapes };
    if (sent) result.sent = sent;
    results.push(result);
  }
  // The SDK speaks a newer API: routes it has that the 2023-08-16 spec lacks are listed only.
  for (const method of harness.sdkOnly()) {
    results.push({ route: `${method.method} ${method.path}`, sdk: method.name, outcome: 'sdk-only', problems: [], shapes: [], outside: true });
  }
  return { sdkVersion: harness.sdkVersion, sdkApiVersion: harness.sdkApiVersion, specApiVersion: harness.specApiVersion, results };
}
