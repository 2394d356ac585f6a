// The secrets a routes file reads: the names its `Bindings` interface declares and the
// `{ env: 'NAME' }` references it hands the generated receivers. `.dev.vars.example`, the Env
// interface and the bindings test are built from this one list.
export function secretsRead(text: string): string[] {
  const names = new Set<string>();
  const bindings = /export interface Bindings[^{]*\{([^}]*)\}/.exec(text)?.[1] ?? '';
  for (const m of bindings.matchAll(/^\s*([A-Z][A-Z0-9_]*)\??\s*:\s*string\s*;/gm)) names.add(m[1]!);
  for (const m of text.matchAll(/\benv:\s*'([A-Z][A-Z0-9_]*)'/g)) names.add(m[1]!);
  return [...names].sort();
}
