// The contract suite's engine: for one vendor, start Prism on the effective document (request
// side, see request-contract.ts), send every operation's minimal valid input through a caller
// (callers.ts), and judge each operation on what Prism said about the requests it caused; then
// send a few deliberately broken requests (canary.ts) that Prism must flag.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadVendor } from '../../generator/load/index.ts';
import { buildApiModel } from '../../generator/model/index.ts';
import type { OperationModel } from '../../generator/model/types.ts';
import { startPrism, type PrismServer } from '../support/prism.ts';
import { sampleInput, type SampleInput } from '../support/sample-input.ts';
import { directCaller, generatedCaller, type Call, type CallerKind } from './callers.ts';
import { canaries } from './canary.ts';
import { recordingFetch, type Exchange } from './recorder.ts';
import { fragmentRoutes, requestContractDocument, routablePath, withoutEmptySegments } from './request-contract.ts';

export type { CallerKind } from './callers.ts';

export interface ContractOptions {
  vendor: string;
  /** Operation id → why it is not expected to pass. Excluded operations still run (see staleExclusions). */
  exclusions?: Readonly<Record<string, string>>;
  caller?: CallerKind;
  concurrency?: number;
  /** Modules Prism's Node process imports first (quirk workarounds). */
  prismImports?: string[];
  root?: string;
  /** Client options added to the caller's own (the corpus passes a credential for every declared scheme). */
  clientOptions?: Record<string, unknown>;
}

export interface OperationResult {
  id: string;
  functionName: string;
  route: string;
  passed: boolean;
  /** Why it failed: request violations, Prism routing errors, client exceptions. */
  problems: string[];
  /** Mock-side errors unrelated to the request, which do not fail the operation. */
  notes: string[];
  statuses: number[];
}

export interface ContractReport {
  vendor: string;
  caller: CallerKind;
  total: number;
  passed: number;
  /** Every operation, by id. */
  results: OperationResult[];
  /** Failures not covered by an exclusion. */
  failures: OperationResult[];
  /** Excluded operations that failed as expected. */
  excluded: OperationResult[];
  /** Excluded operations that now pass: the exclusion should go. */
  staleExclusions: OperationResult[];
  /** Deliberately broken requests, each of which Prism must flag. */
  canaries: CanaryResult[];
  prismStartupMs: number;
  runMs: number;
  /** `contract <vendor>: <passed>/<total>` plus exclusions. */
  line: string;
}

export interface CanaryResult {
  id: string;
  kind: string;
  field: string;
  /** Prism reported a problem naming the broken field. */
  flagged: boolean;
  problems: string[];
}

const MAX_LISTED = 20;

// ─── run ────────────────────────────────────────────────────────────────────────────────────────

async function runPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function isApiError(error: unknown): error is { status: number } {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ApiError' && typeof (error as { status?: unknown }).status === 'number';
}

/** Whether the request is the operation's own (not, say, the login before it). */
function isOwnRequest(operation: OperationModel, exchange: { method: string; url: string }): boolean {
  const template = routablePath(operation.path).split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+');
  const pattern = new RegExp(`^${template}$`);
  // A path key with a space or non-ASCII text arrives percent-encoded (`/Pull%20Doc`).
  const pathname = new URL(exchange.url).pathname;
  return exchange.method === operation.method.toUpperCase() && (pattern.test(pathname) || pattern.test(decodedPath(pathname)));
}

