// Which operations reach which component schemas, and on which side of the call: a component
// change is classified by how callers meet it (sent in a request, read from a response).
import type { ApiModel, OperationModel } from '../model/types.ts';
import { componentName } from './schema-compare.ts';
import type { Direction } from './types.ts';

export interface ComponentUse {
  request: Set<string>;
  response: Set<string>;
}

export function operationKey(op: Pick<OperationModel, 'method' | 'path'>): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

export function isSuccess(status: string): boolean {
  return /^2/.test(status);
}

/** Component names referenced anywhere inside `value` (not following the refs). */
function directRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) directRefs(item, into);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const name = componentName(value);
  if (name !== undefined) into.add(name);
  for (const child of Object.values(value)) directRefs(child, into);
}

export class ComponentGraph {
  private readonly edges = new Map<string, Set<string>>();
  private readonly closures = new Map<string, Set<string>>();

  private readonly document: Record<string, any>;
  constructor(document: Record<string, any>) {
    this.document = document;
  }

  private refsOf(name: string): Set<string> {
    let found = this.edges.get(name);
    if (!found) {
      found = new Set();
      directRefs(this.document.components?.schemas?.[name], found);
      this.edges.set(name, found);
    }
    return found;
  }

  /** Every component reachable from `roots`, roots included. */
  reach(roots: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      const cached = this.closures.get(name);
      if (cached) {
        for (const n of cached) seen.add(n);
        continue;
      }
      seen.add(name);
      for (const next of this.refsOf(name)) if (!seen.has(next)) stack.push(next);
    }
    return seen;
  }
}

/** component name → operation keys that send it / read it. Webhook events count as read. */
export function componentUses(model: ApiModel, document: Record<string, any>): Map<string, ComponentUse> {
  const graph = new ComponentGraph(document);
  const uses = new Map<string, ComponentUse>();
  const mark = (names: Set<string>, key: string, side: Direction) => {
    for (const name of names) {
      let use = uses.get(name);
      if (!use) uses.set(name, (use = { request: new Set(), response: new Set() }));
      use[side].add(key);
    }
  };
  for (const op of model.operations) {
    const key = operationKey(op);
    const sent = new Set<string>();
    for (const p of op.parameters) directRefs(p.schema, sent);
    directRefs(op.requestBody?.schema, sent);
    const read = new Set<string>();
    for (const r of op.responses) if (isSuccess(r.status)) directRefs(r.schema, read);
    mark(graph.reach(sent), key, 'request');
    mark(graph.reach(read), key, 'response');
  }
  for (const event of model.webhooks?.events ?? []) {
    const read = new Set<string>();
    directRefs(event.schema, read);
    mark(graph.reach(read), `webhook ${event.name}`, 'response');
  }
  return uses;
}
