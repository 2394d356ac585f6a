// Query and cookie API keys the client writes itself (model/auth.ts marks them role `auth`), per
// operation: unlike a header's role, which a profile gives by name everywhere, whether the client
// supplies `api_key` depends on the operation's security, and a public operation may take a
// parameter of that name as its own input. typing-document.ts leaves them out of the types.
import { deref } from '../json-pointer.ts';
import type { ApiModel } from './types.ts';

type Doc = Record<string, any>;

/** Per `method /path`: the query and cookie parameters (`in name`) the client supplies itself. */
export function suppliedQueryAndCookie(model: ApiModel): Map<string, Set<string>> {
  const supplied = new Map<string, Set<string>>();
  for (const op of model.operations) {
    const names = op.parameters.filter((p) => (p.in === 'query' || p.in === 'cookie') && p.role !== 'param').map((p) => `${p.in} ${p.name}`);
    if (names.length > 0) supplied.set(`${op.method} ${op.path}`, new Set(names));
  }
  return supplied;
}

/** Whether `op` declares a parameter of its own with the location and name of `raw` (a path item's). */
export function declaresOwn(doc: Doc, op: Doc | undefined, raw: unknown): boolean {
  const p = deref<Doc>(doc, raw);
  return Array.isArray(op?.parameters) && op.parameters.some((own: unknown) => {
    const q = deref<Doc>(doc, own);
    return q?.in === p?.in && q?.name === p?.name;
  });
}
