// Small read-only helpers over a parsed spec (OpenAPI 3.x or Swagger 2.0) for profile inference:
// local $refs followed, operations listed with their path-level parameters merged in.
import { getAtPointer, refToPointer } from '../json-pointer.ts';
import { declaredProperties } from '../model/declared-properties.ts';

export type Doc = Record<string, any>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isRecord(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Follows local `$ref`s (a bounded number of hops, so a cycle cannot hang inference). */
export function deref(doc: Doc, value: unknown): any {
  let current = value;
  for (let hops = 0; hops < 16 && isRecord(current) && typeof current.$ref === 'string'; hops++) {
    const pointer = refToPointer(current.$ref);
    if (pointer === undefined) return undefined;
    current = getAtPointer(doc, pointer);
  }
  return current;
}

export interface OperationView {
  path: string;
  method: HttpMethod;
  operation: Doc;
  parameters: Doc[];
}

export function operations(doc: Doc): OperationView[] {
  const found: OperationView[] = [];
  if (!isRecord(doc.paths)) return found;
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = deref(doc, rawItem);
    if (!isRecord(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      const parameters = [...shared, ...own].map((p) => deref(doc, p)).filter(isRecord);
      found.push({ path, method, operation, parameters });
    }
  }
  return found;
}

/** The schema of the first 2xx JSON response (OpenAPI 3 `content` or Swagger 2 `schema`). */
export function successSchema(doc: Doc, operation: Doc): Doc | undefined {
  if (!isRecord(operation.responses)) return undefined;
  const codes = Object.keys(operation.responses).filter((code) => /^2\d\d$|^2XX$/i.test(code)).sort();
  for (const code of codes) {
    const response = deref(doc, operation.responses[code]);
    if (!isRecord(response)) continue;
    if (isRecord(response.content)) {
      const type = Object.keys(response.content).find((t) => /json/i.test(t));
      const schema = type ? deref(doc, response.content[type]?.schema) : undefined;
      if (isRecord(schema)) return schema;
    } else if (isRecord(response.schema)) {
      const schema = deref(doc, response.schema);
      if (isRecord(schema)) return schema;
    }
  }
  return undefined;
}

/** Properties of an object schema, including those of `allOf` members, each dereferenced. */
export function properties(doc: Doc, schema: Doc): Record<string, Doc> {
  // fromEntries defines own keys, so a property named `__proto__` stays a property.
  return Object.fromEntries([...declaredProperties(doc, schema)].map(([name, value]) => [name, deref(doc, value)]).filter(([, prop]) => isRecord(prop)));
}

/**
 * The type a schema declares (a nullable type read as its type), or the one every `allOf` member
 * that declares a type agrees on: converted AWS specs write each member as `allOf: [{ $ref }, { description }]`.
 */
export function schemaType(doc: Doc, schema: Doc, depth = 0): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((t: unknown) => t !== 'null');
  if (depth > 8 || !Array.isArray(schema.allOf)) return undefined;
  const types = new Set(schema.allOf.map((member: unknown) => deref(doc, member)).filter(isRecord).map((member: Doc) => schemaType(doc, member, depth + 1)).filter((t: unknown) => t !== undefined));
  return types.size === 1 ? [...types][0] : undefined;
}
