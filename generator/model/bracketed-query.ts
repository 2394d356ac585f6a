// Query parameters that may carry a nested value (an array of objects or of arrays, an object with
// an object or array member) in a style that cannot write one. OpenAPI defines form,
// spaceDelimited and pipeDelimited for scalars, flat arrays and flat objects only, so for such a
// value the spec says nothing about the wire. The runtime then sends bracket notation
// (`filters[0][col]=name`, runtime/encoding/query.ts), the convention urlencoded bodies use. That is
// svcgen's choice, not the spec's: the manifest lists every parameter it may apply to
// (`bracketedQueryParameters`), so a user can see where a request depends on it and correct the
// spec with an overlay (`style: deepObject` says the brackets are meant; a flat schema says they
// are not). `deepObject` and an overlay's `brackets` already say so and are not listed.
// Only what the schema declares counts: an object with no declared members could hold a nested
// value too, but nothing says it will, and listing every open object would bury the real cases.
import { deref } from '../json-pointer.ts';
import type { OperationModel, SchemaObject } from './types.ts';

type Doc = Record<string, any>;

/** Nesting of `$ref`s and composition followed; deeper (or cyclic) schemas are not read further. */
const MAX_DEPTH = 8;

/** Styles that write only flat values. */
const FLAT_STYLES = new Set(['form', 'spaceDelimited', 'pipeDelimited']);

/** The schema and every `allOf`/`oneOf`/`anyOf` member under it, `$ref`s followed. */
function branches(doc: Doc, raw: unknown, depth = 0): SchemaObject[] {
  const schema = deref<SchemaObject>(doc, raw);
  if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH) return [];
  const members = [schema.allOf, schema.oneOf, schema.anyOf].filter(Array.isArray).flat();
  return [schema, ...members.flatMap((member) => branches(doc, member, depth + 1))];
}

function typesOf(schema: SchemaObject): unknown[] {
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/**
 * Whether a value of `raw` may be an array or an object (through `$ref`s and composition). A
 * declared `type` decides; `properties` or `items` beside a scalar type constrain nothing (JSON
 * Schema applies them to objects and arrays only), and without a type they imply one.
 */
export function mayBeStructured(doc: Doc, raw: unknown): boolean {
  return branches(doc, raw).some((s) => isArray(s) || isObject(s));
}

function isArray(s: SchemaObject): boolean {
  return s.type === undefined ? s.items !== undefined : typesOf(s).includes('array');
}

function isObject(s: SchemaObject): boolean {
  return s.type === undefined ? s.properties !== undefined || s.additionalProperties !== undefined : typesOf(s).includes('object');
}

/** Whether a value of `raw` may be an array or object with a declared member that is itself one. */
export function mayNest(doc: Doc, raw: unknown): boolean {
  return branches(doc, raw).some((s) => {
    if (isArray(s) && s.items !== undefined && mayBeStructured(doc, s.items)) return true;
    if (!isObject(s)) return false;
    const members = Object.values((s.properties ?? {}) as Record<string, unknown>);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') members.push(s.additionalProperties);
    return members.some((member) => mayBeStructured(doc, member));
  });
}

/** `METHOD /path name` for each query parameter whose value may be sent in bracket notation (the manifest's list). */
export function bracketedQueryParameters(doc: Doc, operations: readonly OperationModel[]): string[] {
  return operations.flatMap((op) =>
    op.parameters
      .filter((p) => p.in === 'query' && FLAT_STYLES.has(p.style) && p.schema !== undefined && mayNest(doc, p.schema))
      .map((p) => `${op.method.toUpperCase()} ${op.path} ${p.name}`),
  );
}
