// Header parameter names are case-insensitive (HTTP), and OpenAPI has an operation's parameter
// override the path item's of the same name and location. A path-level `X-Key` header that an
// operation redeclared as `x-key` counted as two parameters: the model kept both, the generated
// type required both (`"X-Key": "path-level"` beside `"x-key": "op-level"`), though the request
// carries one (Headers folds the names: whichever the caller gave last was sent). Now the operation's declaration replaces the path item's
// whatever the case (generator/model/operations.ts, supplied-keys.ts), and the typing document
// moves such a path-level header down into the operations that inherit it, since
// openapi-typescript matches names as written (model/typing-document.ts). Oracles: the model,
// the compiler on the generated types, what the capture server received, and Prism judging the
// generated client's requests on test/fixtures/header-case (every declaration's enum differs).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismStage } from '../../../bench/corpus/prism.ts';
import { buildApiModel } from '../../../generator/model/index.ts';
import { startCaptureServer, type CaptureServer } from '../../support/capture-server.ts';
import { loaded } from '../auth/hand-made-spec.ts';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';
import { projectProbeErrorLines } from '../types/compile-probe.ts';

const FIXTURE = join(ROOT, 'test/fixtures/header-case/openapi.json');
const document = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
let project: SpecProject;
let server: CaptureServer;

beforeAll(async () => {
  project = await createSpecProject('header-case', [{ vendor: 'hcase', displayName: 'HeaderCase', example: FIXTURE }]);
  server = await startCaptureServer({ responders: [() => ({ status: 204 })] });
}, 120_000);

afterAll(async () => {
  project?.remove();
  await server?.close();
});

describe("an operation's header parameter named as a path-level one in another case", () => {
  it('replaces it in the model; an operation without one inherits it', () => {
    const model = buildApiModel(loaded(document));
    const headers = (id: string) => model.operations.find((op) => op.id === id)!.parameters.filter((p) => p.in === 'header').map((p) => [p.name, p.required, p.schema?.enum]);
    expect(headers('getItem')).toEqual([
      ['x-key', true, ['op-level']],
      ['X-Trace', true, ['op-trace']],
    ]);
    expect(headers('deleteItem')).toEqual([
      ['X-Key', true, ['path-level']],
      ['X-Trace', false, ['path-trace']],
    ]);
  });

  it('is the one header member of its type', () => {
    const header = ["import type { operations } from './generated/hcase/types.js';", 'export function probe() {'];
    const lines = [
      "type Get = operations['getItem']['parameters']['header'];",
      "type Delete = operations['deleteItem']['parameters']['header'];",
      "const get: [keyof Get] extends ['x-key' | 'X-Trace'] ? (['x-key' | 'X-Trace'] extends [keyof Get] ? true : false) : false = true;",
      "const del: [keyof Delete] extends ['X-Key' | 'X-Trace'] ? (['X-Key' | 'X-Trace'] extends [keyof Delete] ? true : false) : false = true;",
      "const given: Get = { 'x-key': 'op-level', 'X-Trace': 'op-trace' };",
      "const stale: Get = { 'x-key': 'op-level', 'X-Trace': 'op-trace', 'X-Key': 'path-level' };",
      'void get, del, given, stale;',
    ];
    expect(projectProbeErrorLines(project.root, header, lines)).toEqual(new Set([6]));
  });

  it('is sent once, with the value given for it', async () => {
    const vendor = project.vendors.hcase!;
    const client = vendor.create({ baseUrl: server.url, retry: false, logger: false });
    await vendor.operation('GET', '/items/{id}')(client, { params: { path: { id: 'i1' }, header: { 'x-key': 'op-level', 'X-Trace': 'op-trace' } } });
    await vendor.operation('DELETE', '/items/{id}')(client, { params: { path: { id: 'i1' }, header: { 'X-Key': 'path-level' } } });
    const [get, del] = server.take();
    expect([get!.headers['x-key'], get!.headers['x-trace']]).toEqual(['op-level', 'op-trace']);
    expect([del!.headers['x-key'], del!.headers['x-trace']]).toEqual(['path-level', undefined]);
  });

  it('sends requests Prism accepts', async () => {
    const outcome = await prismStage({ id: 'fixture/header-case', file: FIXTURE, display: 'test/fixtures/header-case/openapi.json', bytes: statSync(FIXTURE).size });
    expect(outcome).toEqual({ passed: 2, total: 2, causes: [], failures: [] });
  }, 300_000);
});
