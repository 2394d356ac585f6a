// RFC 6901 JSON pointers, and the `#/...` URI fragments OpenAPI uses for `$ref`.

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapePointerSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

export function toPointer(segments: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of segments) pointer += '/' + escapePointerSegment(segment);
  return pointer;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer.slice(1).split('/').map(unescapePointerSegment);
}

/**
 * The pointer of an internal `$ref` (`#/components/schemas/A`), URI-decoded, or undefined for a
 * reference to another document.
 */
export function refToPointer(ref: string): string | undefined {
  if (!ref.startsWith('#')) return undefined;
  const fragment = ref.slice(1);
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

const MISSING = Symbol('missing');

/** The value at `pointer` in `document`, or undefined when any segment is absent. */
export function getAtPointer(document: unknown, pointer: string): unknown {
  const value = lookup(document, pointer);
  return value === MISSING ? undefined : value;
}

export function hasPointer(document: unknown, pointer: string): boolean {
  return lookup(document, pointer) !== MISSING;
}

function lookup(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return MISSING;
      const index = Number(segment);
      if (index >= node.length) return MISSING;
      node = node[index];
    } else if (node !== null && typeof node === 'object') {
      if (!Object.hasOwn(node, segment)) return MISSING;
      node = (node as Record<string, unknown>)[segment];
    } else {
      return MISSING;
    }
  }
  return node;
}

/** Follows local `$ref` chains to the referenced value (undefined for external or looping refs). */
export function deref<T = Record<string, any>>(document: unknown, value: unknown): T | undefined {
  return derefAt<T>(document, value, '')?.value;
}

/**
 * `deref`, also saying where the value sits: the pointer of the last `$ref` followed, or `at` (the
 * value's own place) when it is no reference.
 */
export function derefAt<T = Record<string, any>>(document: unknown, value: unknown, at: string): { value: T | undefined; pointer: string } | undefined {
  let node = value;
  let pointer = at;
  const seen = new Set<string>();
  while (node !== null && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string') {
    const ref = (node as { $ref: string }).$ref;
    const target = refToPointer(ref);
    if (target === undefined || seen.has(ref)) return undefined;
    seen.add(ref);
    pointer = target;
    node = getAtPointer(document, target);
  }
  return { value: node as T | undefined, pointer };
}
