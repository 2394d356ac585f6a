// Stable identifiers derived from spec names. Generated names must never depend on iteration order
// beyond the (sorted) input, so regeneration gives byte-identical output.

// Words no declaration may take in a module (strict code, where `eval` and `arguments` cannot be
// declared either).
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await eval arguments')
    .split(' '),
);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function camelCase(name: string): string {
  const parts = words(name);
  const out = parts
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  return safeIdentifier(out);
}

export function pascalCase(name: string): string {
  const out = words(name)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return safeIdentifier(out);
}

/** Whether `name` is a word no declaration may take (camelCase and pascalCase append `_` to it). */
export function isReservedWord(name: string): boolean {
  return RESERVED.has(name);
}

function safeIdentifier(name: string): string {
  if (name === '') return '_';
  const lead = /^[0-9]/.test(name) ? '_' + name : name;
  return RESERVED.has(lead) ? lead + '_' : lead;
}
