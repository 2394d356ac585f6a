// Small input helpers a scaffolded file defines for its route stubs, added only when a stub needs
// them (a user's `noUnusedLocals` never trips on one). They answer bad input with a 400 that names
// the parameter and never echo the value.

export type HelperName = 'required' | 'toNumber' | 'oneOf' | 'jsonParam' | 'readJson';

/** Fixed order, so files scaffolded from the same request are identical. */
export const HELPER_ORDER: readonly HelperName[] = ['required', 'toNumber', 'oneOf', 'jsonParam', 'readJson'];

const HELPERS: Record<HelperName, string> = {
  required: `/** A required input, or a 400 that names it. */
function required(value: string | undefined, name: string): string {
  if (value === undefined) throw new HTTPException(400, { message: \`missing parameter '\${name}'\` });
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
};

export function helperSource(name: HelperName): string {
  return HELPERS[name];
}

/** The imports each helper relies on. */
export function helperImports(name: HelperName): { module: string; name: string; typeOnly: boolean }[] {
  const imports = [{ module: 'hono/http-exception', name: 'HTTPException', typeOnly: false }];
  if (name === 'readJson') imports.push({ module: 'hono', name: 'Context', typeOnly: true });
  return imports;
}
