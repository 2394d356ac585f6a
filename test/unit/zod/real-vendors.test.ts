// The zod emitter on the real effective documents of every vendor pinned in specs/lock.json (for
// this repository: OpenAPI 3.0 with ~1,000 schemas and cycles, 3.1 merged from many files, and one
// converted from Swagger 2.0): the output builds, accepts what the specs allow, rejects what they
// forbid, tree-shakes, and type-checks. Vendor-specific facts live in real-vendors.<vendor>.test.ts.
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { emitZodModule, emitZodSchemas } from '../../../generator/emit/zod.ts';
import { loadVendor } from '../../../generator/load/index.ts';
import { buildApiModel } from '../../../generator/model/index.ts';
import type { ApiModel, OperationModel } from '../../../generator/model/types.ts';
import { ValidationError, validateRequest, validateResponse, type RequestInput } from '../../../runtime/validation.ts';
import { PROJECT_ROOT, pinnedVendors } from '../../support/project.ts';
import { minimalInstance, requiredScalar } from './instances.ts';
import { loadSchemasModule, typeCheck, type SchemasModule } from './support.ts';

const ROOT = PROJECT_ROOT;
const VENDORS = await pinnedVendors(ROOT);
type Vendor = string;

interface Emitted {
  model: ApiModel;
  document: Record<string, any>;
  /** The TypeScript rendering (type-checked here). */
  source: string;
  /** What generated/<vendor>/ receives: schemas.js (loaded, bundled) and schemas.d.ts. */
  js: string;
  dts: string;
  module: SchemasModule;
}

const emittedBy = new Map<Vendor, Emitted>();
/** What beforeAll emitted for `vendor`. */
function emitted(vendor: Vendor): Emitted {
  const found = emittedBy.get(vendor);
  if (!found) throw new Error(`nothing emitted for ${vendor}`);
  return found;
}

beforeAll(async () => {
  for (const vendor of VENDORS) {
    const loaded = await loadVendor(vendor, { root: ROOT, download: false });
    const model = buildApiModel(loaded);
    const { js, dts, ts: source } = emitZodModule(model, loaded.document);
    emittedBy.set(vendor, { model, document: loaded.document, source, js, dts, module: loadSchemasModule(js) });
  }
}, 300_000);

function isJson(mediaType: string | undefined): boolean {
  return mediaType !== undefined && /(^application\/json|\+json)(;|$)/.test(mediaType);
}

/** The smallest request the spec allows: required parameters and body only. */
function minimalRequest(operation: OperationModel, document: Record<string, any>): RequestInput | undefined {
  const params: Record<string, Record<string, unknown>> = {};
  for (const parameter of operation.parameters) {
    if (!parameter.required || parameter.role !== 'param' || parameter.in === 'cookie') continue;
    const built = minimalInstance(parameter.schema, document);
    if (built === undefined) return undefined;
    (params[parameter.in] ??= {})[parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name] = built.value;
  }
  const init: { params: typeof params; body?: unknown } = { params };
  if (operation.requestBody?.schema !== undefined && operation.requestBody.required) {
    const body = minimalInstance(operation.requestBody.schema, document);
    if (body === undefined) return undefined;
    init.body = body.value;
  }
  return init;
}

