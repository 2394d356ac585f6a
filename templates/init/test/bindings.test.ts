// Bindings and secrets agree (written by `svcgen init`): every name src/ reads is declared in the
// Env interface, every Env member is a wrangler.jsonc binding or a secret listed in
// .dev.vars.example, and nothing is declared that src/ never reads. Reads are `env.NAME` and the
// `{ env: 'NAME' }` references the generated receivers resolve at request time.
import { describe, expect, it } from 'vitest';
import devVars from '../.dev.vars.example?raw';
import wranglerText from '../wrangler.jsonc?raw';
import envText from '../src/env.ts?raw';

const sources = import.meta.glob<string>('../src/**/*.ts', { query: '?raw', import: 'default', eager: true });

function stripJsonComments(text: string): string {
  // Line comments only start outside strings in this file; strings hold no "//".
  return text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[\]}])/g, '$1');
}

const wrangler = JSON.parse(stripJsonComments(wranglerText)) as {
  durable_objects?: { bindings: { name: string }[] };
  queues?: { producers?: { binding: string }[] };
  kv_namespaces?: { binding: string }[];
  analytics_engine_datasets?: { binding: string }[];
  vars?: Record<string, unknown>;
};

const bindings = new Set([
  ...(wrangler.durable_objects?.bindings ?? []).map((b) => b.name),
  ...(wrangler.queues?.producers ?? []).map((b) => b.binding),
  ...(wrangler.kv_namespaces ?? []).map((b) => b.binding),
  ...(wrangler.analytics_engine_datasets ?? []).map((b) => b.binding),
  ...Object.keys(wrangler.vars ?? {}),
]);
const secrets = new Set([...devVars.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
const declared = new Set([...(/export interface Env \{([^}]*)\}/.exec(envText)?.[1] ?? '').matchAll(/^\s*([A-Z][A-Z0-9_]*)\??:/gm)].map((m) => m[1]!));
const read = new Set<string>();
for (const text of Object.values(sources)) {
  for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)) read.add(m[1]!);
  for (const m of text.matchAll(/\benv:\s*'([A-Z][A-Z0-9_]*)'/g)) read.add(m[1]!);
}
const sorted = (set: Set<string>) => [...set].sort();

describe('bindings and secrets', () => {
  it('src/ reads only what Env declares, and Env declares nothing src/ leaves unread', () => {
    expect(sorted(read)).toEqual(sorted(declared));
  });

  it('Env is exactly the wrangler.jsonc bindings plus the secrets in .dev.vars.example', () => {
    expect(sorted(declared)).toEqual(sorted(new Set([...bindings, ...secrets])));
    expect([...bindings].filter((name) => secrets.has(name))).toEqual([]);
  });
});
