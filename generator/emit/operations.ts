// operations.js and operations.d.ts of a vendor: one flat, exported function per operation
// (tree-shakable: a Worker that imports one keeps one), each with a module-level metadata constant
// that carries its policy facts into the runtime pipeline.
import type { ApiModel, OperationModel, ParameterModel, SchemaObject } from '../model/types.ts';
import { mayBeStructured } from '../model/bracketed-query.ts';
import { paginatorNameOf } from '../model/function-names.ts';
import { clientNames } from '../model/module-names.ts';
import { acceptOf } from './accept.ts';
import { encoderImports, encoderValue, encodersOf, hasSuccessWithoutContent, mayCarryUndescribedBody, mixedSuccessReadings, streamsEvents, type EncoderRef } from './encoders.ts';
import { readingOf, successParseAs } from '../model/success-reading.ts';
import { fileHeader } from './header.ts';
import { runtimeBinding, runtimeImport } from './runtime-bindings.ts';
import { keyQuery, requestPath } from './request-path.ts';
import { typesOperationKey } from './types-key.ts';
import { docComment, literal, plainText, quotedKey } from './text.ts';

function isPlainScalar(p: ParameterModel, doc: Record<string, any>): boolean {
  // openapi-fetch would write it, reserved characters encoded: in the table, the client hands the query to reservedQuery.
  if (p.style !== 'form' || !p.explode || p.allowReserved) return false;
  let schema: SchemaObject | undefined = p.schema;
  for (let i = 0; i < 8 && schema && typeof schema.$ref === 'string'; i++) {
    schema = refTarget(doc, schema.$ref as string);
  }
  if (!schema) return true;
  if (schema.anyOf || schema.oneOf || schema.allOf || schema.properties) return false;
  const type = schema.type;
  const types = Array.isArray(type) ? type : [type];
  return !types.includes('array') && !types.includes('object');
}

function refTarget(doc: Record<string, any>, ref: string): SchemaObject | undefined {
  let node: any = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
}

export function metaLiteral(op: OperationModel, doc: Record<string, any>): string {
  const fields: string[] = [
    `id: ${literal(op.id)}`,
    `method: ${literal(op.method.toUpperCase())}`,
    `path: ${literal(requestPath(op.path))}`,
    `resilience: ${literal(op.resilience)}`,
    `idempotency: ${literal(op.idempotency)}`,
  ];
  if (op.rateLimitBucket) fields.push(`bucket: ${literal(op.rateLimitBucket)}`);
  if (op.cache) fields.push(`cache: ${literal(op.cache)}`);
  const styled = op.parameters
    .filter((p) => p.in === 'query' && !isPlainScalar(p, doc))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((p) => `${quotedKey(p.name)}: [${literal(p.style)}, ${p.explode}]`);
  // A constant query string in the path key is sent through the query encoder, which needs the table.
  if (styled.length || keyQuery(op.path)) fields.push(`query: { ${styled.join(', ')} }`);
  const parseAs = successParseAs(op);
  if (parseAs) fields.push(`parseAs: ${literal(parseAs)}`);
  const accept = acceptOf(op);
  if (accept) fields.push(`accept: ${literal(accept)}`);
  if (op.server) fields.push(`server: ${literal(op.server)}`);
  for (const ref of metaEncoders(op, doc)) fields.push(`${ref.field}: ${encoderValue(ref)}`);
  return `{ ${fields.join(', ')} }`;
}

/** The runtime encoders the operation's metadata names (see encoders.ts). */
function metaEncoders(op: OperationModel, doc: Record<string, any>): EncoderRef[] {
  const structuredHeaders = op.parameters.filter((p) => p.in === 'header' && p.role === 'param' && (p.style === 'json' || mayBeStructured(doc, p.schema))).map((p) => p.name);
  return encodersOf(op, op.parameters.some((p) => p.in === 'query' && !isPlainScalar(p, doc)), structuredHeaders);
}

