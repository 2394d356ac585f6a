// The document openapi-typescript types are generated from. It differs from the effective document
// only where the client, not the caller, supplies a value: header parameters whose role is auth,
// client option or call option (the caller passes those through client/call options), and request
// bodies on methods the profile declares bodyless. Everything removed is counted for the manifest.
import type { ApiModel } from './types.ts';
import { deref } from '../json-pointer.ts';
import { HTTP_METHODS } from './operations.ts';

type Doc = Record<string, any>;

export interface TypingAdjustments {
  clientSuppliedHeaders: Record<string, number>;
  droppedBodies: number;
}

export function typingDocument(doc: Doc, model: ApiModel): { document: Doc; adjustments: TypingAdjustments } {
  const roles = new Map<string, string>();
  for (const op of model.operations) {
    for (const p of op.parameters) if (p.in === 'header' && p.role !== 'param') roles.set(p.name.toLowerCase(), p.role);
  }
  const keep = new Set(model.operations.map((o) => `${o.method} ${o.path}`));
  const withBody = new Set(model.operations.filter((o) => o.requestBody).map((o) => `${o.method} ${o.path}`));
  const adjustments: TypingAdjustments = { clientSuppliedHeaders: {}, droppedBodies: 0 };

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
  return { document: { ...doc, paths }, adjustments };
}
