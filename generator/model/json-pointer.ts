// Local JSON pointers (`#/components/schemas/x`) are how OpenAPI documents refer to themselves.

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function pointerOf(...tokens: string[]): string {
  return tokens.map((t) => '/' + escapePointerToken(t)).join('');
}

/** Value at a JSON pointer (`/a/b` or `#/a/b`), or undefined when any step is missing. */
export function getByPointer(root: unknown, pointer: string): unknown {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return root;
  let node: unknown = root;
  for (const raw of body.slice(1).split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[unescapePointerToken(raw)];
  }
  return node;
}

/** Follows `$ref` chains to the referenced object (guarding against ref loops). */
export function deref<T = Record<string, unknown>>(root: unknown, value: unknown): T | undefined {
  let node = value;
  const seen = new Set<string>();
  while (node && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string') {
    const ref = (node as { $ref: string }).$ref;
    if (!ref.startsWith('#') || seen.has(ref)) return undefined;
    seen.add(ref);
    node = getByPointer(root, ref);
  }
  return node as T | undefined;
}