describe.each(VENDORS)('%s', (vendor) => {
  it('builds every schema and exports one validator per operation', () => {
    const { model, module } = emitted(vendor);
    expect(Object.keys(module.validators)).toEqual(model.operations.map((operation) => operation.id).sort());
    for (const [id, validator] of Object.entries(module.validators)) expect(validator.id).toBe(id);
    // Parsing reads every getter, so a reference to a const that does not exist would throw here.
    for (const [name, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodType)) continue;
      for (const probe of [{}, [], null, 'x', 0]) expect(() => value.safeParse(probe), name).not.toThrow();
    }
  }, 60_000);

  it('accepts the smallest response each spec allows, with extra fields, and rejects a wrong type', () => {
    const { model, module, document } = emitted(vendor);
    let checked = 0;
    let mutated = 0;
    for (const operation of model.operations) {
      const validator = module.validators[operation.id]!;
      for (const response of operation.responses) {
        if (!/^2/.test(response.status) || !isJson(response.mediaType) || response.schema === undefined) continue;
        const status = Number(response.status);
        const instance = minimalInstance(response.schema, document);
        if (instance === undefined) continue;
        checked++;
        expect(() => validateResponse(validator, status, instance.value), `${operation.id} ${status}`).not.toThrow();
        const value = instance.value;
        if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
        expect(() => validateResponse(validator, status, { ...value, added_by_vendor_later: { x: 1 } })).not.toThrow();
        const field = requiredScalar(response.schema, document);
        if (field === undefined) continue;
        mutated++;
        const error = (() => {
          try {
            validateResponse(validator, status, { ...value, [field]: { wrong: true } });
          } catch (caught) {
            return caught;
          }
          return undefined;
        })();
        expect(error, `${operation.id} ${status} ${field}`).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.map((issue) => issue.path[0])).toContain(field);
      }
    }
    // Guards against a vacuous pass: most operations must have been exercised.
    expect(checked).toBeGreaterThan(model.operations.length * 0.5);
    expect(mutated).toBeGreaterThan(checked * 0.2);
  });

  it('accepts the smallest request each spec allows and rejects unknown query parameters', () => {
    const { model, module, document } = emitted(vendor);
    let checked = 0;
    for (const operation of model.operations) {
      const init = minimalRequest(operation, document);
      if (init === undefined) continue;
      checked++;
      const validator = module.validators[operation.id]!;
      expect(() => validateRequest(validator, init), operation.id).not.toThrow();
      if (validator.request.query !== undefined) {
        expect(() => validateRequest(validator, { ...init, params: { ...init.params, query: { ...(init.params?.query as object), not_a_parameter: 1 } } })).toThrow(ValidationError);
      }
    }
    expect(checked).toBeGreaterThan(model.operations.length * 0.8);
  });

  it('is deterministic', () => {
    const { model, document, source } = emitted(vendor);
    const reordered = { ...model, operations: [...model.operations].reverse() };
    expect(emitZodSchemas(reordered, structuredClone(document))).toBe(source);
  });
});

describe('tree-shaking', () => {
  async function bundleSize(vendor: Vendor, entry: string): Promise<number> {
    return (await bundle(vendor, entry)).length;
  }

  async function bundle(vendor: Vendor, entry: string): Promise<string> {
    const virtual = path.join(ROOT, 'generated', `__zod_shake_${vendor}`, 'schemas.ts');
    const result = await build({
      stdin: { contents: entry.replace('SCHEMAS', virtual), resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      minify: true,
      treeShaking: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      plugins: [{
        name: 'virtual-schemas',
        setup(builder) {
          builder.onResolve({ filter: /__zod_shake_/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
          builder.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents: emitted(vendor).js, loader: 'js', resolveDir: ROOT }));
        },
      }],
    });
    return result.outputFiles[0]!.text;
  }

  /** The operation ids of the validator objects a bundle kept (minified: `id:"GetThing"`). */
  const keptIds = (bundle: string) => [...bundle.matchAll(/\bid:"([^"]+)"/g)].map((match) => match[1]!).sort();

  it('bundles one validator without the others', async () => {
    // zod itself, with every constructor the generated modules use.
    const zodOnly = await bundleSize(
      VENDORS[0]!,
      "import * as z from 'zod'; console.log([z.looseObject({}), z.strictObject({}), z.object({}).catchall(z.never()), z.optional(z.nullable(z.array(z.enum(['x'])))), z.union([z.int(), z.int32()]), z.intersection(z.boolean(), z.number()), z.record(z.string().max(1).regex(/x/), z.unknown()), z.literal([1]), z.lazy(() => z.null()), z.custom(() => true), z.number().refine(Number.isInteger)]);",
    );
    for (const vendor of VENDORS) {
      const ids = emitted(vendor).model.operations.map((operation) => operation.id).sort();
      const one = ids[0]!;
      const { module } = emitted(vendor);
      // The export that holds the validator (its name is the id in PascalCase, plus `Validator`).
      const name = Object.keys(module).find((key) => key !== 'validators' && module[key] === module.validators[one])!;
      expect(name, `${vendor} ${one}`).toBeDefined();
      const single = await bundle(vendor, `import { ${name} } from 'SCHEMAS'; console.log(${name});`);
      const all = await bundle(vendor, "import { validators } from 'SCHEMAS'; console.log(validators);");
      // The one validator kept, every other dropped; all of them kept when the map is imported.
      expect(keptIds(single), `${vendor} ${one}`).toEqual([one]);
      expect(keptIds(all), vendor).toEqual(ids);
      expect(single.length, `${vendor} ${one}`).toBeLessThan(all.length);
      // One validator costs at most a few kB over zod with every constructor the modules use.
      expect(single.length - zodOnly, `${vendor} ${one}`).toBeLessThan(20_000);
    }
  }, 120_000);
});

