// Pagination is recognised from shapes, not names: a profile rule applies to an operation when
// the operation takes the rule's query parameter and its success response has the rule's fields.
import type { OperationModel, PaginationModel } from './types.ts';
import type { PaginationRule } from './profile.ts';
import { deref } from '../json-pointer.ts';

type Doc = Record<string, any>;

function successSchema(doc: Doc, op: OperationModel): Doc | undefined {
  const ok = op.responses.find((r) => /^2\d\d$/.test(r.status) && r.schema);
  return ok ? deref<Doc>(doc, ok.schema) : undefined;
}

function hasField(doc: Doc, schema: Doc | undefined, dotted: string): boolean {
  let node = schema;
  for (const part of dotted.split('.')) {
    const props = node?.properties;
    if (!props || !(part in props)) return false;
    node = deref<Doc>(doc, props[part]);
  }
  return true;
}

export function detectPagination(doc: Doc, op: OperationModel, rules: PaginationRule[]): PaginationModel | undefined {
  const query = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  const schema = successSchema(doc, op);
  if (!schema) return undefined;
  for (const rule of rules) {
    if (!query.has(rule.whenQuery)) continue;
    const candidates = Array.isArray(rule.itemsField) ? rule.itemsField : [rule.itemsField];
    const itemsField = candidates.find((f) => hasField(doc, schema, f));
    if (!itemsField) continue;
    const { whenQuery: _when, itemsField: _items, ...shape } = rule;
    const model = { ...shape, itemsField } as PaginationModel;
    const probe =
      model.style === 'opaque-cursor' ? model.nextField : model.style === 'token' ? model.tokenField : model.hasMoreField;
    if (!hasField(doc, schema, probe)) continue;
    for (const key of ['limitParam', 'sizeParam', 'beforeParam'] as const) {
      const name = (model as Record<string, unknown>)[key];
      if (typeof name === 'string' && !query.has(name)) delete (model as Record<string, unknown>)[key];
    }
    return model;
  }
  return undefined;
}
