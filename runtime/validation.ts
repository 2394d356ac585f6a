// Opt-in request and response validation against the generated zod schemas
// (`generated/<vendor>/schemas.js` with `schemas.d.ts`). A client enables it with the `validators` export (or a
// subset, for smaller bundles); each call then checks what the caller passes before anything is
// sent, and the decoded body of a successful response before it is returned.
//
// Errors describe where and what, never the offending value: messages come from the schema
// (expected type, allowed options, bounds), and issues about credential headers lose even that.

import { REDACTED, isSecretKey, redactText } from './redact.ts';

/** An issue as zod 4 reports it (only the fields read here). */
export interface SchemaIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  /** `invalid_union`: the issues of each alternative, paths relative to the union. */
  readonly errors?: readonly (readonly SchemaIssue[])[];
}

/** What validation needs from a schema: zod's `safeParse` (every zod 4 schema fits). */
export interface SchemaLike {
  safeParse(data: unknown): { readonly success: true } | { readonly success: false; readonly error: { readonly issues: readonly SchemaIssue[] } };
}

/** One operation's schemas, as `schemas.js` exports them (`PostPaymentIntentsValidator`). */
export interface OperationValidator {
  readonly id: string;
  readonly request: {
    readonly path?: SchemaLike;
    readonly query?: SchemaLike;
    readonly header?: SchemaLike;
    readonly cookie?: SchemaLike;
    readonly body?: SchemaLike;
  };
  /** By status as in the spec: `"200"`, `"2XX"`, `"default"`. */
  readonly responses: Readonly<Record<string, SchemaLike>>;
}

/** Validators by operation id: the `validators` export of a schemas.js, or any subset of it. */
export type Validators = Readonly<Record<string, OperationValidator>>;

/** The request as the caller passes it to the client (openapi-fetch's init), before encoding. */
export interface RequestInput {
  readonly params?: {
    readonly path?: unknown;
    readonly query?: unknown;
    readonly header?: unknown;
    readonly cookie?: unknown;
  };
  readonly body?: unknown;
}

export type ValidationPhase = 'request' | 'response';
export type ValidationLocation = 'path' | 'query' | 'header' | 'cookie' | 'body' | 'response';

export interface ValidationIssue {
  readonly location: ValidationLocation;
  /** Path inside that location: `['items', 0, 'price']`. */
  readonly path: readonly (string | number)[];
  /** zod's issue code (`invalid_type`, `too_big`, `unrecognized_keys`, …). */
  readonly code: string;
  readonly message: string;
}

const MAX_LISTED = 5;

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly phase: ValidationPhase;
  readonly operationId: string;
  /** The response status, for response validation. */
  readonly status: number | undefined;
  readonly issues: readonly ValidationIssue[];

  constructor(phase: ValidationPhase, operationId: string, issues: readonly ValidationIssue[], status?: number) {
    const listed = issues.slice(0, MAX_LISTED).map((issue) => `${formatPath(issue)}: ${issue.message}`);
    const more = issues.length > MAX_LISTED ? `; and ${issues.length - MAX_LISTED} more` : '';
    const where = phase === 'request' ? 'Request' : `Response${status === undefined ? '' : ` (status ${status})`}`;
    super(`${where} validation failed for ${operationId}: ${listed.join('; ')}${more}`);
    this.phase = phase;
    this.operationId = operationId;
    this.status = status;
    this.issues = issues;
  }
}

