// A discriminator mapping entry whose `#/…` target does not exist (a bundler that moved the
// schemas but not the mapping leaves these) names nothing to pick, and the schema's oneOf/anyOf
// still lists every alternative. Dropping the entry is a listed repair; a dangling `$ref`, which
// would leave a schema without its type, stays an error.
import { hasPointer, refToPointer } from '../json-pointer.ts';
import type { Fix } from './fixes.ts';
import { sitePointer, walkRefs } from './walk-refs.ts';

export function dropDanglingMappings(document: Record<string, any>, file: string): Fix[] {
  const dangling: { mapping: Record<string, unknown>; key: string; ref: string; pointer: string }[] = [];
  walkRefs(document, (site) => {
    // Mapping entries are the sites not named `$ref` (walkRefs visits both).
    if (site.key === '$ref') return;
    const pointer = refToPointer(site.ref);
    if (pointer !== undefined && (pointer === '' || (pointer.startsWith('/') && hasPointer(document, pointer)))) return;
    dangling.push({ mapping: site.holder, key: site.key, ref: site.ref, pointer: sitePointer(site) });
  });
  return dangling.map(({ mapping, key, ref, pointer }) => {
    delete mapping[key];
    return { file, pointer, fix: `discriminator mapping '${key}' → '${ref}' points at nothing in the document; entry dropped (the oneOf/anyOf still lists the alternatives)` };
  });
}
