// Types as loose as the spec, never looser: for every operation of every vendor pinned in
// specs/lock.json, the keys a caller must send (path, query and header parameters, body properties
// at every depth) and the keys a response must carry are the same in three places: the spec's
// effective document, the TypeScript types a caller compiles against (generated/<vendor>/
// operations.d.ts and types.d.ts, read with the TypeScript checker, one program per vendor) and
// the zod validators (generated/<vendor>/schemas.js).
//
// Where the spec itself says a required key does not bind one side, all three follow it: readOnly
// properties are not sent, writeOnly ones not returned. Where the client, not the caller, supplies
// a value (header parameters whose role is auth or a client/call option, the idempotency body field
// the client fills), the caller is not required to send it; the comparison expects exactly that.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../generator/config/load-config.ts';
import { loadVendor } from '../../../generator/load/index.ts';
import { buildApiModel } from '../../../generator/model/index.ts';
import type { ApiModel, OperationModel } from '../../../generator/model/types.ts';
import { loadSchemasModule, type SchemasModule } from '../zod/support.ts';
import { RequiredKeys, type Validator } from './required-keys-support.ts';
import { PROJECT_ROOT, REPO_ROOT, pinnedVendors } from '../../support/project.ts';

const ROOT = PROJECT_ROOT;
const vendors = await pinnedVendors(ROOT);
const { config } = await loadConfig(ROOT);
const out = path.join(ROOT, config.out ?? 'generated');

interface Vendor {
  model: ApiModel;
  document: Record<string, any>;
  zod: SchemasModule;
  keys: RequiredKeys;
  /** The `init` parameter type of each operation's function, by operation id. */
  init: Map<string, ts.Type>;
  /** `operations[id]` of types.d.ts, by operation id. */
  operation: Map<string, ts.Type>;
  programMs: number;
}

/** One program per vendor over a probe module that imports the generated declarations. */
function program(vendor: string, model: ApiModel, document: Record<string, any>): Pick<Vendor, 'keys' | 'init' | 'operation' | 'programMs'> {
  const started = performance.now();
  const dir = path.join(out, vendor);
  const probe = path.join(dir, '__required_keys_probe__.ts');
  const probeText = `import type * as functions from './operations.js';\nimport type { operations } from './types.js';\nexport declare const fns: typeof functions;\nexport declare const ops: operations;\n`;
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(REPO_ROOT, 'tsconfig.generated.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const host = ts.createCompilerHost(parsed.options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    path.resolve(file) === probe ? ts.createSourceFile(file, probeText, language, true) : getSourceFile(file, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === probe || fileExists(file);
  const built = ts.createProgram({ rootNames: [probe], options: { ...parsed.options, noEmit: true }, host });
  const checker = built.getTypeChecker();
  const source = built.getSourceFile(probe)!;
  const exported = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((symbol) => [symbol.name, symbol]));
  const fns = checker.getTypeOfSymbol(exported.get('fns')!);
  const ops = checker.getTypeOfSymbol(exported.get('ops')!);
  const init = new Map<string, ts.Type>();
  const operation = new Map<string, ts.Type>();
  for (const op of model.operations) {
    const fn = fns.getProperty(op.functionName);
    const parameter = fn && checker.getTypeOfSymbol(fn).getCallSignatures()[0]?.parameters[1];
    if (parameter) init.set(op.id, checker.getNonNullableType(checker.getTypeOfSymbol(parameter)));
    const declared = ops.getProperty(op.id);
    if (declared) operation.set(op.id, checker.getTypeOfSymbol(declared));
  }
  return { keys: new RequiredKeys(document, checker), init, operation, programMs: performance.now() - started };
}

const loaded: Record<string, Vendor> = {};

beforeAll(async () => {
  for (const vendor of vendors) {
    const types = path.join(out, vendor, 'types.d.ts');
    if (!existsSync(types)) throw new Error(`${path.relative(ROOT, types)} is missing: run \`npx svcgen generate\` first`);
    const vendorConfig = config.vendors?.[vendor] ?? {};
    const effective = await loadVendor(vendor, { root: ROOT, download: false });
    const model = buildApiModel(effective, {
      ...(vendorConfig.include ? { include: vendorConfig.include } : {}),
      ...(vendorConfig.exclude ? { exclude: vendorConfig.exclude } : {}),
    });
    const zod = loadSchemasModule(readFileSync(path.join(out, vendor, 'schemas.js'), 'utf8'));
    loaded[vendor] = { model, document: effective.document, zod, ...program(vendor, model, effective.document) };
  }
}, 600_000);

describe.each(vendors)('%s', (vendor) => {
  it('every operation is in the types, the functions and the validators', () => {
    const { model, init, operation, zod } = loaded[vendor]!;
    const missing = (found: { has(id: string): boolean }) => model.operations.map((op: OperationModel) => op.id).filter((id) => !found.has(id));
    expect(missing(operation)).toEqual([]);
    expect(missing(init)).toEqual([]);
    expect(missing(new Set(Object.keys(zod.validators)))).toEqual([]);
  });

  it('requests: the spec, the TypeScript types and the zod validators require the same keys', () => {
    const { model, zod, keys, init } = loaded[vendor]!;
    const started = performance.now();
    const disagreements = model.operations.flatMap((op) => keys.request(op, init.get(op.id)!, zod.validators[op.id] as unknown as Validator));
    console.log(`required-keys ${vendor}: ${model.operations.length} operations, ${keys.compared.request} request objects compared in ${Math.round(performance.now() - started)} ms (program ${Math.round(loaded[vendor]!.programMs)} ms)`);
    expect(disagreements).toEqual([]);
    expect(keys.compared.request).toBeGreaterThan(0);
  }, 120_000);

  it('responses: the spec, the TypeScript types and the zod validators require the same keys', () => {
    const { model, zod, keys, operation } = loaded[vendor]!;
    const started = performance.now();
    const disagreements = model.operations.flatMap((op) => keys.responses(op, operation.get(op.id)!, zod.validators[op.id] as unknown as Validator));
    console.log(`required-keys ${vendor}: ${keys.compared.response} response objects compared in ${Math.round(performance.now() - started)} ms`);
    expect(disagreements).toEqual([]);
    expect(keys.compared.response).toBeGreaterThan(0);
  }, 120_000);
});
