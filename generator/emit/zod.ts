// Emits `generated/<vendor>/schemas.ts`: zod 4 schemas for the component schemas operations use,
// one validator object per operation, and the `validators` aggregate a client opts into.
//
// Three properties shape the output:
// - tree-shaking: each const is built inside a `/* @__PURE__ */` call, so a bundle keeps only the
//   validators it imports and the schemas they reach;
// - type-check cost: every export carries a cheap explicit type (`z.ZodType`, `OperationValidator`)
//   instead of the deep inferred type of a thousand nested objects;
// - determinism: names are allocated in sorted order and consts follow a stable dependency order.

import type { ApiModel, OperationModel } from '../model/types.ts';
import { fileHeader } from './header.ts';
import type { ConvertContext, Helper, SchemaMode } from './zod/convert.ts';
import { convertSchema } from './zod/convert.ts';
import { IdentifierAllocator, pascalWords, propertyKey } from './zod/identifiers.ts';
import { planSchemas, type PlannedSchema, type SchemaPlan } from './zod/plan.ts';
import { compare, operationRoots, validatorLiteral, type ValidatorOptions } from './zod/validators.ts';

/** Names the module defines itself; component and operation names must not take them. */
const RESERVED = ['z', 'build', 'binary', 'int64', 'OperationValidator', 'validators'];

export interface ZodEmitOptions {
  /**
   * Also emit schemas for error responses (4XX, 5XX, and `default` beside a success status).
   * Off by default: the client turns those into ApiError without validating them, and an error
   * schema can reach much of a spec (Stripe's embeds payment intents, so one validator with it
   * bundles ~500 schemas instead of a handful).
   */
  errorResponses?: boolean;
}

export function emitZodSchemas(model: ApiModel, document: Record<string, any>, options: ZodEmitOptions = {}): string {
  const validatorOptions = { errorResponses: options.errorResponses ?? false };
  const operations = [...model.operations].sort((a, b) => compare(a.id, b.id));
  const openapi31 = typeof document['openapi'] === 'string' && document['openapi'].startsWith('3.1');
  const allocator = new IdentifierAllocator(RESERVED);
  const roots = operations.flatMap((operation) => operationRoots(operation, validatorOptions));
  const plan = planSchemas(roots, document, allocator);
  const helpers = new Set<Helper>();

  const contextFor = (mode: SchemaMode, within?: PlannedSchema): ConvertContext => ({
    document,
    mode,
    openapi31,
    helpers,
    reference: (component) => {
      const target = plan.lookup(component, mode);
      if (target === undefined) return undefined;
      return { identifier: target.identifier, deferred: within !== undefined && target.cycle === within.cycle };
    },
  });

  const schemaBlocks = plan.schemas.map((planned) => schemaDeclaration(planned, contextFor(planned.mode, planned), plan));
  const validatorNames = new Map<string, string>();
  const validatorBlocks = operations.map((operation) => {
    const identifier = allocator.allocate(`${pascalWords(operation.id) || 'Operation'}Validator`);
    validatorNames.set(operation.id, identifier);
    return validatorDeclaration(operation, identifier, (mode) => contextFor(mode), validatorOptions);
  });

  return [
    header(model, plan.schemas.length),
    preamble(helpers),
    ...schemaBlocks,
    ...validatorBlocks,
    aggregate(operations, validatorNames),
  ].join('\n');
}

function header(model: ApiModel, schemaCount: number): string {
  const purpose = `Zod schemas for opt-in validation (runtime/validation.ts): the ${schemaCount} component schemas the operations use, and one validator per operation (${model.operations.length}).`;
  return `${fileHeader(model.vendor, purpose)}\nimport * as z from 'zod';\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function preamble(helpers: ReadonlySet<Helper>): string {
  const lines = [
    '/**',
    ' * Builds one schema. Call sites are `@__PURE__`, so bundlers drop the schemas nobody imports;',
    ' * the plain `z.ZodType` result spares tsc from relating a thousand deep object types to it.',
    ' */',
    'const build = (make: () => unknown): z.ZodType => make() as z.ZodType;',
    '',
  ];
  if (helpers.has('binary')) {
    lines.push(
      '/** File content (`format: binary`): multipart file fields and binary bodies. */',
      'const binary = /* @__PURE__ */ z.custom<Blob | ArrayBuffer | ArrayBufferView | string>(',
      "  (value) => typeof value === 'string' || value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value),",
      "  'Expected binary content (Blob, ArrayBuffer, typed array or string)',",
      ');',
      '',
    );
  }
  if (helpers.has('int64')) {
    lines.push(
      '/** `format: int64`: any integral number, including those beyond 2^53 that JSON.parse rounds. */',
      "const int64 = /* @__PURE__ */ z.number().refine(Number.isInteger, 'Expected an integer');",
      '',
    );
  }
  lines.push(
    '/** Schemas of one operation, as runtime/validation.ts reads them. */',
    'export interface OperationValidator {',
    '  readonly id: string;',
    '  readonly request: {',
    '    readonly path?: z.ZodType;',
    '    readonly query?: z.ZodType;',
    '    readonly header?: z.ZodType;',
    '    readonly body?: z.ZodType;',
    '  };',
    '  readonly responses: Readonly<Record<string, z.ZodType>>;',
    '}',
    '',
  );
  return lines.join('\n');
}

function schemaDeclaration(planned: PlannedSchema, context: ConvertContext, plan: SchemaPlan): string {
  const converted = convertSchema(planned.schema, context);
  // Only a cycle member whose own top level reads a cycle member needs z.lazy; object properties
  // are already getters.
  const code = converted.deferred ? `z.lazy(() => ${converted.code})` : converted.code;
  const split = plan.lookup(planned.component, planned.mode === 'request' ? 'response' : 'request');
  const side = split !== undefined && split !== planned ? `, as ${planned.mode === 'request' ? 'sent in requests' : 'returned in responses'}` : '';
  return [
    `// #/components/schemas/${oneLine(planned.component)}${side}`,
    `export const ${planned.identifier} = /* @__PURE__ */ build(() => ${code});`,
    '',
  ].join('\n');
}

function validatorDeclaration(
  operation: OperationModel,
  identifier: string,
  contextFor: (mode: SchemaMode) => ConvertContext,
  options: ValidatorOptions,
): string {
  const literal = validatorLiteral(operation, contextFor, options);
  return [
    `// ${operation.method.toUpperCase()} ${oneLine(operation.path)}`,
    `export const ${identifier}: OperationValidator = ${literal};`,
    '',
  ].join('\n');
}

function aggregate(operations: readonly OperationModel[], names: ReadonlyMap<string, string>): string {
  const entries = operations.map((operation) => `  ${propertyKey(operation.id)}: ${names.get(operation.id)!},\n`);
  return [
    '/** Every validator by operation id. Importing this pulls in all schemas: pass single validators for smaller bundles. */',
    `export const validators = {\n${entries.join('')}} as const;`,
    '',
  ].join('\n');
}
