// The three views compared by required-keys.test.ts, walked side by side: a schema of the effective
// document, a TypeScript type (through the checker) and a zod 4 schema. At every object reached
// through properties and array items on all three, the sets of required keys must be equal.
// Unions (oneOf/anyOf) end the walk: which keys are required depends on the branch, and each
// side models branches differently. Each spec schema object is compared once per direction, which
// also ends cycles.
import ts from 'typescript';
import type { OperationModel } from '../../../generator/model/types.ts';

type Doc = Record<string, any>;
type Mode = 'request' | 'response';

/** The parts of a zod 4 schema read here. */
interface ZodLike {
  _zod: { def: Record<string, any>; optin?: string };
}

interface Validator {
  request: Partial<Record<'path' | 'query' | 'header' | 'body', ZodLike>>;
  responses: Record<string, ZodLike>;
}

interface ObjectView {
  /** Property schemas (spec), property types (TypeScript) or field schemas (zod), by key. */
  children: Map<string, unknown>;
  required: Set<string>;
}

export class RequiredKeys {
  private readonly seen = { request: new Set<object>(), response: new Set<object>() };
  /** Objects compared on all three sides so far, by direction. */
  readonly compared = { request: 0, response: 0 };

  private readonly document: Doc;
  private readonly checker: ts.TypeChecker;

  constructor(document: Doc, checker: ts.TypeChecker) {
    this.document = document;
    this.checker = checker;
  }

  /** Disagreements about what a caller must send to `op`; `init` is the type of its function's `init` parameter. */
  request(op: OperationModel, init: ts.Type, validator: Validator): string[] {
    const found: string[] = [];
    const params = this.tsChild(init, 'params');
    for (const location of ['path', 'query', 'header'] as const) {
      const lower = location === 'header' ? (name: string) => name.toLowerCase() : (name: string) => name;
      // Parameters the client supplies (auth, client and call options; an API key in the query too)
      // are not the caller's to send.
      const spec = op.parameters
        .filter((p) => p.in === location && p.required && p.role === 'param')
        .map((p) => lower(p.name));
      const typed = params && this.tsChild(params, location);
      const typeKeys = typed ? [...(this.tsObject(typed)?.required ?? [])].map(lower) : [];
      const zodKeys = validator.request[location] ? [...(zodObject(validator.request[location]!)?.required ?? [])] : [];
      found.push(...compareSets(`${op.id} ${location} parameters`, new Set(spec), new Set(typeKeys), new Set(zodKeys)));
    }
    const body = op.requestBody;
    const bodyType = this.tsChild(init, 'body');
    const typeRequires = this.tsRequired(init).has('body');
    const zodRequires = validator.request.body !== undefined && validator.request.body._zod.optin === undefined;
    if (body?.schema !== undefined) {
      if (typeRequires !== body.required) found.push(`${op.id} body: the spec makes it ${word(body.required)}, TypeScript ${word(typeRequires)}`);
      if (zodRequires !== body.required) found.push(`${op.id} body: the spec makes it ${word(body.required)}, zod ${word(zodRequires)}`);
      // The client fills the idempotency body field once per call when the caller leaves it out.
      const clientFilled = op.idempotency.kind === 'body-field' ? op.idempotency.field : undefined;
      found.push(...this.walk(`${op.id} body`, 'request', body.schema, bodyType, validator.request.body, clientFilled));
    } else if (bodyType !== undefined && typeRequires) {
      found.push(`${op.id} body: the spec declares none, TypeScript requires one`);
    }
    return found;
  }