/** `body.items[0].price`, `header.idempotency-key`, `response.data[3].id`. */
export function formatPath(issue: Pick<ValidationIssue, 'location' | 'path'>): string {
  let text: string = issue.location;
  for (const segment of issue.path) {
    text += typeof segment === 'number' ? `[${segment}]` : /^[A-Za-z_$][\w$-]*$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/**
 * Checks path, query, header and cookie parameters and the body against the operation's schemas and
 * throws a ValidationError listing every problem. Without a validator (the operation is not in
 * the subset the client was given) it does nothing.
 */
export function validateRequest(validator: OperationValidator | undefined, init: RequestInput): void {
  if (validator === undefined) return;
  const operationId = validator.id;
  const issues: ValidationIssue[] = [];
  const { path, query, header, cookie, body } = validator.request;
  if (path) collect(path, init.params?.path, 'path', issues);
  if (query) collect(query, init.params?.query, 'query', issues);
  if (header) collect(header, lowerCaseKeys(init.params?.header), 'header', issues);
  if (cookie) collect(cookie, init.params?.cookie, 'cookie', issues);
  if (body && !isPreEncoded(init.body)) collect(body, init.body, 'body', issues);
  if (issues.length > 0) throw new ValidationError('request', operationId, issues);
}

/**
 * Checks a decoded response body against the schema for its status (exact, then `2XX`-style,
 * then `default`) and throws a ValidationError when it does not match. Statuses without a
 * schema pass. Objects are open on this side: fields a vendor adds later do not fail.
 */
export function validateResponse(validator: OperationValidator | undefined, status: number, data: unknown): void {
  if (validator === undefined) return;
  const operationId = validator.id;
  const schema = responseSchema(validator, status);
  if (schema === undefined) return;
  const issues: ValidationIssue[] = [];
  collect(schema, data, 'response', issues);
  if (issues.length > 0) throw new ValidationError('response', operationId, issues, status);
}

function responseSchema(validator: OperationValidator, status: number): SchemaLike | undefined {
  const { responses } = validator;
  const range = `${Math.floor(status / 100)}XX`;
  return responses[String(status)] ?? responses[range] ?? responses[range.toLowerCase()] ?? responses['default'];
}

function collect(schema: SchemaLike, value: unknown, location: ValidationLocation, into: ValidationIssue[]): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  for (const issue of flatten(result.error.issues, [])) {
    const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
    into.push({ location, path, code: issue.code ?? 'invalid', message: safeMessage(location, path, issue.message) });
  }
}

/**
 * A union that failed reports every alternative; the alternative that got furthest into the
 * value (deepest issue path) is almost always the one the caller meant, so its issues are
 * reported in place of the bare "Invalid input".
 */
function flatten(issues: readonly SchemaIssue[], prefix: readonly PropertyKey[]): SchemaIssue[] {
  const flat: SchemaIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const branches = issue.code === 'invalid_union' ? issue.errors ?? [] : [];
    let best: readonly SchemaIssue[] | undefined;
    let bestDepth = 0;
    for (const branch of branches) {
      const depth = Math.max(0, ...branch.map((inner) => inner.path.length));
      if (depth > bestDepth) {
        best = branch;
        bestDepth = depth;
      }
    }
    if (best !== undefined) {
      flat.push(...flatten(best, path));
    } else if (branches.length > 0) {
      const expected = [...new Set(branches.flat().map((inner) => inner.message))].join(' | ');
      flat.push({ ...issue, path, message: `No alternative matched: ${expected}` });
    } else {
      flat.push({ ...issue, path });
    }
  }
  return flat;
}

function safeMessage(location: ValidationLocation, path: readonly (string | number)[], message: string): string {
  const first = path[0];
  if ((location === 'header' || location === 'cookie') && typeof first === 'string' && isSecretKey(first)) return `invalid value (${REDACTED})`;
  return redactText(message);
}

function lowerCaseKeys(headers: unknown): unknown {
  // Defined, not assigned: a header named `__proto__` is a key like any other.
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return Object.fromEntries(headers);
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return headers;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** Bodies the caller encoded already: nothing left to compare with the schema. */
function isPreEncoded(body: unknown): boolean {
  return (
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}

/**
 * The client's validation strategy: `create<Vendor>Client({ validate: validation(validators) })`, or
 * per call `{ validate: validation({ PostPaymentIntents: PostPaymentIntentsValidator }) }`.
 * Both sides are checked unless `request: false` / `response: false`.
 */
export function validation(validators: Validators, sides: { request?: boolean; response?: boolean } = {}) {
  const request = sides.request ?? true;
  const response = sides.response ?? true;
  // By own key: a subset without an operation named `constructor` must not hand over Object.
  const of = (operationId: string) => (Object.hasOwn(validators, operationId) ? validators[operationId] : undefined);
  return {
    checkRequest(operationId: string, init: object): void {
      if (request) validateRequest(of(operationId), init as RequestInput);
    },
    checkResponse(operationId: string, status: number, data: unknown): void {
      if (response) validateResponse(of(operationId), status, data);
    },
  };
}
