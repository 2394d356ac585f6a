// The document openapi-typescript types are generated from. It differs from the effective document
// only where the client, not the caller, supplies a value: header parameters whose role is auth,
// client option or call option (the caller passes those through client/call options), request
// bodies on methods the profile declares bodyless, and idempotency body fields (Airwallex's
// `request_id`), which become optional because the client fills them once per call when empty.
// Everything changed is listed for the manifest.
import type { ApiModel } from './types.ts';
import { deref } from '../json-pointer.ts';
import { HTTP_METHODS } from './operations.ts';

type Doc = Record<string, any>;

export interface TypingAdjustments {
  clientSuppliedHeaders: Record<string, number>;
  droppedBodies: number;
  /** `Schema.field` (or `METHOD /path.field` for inline bodies) made optional for the caller. */
  optionalIdempotencyFields: string[];
}

export function typingDocument(doc: Doc, model: ApiModel): { document: Doc; adjustments: TypingAdjustments } {
  const roles = new Map<string, string>();
  for (const op of model.operations) {
    for (const p of op.parameters) if (p.in === 'header' && p.role !== 'param') roles.set(p.name.toLowerCase(), p.role);
  }
  const keep = new Set(model.operations.map((o) => `${o.method} ${o.path}`));
  const withBody = new Set(model.operations.filter((o) => o.requestBody).map((o) => `${o.method} ${o.path}`));
  const adjustments: TypingAdjustments = { clientSuppliedHeaders: {}, droppedBodies: 0, optionalIdempotencyFields: [] };

  const clientSupplied = (raw: unknown) => {
    const p = deref<Doc>(doc, raw);
    const hit = p?.in === 'header' && roles.has(String(p.name).toLowerCase());
    if (hit) adjustments.clientSuppliedHeaders[p!.name] = (adjustments.clientSuppliedHeaders[p!.name] ?? 0) + 1;
    return hit;
  };

  const paths: Doc = {};
  for (const [path, item] of Object.entries<Doc>(doc.paths ?? {})) {
    const next: Doc = { ...item };
    if (Array.isArray(item.parameters)) next.parameters = item.parameters.filter((p: unknown) => !clientSupplied(p));
    let any = false;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const key = `${method} ${path}`;
      if (!keep.has(key)) {
        delete next[method];
        continue;
      }
      any = true;
      const copy: Doc = { ...op };
      if (Array.isArray(op.parameters)) copy.parameters = op.parameters.filter((p: unknown) => !clientSupplied(p));
      if (op.requestBody && !withBody.has(key)) {
        delete copy.requestBody;
        adjustments.droppedBodies++;
      }
      next[method] = copy;
    }
    if (any) paths[path] = next;
  }
  const schemas: Doc = { ...doc.components?.schemas };
  for (const op of model.operations) {
    if (op.idempotency.kind !== 'body-field' || !op.requestBody) continue;
    const field = op.idempotency.field;
    const ref = op.requestBody.schema?.$ref;
    const name = typeof ref === 'string' && ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined;
    if (name && Array.isArray(schemas[name]?.required) && schemas[name].required.includes(field)) {
      schemas[name] = { ...schemas[name], required: schemas[name].required.filter((f: string) => f !== field) };
      adjustments.optionalIdempotencyFields.push(`${name}.${field}`);
    } else if (!name && Array.isArray(op.requestBody.schema?.required) && op.requestBody.schema.required.includes(field)) {
      const item = paths[op.path][op.method];
      const media = op.requestBody.mediaType;
      const schema = op.requestBody.schema;
      item.requestBody = {
        ...item.requestBody,
        content: { ...item.requestBody.content, [media]: { ...item.requestBody.content[media], schema: { ...schema, required: (schema.required as string[]).filter((f) => f !== field) } } },
      };
      adjustments.optionalIdempotencyFields.push(`${op.method.toUpperCase()} ${op.path}.${field}`);
    }
  }
  adjustments.optionalIdempotencyFields = [...new Set(adjustments.optionalIdempotencyFields)].sort();
  const components = doc.components ? { ...doc.components, schemas } : doc.components;
  return { document: { ...doc, paths, ...(components ? { components } : {}) }, adjustments };
}