describe('type-check', () => {
  it("type-checks each vendor's output under the worker tsconfig (strict, Web APIs only)", async () => {
    expect(await typeCheck(Object.fromEntries(VENDORS.map((vendor) => [vendor, emitted(vendor).source])))).toBe('');
  }, 600_000);

  it('ships JavaScript that is the TypeScript rendering without its types, and declares every export', () => {
    for (const vendor of VENDORS) {
      const { source, js, dts } = emitted(vendor);
      const exports = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]);
      const defined = exports(js, /^export const (\w+) =/gm);
      // A request validator and a full validator per operation, plus the schemas they share.
      expect(defined.length, vendor).toBeGreaterThanOrEqual(emitted(vendor).model.operations.length * 2);
      expect(exports(dts, /^export declare const (\w+):/gm), vendor).toEqual(defined);
      expect(exports(source, /^export const (\w+)[:= ]/gm), vendor).toEqual(defined);
      // Line for line the same code once the TypeScript-only annotations are taken out.
      const untyped = source
        .replace(/^\/\*\* Schemas of one operation[^\n]*\n^export interface OperationValidator \{[\s\S]*?^\}\n\n/m, '')
        .replace(/: OperationValidator = /g, ' = ')
        .replace(/\n\}\s*as const;/g, '\n};')
        .replace(/z\.custom<[^>]*>\(/, 'z.custom(')
        .replace('const build = (make: () => unknown): z.ZodType => make() as z.ZodType;', 'const build = (make) => make();')
        .replace(
          "const withResponses = (request: OperationValidator, responses: OperationValidator['responses']): OperationValidator => ({ ...request, responses });",
          'const withResponses = (request, responses) => ({ ...request, responses });',
        )
        .replace('const jsonText = (value: unknown): unknown =>', 'const jsonText = (value) =>')
        .replace('? JSON.stringify(value, (_key: string, member: unknown): unknown =>', '? JSON.stringify(value, (_key, member) =>')
        .replace('const uniqueItems = (items: readonly unknown[]): boolean => {', 'const uniqueItems = (items) => {')
        .replace('const protoKey = <M extends z.ZodType>(value: z.ZodType, map: M): M =>', 'const protoKey = (value, map) =>')
        .replace('}).pipe(map) as unknown as M;', '}).pipe(map);')
        .replace('const input = payload.value as Record<string, unknown>;', 'const input = payload.value;')
        .replace("path: ['__proto__', ...issue.path] })) as typeof payload.issues);", "path: ['__proto__', ...issue.path] })));")
        .replace('const mapOf = (value: z.ZodType) =>', 'const mapOf = (value) =>')
        .replace('const restOf = (object: z.ZodObject, value: z.ZodType) =>', 'const restOf = (object, value) =>');
      expect(js.split('\n').slice(5), vendor).toEqual(untyped.split('\n').slice(5));
    }
  });
});
