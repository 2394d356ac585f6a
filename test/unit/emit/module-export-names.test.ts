// An operation's function shares index.ts with the client factory, the profile constant, the
// webhook helpers and the `components` / `operations` / `paths` types. An operationId equal to one
// of them made index.ts ambiguous (TS2308, and Node dropped both exports: the client factory was
// gone) or left the function shadowed by the type of the same name. Function names now keep clear
// of every name the generated modules give (model/module-names.ts); the operation is renamed and
// the rename listed like any other. Fixture (hand-made, one operation per reserved name, plus one
// that clashes with nothing): test/fixtures/module-export-names/openapi.json.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOneOff, type OneOffRun } from '../cli/one-off-vendor.ts';
import { projectProbeErrorLines } from '../types/compile-probe.ts';
import { assignFunctionNames } from '../../../generator/model/function-names.ts';
import type { OperationModel } from '../../../generator/model/types.ts';

let run: OneOffRun;
let index: Record<string, unknown>;
let client: unknown;
/** Method and path of each request sent, with its query string. */
const seen: string[] = [];

/** Each operation's path, by the name it is listed under (the renames below). */
const CALLS: Record<string, string> = {
  operations2: 'GET /operations',
  paths2: 'GET /paths',
  components2: 'GET /components',
  createExportNamesClient2: 'POST /factory',
  exportnamesProfile2: 'GET /profile',
  verifyExportNamesWebhook2: 'POST /verify',
  createExportNamesWebhookRouter2: 'POST /router',
  exportNamesWebhookMiddleware2: 'POST /middleware',
  createExportNamesWebhookRoutes2: 'POST /routes',
  listItems: 'GET /items',
};

beforeAll(async () => {
  run = await generateOneOff('test/fixtures/module-export-names/openapi.json', 'export-names');
  expect(run.code, run.stderr).toBe(0);
  index = await run.load('index.ts');
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    seen.push(`${request.method} ${url.pathname}${url.search}`);
    return Response.json(url.search ? { data: ['b'] } : { data: ['a'], next_cursor: 'c1' });
  };
  const create = index.createExportNamesClient as (options: object) => unknown;
  client = create({ baseUrl: 'https://api.export-names.test', fetch, retry: false, logger: false });
}, 120_000);

afterAll(() => run?.remove());

describe('operationIds equal to names the generated modules export', () => {
  it('are renamed, each rename listed with the name it would have taken', () => {
    expect(run.stderr).toContain(
      'operations renamed so that each has a name of its own (9):\n' +
        '  GET /components: components → components2 (function name is the `components` type of types.d.ts that index.ts re-exports)\n' +
        '  POST /factory: createExportNamesClient → createExportNamesClient2 (function name is an export of client.ts)\n' +
        '  POST /router: createExportNamesWebhookRouter → createExportNamesWebhookRouter2 (function name is an export of webhooks.ts)\n' +
        '  POST /routes: createExportNamesWebhookRoutes → createExportNamesWebhookRoutes2 (function name is an export of routes.ts)\n' +
        '  POST /middleware: exportNamesWebhookMiddleware → exportNamesWebhookMiddleware2 (function name is an export of webhooks.ts)\n' +
        '  GET /profile: exportnamesProfile → exportnamesProfile2 (function name is an export of client.ts)\n' +
        '  GET /operations: operations → operations2 (function name is the `operations` type of types.d.ts that index.ts re-exports)\n' +
        '  GET /paths: paths → paths2 (function name is the `paths` type of types.d.ts that index.ts re-exports)\n' +
        '  POST /verify: verifyExportNamesWebhook → verifyExportNamesWebhook2 (function name is an export of webhooks.ts)\n',
    );
  });

  it('index.ts loads in Node with the client, the webhook helpers and every operation exported', async () => {
    expect(await run.nativeExports('index.ts')).toEqual([
      'components2', 'components2All', 'createExportNamesClient', 'createExportNamesClient2', 'createExportNamesWebhookRouter',
      'createExportNamesWebhookRouter2', 'createExportNamesWebhookRoutes2', 'exportNamesWebhookMiddleware', 'exportNamesWebhookMiddleware2',
      'exportnamesProfile', 'exportnamesProfile2', 'listItems', 'listItemsAll', 'operations2', 'paths2', 'verifyExportNamesWebhook',
      'verifyExportNamesWebhook2',
    ]);
  });

  it('compiles strictly, declarations included, and a consumer calls each operation under its listed name', () => {
    const names = Object.keys(CALLS);
    const header = [
      `import { createExportNamesClient, verifyExportNamesWebhook, components2All, ${names.join(', ')} } from './export-names/index.ts';`,
      "import type { components, operations, paths } from './export-names/index.ts';",
      'export async function probe(): Promise<void> {',
      '  const client = createExportNamesClient({});',
    ];
    const lines = [
      ...names.map((name) => `  await ${name}(client);`),
      '  await components2All(client).toArray();',
      "  await verifyExportNamesWebhook('{}', new Headers(), 'secret');",
      "  const _types: [keyof operations, keyof paths, keyof components] = ['operations', '/operations', 'schemas'];",
    ];
    expect(projectProbeErrorLines(run.out, header, lines, { checkDeclarations: true })).toEqual(new Set());
  }, 120_000);

  it('each name calls its own operation, through a client from the factory index.ts exports', async () => {
    for (const [name, line] of Object.entries(CALLS)) {
      seen.length = 0;
      await (index[name] as (client: unknown) => Promise<unknown>)(client);
      expect(seen, name).toEqual([line]);
    }
    seen.length = 0;
    const walk = index.components2All as (client: unknown) => { toArray(): Promise<unknown[]> };
    expect(await walk(client).toArray()).toEqual(['a', 'b']);
    expect(seen).toEqual(['GET /components', 'GET /components?cursor=c1']);
  });

  it('the webhook verifier keeps its name and verifies a signed delivery', async () => {
    const body = '{"id":"evt_1","type":"item.created"}';
    const signature = createHmac('sha256', 'whsec').update(body).digest('hex');
    const verify = index.verifyExportNamesWebhook as (body: string, headers: Headers, secret: string) => Promise<{ ok: boolean; event?: unknown }>;
    expect(await verify(body, new Headers({ 'x-export-signature': signature }), 'whsec')).toEqual({ ok: true, event: { id: 'evt_1', type: 'item.created' } });
  });
});

describe('a paginator whose name is reserved', () => {
  const op = (id: string, path: string, paginated: boolean) =>
    ({ id, functionName: id, method: 'get', path, ...(paginated ? { pagination: { style: 'cursor' } } : {}) }) as unknown as OperationModel;

  it('renames its operation, the reason naming the paginator', () => {
    const ops = [op('list', '/list', true), op('other', '/other', false)];
    expect(assignFunctionNames(ops, new Map([['listAll', 'an export of client.ts']]))).toEqual([
      { from: 'list', to: 'list2', operation: 'GET /list', reason: 'the name of its paginator, listAll, is an export of client.ts' },
    ]);
    expect(ops.map((o) => o.functionName)).toEqual(['list2', 'other']);
  });
});