function decodedPath(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

/**
 * For an operation whose path key has a fragment (or a query string, or an empty segment), the
 * rerouting that sends its own requests to the key's stand-in path in Prism's document
 * (request-contract.ts fragmentRoutes): the path sent, without empty segments and a trailing '/',
 * plus the stand-in's last segment.
 */
function fragmentReroute(operation: OperationModel, routes: Map<string, string>): ((request: Request) => URL | undefined) | undefined {
  const route = routes.get(operation.path);
  if (route === undefined) return undefined;
  const segment = route.slice(route.lastIndexOf('/'));
  return (request) => {
    if (!isOwnRequest(operation, request)) return undefined;
    const target = new URL(request.url);
    target.pathname = withoutEmptySegments(target.pathname).replace(/\/$/, '') + segment;
    return target;
  };
}

async function runOperation(operation: OperationModel, input: SampleInput, call: Call, routes: Map<string, string>): Promise<OperationResult> {
  const result: OperationResult = {
    id: operation.id,
    functionName: operation.functionName,
    route: `${operation.method.toUpperCase()} ${operation.path}`,
    passed: false,
    problems: [],
    notes: [],
    statuses: [],
  };
  const exchanges: Exchange[] = [];
  let thrown: unknown;
  try {
    await call(operation, input, recordingFetch(exchanges, fragmentReroute(operation, routes)));
  } catch (error) {
    // A non-2xx answer is fine when Prism found nothing wrong with the request (a mock without an
    // example, say); anything else thrown is a client defect, named after the answer it choked on.
    if (!isApiError(error)) thrown = error;
  }
  if (thrown !== undefined) {
    const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
    const last = exchanges.at(-1);
    const answered = last && last.problems.length === 0 && last.status > 0;
    result.problems.push(answered ? `request valid, but the client threw on the ${last.status} ${last.contentType || 'untyped'} answer: ${message}` : `client threw: ${message}`);
  }
  result.statuses = exchanges.map((exchange) => exchange.status);
  for (const exchange of exchanges) {
    result.notes.push(...exchange.notes);
    for (const problem of exchange.problems) result.problems.push(`${exchange.method} ${new URL(exchange.url).pathname}: ${problem}`);
  }
  if (result.problems.length === 0 && !exchanges.some((exchange) => isOwnRequest(operation, exchange))) {
    result.problems.push(`no ${result.route} request reached Prism`);
  }
  result.passed = result.problems.length === 0;
  return result;
}

function summarize(report: Omit<ContractReport, 'line'>): string {
  const flagged = report.canaries.filter((c) => c.flagged).length;
  // The first line is the machine-readable one (`contract <vendor>: <passed>/<total>`).
  return `contract ${report.vendor}: ${report.passed}/${report.total}\n  excluded: ${report.excluded.length}, broken requests flagged by Prism: ${flagged}/${report.canaries.length}`;
}

/** Lines describing failures, at most MAX_LISTED operations with their first problems. */
export function describeFailures(results: OperationResult[]): string[] {
  const lines = results.slice(0, MAX_LISTED).map((r) => `  ${r.id} (${r.route}) [${r.statuses.join(',')}]: ${r.problems.slice(0, 5).join(' | ')}`);
  if (results.length > MAX_LISTED) lines.push(`  … and ${results.length - MAX_LISTED} more`);
  return lines;
}

export async function runContract(options: ContractOptions): Promise<ContractReport> {
  const root = options.root ?? process.cwd();
  const caller: CallerKind = options.caller ?? (process.env.SVCGEN_CONTRACT_CALLER === 'direct' ? 'direct' : 'generated');
  const loaded = await loadVendor(options.vendor, { root });
  const model = buildApiModel(loaded);
  const document = loaded.document as Record<string, unknown>;

  const keep = model.auth.kind === 'token-exchange' ? [{ method: 'post', path: model.auth.loginPath }] : [];
  const dir = await mkdtemp(join(tmpdir(), `svcgen-contract-${options.vendor}-`));
  let prism: PrismServer | undefined;
  try {
    const routes = fragmentRoutes(document);
    const specPath = join(dir, 'request-contract.json');
    await writeFile(specPath, JSON.stringify(requestContractDocument(document, { keepResponses: keep })));
    prism = await startPrism(specPath, { root, ...(options.prismImports ? { imports: options.prismImports } : {}) });
    // Prism serves each path exactly as written under `paths`, ignoring the servers' host AND
    // base path (checked: with a server `https://x.example/v3`, `/mail` answers 200 and
    // `/v3/mail` 404). None of our vendors' servers has a base path, so Prism's URL is the base.
    const baseUrl = prism.url;
    const call = caller === 'generated' ? await generatedCaller(options.vendor, model, document, baseUrl, root, options.clientOptions) : directCaller(baseUrl);

    const started = performance.now();
    const results: OperationResult[] = [];
    await runPool(model.operations, options.concurrency ?? 8, async (operation) => {
      let input: SampleInput;
      try {
        input = sampleInput(operation, document);
      } catch (error) {
        results.push({ id: operation.id, functionName: operation.functionName, route: `${operation.method.toUpperCase()} ${operation.path}`, passed: false, problems: [`no sample input: ${(error as Error).message}`], notes: [], statuses: [] });
        return;
      }
      results.push(await runOperation(operation, input, call, routes));
    });
    const controls: CanaryResult[] = [];
    for (const canary of canaries(model.operations, document)) {
      const result = await runOperation(canary.operation, canary.input, call, routes);
      const field = canary.field.toLowerCase();
      controls.push({ id: canary.operation.id, kind: canary.kind, field: canary.field, flagged: result.problems.some((p) => p.toLowerCase().includes(field)), problems: result.problems });
    }
    results.sort((a, b) => a.id.localeCompare(b.id));
    const exclusions = options.exclusions ?? {};
    const failing = results.filter((r) => !r.passed);
    const partial = {
      vendor: options.vendor,
      caller,
      total: results.length,
      passed: results.filter((r) => r.passed && !(r.id in exclusions)).length,
      results,
      failures: failing.filter((r) => !(r.id in exclusions)),
      excluded: failing.filter((r) => r.id in exclusions),
      staleExclusions: results.filter((r) => r.passed && r.id in exclusions),
      canaries: controls,
      prismStartupMs: prism.startupMs,
      runMs: Math.round(performance.now() - started),
    };
    return { ...partial, line: summarize(partial) };
  } finally {
    await prism?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
