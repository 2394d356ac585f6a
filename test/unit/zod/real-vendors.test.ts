// The zod emitter on the real effective documents of Stripe (3.0, ~1,000 schemas with cycles),
// SendGrid (3.1, 46 files merged) and Airwallex (converted from Swagger 2.0): the output builds,
// accepts what the specs allow, rejects what they forbid, tree-shakes, and type-checks.
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { emitZodModule, emitZodSchemas } from '../../../generator/emit/zod.ts';
import { loadVendor } from '../../../generator/load/index.ts';
import { buildApiModel } from '../../../generator/model/index.ts';
import type { ApiModel, OperationModel } from '../../../generator/model/types.ts';
import { ValidationError, validateRequest, validateResponse, type RequestInput } from '../../../runtime/validation.ts';
import { minimalInstance, requiredScalar } from './instances.ts';
import { loadSchemasModule, typeCheck, type SchemasModule } from './support.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const VENDORS = ['stripe', 'sendgrid', 'airwallex'] as const;
type Vendor = (typeof VENDORS)[number];

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

const emitted = {} as Record<Vendor, Emitted>;

beforeAll(async () => {
  for (const vendor of VENDORS) {
    const loaded = await loadVendor(vendor, { root: ROOT, download: false });
    const model = buildApiModel(loaded);
    const { js, dts, ts: source } = emitZodModule(model, loaded.document);
    emitted[vendor] = { model, document: loaded.document, source, js, dts, module: loadSchemasModule(js) };
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
    const { model, module } = emitted[vendor];
    expect(Object.keys(module.validators)).toEqual(model.operations.map((operation) => operation.id).sort());
    for (const [id, validator] of Object.entries(module.validators)) expect(validator.id).toBe(id);
    // Parsing reads every getter, so a reference to a const that does not exist would throw here.
    for (const [name, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodType)) continue;
      for (const probe of [{}, [], null, 'x', 0]) expect(() => value.safeParse(probe), name).not.toThrow();
    }
  });

  it('accepts the smallest response each spec allows, with extra fields, and rejects a wrong type', () => {
    const { model, module, document } = emitted[vendor];
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
    const { model, module, document } = emitted[vendor];
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
    const { model, document, source } = emitted[vendor];
    const reordered = { ...model, operations: [...model.operations].reverse() };
    expect(emitZodSchemas(reordered, structuredClone(document))).toBe(source);
  });
});

describe('stripe specifics', () => {
  it('reports a wrong body type at its path and rejects unknown body fields (closed form bodies)', () => {
    const validator = emitted.stripe.module.validators['PostPaymentIntents']!;
    expect(() => validateRequest(validator, { body: { amount: 2000, currency: 'usd', payment_method_types: ['card'] } })).not.toThrow();
    const wrong = (() => {
      try {
        validateRequest(validator, { body: { amount: '2000', currency: 'usd', metadata: { order: 7 } } });
      } catch (error) {
        return error as ValidationError;
      }
      throw new Error('expected a ValidationError');
    })();
    expect(wrong.issues.map((issue) => [issue.location, ...issue.path])).toEqual([['body', 'amount'], ['body', 'metadata', 'order']]);
    expect(() => validateRequest(validator, { body: { amount: 1, currency: 'usd', amout: 1 } })).toThrow(/unrecognized/i);
  });

  it('keeps expandable fields as id-or-object unions through the recursive getters', () => {
    const { source } = emitted.stripe;
    // Customer ↔ many objects is one large cycle: references within it are getters, never eager.
    expect(source).toMatch(/get customer\(\) \{ return z\.optional\(z\.nullable\(z\.union\(\[z\.string\(\)\.max\(5000\), Customer, DeletedCustomer\]\)\)\); \}/);
  });
});

describe('tree-shaking', () => {
  async function bundleSize(vendor: Vendor, entry: string): Promise<number> {
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
          builder.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents: emitted[vendor].js, loader: 'js', resolveDir: ROOT }));
        },
      }],
    });
    return result.outputFiles[0]!.contents.length;
  }

  it('bundles one validator without the others', async () => {
    // zod itself, with every constructor the generated modules use.
    const zodOnly = await bundleSize(
      'stripe',
      "import * as z from 'zod'; console.log([z.looseObject({}), z.strictObject({}), z.object({}).catchall(z.never()), z.optional(z.nullable(z.array(z.enum(['x'])))), z.union([z.int(), z.int32()]), z.intersection(z.boolean(), z.number()), z.record(z.string().max(1).regex(/x/), z.unknown()), z.literal([1]), z.lazy(() => z.null()), z.custom(() => true), z.number().refine(Number.isInteger)]);",
    );
    for (const [vendor, one] of [['stripe', 'GetBalanceValidator'], ['sendgrid', 'SendMailValidator'], ['airwallex', 'GetBalanceHistoriesUsingGETValidator']] as const) {
      const single = await bundleSize(vendor, `import { ${one} } from 'SCHEMAS'; console.log(${one});`);
      const all = await bundleSize(vendor, "import { validators } from 'SCHEMAS'; console.log(validators);");
      // One validator costs a few kB over zod itself; all of them cost their hundreds of kB.
      expect(single - zodOnly, `${vendor} ${one}`).toBeLessThan(20_000);
      expect(all - zodOnly, vendor).toBeGreaterThan(80_000);
    }
  }, 120_000);
});

describe('type-check', () => {
  it('type-checks the three outputs under the worker tsconfig (strict, Web APIs only)', async () => {
    expect(await typeCheck(Object.fromEntries(VENDORS.map((vendor) => [vendor, emitted[vendor].source])))).toBe('');
  }, 600_000);

  it('ships JavaScript that is the TypeScript rendering without its types, and declares every export', () => {
    for (const vendor of VENDORS) {
      const { source, js, dts } = emitted[vendor];
      const exports = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]);
      const defined = exports(js, /^export const (\w+) =/gm);
      expect(defined.length, vendor).toBeGreaterThan(300);
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
        );
      expect(js.split('\n').slice(5), vendor).toEqual(untyped.split('\n').slice(5));
    }
  });
});
