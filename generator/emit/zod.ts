// Emits a vendor's zod 4 schemas for the component schemas operations use, one validator object
// per operation, and the `validators` aggregate a client opts into: `schemas.js` with
// `schemas.d.ts` in generated/<vendor>/, from one set of blocks that also renders as TypeScript.
// Why JavaScript plus declarations: a consumer that opts into validation would otherwise type-check
// megabytes of schema-building code (for a large API) on every run; the TypeScript rendering of the same code
// is what our tests type-check.
//
// Three properties shape the output:
// - tree-shaking: each const is built inside a `/* @__PURE__ */` call, so a bundle keeps only the
//   validators it imports and the schemas they reach;
// - type-check cost: every export carries a cheap explicit type (`z.ZodType`, `OperationValidator`)
//   instead of the deep inferred type of a thousand nested objects;
// - determinism: names are allocated in sorted order and consts follow a stable dependency order.

import type { ApiModel, OperationModel } from '../model/types.ts';
import { componentRefsOnly } from '../model/typing-refs.ts';
import { fileHeader } from './header.ts';
import type { ConvertContext, Helper, SchemaMode } from './zod/convert.ts';
import { convertSchema } from './zod/convert.ts';
import type { PatternNotes } from './zod/pattern.ts';
import { IdentifierAllocator, pascalWords, propertyKey } from './zod/identifiers.ts';
import { planSchemas, type PlannedSchema, type SchemaPlan } from './zod/plan.ts';
import { compare, operationRoots, requestValidatorLiteral, responsesLiteral, type ValidatorOptions } from './zod/validators.ts';

/** Names the module defines itself; component and operation names must not take them. */
const RESERVED = ['z', 'build', 'withResponses', 'binary', 'integer', 'ownKeys', 'protoKey', 'mapOf', 'restOf', 'ifKind', 'ifObject', 'ifArray', 'jsonText', 'uniqueItems', 'jsonValue', 'OperationValidator', 'validators'];

export interface ZodEmitOptions {
  /**
   * Also emit schemas for error responses (4XX, 5XX, and `default` beside a success status).
   * Off by default: the client turns those into ApiError without validating them, and an error
   * schema can reach much of a spec (an error object that embeds a payment intent makes one validator
   * bundle ~500 schemas instead of a handful).
   */
  errorResponses?: boolean;
}

/** The three renderings of one vendor's schemas module. */
export interface ZodModule {
  /** TypeScript: what the tests type-check. */
  ts: string;
  /** schemas.js: the same code without types. */
  js: string;
  /** schemas.d.ts: the exports' (deliberately plain) types. */
  dts: string;
  /** The spec's patterns the validators check rewritten, or do not check. */
  patterns: PatternNotes;
}

type Flavour = 'ts' | 'js';

interface Block {
  comment: string;
  identifier: string;
  /** The expression without any type annotation. */
  code: string;
  kind: 'schema' | 'validator';
}

export function emitZodModule(model: ApiModel, source: Record<string, any>, options: ZodEmitOptions = {}): ZodModule {
  // References into the middle of a component become components of their own, as for the types:
  // inlined, each was copied at every use and a cycle through it unrolled (a 155 KB corpus spec
  // gave a 200 MB module).
  const document = componentRefsOnly(source);
  const validatorOptions = { errorResponses: options.errorResponses ?? false };
  const operations = [...model.operations].sort((a, b) => compare(a.id, b.id));
  const openapi31 = typeof document['openapi'] === 'string' && document['openapi'].startsWith('3.1');
  const allocator = new IdentifierAllocator(RESERVED);
  const roots = operations.flatMap((operation) => operationRoots(operation, validatorOptions));
  const plan = planSchemas(roots, document, allocator);
  const helpers = new Set<Helper>();
  const patterns: PatternNotes = { translated: new Map(), unchecked: new Map() };

  const contextFor = (mode: SchemaMode, within?: PlannedSchema): ConvertContext => ({
    document,
    mode,
    openapi31,
    helpers,
    patterns,
    reference: (component) => {
      const target = plan.lookup(component, mode);
      if (target === undefined) return undefined;
      return { identifier: target.identifier, deferred: within !== undefined && target.cycle === within.cycle };
    },
  });

  const blocks: Block[] = plan.schemas.map((planned) => schemaBlock(planned, contextFor(planned.mode, planned), plan));
  // Validator names first, so adding request validators renamed none of them.
  const validatorNames = new Map(operations.map((operation) => [operation.id, allocator.allocate(`${operationStem(operation)}Validator`)]));
  for (const operation of operations) {
    const requestName = allocator.allocate(`${operationStem(operation)}Request`);
    blocks.push(...validatorBlocks(operation, requestName, validatorNames.get(operation.id)!, (mode) => contextFor(mode), validatorOptions));
  }

  const render = (flavour: Flavour) =>
    [header(model, plan.schemas.length, flavour), preamble(helpers, flavour), ...blocks.map((block) => definition(block, flavour)), aggregate(operations, validatorNames, flavour)].join('\n');
  return {
    // Rendered on demand: only the tests read it.
    get ts() {
      return render('ts');
    },
    js: render('js'),
    dts: [
      header(model, plan.schemas.length, 'dts'),
      validatorInterface(),
      ...blocks.map(declaration),
      aggregateDeclaration(operations, validatorNames),
    ].join('\n'),
    patterns,
  };
}

