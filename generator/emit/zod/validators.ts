// Two validator objects per operation: the request one, with the schemas of its path, query,
// header and cookie parameters and its body (as the caller passes them to the client, before encoding), and
// the full one, which adds the schema of each response status with a JSON body.
// runtime/validation.ts reads these objects.

import type { OperationModel, ParameterModel, SchemaObject } from '../../model/types.ts';
import { INDENT } from './code.ts';
import { convertSchema, type ConvertContext, type SchemaMode } from './convert.ts';
import { propertyKey } from './identifiers.ts';
import type { SchemaRoot } from './plan.ts';
import { isJsonMediaType } from '../../model/json-media-type.ts';

type Location = 'path' | 'query' | 'header' | 'cookie';

const LOCATIONS: readonly Location[] = ['path', 'query', 'header', 'cookie'];

/** A raw body taken as content: the `binary` helper (Blob, ArrayBuffer, typed array or string). */
const RAW_CONTENT: SchemaObject = { type: 'string', format: 'binary' };

export interface ValidatorOptions {
  /** Include 4XX/5XX responses (and a `default` beside success statuses). */
  readonly errorResponses: boolean;
}

/** Every schema an operation's validator converts, for reachability. */
export function operationRoots(operation: OperationModel, options: ValidatorOptions): SchemaRoot[] {
  const roots: SchemaRoot[] = [];
  for (const location of LOCATIONS) {
    const schema = parametersSchema(operation.parameters, location);
    if (schema !== undefined) roots.push({ schema, mode: 'request' });
  }
  if (operation.requestBody?.schema !== undefined) roots.push({ schema: operation.requestBody.schema, mode: 'request' });
  for (const response of validatedResponses(operation, options)) roots.push({ schema: response.schema, mode: 'response' });
  return roots;
}

/**
 * The parameters of one location as an object schema. Path, query and cookie objects are closed (a
 * misspelt name is an error); headers stay open because callers and the client add their own.
 * Parameters the client supplies itself (auth, client and call options) are never required,
 * and headers of that kind are left to the client entirely.
 */
function parametersSchema(parameters: readonly ParameterModel[], location: Location): SchemaObject | undefined {
  const selected = parameters
    .filter((parameter) => parameter.in === location)
    .filter((parameter) => location !== 'header' || parameter.role === 'param');
  if (selected.length === 0) return undefined;
  const nameOf = (parameter: ParameterModel): string => (location === 'header' ? parameter.name.toLowerCase() : parameter.name);
  const sorted = [...selected].sort((a, b) => compare(nameOf(a), nameOf(b)));
  return {
    type: 'object',
    properties: Object.fromEntries(sorted.map((parameter) => [nameOf(parameter), parameter.schema ?? {}])),
    required: sorted.filter((parameter) => parameter.required && parameter.role === 'param').map(nameOf),
    ...(location === 'header' ? {} : { additionalProperties: false }),
  };
}

/** `1XX`–`3XX` statuses; `default` counts as success only where nothing else describes success. */
function isSuccessStatus(status: string): boolean {
  return /^[123]/.test(status);
}

/** Responses with a JSON schema, first per status; error statuses only when asked for. */
function validatedResponses(operation: OperationModel, options: ValidatorOptions): { status: string; schema: SchemaObject }[] {
  const documentsSuccess = operation.responses.some((response) => isSuccessStatus(response.status));
  const byStatus = new Map<string, SchemaObject>();
  for (const response of operation.responses) {
    if (response.schema === undefined || !isJsonMediaType(response.mediaType)) continue;
    const wanted = options.errorResponses || isSuccessStatus(response.status) || (response.status === 'default' && !documentsSuccess);
    if (wanted && !byStatus.has(response.status)) byStatus.set(response.status, response.schema);
  }
  return [...byStatus].sort(([a], [b]) => compare(a, b)).map(([status, schema]) => ({ status, schema }));
}

/**
 * The operation's request validator: a complete validator object (id, request schemas, no response
 * schemas), starting at column 0. A route that checks its input imports this alone, so a bundle
 * does not keep the response schemas (which can reach much of a spec) it never uses.
 */
export function requestValidatorLiteral(operation: OperationModel, contextFor: (mode: SchemaMode) => ConvertContext): string {
  const request = contextFor('request');
  const requestEntries: string[] = [];
  for (const location of LOCATIONS) {
    const schema = parametersSchema(operation.parameters, location);
    if (schema === undefined) continue;
    const code = convertSchema(schema, request, INNER).code;
    const anyRequired = Array.isArray(schema['required']) && schema['required'].length > 0;
    requestEntries.push(entry(location, anyRequired ? code : `z.optional(${code})`));
  }
  const body = operation.requestBody;
  if (body?.content) {
    // What the client sends as given (model/raw-body.ts), not the document the schema describes.
    const code = convertSchema(RAW_CONTENT, request, INNER).code;
    requestEntries.push(entry('body', body.required ? code : `z.optional(${code})`));
  } else if (body?.schema !== undefined) {
    const code = convertSchema(body.schema, request, INNER).code;
    requestEntries.push(entry('body', body.required ? code : `z.optional(${code})`));
  }
  return `{\n${INDENT}id: ${JSON.stringify(operation.id)},\n${INDENT}request: ${block(requestEntries)},\n${INDENT}responses: {},\n}`;
}

/** The response schemas by status (an object literal starting at column 0), for `withResponses`. */
export function responsesLiteral(
  operation: OperationModel,
  contextFor: (mode: SchemaMode) => ConvertContext,
  options: ValidatorOptions,
): string {
  const response = contextFor('response');
  const entries = validatedResponses(operation, options).map(({ status, schema }) =>
    entry(propertyKey(status), convertSchema(schema, response, INDENT).code, INDENT),
  );
  return entries.length === 0 ? '{}' : `{\n${entries.join('')}}`;
}

const INNER = INDENT.repeat(2);

/** Inline schemas are built like component consts: pure for bundlers, plainly typed for tsc. */
function entry(key: string, code: string, indent = INNER): string {
  return `${indent}${key}: ${/^[A-Za-z_$][\w$]*$/.test(code) ? code : `/* @__PURE__ */ build(() => ${code})`},\n`;
}

function block(entries: string[]): string {
  return entries.length === 0 ? '{}' : `{\n${entries.join('')}${INDENT}}`;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