  /** Disagreements about what each validated (JSON) response of `op` must carry; `operation` is `operations[id]`. */
  responses(op: OperationModel, operation: ts.Type, validator: Validator): string[] {
    const found: string[] = [];
    const responses = this.tsChild(operation, 'responses');
    for (const [status, zod] of Object.entries(validator.responses)) {
      const response = op.responses.find((r) => r.status === status && r.schema !== undefined);
      if (!response?.mediaType) {
        found.push(`${op.id} response ${status}: a validator for a status the spec does not describe`);
        continue;
      }
      const content = responses && this.tsChild(responses, status);
      const typed = content && this.tsChild(content, 'content');
      const media = typed && this.tsChild(typed, response.mediaType);
      if (!media) {
        found.push(`${op.id} response ${status}: no TypeScript type for ${response.mediaType}`);
        continue;
      }
      found.push(...this.walk(`${op.id} response ${status}`, 'response', response.schema, media, zod));
    }
    return found;
  }

  private walk(where: string, mode: Mode, schema: unknown, type: ts.Type | undefined, zod: ZodLike | undefined, clientFilled?: string): string[] {
    const resolved = this.deref(schema);
    if (resolved === undefined || type === undefined || zod === undefined) return [];
    const items = arrayItems(resolved);
    if (items !== undefined) {
      const element = this.tsElement(type);
      const zodElement = zodArrayElement(zod);
      return this.walk(`${where}[]`, mode, items, element, zodElement);
    }
    if (this.seen[mode].has(resolved) && clientFilled === undefined) return [];
    this.seen[mode].add(resolved);
    const spec = this.specObject(resolved, mode);
    const typed = this.tsObject(type);
    const zodded = zodObject(zod);
    if (!spec || !typed || !zodded) return [];
    this.compared[mode]++;
    const found: string[] = [];
    // zod checks the request after the client has filled the field; the caller's type leaves it optional.
    if (clientFilled !== undefined && spec.required.has(clientFilled)) {
      if (typed.required.has(clientFilled)) found.push(`${where}: '${clientFilled}' is filled by the client, yet required in TypeScript`);
      typed.required.add(clientFilled);
    }
    found.push(...compareSets(where, spec.required, typed.required, zodded.required));
    for (const [key, child] of spec.children) {
      const childType = typed.children.get(key) as ts.Type | undefined;
      const childZod = zodded.children.get(key) as ZodLike | undefined;
      found.push(...this.walk(`${where}.${key}`, mode, child, childType, childZod));
    }
    return found;
  }

  private deref(schema: unknown): Doc | undefined {
    let node = schema;
    for (let hops = 0; node !== null && typeof node === 'object' && typeof (node as Doc).$ref === 'string'; hops++) {
      const ref = (node as Doc).$ref as string;
      if (!ref.startsWith('#/') || hops > 50) return undefined;
      node = ref
        .slice(2)
        .split('/')
        .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
        .reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as Doc)[part] : undefined), this.document);
    }
    return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Doc) : undefined;
  }

  /** Properties and required keys, allOf merged; undefined for unions and non-objects. */
  private specObject(schema: Doc, mode: Mode): ObjectView | undefined {
    if (isUnion(schema)) return undefined;
    const view: ObjectView = { children: new Map(), required: new Set() };
    let objectLike = false;
    for (const part of [schema, ...(Array.isArray(schema.allOf) ? schema.allOf : [])]) {
      const resolved = part === schema ? schema : this.deref(part);
      if (!resolved) continue;
      if (resolved !== schema) {
        const nested = this.specObject(resolved, mode);
        if (!nested && isUnion(resolved)) return undefined;
        if (nested) {
          objectLike = true;
          for (const [key, child] of nested.children) view.children.set(key, child);
          for (const key of nested.required) view.required.add(key);
        }
        continue;
      }
      const properties = (resolved.properties ?? {}) as Doc;
      if (Object.keys(properties).length > 0 || Array.isArray(resolved.required)) objectLike = true;
      for (const [key, child] of Object.entries(properties)) view.children.set(key, child);
      // A required key the schema does not describe (no property of that name) has no type to
      // require on either side; openapi-typescript and the zod emitter both leave it out.
      for (const key of Array.isArray(resolved.required) ? resolved.required : []) {
        if (!Object.hasOwn(properties, key)) continue;
        // readOnly properties are not sent and writeOnly ones not returned: `required` binds the other side only.
        const property = this.deref(properties[key]);
        if (mode === 'request' && property?.readOnly === true) continue;
        if (mode === 'response' && property?.writeOnly === true) continue;
        view.required.add(String(key));
      }
    }
    return objectLike ? view : undefined;
  }

  private tsChild(type: ts.Type, key: string): ts.Type | undefined {
    const symbol = this.checker.getNonNullableType(type).getProperty(key);
    return symbol && this.checker.getNonNullableType(this.checker.getTypeOfSymbol(symbol));
  }

  private tsRequired(type: ts.Type): Set<string> {
    return this.tsObject(type)?.required ?? new Set();
  }

  private tsObject(type: ts.Type): ObjectView | undefined {
    const object = this.checker.getNonNullableType(type);
    if (object.isUnion() || this.checker.isArrayType(object) || !(object.flags & ts.TypeFlags.Object || object.isIntersection())) return undefined;
    const view: ObjectView = { children: new Map(), required: new Set() };
    for (const symbol of this.checker.getPropertiesOfType(object)) {
      view.children.set(symbol.name, this.checker.getTypeOfSymbol(symbol));
      if (!(symbol.flags & ts.SymbolFlags.Optional)) view.required.add(symbol.name);
    }
    return view;
  }

  private tsElement(type: ts.Type): ts.Type | undefined {
    const array = this.checker.getNonNullableType(type);
    return this.checker.isArrayType(array) ? this.checker.getTypeArguments(array as ts.TypeReference)[0] : undefined;
  }
}