/** Success statuses of an operation read by status (encoders.ts) whose body the spec leaves undescribed. */
function untypedSuccessStatuses(op: OperationModel): string[] {
  if (streamsEvents(op) || !mixedSuccessReadings(op)) return [];
  return op.responses.filter((r) => /^2/.test(r.status) && mayCarryUndescribedBody(r)).map((r) => r.status);
}

/** Success statuses of an operation whose described body (`*\/*`, any type) is read by its Content-Type. */
function anyTypeSuccessStatuses(op: OperationModel): string[] {
  if (streamsEvents(op)) return [];
  return op.responses.filter((r) => /^2/.test(r.status) && readingOf(r) === 'content-type').map((r) => r.status);
}

/** Must the caller pass an init argument? (required path/query/header params or a required body) */
export function initRequired(op: OperationModel): boolean {
  const param = op.parameters.some((p) => p.role === 'param' && p.required);
  return param || Boolean(op.requestBody?.required);
}

function describe(op: OperationModel): string {
  const lines: string[] = [];
  if (op.summary) lines.push(plainText(op.summary), '');
  lines.push(`\`${op.method.toUpperCase()} ${op.path}\` · ${resilienceNote(op)}`);
  if (op.pagination) lines.push(`Paginated (${op.pagination.style}): see \`${paginatorName(op)}\`.`);
  if (streamsEvents(op)) {
    lines.push(
      'Resolves when the response starts, with its body as a stream of server-sent events (text/event-stream) to read as they arrive;',
      'cancel the stream, or abort `options.signal`, to close it. The timeouts bound the wait for the response, not its reading.',
    );
  }
  const untyped = untypedSuccessStatuses(op);
  if (untyped.length) lines.push(`On ${untyped.join(', ')} (no content in the spec) resolves with the body as sent, read by its Content-Type, which the type does not name.`);
  const anyType = anyTypeSuccessStatuses(op);
  if (anyType.length) {
    lines.push(`On ${anyType.join(', ')} the spec allows any media type, so the body is read by its Content-Type: JSON as the type says; text as a string and other bytes as a Blob, which the type does not name.`);
  }
  if (op.source === 'overlay' && op.sourceNote) lines.push(`Added by our overlay from ${op.sourceNote}.`);
  const first = op.description ? plainText(op.description).split(/\n\s*\n/)[0]?.trim() : undefined;
  if (first && first !== op.summary) lines.push('', first);
  if (op.deprecated) lines.push('', '@deprecated The vendor marks this operation deprecated.');
  return docComment(lines);
}

function resilienceNote(op: OperationModel): string {
  if (op.resilience === 'safe') return 'safe: retried on transient failures';
  if (op.idempotency.kind === 'header') return `idempotent: one \`${op.idempotency.name}\` per call, reused on retries`;
  if (op.idempotency.kind === 'body-field') return `idempotent: \`${op.idempotency.field}\` filled once per call when empty`;
  if (op.resilience === 'idempotent') return 'idempotent method: retried on transient failures';
  return 'unsafe: retried only when the failure proves the request was not processed';
}

/**
 * The operation's metadata constant: `<function>Meta`, with `_` appended while that is the name of
 * an exported function (`getThing`'s metadata beside an operation `getThingMeta`).
 */
export function metaName(op: OperationModel, functions: ReadonlySet<string> = new Set()): string {
  let name = `${op.functionName}Meta`;
  while (functions.has(name)) name += '_';
  return name;
}

/** The paginator's name, which model/function-names.ts keeps clear of every other exported name. */
export function paginatorName(op: OperationModel): string {
  return paginatorNameOf(op.functionName);
}

// Why JavaScript plus a declaration file rather than TypeScript: a consumer's type-checker checks
// every body of a .ts source it imports (hundreds of functions for a large API, each instantiating the
// operation's types), but reads a .d.ts lazily and skips it under skipLibCheck. Our own type-check
// still checks the declarations (tsconfig.generated.json), and the runtime suites run the bodies.

function initDeclaration(op: OperationModel, opType: string): string {
  return initRequired(op) ? `init: OperationInit<${opType}>` : `init?: OperationInit<${opType}>`;
}

