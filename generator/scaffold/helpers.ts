// Small input helpers a scaffolded file defines for its route stubs, added only when a stub needs
// them (a user's `noUnusedLocals` never trips on one). They answer bad input with a 400 that names
// the parameter and never echo the value. `checked` and `jsonBody` check the input with the
// operation's generated zod schemas (schemas.js) before any vendor call; `readJson` is what
// files scaffolded before that used, kept so merging into them still finds it. `getCookie` is
// Hono's (hono/cookie), imported rather than defined.

export type HelperName = 'required' | 'pathPart' | 'toNumber' | 'oneOf' | 'jsonParam' | 'readJson' | 'checked' | 'jsonBody' | 'getCookie';

/** Helpers the file imports instead of defining (helperImports names the module); never in HELPER_ORDER. */
export const IMPORTED_HELPERS: readonly HelperName[] = ['getCookie'];

type DefinedHelper = Exclude<HelperName, 'getCookie'>;

/** Fixed order, so files scaffolded from the same request are identical. */
export const HELPER_ORDER: readonly DefinedHelper[] = ['required', 'pathPart', 'toNumber', 'oneOf', 'jsonParam', 'readJson', 'checked', 'jsonBody'];

const HELPERS: Record<DefinedHelper, string> = {
  required: `/** A required input, or a 400 that names it. */
function required(value: string | undefined, name: string): string {
  if (value === undefined) throw new HTTPException(400, { message: \`missing parameter '\${name}'\` });
  return value;
}`,
  pathPart: `/** A path parameter that shares its segment with text (\`{id}.json\`), or a 400 that names it. */
function pathPart(segment: string, pattern: RegExp, index: number, name: string): string {
  const value = pattern.exec(segment)?.[index];
  if (value === undefined || value === '') throw new HTTPException(400, { message: \`missing parameter '\${name}'\` });
  return value;
}`,
  toNumber: `/** A numeric input, or a 400 that names it. */
function toNumber(value: string, name: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new HTTPException(400, { message: \`parameter '\${name}' must be a number\` });
  return number;
}`,
  oneOf: `/** One of the allowed values, or a 400 that names the input. */
function oneOf<const T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new HTTPException(400, { message: \`parameter '\${name}' must be one of: \${allowed.join(', ')}\` });
  return value as T;
}`,
  jsonParam: `/** A JSON-encoded input (objects, unions), or a 400 that names it. Unvalidated beyond JSON. */
function jsonParam(value: string, name: string): any {
  try {
    return JSON.parse(value);
  } catch {
    throw new HTTPException(400, { message: \`parameter '\${name}' must be JSON\` });
  }
}`,
  readJson: `/**
 * The JSON request body (undefined when empty), passed on as received: validate it here, or turn on
 * the client's \`validate\` option with the validators exported by the generated schemas.js.
 */
async function readJson(c: Context): Promise<any> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HTTPException(400, { message: 'the request body is not valid JSON' });
  }
}`,
  checked: `/**
 * The parts of \`init\` that are present, checked with the operation's zod schemas: a 400 listing
 * the issues (where and what, never the values) when they do not match, so no vendor call is made.
 */
function checked<T extends RequestInput>(operation: OperationValidator, init: T): T {
  const { path, query, header, cookie, body } = operation.request;
  const request = {
    ...(path && init.params?.path !== undefined ? { path } : {}),
    ...(query && init.params?.query !== undefined ? { query } : {}),
    ...(header && init.params?.header !== undefined ? { header } : {}),
    ...(cookie && init.params?.cookie !== undefined ? { cookie } : {}),
    ...(body && 'body' in init ? { body } : {}),
  };
  try {
    validateRequest({ ...operation, request }, init);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const answer = { error: 'invalid_request', operation: error.operationId, issues: error.issues };
    throw new HTTPException(400, { res: Response.json(answer, { status: 400 }) });
  }
  return init;
}`,
  jsonBody: `/**
 * Hono validator of the JSON request body (whatever its Content-Type says), typed as the
 * operation's body and checked with its zod schema; an empty body passes only when \`optional\`.
 */
function jsonBody<Op>(operation: OperationValidator, optional = false) {
  return validator('json', async (_value, c) => {
    const text = await c.req.text();
    let body: unknown;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new HTTPException(400, { message: 'the request body is not valid JSON' });
      }
    }
    if (body === undefined && optional) return undefined as OperationInit<Op>['body'];
    return checked(operation, { body }).body as NonNullable<OperationInit<Op>['body']>;
  });
}`,
};

export function helperSource(name: DefinedHelper): string {
  return HELPERS[name];
}

/** The imports each helper relies on (an imported helper: itself). */
export function helperImports(name: HelperName): { module: string; name: string; typeOnly: boolean }[] {
  if (name === 'getCookie') return [{ module: 'hono/cookie', name: 'getCookie', typeOnly: false }];
  const imports = [{ module: 'hono/http-exception', name: 'HTTPException', typeOnly: false }];
  if (name === 'readJson') imports.push({ module: 'hono', name: 'Context', typeOnly: true });
  if (name === 'checked') {
    imports.push(
      { module: 'svcgen/runtime/validation', name: 'validateRequest', typeOnly: false },
      { module: 'svcgen/runtime/validation', name: 'ValidationError', typeOnly: false },
      { module: 'svcgen/runtime/validation', name: 'OperationValidator', typeOnly: true },
      { module: 'svcgen/runtime/validation', name: 'RequestInput', typeOnly: true },
    );
  }
  if (name === 'jsonBody') {
    imports.push(
      { module: 'hono/validator', name: 'validator', typeOnly: false },
      { module: 'svcgen/runtime/validation', name: 'OperationValidator', typeOnly: true },
      { module: 'svcgen/runtime', name: 'OperationInit', typeOnly: true },
    );
  }
  return imports;
}
