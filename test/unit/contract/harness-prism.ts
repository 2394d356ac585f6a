// Prism serving the contract harness's document (request-contract.ts) of a hand-made spec, for the
// tests of one describe block, and the request problems it reports: what the harness tests check
// a rewrite of the document against.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { requestContractDocument } from '../../contract/request-contract.ts';
import { isRequestError, parsePrismProblem, parseViolations } from '../../contract/violations.ts';
import { PRISM_FIXES } from '../../contract/prism-fixes.ts';
import { startPrism, type PrismServer } from '../../support/prism.ts';

/**
 * Starts Prism on the harness document of `load()`'s spec before the block's tests and stops it
 * (and removes its folder) after them; `url` is its address once started.
 */
export function harnessPrism(label: string, load: () => object | Promise<object>): { readonly url: string } {
  let dir: string | undefined;
  let prism: PrismServer | undefined;
  beforeAll(async () => {
    const document = await load();
    dir = await mkdtemp(join(tmpdir(), `svcgen-${label}-`));
    await writeFile(join(dir, 'contract.json'), JSON.stringify(requestContractDocument(document as Record<string, unknown>)));
    prism = await startPrism(join(dir, 'contract.json'));
  }, 120_000);
  afterAll(async () => {
    await prism?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!prism) throw new Error('Prism has not started');
      return prism.url;
    },
  };
}

/**
 * Starts two Prisms on `document` itself (not the harness document) before the block's tests, one
 * plain and one with the harness's fixes (PRISM_FIXES), and stops both after them: for the tests
 * that show a fix is needed and that it still reports what is wrong.
 */
export function plainAndFixedPrism(label: string, document: object): { readonly plain: PrismServer; readonly fixed: PrismServer } {
  let dir: string | undefined;
  let servers: PrismServer[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `svcgen-${label}-`));
    const spec = join(dir, 'openapi.json');
    await writeFile(spec, JSON.stringify(document));
    servers = await Promise.all([startPrism(spec), startPrism(spec, { imports: [...PRISM_FIXES] })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const started = (index: number): PrismServer => {
    const server = servers[index];
    if (!server) throw new Error('Prism has not started');
    return server;
  };
  return {
    get plain() {
      return started(0);
    },
    get fixed() {
      return started(1);
    },
  };
}

/** The request problems Prism reports for `response`, from its violations header and its problem body, as `location: message`. */
export async function requestProblems(response: Response): Promise<string[]> {
  const fromHeader = parseViolations(response.headers.get('sl-violations')).filter(isRequestError);
  const fromBody = (response.headers.get('content-type') ?? '').includes('problem+json') ? (parsePrismProblem(await response.text())?.validation ?? []) : [];
  return [...fromHeader, ...fromBody].map((v) => `${(v.location ?? []).join('.')}: ${v.message}`);
}
