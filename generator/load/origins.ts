// Which file a part of the effective document came from, so that an error found late (a
// dangling $ref after merging and overlays) still names the file a person has to edit.
import { parsePointer } from '../json-pointer.ts';

export interface Origin {
  file: string;
  /** Where in `file` (e.g. the overlay action `/actions/3/update`); absent for vendor files. */
  pointer?: string;
}

export class Origins {
  readonly fallback: Origin;
  private readonly entries = new WeakMap<object, Map<string, Origin>>();

  constructor(fallback: Origin) {
    this.fallback = fallback;
  }

  /** `container[key]` was written by `origin`. */
  record(container: object, key: string | number, origin: Origin): void {
    let keys = this.entries.get(container);
    if (!keys) {
      keys = new Map();
      this.entries.set(container, keys);
    }
    keys.set(String(key), origin);
  }

  /** The deepest recorded origin along `pointer` in `document`. */
  locate(document: unknown, pointer: string): Origin {
    let origin = this.fallback;
    let node: unknown = document;
    for (const segment of parsePointer(pointer)) {
      if (node === null || typeof node !== 'object') break;
      const recorded = this.entries.get(node)?.get(segment);
      if (recorded) origin = recorded;
      node = (node as Record<string, unknown>)[segment];
    }
    return origin;
  }
}