function initParameter(op: OperationModel): string {
  return initRequired(op) ? 'init' : 'init = {}';
}

/** What a call resolves with: the parsed success body, or an event stream (and nothing for a success without content). */
function successType(op: OperationModel, opType: string): string {
  if (!streamsEvents(op)) return `OperationData<${opType}>`;
  return hasSuccessWithoutContent(op) ? 'ReadableStream<Uint8Array> | undefined' : 'ReadableStream<Uint8Array>';
}

function operationDeclaration(op: OperationModel, model: ApiModel): string {
  const { client, callOptions } = clientNames(model.vendor, model.displayName);
  const opType = `operations[${literal(typesOperationKey(op.id))}]`;
  const out = [
    describe(op),
    `export declare function ${op.functionName}(client: ${client}, ${initDeclaration(op, opType)}, options?: ${callOptions}): Promise<${successType(op, opType)}>;`,
  ];
  if (op.pagination) {
    out.push(
      '',
      docComment([
        `Every item of \`${op.functionName}\`, page after page (${op.pagination.style} pagination).`,
        'Stops at `maxItems` / `maxPages` when given; `options.signal` cancels the walk, the page in flight included.',
      ]),
      `export declare function ${paginatorName(op)}(client: ${client}, ${initDeclaration(op, opType)}, options?: ${callOptions} & PageLimits): Paginator<PageItem<OperationData<${opType}>, ${literal(op.pagination.itemsField)}>, OperationData<${opType}>>;`,
    );
  }
  return out.join('\n');
}

function operationImplementation(op: OperationModel, doc: Record<string, any>, functions: ReadonlySet<string>): string {
  const init = initParameter(op);
  const meta = metaName(op, functions);
  const out = [
    `const ${meta} = ${metaLiteral(op, doc)};`,
    `export function ${op.functionName}(client, ${init}, options) {`,
    `  return client.call(${meta}, init, options);`,
    '}',
  ];
  if (op.pagination) {
    out.push(
      `export function ${paginatorName(op)}(client, ${init}, options) {`,
      `  return ${runtimeBinding('paginateOperation')}(client, ${meta}, ${literal(op.pagination)}, init, options);`,
      '}',
    );
  }
  return out.join('\n');
}

export interface OperationsModule {
  /** operations.js: the metadata and the functions. */
  js: string;
  /** operations.d.ts: their signatures and documentation. */
  dts: string;
}

export function emitOperations(model: ApiModel, doc: Record<string, any>): OperationsModule {
  const paginated = model.operations.some((o) => o.pagination);
  const functions = new Set(model.operations.flatMap((op) => (op.pagination ? [op.functionName, paginatorName(op)] : [op.functionName])));
  const purpose = `One function per operation (${model.operations.length}), each through the policy pipeline.`;
  const names = clientNames(model.vendor, model.displayName);
  const runtimeTypes = ['OperationData', 'OperationInit', ...(paginated ? ['PageItem', 'PageLimits', 'Paginator'] : [])];
  const dtsHead = [
    fileHeader(model.vendor, `${purpose} Signatures of operations.js.`, model.provenance),
    `import type { ${runtimeTypes.join(', ')} } from 'svcgen/runtime';`,
    `import type { ${names.callOptions}, ${names.client} } from './client.ts';`,
    `import type { operations } from './types.js';`,
    '',
    '',
  ];
  const imports = [
    ...(paginated ? [runtimeImport('svcgen/runtime/paginate', ['paginateOperation'])] : []),
    ...encoderImports(model.operations.flatMap((op) => metaEncoders(op, doc))),
  ];
  const jsHead = [
    fileHeader(model.vendor, `${purpose} Types and documentation: operations.d.ts.`, model.provenance),
    ...imports,
    ...(imports.length ? [''] : []),
    '',
  ];
  return {
    js: jsHead.join('\n') + model.operations.map((op) => operationImplementation(op, doc, functions)).join('\n\n') + '\n',
    dts: dtsHead.join('\n') + model.operations.map((op) => operationDeclaration(op, model)).join('\n\n') + '\n',
  };
}
