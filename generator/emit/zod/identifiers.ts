// Names in the generated schemas module: component names and operation ids become exported
// TypeScript identifiers, property names become object keys. Every choice is a pure function of
// its input plus the allocation order, so output stays byte-identical across runs.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Globals the generated module (or code a user writes beside it) relies on. A component named
 * `error` must not shadow `Error` inside the module, so such names get a `Schema` suffix.
 */
const SHADOW_SENSITIVE = new Set([
  'Array', 'ArrayBuffer', 'BigInt', 'Blob', 'Boolean', 'DataView', 'Date', 'Error', 'File', 'FormData',
  'Function', 'Headers', 'Infinity', 'JSON', 'Map', 'Math', 'NaN', 'Number', 'Object', 'Promise', 'Proxy',
  'Reflect', 'RegExp', 'Request', 'Response', 'Set', 'String', 'Symbol', 'TypeError', 'URL',
  'URLSearchParams', 'Uint8Array', 'WeakMap', 'WeakSet',
]);

/** `issuing.card` → `IssuingCard`, `payment_intent` → `PaymentIntent`, `3ds` → `_3ds`. */
export function toPascalIdentifier(name: string): string {
  let result = pascalWords(name);
  if (result === '') result = 'Schema';
  if (/^[0-9]/.test(result)) result = `_${result}`;
  if (SHADOW_SENSITIVE.has(result)) result = `${result}Schema`;
  return result;
}

/** The alphanumeric words of `name`, each with an upper-case first letter, joined. */
export function pascalWords(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** Hands out unique identifiers: the first claimant keeps a name, later ones get `2`, `3`, … */
export class IdentifierAllocator {
  readonly #taken = new Set<string>();

  constructor(reserved: Iterable<string>) {
    for (const name of reserved) this.#taken.add(name);
  }

  allocate(wanted: string): string {
    let candidate = wanted;
    for (let n = 2; this.#taken.has(candidate); n++) candidate = `${wanted}${n}`;
    this.#taken.add(candidate);
    return candidate;
  }
}

/** An object-literal key for a property name; `__proto__` must be computed to stay a plain key. */
export function propertyKey(name: string): string {
  if (name === '__proto__') return '["__proto__"]';
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}
