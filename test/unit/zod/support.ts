// Helpers for the zod emitter tests: small models written inline, and ways to run the emitted
// module in-process (esbuild strips the types, `zod` is the project's own) and to type-check it
// with the project's worker compiler options.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { transformSync } from 'esbuild';
import * as zod from 'zod';
import type { ApiModel, OperationModel, ParameterModel } from '../../../generator/model/types.ts';
import type { OperationValidator } from '../../../runtime/validation.ts';
import { emitZodModule } from '../../../generator/emit/zod.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export function operation(id: string, parts: Partial<OperationModel> = {}): OperationModel {
  return {
    id,
    functionName: id[0]!.toLowerCase() + id.slice(1),
    method: 'post',
    path: `/${id}`,
    tags: [],
    deprecated: false,
    source: 'spec',
    parameters: [],
    responses: [],
    security: [],
    idempotency: { kind: 'none' },
    resilience: 'unsafe',
    ...parts,
  };
}

export function parameter(name: string, location: ParameterModel['in'], schema: Record<string, unknown>, required = false): ParameterModel {
  return { name, in: location, required, style: location === 'query' ? 'form' : 'simple', explode: true, schema, role: 'param' };
}

export function model(operations: OperationModel[]): ApiModel {
  return {
    vendor: 'fixture',
    displayName: 'Fixture',
    title: 'Fixture API',
    specVersion: '1',
    omitted: [],
    servers: [],
    auth: { kind: 'schemes', schemes: { bearer: { type: 'bearer' } }, security: [['bearer']], operations: {}, shorthand: 'bearer', unsupported: {} },
    policy: {
      retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, retryStatuses: [] },
      rateLimits: { default: { ratePerSecond: 1, burst: 1 } },
      breaker: { consecutiveFailures: 1, cooldownMs: 1 },
      timeoutMs: 1,
    },
    callHeaders: {},
    operations,
    renamed: [],
  };
}

export interface SchemasModule {
  readonly validators: Readonly<Record<string, OperationValidator>>;
  readonly [name: string]: unknown;
}

/** Evaluates an emitted schemas.ts in this process, with the real zod. */
export function loadSchemasModule(source: string): SchemasModule {
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2022' });
  const module = { exports: {} as Record<string, unknown> };
  const requireZod = (id: string): unknown => {
    if (id !== 'zod') throw new Error(`unexpected import ${id}`);
    return zod;
  };
  new Function('module', 'exports', 'require', code)(module, module.exports, requireZod);
  return module.exports as unknown as SchemasModule;
}

export function schemaOf(module: SchemasModule, name: string): zod.ZodType {
  const value = module[name];
  if (!(value instanceof zod.ZodType)) throw new Error(`${name} is not an exported schema`);
  return value;
}

/**
 * Type-checks emitted files (name → source) as `<tmp>/<name>/schemas.ts` under the project's
 * tsconfig.worker.json (strict, Web APIs only), with the native compiler (tsgo: several times
 * faster than tsc on the largest vendor's output). Returns the compiler's report, empty when clean.
 */
export async function typeCheck(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'svcgen-zod-'));
  try {
    await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, 'schemas.ts'), text);
    }
    const config = { extends: path.join(ROOT, 'tsconfig.worker.json'), include: ['*/schemas.ts'] };
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
    const tsgo = path.join(ROOT, 'node_modules', '.bin', 'tsgo');
    return await new Promise((resolve, reject) => {
      execFile(tsgo, ['-p', path.join(dir, 'tsconfig.json'), '--pretty', 'false'], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error && !stdout) reject(new Error(`tsgo failed to run: ${stderr || error.message}`));
        else resolve(`${stdout}${stderr}`.trim());
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One object schema `Sample` whose string properties `p0`, `p1`, … carry `patterns`, emitted as a
 * request body or a response: the module's result (its pattern notes) and the evaluated schema.
 */
export function patternSample(patterns: readonly string[], side: 'request' | 'response') {
  const properties = Object.fromEntries(patterns.map((pattern, index) => [`p${index}`, { type: 'string', pattern }]));
  const document = { openapi: '3.0.3', components: { schemas: { Sample: { type: 'object', properties } } } };
  const schema = { $ref: '#/components/schemas/Sample' };
  const use = side === 'request' ? operation('Use', { requestBody: { mediaType: 'application/json', encoding: 'json', required: true, schema } }) : operation('Use', { responses: [{ status: '200', mediaType: 'application/json', schema }] });
  const result = emitZodModule(model([use]), document);
  return { result, sample: schemaOf(loadSchemasModule(result.ts), 'Sample') };
}
