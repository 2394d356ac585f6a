// Pagination is recognised from shapes, not names: a profile rule applies to an operation when
// the operation takes the rule's query parameter and its success response has the rule's fields,
// its items field an array (fields declared in `allOf` members count, as the types read them; an
// items field `''` is the body itself).
import type { OperationModel, PaginationModel } from './types.ts';
import type { PaginationRule } from './profile.ts';
import { deref } from '../json-pointer.ts';
import { declaredProperties } from './declared-properties.ts';

type Doc = Record<string, any>;

function successSchema(doc: Doc, op: OperationModel): Doc | undefined {
  // A range (`2XX`, as Microsoft Graph writes every success) is a success response too.
  const ok = op.responses.find((r) => /^2(?:\d\d|XX)$/i.test(r.status) && r.schema);
  return ok ? deref<Doc>(doc, ok.schema) : undefined;
}

/** The schema of the (dotted) field, through `$ref`s and `allOf` members as the types read them; undefined if none declares it. */
function fieldSchema(doc: Doc, schema: Doc | undefined, dotted: string): Doc | undefined {
  if (dotted === '') return schema;
  // A property whose name holds the dots (`@odata.nextLink`) before a path through nested ones.
  const whole = schema === undefined ? undefined : declaredProperties(doc, schema).get(dotted);
  if (whole !== undefined) return deref<Doc>(doc, whole) ?? {};
  let node = schema;
  for (const part of dotted.split('.')) {
    const declared = node === undefined ? undefined : declaredProperties(doc, node).get(part);
    if (declared === undefined) return undefined;
    node = deref<Doc>(doc, declared) ?? {};
  }
  return node;
}

/** Whether the schema says the value is an array: its type, or that of every `allOf` member that names one. */
function isArray(doc: Doc, schema: Doc, depth = 0): boolean {
  const type = schema.type;
  if (type !== undefined) return type === 'array' || (Array.isArray(type) && type.includes('array') && type.every((t: unknown) => t === 'array' || t === 'null'));
  if (!Array.isArray(schema.allOf) || depth > 8) return false;
  const typed = schema.allOf.map((m: unknown) => deref<Doc>(doc, m)).filter((m: unknown): m is Doc => typeof m === 'object' && m !== null && ('type' in m || 'allOf' in m));
  return typed.length > 0 && typed.every((m: Doc) => isArray(doc, m, depth + 1));
}

/**
 * The body fields a style needs besides the list: a Link header is no field of the body, and an
 * offset list needs only the end markers its rule names (a walk would stop at a missing has-more flag).
 */
function neededFields(model: PaginationModel): string[] {
  switch (model.style) {
    case 'link-header':
      return [];
    case 'offset':
      return [model.totalField, model.hasMoreField].filter((field) => field !== undefined);
    case 'opaque-cursor':
    case 'next-link':
      return [model.nextField];
    case 'token':
      return [model.tokenField];
    case 'cursor':
    case 'page-number':
      return [model.hasMoreField];
  }
}

export function detectPagination(doc: Doc, op: OperationModel, rules: PaginationRule[]): PaginationModel | undefined {
  const query = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  const schema = successSchema(doc, op);
  if (!schema) return undefined;
  for (const rule of rules) {
    if (rule.whenQuery !== undefined && !query.has(rule.whenQuery)) continue;
    const candidates = Array.isArray(rule.itemsField) ? rule.itemsField : [rule.itemsField];
    // The list must be one: a rule inferred from one operation also meets others whose field of
    // that name is a map (aggregated lists) and would yield nothing, or the map's values.
    const itemsField = candidates.find((f) => {
      const field = fieldSchema(doc, schema, f);
      return field !== undefined && isArray(doc, field);
    });
    if (itemsField === undefined) continue;
    const { whenQuery: _when, itemsField: _items, ...shape } = rule;
    const model = { ...shape, itemsField } as PaginationModel;
    if (!neededFields(model).every((field) => fieldSchema(doc, schema, field))) continue;
    for (const key of ['limitParam', 'sizeParam', 'beforeParam'] as const) {
      const name = (model as Record<string, unknown>)[key];
      if (typeof name === 'string' && !query.has(name)) delete (model as Record<string, unknown>)[key];
    }
    return model;
  }
  return undefined;
}
