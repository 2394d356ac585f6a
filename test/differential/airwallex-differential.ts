// Airwallex: every operation the official SDK implements, called through the SDK and through our
// generated function with the same inputs, both against one capture server; the two requests are
// compared (see wire.ts for how). Operations are paired by method and path template (parameter names may
// differ: `{id}` and `{transfer_id}` are the same slot).
import { loadVendor, parseDocument, readLock, resolveSpecFile } from '../../generator/load/index.ts';
import { buildApiModel } from '../../generator/model/index.ts';
import type { OperationModel } from '../../generator/model/types.ts';
import { startCaptureServer, type CapturedRequest, type Responder } from '../support/capture-server.ts';
import { operationKey, readSdkFacts, type SdkOperation } from '../unit/airwallex-sdk-facts.ts';
import { createLocalAirwallex, type BoundSdkOperation, type SdkInput } from './airwallex-sdk.ts';
import { loadGeneratedClient } from './generated-client.ts';
import { classify, type KnownDifference, type QueryConformance } from './known.ts';
import type { CaseResult } from './report.ts';
import { richValue } from './rich-sample.ts';
import { differences, viewOf, type WireView } from './wire.ts';

const AIRWALLEX_LOGIN_PATH = '/api/v1/authentication/login';
const CAPTURE_TOKEN = 'tok_test';

/** Airwallex's login answer: a token valid for 30 minutes, as the real API gives. */
const airwallexLogin: Responder = (request) => {
  if (request.method !== 'POST' || request.path !== AIRWALLEX_LOGIN_PATH) return undefined;
  return { status: 201, body: { token: CAPTURE_TOKEN, expires_at: new Date(Date.now() + 30 * 60_000).toISOString() } };
};

export interface AirwallexRules {
  /** Header name (lowercase) → why the two clients legitimately send different values. */
  ignoredHeaders: Readonly<Record<string, string>>;
  /** Query parameters only the SDK adds, with the reason (compared without them). */
  sdkOnlyQuery: Readonly<Record<string, string>>;
  /**
   * `METHOD /path` → header (lowercase) → why the SDK's value is dropped before comparing. Only the
   * SDK's side is dropped: ours is still compared against the SDK's remaining headers.
   */
  sdkOnlyHeaders?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** When set (the reason), an SDK `{}` body on a method that takes no body counts as no body. */
  sdkEmptyBody?: string;
  /** When set (the reason), queries are compared as decoded pairs rather than bytes. */
  decodedQuery?: string;
  /** `METHOD /path` (our template) → a known difference. */
  known: Readonly<Record<string, KnownDifference>>;
}

export interface AirwallexRun {
  sdkVersion: string;
  sdkOperations: number;
  /** Request-making methods found on the live SDK instance (independently of the dist/api parser). */
  liveSdkMethods: string[];
  results: CaseResult[];
  /** Per compared case (by route): what the SDK method takes, to check the inputs reached the wire. */
  takes: Map<string, { body: boolean; query: number; path: number }>;
}

const CREDENTIALS = { clientId: 'client_differential', apiKey: 'key_differential' };
const REQUEST_ID = '7b0c4a52-8f2e-4d3a-9c1b-2f6d5e4a3b21';

