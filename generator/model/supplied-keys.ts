// Parameters the client writes itself, per operation: API keys and `Authorization` that every
// security alternative sends (model/auth.ts marks them role `auth`), and the headers a profile
// gives to client or call options. Whether the client supplies `api_key` or `X-Key` depends on the
// operation's security, and a public operation may take a parameter of that name as its own input,
// so typing-document.ts leaves them out of the types operation by operation, not by name.
import { deref } from '../json-pointer.ts';
import type { ApiModel } from './types.ts';

type Doc = Record<string, any>;

/** `in name`, the name lower-cased for a header (header names are case-insensitive). */
export function suppliedId(location: string, name: string): string {
  return `${location} ${location === 'header' ? name.toLowerCase() : name}`;
}

/** Per `method /path`: the header, query and cookie parameters (suppliedId) the client supplies itself. */
export function suppliedParameters(model: ApiModel): Map<string, Set<string>> {
  const supplied = new Map<string, Set<string>>();
  for (const op of model.operations) {
    const ids = op.parameters.filter((p) => (p.in === 'header' || p.in === 'query' || p.in === 'cookie') && p.role !== 'param').map((p) => suppliedId(p.in, p.name));
    if (ids.length > 0) supplied.set(`${op.method} ${op.path}`, new Set(ids));
  }
  return supplied;
}

/**
 * The parameter `op` declares of its own with the location and name of `raw` (a path item's), which
 * overrides it (OpenAPI); a header's name in any case, as HTTP reads header names.
 */
export function ownDeclaration(doc: Doc, op: Doc | undefined, raw: unknown): Doc | undefined {
  const p = deref<Doc>(doc, raw);
  if (!p || !Array.isArray(op?.parameters)) return undefined;
  const id = suppliedId(String(p.in), String(p.name));
  return op.parameters.map((own: unknown) => deref<Doc>(doc, own)).find((q: Doc | undefined) => q !== undefined && suppliedId(String(q.in), String(q.name)) === id);
}

/** Whether `op` declares a parameter of its own that overrides `raw` (a path item's): ownDeclaration. */
export function declaresOwn(doc: Doc, op: Doc | undefined, raw: unknown): boolean {
  return ownDeclaration(doc, op, raw) !== undefined;
}
