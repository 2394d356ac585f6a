// Which file a part of the effective document came from, so that an error found late (a
// dangling $ref after merging and overlays) still names the file a person has to edit.
import { escapePointerSegment, parsePointer } from '../json-pointer.ts';
import type { InputErrorLocation } from './errors.ts';
import { positionOfPointer } from './pointer-position.ts';
import { sourcePointer } from './source-pointers.ts';

export interface Origin {
  file: string;
  /** Where in `file` (e.g. the overlay action `/actions/3/update`); absent for vendor files. */
  pointer?: string;
  /** The exact place in `file` of the value written (`/actions/3/update/x-svcgen`), when known. */
  at?: string;
}

/** An origin and the pointer, inside `file`, of the very value asked about (when known). */
export interface Trace {
  origin: Origin;
  /** `origin.at` followed by the segments below the recorded value; absent when `at` is. */
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
    return this.trace(document, pointer).origin;
  }

  /**
   * The deepest recorded origin along `pointer`, and where below it the pointed-at value sits in
   * that file: a key an overlay wrote is found again under the place it was written from.
   */
  trace(document: unknown, pointer: string): Trace {
    let origin = this.fallback;
    let below: string[] = [];
    let node: unknown = document;
    for (const segment of parsePointer(pointer)) {
      const recorded = node !== null && typeof node === 'object' ? this.entries.get(node)?.get(segment) : undefined;
      if (recorded) {
        origin = recorded;
        below = [];
      } else {
        below.push(segment);
      }
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
    if (origin.at === undefined) return { origin };
    return { origin, pointer: origin.at + below.map((segment) => '/' + escapePointerSegment(segment)).join('') };
  }
}

/**
 * The file that wrote what `pointer` names in `document` (`file` without `origins`), and the place
 * in it: the overlay action that wrote it, else the file's own pointer, through any repair that moved it.
 */
export function sourceOf(document: unknown, pointer: string, file: string, origins?: Origins): { file: string; pointer: string } {
  const origin = origins?.locate(document, pointer) ?? { file };
  return { file: origin.file, pointer: origin.pointer ?? sourcePointer(document, pointer) };
}

/**
 * Where a person edits what `pointer` names in `document`: the file, the pointer inside it, and,
 * for files whose text is given (overlays), the line and column.
 */
export function locator(document: unknown, origins: Origins, texts: ReadonlyMap<string, string>): (pointer: string) => InputErrorLocation {
  return (pointer) => {
    const { origin, pointer: inFile } = origins.trace(document, pointer);
    if (inFile === undefined) return { file: origin.file, pointer: origin.pointer ?? sourcePointer(document, pointer) };
    const text = texts.get(origin.file);
    const position = text === undefined ? undefined : positionOfPointer(text, inFile);
    return { file: origin.file, pointer: inFile, ...position };
  };
}