function isUnion(schema: Doc): boolean {
  return (Array.isArray(schema.oneOf) && schema.oneOf.length > 1) || (Array.isArray(schema.anyOf) && schema.anyOf.length > 1);
}

function arrayItems(schema: Doc): unknown {
  const typed = schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
  return typed && schema.items !== undefined && !isUnion(schema) ? schema.items : undefined;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function unwrap(schema: ZodLike): ZodLike {
  let node = schema;
  for (;;) {
    const def = node._zod.def;
    if (WRAPPERS.has(def.type)) node = def.innerType;
    else if (def.type === 'lazy') node = def.getter();
    else if (def.type === 'pipe') node = def.in;
    else return node;
  }
}

function zodObject(schema: ZodLike): ObjectView | undefined {
  const node = unwrap(schema);
  const def = node._zod.def;
  if (def.type === 'intersection') {
    const [left, right] = [zodObject(def.left), zodObject(def.right)];
    if (!left || !right) return left ?? right;
    return { children: new Map([...left.children, ...right.children]), required: new Set([...left.required, ...right.required]) };
  }
  if (def.type !== 'object') return undefined;
  const view: ObjectView = { children: new Map(), required: new Set() };
  for (const key of Object.keys(def.shape)) {
    const field = def.shape[key] as ZodLike;
    view.children.set(key, field);
    if (field._zod.optin === undefined) view.required.add(key);
  }
  return view;
}

function zodArrayElement(schema: ZodLike): ZodLike | undefined {
  const node = unwrap(schema);
  return node._zod.def.type === 'array' ? node._zod.def.element : undefined;
}

function compareSets(where: string, spec: Set<string>, typed: Set<string>, zod: Set<string>): string[] {
  const found: string[] = [];
  for (const key of new Set([...spec, ...typed, ...zod])) {
    const required = spec.has(key);
    if (typed.has(key) !== required) found.push(`${where}: '${key}' is ${word(required)} in the spec, ${word(typed.has(key))} in TypeScript`);
    if (zod.has(key) !== required) found.push(`${where}: '${key}' is ${word(required)} in the spec, ${word(zod.has(key))} in zod`);
  }
  return found;
}

function word(required: boolean): string {
  return required ? 'required' : 'optional';
}

export type { Validator };
