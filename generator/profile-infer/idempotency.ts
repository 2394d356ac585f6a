// An idempotency header is inferred only when the spec itself declares one on unsafe methods: a
// header parameter whose name says so (`Idempotency-Key`, `X-Idempotency-Key`, …). The rule it
// becomes applies to the operations that declare the header and to no other: one operation that
// accepts a key says nothing about its neighbours, and a key sent where the server never promised
// to honour it would make a retried POST a duplicate.
import { operations, type Doc, type HttpMethod } from './document.ts';

const UNSAFE: readonly HttpMethod[] = ['post', 'put', 'patch', 'delete'];

export type InferredIdempotencyRule =
  | { kind: 'none' }
  | { kind: 'header'; name: string; methods: HttpMethod[]; onlyWhereDeclared: true };

export interface InferredIdempotency {
  rule: InferredIdempotencyRule;
  /** How many unsafe operations declare the header: the ones the rule makes idempotent. */
  operations: number;
}

export function inferIdempotency(doc: Doc): InferredIdempotency {
  // By lower-cased name (header names are case-insensitive); the first spelling met is kept.
  const byName = new Map<string, { name: string; methods: Set<HttpMethod>; operations: number }>();
  for (const { method, parameters } of operations(doc)) {
    if (!UNSAFE.includes(method)) continue;
    const declared = new Set<string>();
    for (const parameter of parameters) {
      if (parameter.in !== 'header' || typeof parameter.name !== 'string' || !/idempoten/i.test(parameter.name)) continue;
      const key = parameter.name.toLowerCase();
      if (declared.has(key)) continue;
      declared.add(key);
      const entry = byName.get(key) ?? { name: parameter.name, methods: new Set<HttpMethod>(), operations: 0 };
      entry.methods.add(method);
      entry.operations++;
      byName.set(key, entry);
    }
  }
  // The name most operations declare wins; ties go to the first in code-unit order, for determinism.
  const best = [...byName.values()].sort((a, b) => b.operations - a.operations || (a.name < b.name ? -1 : 1))[0];
  if (!best) return { rule: { kind: 'none' }, operations: 0 };
  return {
    rule: { kind: 'header', name: best.name, methods: UNSAFE.filter((m) => best.methods.has(m)), onlyWhereDeclared: true },
    operations: best.operations,
  };
}
