// An idempotency header is inferred only when the spec itself declares one on unsafe methods: a
// header parameter whose name says so (`Idempotency-Key`, `X-Idempotency-Key`, …).
import { operations, type Doc, type HttpMethod } from './document.ts';

const UNSAFE: readonly HttpMethod[] = ['post', 'put', 'patch', 'delete'];

export type InferredIdempotency =
  | { kind: 'none' }
  | { kind: 'header'; name: string; methods: HttpMethod[] };

export function inferIdempotency(doc: Doc): InferredIdempotency {
  const byName = new Map<string, Set<HttpMethod>>();
  for (const { method, parameters } of operations(doc)) {
    if (!UNSAFE.includes(method)) continue;
    for (const parameter of parameters) {
      if (parameter.in !== 'header' || typeof parameter.name !== 'string' || !/idempoten/i.test(parameter.name)) continue;
      const methods = byName.get(parameter.name) ?? new Set<HttpMethod>();
      methods.add(method);
      byName.set(parameter.name, methods);
    }
  }
  // The most widely declared name wins; ties go to the first in code-unit order, for determinism.
  const best = [...byName].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))[0];
  if (!best) return { kind: 'none' };
  return { kind: 'header', name: best[0], methods: UNSAFE.filter((m) => best[1].has(m)) };
}
