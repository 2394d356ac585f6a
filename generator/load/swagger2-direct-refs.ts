// A Swagger 2.0 `$ref` straight into the document (not to #/definitions/, #/parameters/ or
// #/responses/) is moved by swagger2openapi into a component whose kind it guesses from the
// pointer's text, and the place it points at is then replaced by a reference to that component.
// Guessed a schema while pointing at something that is none (a path item, an operation, `paths`
// itself, `info`), it put a schema reference where the path item or operation was: the operation
// vanished from the client without a word, or `paths` became `{ $ref }` and the refusal named a
// place the file does not have. Such a reference is refused where the file writes it.
import { parsePointer, refToPointer, toPointer } from '../json-pointer.ts';
import { walkRefs } from './walk-refs.ts';

/** What the converter leaves alone or maps by name. */
const MAPPED = ['#/definitions/', '#/parameters/', '#/responses/', '#/components/'];

export function findDirectRefProblem(swagger: Record<string, unknown>): { pointer: string; problem: string } | undefined {
  let found: { pointer: string; problem: string } | undefined;
  walkRefs(swagger, (site) => {
    if (found || site.key !== '$ref' || !site.ref.startsWith('#')) return;
    if (MAPPED.some((prefix) => site.ref.startsWith(prefix)) || site.ref === '#/consumes' || site.ref === '#/produces') return;
    if (guessedKind(site.ref) !== 'schemas') return;
    const pointer = refToPointer(site.ref);
    const segments = pointer === undefined ? [] : parsePointer(pointer);
    // Inside a `schema` member (a body parameter's, a response's) the target is a schema.
    if (segments.includes('schema')) return;
    found = {
      pointer: toPointer([...site.stack, '$ref']),
      problem: `$ref '${site.ref}' does not point at a schema: swagger2openapi would move what it points at into components.schemas and put a reference in its place; point it at a schema (under definitions, or a \`schema\` member)`,
    };
  });
  return found;
}

/** swagger2openapi's guess (index.js, fixupRefs): the kind named last after the last `/schema`. */
function guessedKind(ref: string): 'schemas' | 'other' {
  const text = ref.replace('/properties/headers/', '').replace('/properties/responses/', '').replace('/properties/parameters/', '').replace('/properties/schemas/', '');
  const schemaIndex = text.lastIndexOf('/schema');
  return ['/headers/', '/responses/', '/example', '/x-', '/parameters/'].some((word) => text.indexOf(word) > schemaIndex) ? 'other' : 'schemas';
}
