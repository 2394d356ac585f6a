// openapi-typescript finds discriminators by walking the whole document, example data and
// extensions included, and reads every member of any `allOf` list (and of a `oneOf` beside a
// `discriminator`) with `"$ref" in member`: a member that is not an object ends its run with a
// TypeError. The schema checks (schema-shapes.ts) refuse that in schemas; here it is refused where
// they do not look (data, `x-` extensions, what stands beside a 3.0 `$ref`), with its place, so it
// is not an internal error in emit (found by structural mutations of real specs).
import { toPointer } from '../json-pointer.ts';
import { describe, type SchemaShapeProblem } from './schema-shapes.ts';

/** Nesting followed (openapi-typescript's own walk has no limit); below it the scan does not look. */
const MAX_DEPTH = 256;

/** The first member the discriminator scan cannot read, or undefined. */
export function findDiscriminatorScanProblem(document: unknown): SchemaShapeProblem | undefined {
  const path: (string | number)[] = [];
  const visit = (node: unknown): SchemaShapeProblem | undefined => {
    if (node === null || typeof node !== 'object' || path.length > MAX_DEPTH) return undefined;
    const record = node as Record<string, unknown>;
    const lists: string[] = [];
    if (Array.isArray(record.allOf)) lists.push('allOf');
    const discriminator = record.discriminator as { propertyName?: unknown } | null | undefined;
    if (Array.isArray(record.oneOf) && discriminator && typeof discriminator === 'object' && discriminator.propertyName) lists.push('oneOf');
    for (const key of lists) {
      const members = record[key] as unknown[];
      const index = members.findIndex((member) => member === null || typeof member !== 'object');
      if (index !== -1) {
        return {
          pointer: toPointer([...path, key, index]),
          problem: `openapi-typescript reads every member of \`${key}\` in the document as a schema, example data and extensions included; this one is ${describe(members[index])}. Change or remove it with an overlay (x-svcgen-stage: source)`,
        };
      }
    }
    for (const key of Array.isArray(node) ? node.keys() : Object.keys(record)) {
      path.push(key);
      const problem = visit((record as Record<string | number, unknown>)[key]);
      path.pop();
      if (problem) return problem;
    }
    return undefined;
  };
  return visit(document);
}