/** The TypeScript rendering alone (the tests' view of the module). */
export function emitZodSchemas(model: ApiModel, document: Record<string, any>, options: ZodEmitOptions = {}): string {
  return emitZodModule(model, document, options).ts;
}

function header(model: ApiModel, schemaCount: number, flavour: Flavour | 'dts'): string {
  const purpose = `Zod schemas for opt-in validation (runtime/validation.ts): the ${schemaCount} component schemas the operations use, and a request validator and a full validator per operation (${model.operations.length}).`;
  const which = flavour === 'js' ? ' Types: schemas.d.ts.' : flavour === 'dts' ? ' Types of schemas.js.' : '';
  const zod = flavour === 'dts' ? "import type * as z from 'zod';" : "import * as z from 'zod';";
  return `${fileHeader(model.vendor, purpose + which, model.provenance)}\n${zod}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function preamble(helpers: ReadonlySet<Helper>, flavour: Flavour): string {
  const ts = flavour === 'ts';
  const lines = [
    '/**',
    ' * Builds one schema. Call sites are `@__PURE__`, so bundlers drop the schemas nobody imports;',
    ' * the plain `z.ZodType` result spares tsc from relating a thousand deep object types to it.',
    ' */',
    ts ? 'const build = (make: () => unknown): z.ZodType => make() as z.ZodType;' : 'const build = (make) => make();',
    '',
    '/** A request validator plus response schemas: the full validator, sharing the request schemas. */',
    ts
      ? 'const withResponses = (request: OperationValidator, responses: OperationValidator[\'responses\']): OperationValidator => ({ ...request, responses });'
      : 'const withResponses = (request, responses) => ({ ...request, responses });',
    '',
  ];
  if (helpers.has('binary')) {
    lines.push(
      '/** File content (`format: binary`): multipart file fields and binary bodies. */',
      `const binary = /* @__PURE__ */ z.custom${ts ? '<Blob | ArrayBuffer | ArrayBufferView | string>' : ''}(`,
      "  (value) => typeof value === 'string' || value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value),",
      "  'Expected binary content (Blob, ArrayBuffer, typed array or string)',",
      ');',
      '',
    );
  }
  if (helpers.has('integer')) {
    lines.push(
      '/** `type: integer` (but int32): any integral number, including those beyond 2^53 that JSON.parse rounds. */',
      "const integer = /* @__PURE__ */ z.number().refine(Number.isInteger, 'Expected an integer');",
      '',
    );
  }
  if (helpers.has('ownKeys')) lines.push(...ownKeysHelper(ts));
  if (helpers.has('protoKeys')) lines.push(...protoKeysHelper(ts));
  if (helpers.has('typeless')) lines.push(...typelessHelper(ts));
  if (helpers.has('uniqueItems') || helpers.has('jsonValue')) lines.push(...jsonTextHelper(ts));
  if (helpers.has('uniqueItems')) lines.push(...uniqueItemsHelper(ts));
  if (helpers.has('jsonValue')) lines.push(...jsonValueHelper(ts));
  if (ts) lines.push(validatorInterface());
  return lines.join('\n');
}

/** Wraps the object schemas that declare a property named like an Object.prototype member. */
function ownKeysHelper(ts: boolean): string[] {
  return [
    '/**',
    ' * An object schema declaring properties named like Object.prototype members. zod reads a key with',
    ' * `in` and `[]` (an absent `toString` is the inherited function) and skips a declared `__proto__`',
    ' * (JSON.parse makes it an own key): the object parses a copy without a prototype, and `__proto__`',
    ' * is parsed as a plain key of an object of its own.',
    ' */',
    `const ownKeys = (object${ts ? ': z.ZodObject' : ''})${ts ? ': z.ZodType' : ''} => {`,
    `  let proto${ts ? ': z.ZodType | undefined' : ''};`,
    '  return z.unknown().check((payload) => {',
    '    const input = payload.value;',
    `    const report = (issues${ts ? ': z.core.$ZodIssue[]' : ''}) => payload.issues.push(...(issues${ts ? ' as typeof payload.issues' : ''}));`,
    "    const record = typeof input === 'object' && input !== null && !Array.isArray(input);",
    '    const result = object.safeParse(record ? Object.assign(Object.create(null), input) : input);',
    '    if (!result.success) report(result.error.issues);',
    "    if (!record || !Object.hasOwn(object.shape, '__proto__')) return;",
    `    proto ??= z.object({ value: object.shape['__proto__']${ts ? '!' : ''} });`,
    `    const own = proto.safeParse(Object.hasOwn(input, '__proto__') ? { value: ${ts ? '(input as Record<string, unknown>)' : 'input'}['__proto__'] } : {});`,
    "    if (!own.success) report(own.error.issues.map((issue) => ({ ...issue, path: ['__proto__', ...issue.path.slice(1)] })));",
    '  });',
    '};',
    '',
  ];
}

/** Maps and undeclared keys whose values have a schema, with a `__proto__` key checked too. */
function protoKeysHelper(ts: boolean): string[] {
  const t = (text: string) => (ts ? text : '');
  return [
    '/**',
    ' * zod skips a `__proto__` key of a record and an undeclared one of an object with a catchall, so',
    ' * any value there passed, though JSON.parse makes it an own key like any other. protoKey checks',
    ' * that value against the same schema before the map or object is parsed.',
    ' */',
    // Typed as the map itself (the TypeScript rendering refines maps by their keys); it parses as the map does.
    `const protoKey = ${t('<M extends z.ZodType>')}(value${t(': z.ZodType')}, map${t(': M')})${t(': M')} =>`,
    '  z.unknown().check((payload) => {',
    `    const input = payload.value${t(' as Record<string, unknown>')};`,
    "    if (typeof input !== 'object' || input === null || Array.isArray(input) || !Object.hasOwn(input, '__proto__')) return;",
    "    const own = value.safeParse(input['__proto__']);",
    `    if (!own.success) payload.issues.push(...own.error.issues.map((issue) => ({ ...issue, path: ['__proto__', ...issue.path] }))${t(' as typeof payload.issues')});`,
    `  }).pipe(map)${t(' as unknown as M')};`,
    `const mapOf = (value${t(': z.ZodType')}) => protoKey(value, z.record(z.string(), value));`,
    `const restOf = (object${t(': z.ZodObject')}, value${t(': z.ZodType')}) => protoKey(value, object.catchall(value));`,
    '',
  ];
}

/** A response schema without `type`: its object (or array) keywords check objects (or arrays) only. */
function typelessHelper(ts: boolean): string[] {
  const t = (text: string) => (ts ? text : '');
  return [
    '/**',
    ' * A response schema without `type` whose keywords belong to objects (`properties`, `required` …)',
    ' * or to arrays (`items`) checks values of that kind only: JSON Schema lets any other value through.',
    ' */',
    `const ifKind = (isKind${t(': (value: unknown) => boolean')}, schema${t(': z.ZodType')})${t(': z.ZodType')} =>`,
    '  z.unknown().check((payload) => {',
    '    if (!isKind(payload.value)) return;',
    '    const result = schema.safeParse(payload.value);',
    `    if (!result.success) payload.issues.push(...${ts ? '(result.error.issues as typeof payload.issues)' : 'result.error.issues'});`,
    '  });',
    `const ifObject = (schema${t(': z.ZodType')}) => ifKind((value) => typeof value === 'object' && value !== null && !Array.isArray(value), schema);`,
    `const ifArray = (schema${t(': z.ZodType')}) => ifKind(Array.isArray, schema);`,
    '',
  ];
}

/** JSON Schema's equality of two values, shared by `uniqueItems` and enums with object or array members. */
function jsonTextHelper(ts: boolean): string[] {
  const t = (text: string) => (ts ? text : '');
  return [
    '/**',
    ' * A key equal for two values exactly when JSON Schema calls them equal: their JSON text with object',
    ' * keys sorted (numbers by value, objects whatever the order of their keys). A value that is not',
    ' * JSON (a Blob, bytes) is its own key, equal to itself only.',
    ' */',
    `const jsonText = (value${t(': unknown')})${t(': unknown')} =>`,
    "  value === null || typeof value !== 'object' || Array.isArray(value) || [Object.prototype, null].includes(Object.getPrototypeOf(value))",
    `    ? JSON.stringify(value, (_key${t(': string')}, member${t(': unknown')})${t(': unknown')} =>`,
    "      member !== null && typeof member === 'object' && !Array.isArray(member) ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : member)",
    '    : value;',
    '',
  ];
}

/** `uniqueItems: true`: no two items equal as JSON values. */
function uniqueItemsHelper(ts: boolean): string[] {
  return [
    '/** `uniqueItems`: no two items equal as JSON values (jsonText). */',
    `const uniqueItems = (items${ts ? ': readonly unknown[]' : ''})${ts ? ': boolean' : ''} => {`,
    '  const seen = new Set();',
    '  for (const item of items) {',
    '    const key = jsonText(item);',
    '    if (seen.has(key)) return false;',
    '    seen.add(key);',
    '  }',
    '  return true;',
    '};',
    '',
  ];
}

/** `enum` / `const` with an object or array member, which a zod literal cannot express. */
function jsonValueHelper(ts: boolean): string[] {
  return [
    '/** `enum` or `const` with an object or array member: the value equals a member as a JSON value (jsonText). */',
    `const jsonValue = (members${ts ? ': readonly unknown[]' : ''}) => {`,
    '  const keys = new Set(members.map(jsonText));',
    "  return z.custom((value) => keys.has(jsonText(value)), 'Expected a value equal to one of the enum members');",
    '};',
    '',
  ];
}

function validatorInterface(): string {
  return [
    '/** Schemas of one operation, as runtime/validation.ts reads them. */',
    'export interface OperationValidator {',
    '  readonly id: string;',
    '  readonly request: {',
    '    readonly path?: z.ZodType;',
    '    readonly query?: z.ZodType;',
    '    readonly header?: z.ZodType;',
    '    readonly cookie?: z.ZodType;',
    '    readonly body?: z.ZodType;',
    '  };',
    '  readonly responses: Readonly<Record<string, z.ZodType>>;',
    '}',
    '',
  ].join('\n');
}

function schemaBlock(planned: PlannedSchema, context: ConvertContext, plan: SchemaPlan): Block {
  const converted = convertSchema(planned.schema, context);
  // Only a cycle member whose own top level reads a cycle member needs z.lazy; object properties
  // are already getters.
  const code = converted.deferred ? `z.lazy(() => ${converted.code})` : converted.code;
  const split = plan.lookup(planned.component, planned.mode === 'request' ? 'response' : 'request');
  const side = split !== undefined && split !== planned ? `, as ${planned.mode === 'request' ? 'sent in requests' : 'returned in responses'}` : '';
  return { comment: `// #/components/schemas/${oneLine(planned.component)}${side}`, identifier: planned.identifier, code: `/* @__PURE__ */ build(() => ${code})`, kind: 'schema' };
}

function operationStem(operation: OperationModel): string {
  return pascalWords(operation.id) || 'Operation';
}

/**
 * The request validator, then the full one built from it. `withResponses` is a pure call, so a
 * bundle that imports only the request validator drops the response schemas. The request block's
 * comment names its operation: `svcgen scaffold` reads the export name from it (REQUEST_COMMENT).
 */
function validatorBlocks(
  operation: OperationModel,
  requestName: string,
  validatorName: string,
  contextFor: (mode: SchemaMode) => ConvertContext,
  options: ValidatorOptions,
): Block[] {
  const route = `${operation.method.toUpperCase()} ${oneLine(operation.path)}`;
  return [
    { comment: `// ${route}: ${REQUEST_COMMENT} ${JSON.stringify(operation.id)}`, identifier: requestName, code: requestValidatorLiteral(operation, contextFor), kind: 'validator' },
    { comment: `// ${route}`, identifier: validatorName, code: `/* @__PURE__ */ withResponses(${requestName}, ${responsesLiteral(operation, contextFor, options)})`, kind: 'validator' },
  ];
}

/** `// POST /v1/widgets: request schemas of "CreateWidget"` precedes each request validator. */
export const REQUEST_COMMENT = 'request schemas of';

function definition(block: Block, flavour: Flavour): string {
  const type = block.kind === 'validator' && flavour === 'ts' ? ': OperationValidator' : '';
  return [block.comment, `export const ${block.identifier}${type} = ${block.code};`, ''].join('\n');
}

function declaration(block: Block): string {
  return [block.comment, `export declare const ${block.identifier}: ${block.kind === 'validator' ? 'OperationValidator' : 'z.ZodType'};`, ''].join('\n');
}

const AGGREGATE_DOC = '/** Every validator by operation id. Importing this pulls in all schemas: pass single validators for smaller bundles. */';

function aggregate(operations: readonly OperationModel[], names: ReadonlyMap<string, string>, flavour: Flavour): string {
  const entries = operations.map((operation) => `  ${propertyKey(operation.id)}: ${names.get(operation.id)!},\n`);
  return [AGGREGATE_DOC, `export const validators = {\n${entries.join('')}}${flavour === 'ts' ? ' as const' : ''};`, ''].join('\n');
}

function aggregateDeclaration(operations: readonly OperationModel[], names: ReadonlyMap<string, string>): string {
  const entries = operations.map((operation) => `  readonly ${propertyKey(operation.id)}: typeof ${names.get(operation.id)!};\n`);
  return [AGGREGATE_DOC, `export declare const validators: {\n${entries.join('')}};`, ''].join('\n');
}
