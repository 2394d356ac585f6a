// Path items written as a `$ref` (OpenAPI: "Allows for a referenced definition of this path item";
// 3.1 adds components/pathItems). Every later stage reads a path item's methods directly, so the
// referenced item is put in place of the reference here, first: the repairs, the operationId
// deduplication and the model then see its operations like any other. Each path gets its own copy,
// so a repair of one path cannot change another that shares the item; two keys sharing one item
// share its operationIds too, which the deduplication renames and lists. The reference's own
// fields (a `summary`, say) are kept over the item's.
import { derefAt, toPointer } from '../json-pointer.ts';
import { SvcgenInputError } from './errors.ts';
import { recordCopy, recordKeyOrigin } from './source-pointers.ts';

type Doc = Record<string, any>;

export function inlinePathItemRefs(document: Doc, file: string): void {
  const paths = document.paths;
  if (paths === null || typeof paths !== 'object') return;
  for (const [key, item] of Object.entries(paths as Doc)) {
    if (key.startsWith('x-') || item === null || typeof item !== 'object' || typeof item.$ref !== 'string') continue;
    const pointer = toPointer(['paths', key]);
    // Dangling references were refused before this stage (checkRefs); what is left is a cycle or
    // a target that is no path item.
    const found = derefAt<unknown>(document, item, pointer);
    const target = found?.value;
    if (target === null || typeof target !== 'object' || Array.isArray(target)) {
      throw new SvcgenInputError({ file, pointer: `${pointer}/$ref` }, `path item $ref ${item.$ref} does not lead to a path item (a cycle, or not an object)`);
    }
    const { $ref: _ref, ...own } = item as Doc;
    paths[key] = { ...structuredClone(target), ...own };
    // An error in the copy is one in what the reference points at; one in a member written beside
    // the reference is one in that member.
    recordCopy(paths[key], found!.pointer);
    for (const name of Object.keys(own)) recordKeyOrigin(paths[key], name, toPointer(['paths', key, name]));
  }
}
