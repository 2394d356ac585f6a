// Where a repair moved part of a source document, so that an error found in the repaired document
// (a bad schema, a missing response) names the place in the file a person edits: a header
// parameter taken out shifts the indexes after it, a query string taken out of a path key renames
// the key, a path item `$ref` is replaced by a copy of what it points at. Recorded on the
// document's own objects, so a part a later stage rebuilds simply has no record.
import { parsePointer, toPointer } from '../json-pointer.ts';

/** Container → its key in the repaired document → the key the source file gives it. */
const movedKeys = new WeakMap<object, Map<string, string>>();
/** Object put in place by a repair → the pointer, in the source file, of what it copies. */
const copiedFrom = new WeakMap<object, string>();
/** Container → its key → the pointer, in the source file, of the value there (a member a repair brought from elsewhere). */
const keyOrigins = new WeakMap<object, Map<string, string>>();

/** `container[key]` stood at `container[sourceKey]` in the file. */
export function recordMovedKey(container: object, key: string | number, sourceKey: string | number): void {
  if (String(key) === String(sourceKey)) return;
  let keys = movedKeys.get(container);
  if (!keys) movedKeys.set(container, (keys = new Map()));
  keys.set(String(key), String(sourceKey));
}

/** `copy` was made from what `sourcePointer` names in the file. */
export function recordCopy(copy: object, sourcePointer: string): void {
  copiedFrom.set(copy, sourcePointer);
}

/** `container[key]` is the value the file has at `sourcePointer` (a copy's member that is not the copy's). */
export function recordKeyOrigin(container: object, key: string, sourcePointer: string): void {
  let keys = keyOrigins.get(container);
  if (!keys) keyOrigins.set(container, (keys = new Map()));
  keys.set(key, sourcePointer);
}

/** `pointer` into the repaired `document`, as the source file's pointer to the same value. */
export function sourcePointer(document: unknown, pointer: string): string {
  let segments: string[] = [];
  let node: unknown = document;
  for (const segment of parsePointer(pointer)) {
    const container = node !== null && typeof node === 'object' ? node : undefined;
    const origin = container && keyOrigins.get(container)?.get(segment);
    if (origin !== undefined) segments = parsePointer(origin);
    else segments.push((container && movedKeys.get(container)?.get(segment)) ?? segment);
    node = container ? (container as Record<string, unknown>)[segment] : undefined;
    const copied = node !== null && typeof node === 'object' ? copiedFrom.get(node) : undefined;
    if (copied !== undefined) segments = parsePointer(copied);
  }
  return toPointer(segments);
}
