// readOnly properties are not sent and writeOnly ones not returned (test/fixtures/read-write: a
// required readOnly id at the top and in array items, a required writeOnly secret). The generated
// operation's request type neither requires nor accepts the readOnly ones and requires the
// writeOnly one; its result has the readOnly ones as plain values and no writeOnly one. Without
// read/write markers openapi-typescript required `id` and `lineId` of a caller creating an item.
// A spec with neither keyword gets no markers. Checked by compiling a probe file, one case a line,
// against the generated project with the TypeScript compiler.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';

let project: SpecProject;

beforeAll(async () => {
  project = await createSpecProject('read-write', [
    { vendor: 'items', displayName: 'Items', example: join(ROOT, 'test/fixtures/read-write/read-write.json') },
    { vendor: 'plain', displayName: 'Plain', example: join(ROOT, 'test/fixtures/cookie-parameters/cookie-parameters.json') },
  ]);
}, 120_000);

afterAll(() => project?.remove());

/** Lines (1-based) of `lines` that do not compile against the generated project. */
function errorLines(lines: string[]): Set<number> {
  const header = ["import { createItemsClient, createItem } from './generated/items/index.ts';", "const client = createItemsClient({ baseUrl: 'http://127.0.0.1:9' });", 'export async function probe() {'];
  const file = join(project.root, 'probe.ts');
  writeFileSync(file, [...header, ...lines, '}', ''].join('\n'));
  const options: ts.CompilerOptions = {
    strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler, allowImportingTsExtensions: true, allowJs: false, types: [], lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  };
  const program = ts.createProgram([file], options);
  const found = ts.getPreEmitDiagnostics(program);
  const elsewhere = found.filter((d) => d.file?.fileName !== file);
  if (elsewhere.length) throw new Error(elsewhere.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join('\n'));
  return new Set(found.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1 - header.length));
}

describe('readOnly and writeOnly properties', () => {
  it('are left out of what a caller must send and of what the call returns', () => {
    const cases = [
      /* 1 ok  */ "await createItem(client, { body: { name: 'n', secret: 's', lines: [{ sku: 'a' }] } });",
      /* 2 err */ "await createItem(client, { body: { id: 'x', name: 'n', secret: 's', lines: [] } });",
      /* 3 err */ "await createItem(client, { body: { name: 'n', secret: 's', lines: [{ lineId: 1, sku: 'a' }] } });",
      /* 4 err */ "await createItem(client, { body: { name: 'n', lines: [] } });",
      /* 5 ok  */ "{ const item = await createItem(client, { body: { name: 'n', secret: 's', lines: [] } }); const id: string = item.id; const line: number | undefined = item.lines[0]?.lineId; void id; void line; }",
      /* 6 err */ "{ const item = await createItem(client, { body: { name: 'n', secret: 's', lines: [] } }); void item.secret; }",
    ];
    expect([...errorLines(cases)].sort()).toEqual([2, 3, 4, 6]);
  });

  it('are marked only in a spec that has them', () => {
    expect(readFileSync(join(project.root, 'generated/items/types.d.ts'), 'utf8')).toContain('id: $Read<string>;');
    expect(readFileSync(join(project.root, 'generated/plain/types.d.ts'), 'utf8')).not.toContain('$Read');
  });
});