function templateNames(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/** A path value per slot; a space and a slash check that both clients percent-encode alike. */
function pathValue(name: string): string {
  return `${name} 1/a`;
}

interface PlannedCall {
  sdk: SdkInput;
  ours: { init: { params: Record<string, Record<string, unknown>>; body?: unknown }; options: Record<string, string> };
  problems: string[];
}

/** The same logical input, written once for the SDK's positional API and once for ours. */
function planCall(bound: BoundSdkOperation, ours: OperationModel, document: Record<string, unknown>, apiVersion: string): PlannedCall {
  const problems: string[] = [];
  const sdkNames = templateNames(bound.operation.path);
  const ourNames = templateNames(ours.path);
  const sdk: SdkInput = { path: {}, query: {}, headers: {} };
  const params: Record<string, Record<string, unknown>> = {};
  const options: Record<string, string> = {};
  ourNames.forEach((name, i) => {
    const value = pathValue(name);
    (params.path ??= {})[name] = value;
    sdk.path[sdkNames[i] ?? name] = value;
  });
  for (const arg of bound.args) {
    if (arg.kind === 'query') {
      for (const { wire: name } of arg.names) {
        const declared = ours.parameters.find((p) => p.in === 'query' && p.name === name);
        if (!declared) problems.push(`query parameter ${name}: the SDK sends it, our operation does not declare it`);
        const value = richValue(declared?.schema ?? { type: 'string' }, document, name);
        sdk.query[name] = value;
        // A typed caller cannot pass a parameter our operation does not declare.
        if (declared) (params.query ??= {})[name] = value;
      }
    } else if (arg.kind === 'header') {
      // The SDK's interceptor overwrites x-api-version with its configured version on every call.
      const value = arg.header.toLowerCase() === 'x-api-version' ? apiVersion : `${arg.header} 1`;
      sdk.headers[arg.header] = value;
      const declared = ours.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === arg.header.toLowerCase());
      if (!declared) problems.push(`header ${arg.header}: the SDK takes it, our operation does not declare it`);
      if (declared?.role === 'call-option' && declared.optionName) options[declared.optionName] = value;
      else if (declared?.role !== 'client-option') (params.header ??= {})[declared?.name ?? arg.header] = value;
    } else if (arg.kind === 'body') {
      if (!ours.requestBody) problems.push('request body: the SDK sends one, our operation declares none');
      const body = richValue(ours.requestBody?.schema ?? { type: 'object' }, document, '', { fullDepth: 2 }) ?? {};
      // Our client fills the idempotency field when absent; the SDK sends what it is given. Giving
      // the field keeps the comparison about encoding (the runtime tests cover the filling).
      if (ours.idempotency.kind === 'body-field' && typeof body === 'object' && body !== null && !Array.isArray(body)) {
        (body as Record<string, unknown>)[ours.idempotency.field] ??= REQUEST_ID;
      }
      sdk.body = body;
    }
  }
  const init: PlannedCall['ours']['init'] = { params };
  if (sdk.body !== undefined) init.body = sdk.body;
  return { sdk, ours: { init, options }, problems };
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

interface Comparison {
  problems: string[];
  sent?: CaseResult['sent'];
  conformance?: QueryConformance;
}

/** Query names in `pairs` that `operation` does not declare (form style: a list repeats its name). */
function undeclaredQuery(pairs: [string, string][], operation: OperationModel): string[] {
  const declared = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  return [...new Set(pairs.map(([name]) => name).filter((name) => !declared.has(name)))].sort();
}

/** Query names each `METHOD /path` declares in the vendor's own file(s), before our overlays. */
async function vendorFileQueries(root: string): Promise<Map<string, Set<string>>> {
  const declared = new Map<string, Set<string>>();
  const lock = await readLock(root);
  for (const entry of lock.vendors.airwallex!.files.filter((file) => file.role === 'input')) {
    const file = await resolveSpecFile(entry, { root, download: false });
    const { document } = await parseDocument({ file: entry.path, text: file.bytes });
    for (const [route, item] of Object.entries((document.paths ?? {}) as Record<string, Record<string, { parameters?: { in?: string; name?: string }[] }>>)) {
      for (const [method, operation] of Object.entries(item)) {
        const names = (operation?.parameters ?? []).filter((p) => p.in === 'query' && p.name).map((p) => p.name!);
        declared.set(`${method.toUpperCase()} ${route}`, new Set(names));
      }
    }
  }
  return declared;
}

async function compare(sdkRequests: CapturedRequest[], ourRequests: CapturedRequest[], bound: BoundSdkOperation, ours: OperationModel, rules: AirwallexRules, vendorFile: Map<string, Set<string>>): Promise<Comparison> {
  if (sdkRequests.length !== 1 || ourRequests.length !== 1) {
    const list = (rs: CapturedRequest[]) => rs.map((r) => `${r.method} ${r.path}`).join(', ') || 'nothing';
    return { problems: [`requests: SDK sent ${list(sdkRequests)}, ours sent ${list(ourRequests)}`] };
  }
  const ignored = new Set(Object.keys(rules.ignoredHeaders));
  const sdk: WireView = await viewOf(sdkRequests[0]!, ignored);
  const our: WireView = await viewOf(ourRequests[0]!, ignored);
  sdk.query = sdk.query.filter(([name]) => !(name in rules.sdkOnlyQuery));
  for (const header of Object.keys(rules.sdkOnlyHeaders?.[`${ours.method.toUpperCase()} ${ours.path}`] ?? {})) delete sdk.headers[header];
  const takesBody = bound.args.some((a) => a.kind === 'body');
  if (rules.sdkEmptyBody && !takesBody && sdk.body.kind === 'json' && JSON.stringify(sdk.body.value) === '{}') {
    sdk.body = { kind: 'none' };
    sdk.rawBody = new Uint8Array();
  }
  const inVendorFile = vendorFile.get(`${ours.method.toUpperCase()} ${ours.path}`) ?? new Set<string>();
  const oursOverlayOnly = [...new Set(our.query.map(([name]) => name))].filter((name) => !inVendorFile.has(name)).sort();
  const conformance = { sdk: undeclaredQuery(sdk.query, ours), ours: undeclaredQuery(our.query, ours), oursOverlayOnly };
  const problems = differences(sdk, our, rules.decodedQuery === undefined ? {} : { decodedQuery: rules.decodedQuery });
  // Whatever the SDK does, our client must not send a query parameter the spec does not declare.
  if (conformance.ours.length > 0) problems.push(`query: ours sends parameters the operation does not declare: ${conformance.ours.join(', ')}`);
  return { problems, sent: { body: sdk.body.kind, queryPairs: sdk.query.length }, conformance };
}

export async function runAirwallexDifferential(root: string, rules: AirwallexRules): Promise<AirwallexRun> {
  const facts = readSdkFacts();
  const loaded = await loadVendor('airwallex', { root });
  const model = buildApiModel(loaded);
  const document = loaded.document;
  const vendorFile = await vendorFileQueries(root);
  const server = await startCaptureServer({ responders: [airwallexLogin] });
  const sdk = createLocalAirwallex(facts.packageRoot, server.url, CREDENTIALS);
  try {
    const generated = await loadGeneratedClient(root, 'airwallex', { ...CREDENTIALS, baseUrl: server.url, apiVersion: sdk.apiVersion });
    const ourByKey = new Map(model.operations.map((op) => [operationKey(op.method, op.path), op]));
    const results: CaseResult[] = [];
    const takes: AirwallexRun['takes'] = new Map();
    const matched = new Set<OperationModel>();

    // Log both clients in first, so every later request belongs to the case that made it.
    await sdk.login();
    const warmUp = model.operations.find((op) => op.method === 'get' && !op.path.includes('{'))!;
    await generated.operation(warmUp.functionName)(generated.client, { params: {} }).catch(() => undefined);
    server.take();

    for (const operation of facts.operations) {
      const ours = ourByKey.get(operationKey(operation.method, operation.path));
      const sdkName = `${operation.file} ${operation.functionName}`;
      if (!ours) {
        results.push({ route: `${operation.method.toUpperCase()} ${operation.path}`, sdk: sdkName, outcome: 'sdk-only', problems: [], note: 'no operation of ours has this method and path' });
        continue;
      }
      matched.add(ours);
      results.push(await runCase(operation, ours));
    }
    for (const ours of model.operations) {
      // The SDK implements a subset of the API: the rest of ours is listed, not counted.
      if (!matched.has(ours)) results.push({ route: `${ours.method.toUpperCase()} ${ours.path}`, ours: ours.functionName, outcome: 'ours-only', problems: [], outside: true });
    }
    return { sdkVersion: facts.version, sdkOperations: facts.operations.length, liveSdkMethods: sdk.requestMethods(), results, takes };

    async function runCase(operation: SdkOperation, ours: OperationModel): Promise<CaseResult> {
      const route = `${ours.method.toUpperCase()} ${ours.path}`;
      const base = { route, sdk: `${operation.file} ${operation.functionName}`, ours: ours.functionName };
      const bound = sdk.bind(operation);
      takes.set(route, {
        body: bound.args.some((a) => a.kind === 'body'),
        query: bound.args.reduce((n, a) => n + (a.kind === 'query' ? a.names.length : 0), 0),
        path: bound.args.filter((a) => a.kind === 'path').length,
      });
      const plan = planCall(bound, ours, document, sdk.apiVersion);
      const problems = [...plan.problems];
      await bound.call(plan.sdk).catch((error: unknown) => problems.push(`SDK threw ${errorText(error)}`));
      const sdkRequests = server.take();
      await generated
        .operation(ours.functionName)(generated.client, plan.ours.init, plan.ours.options)
        .catch((error: unknown) => problems.push(`ours threw ${errorText(error)}`));
      const ourRequests = server.take();
      const comparison = await compare(sdkRequests, ourRequests, bound, ours, rules, vendorFile);
      problems.push(...comparison.problems);
      const result = classify(base, problems, rules.known[route], comparison.conformance);
      if (comparison.sent) result.sent = comparison.sent;
      return result;
    }
  } finally {
    sdk.close();
    await server.close();
  }
}
