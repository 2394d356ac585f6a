// Header parameters that name a header the HTTP transport writes itself from the message it
// sends. A spec may declare them (in the APIs.guru corpus Content-Length is a header parameter in
// 9 specs, Transfer-Encoding in 1), but the generated client cannot honour a caller's value:
// fetch computes Content-Length from the body, and Node's undici fails a request whose given
// length differs (UND_ERR_REQ_CONTENT_LENGTH_MISMATCH) and refuses any Transfer-Encoding,
// Keep-Alive, Upgrade or Expect header (UND_ERR_INVALID_ARG, UND_ERR_NOT_SUPPORTED). Left in, the
// operation would ask the caller for a value (sometimes a required one) that can only match what
// the transport writes anyway or break the call. The parameter is taken out of the operation's (or
// path item's) list and the removal listed with the other repairs; a shared
// `#/components/parameters` entry stays, since other operations may use it. Connection is not
// among them: undici sends `close` and `keep-alive` as given.
// Content-Type goes the same way for another reason: OpenAPI says a header parameter named
// Content-Type SHALL be ignored (the body's media type says it), and a caller's value would
// replace the one the client writes for the body (a multipart boundary lost, or any text the
// spec's schema allows: `Content-Type: sample` on a JSON body, seen on a corpus spec).
import { deref, toPointer } from '../json-pointer.ts';
import { HTTP_METHODS, pathItems, type Fix } from './fixes.ts';
import { recordMovedKey } from './source-pointers.ts';

const TRANSPORT = 'a header the HTTP transport writes itself (a value given by hand fails the request or is refused)';
/** Lower-case header name → why a parameter of that name is removed. */
const REMOVED_HEADERS: ReadonlyMap<string, string> = new Map([
  ...['content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect'].map((name) => [name, TRANSPORT] as const),
  ['content-type', "OpenAPI ignores a Content-Type header parameter; the client sends the request body's media type"],
]);

export function dropTransportHeaderParameters(document: Record<string, any>, file: string): Fix[] {
  const fixes: Fix[] = [];
  const prune = (holder: Record<string, any>, base: (string | number)[]): void => {
    const list = holder.parameters;
    if (!Array.isArray(list)) return;
    // Listed at the index the spec gives, then removed from the end so earlier indices still hold.
    const drop: number[] = [];
    list.forEach((entry: unknown, index) => {
      const parameter = deref<Record<string, unknown>>(document, entry);
      const reason = parameter?.in === 'header' && typeof parameter.name === 'string' ? REMOVED_HEADERS.get(parameter.name.toLowerCase()) : undefined;
      if (reason === undefined) return;
      drop.push(index);
      fixes.push({
        file,
        pointer: toPointer([...base, 'parameters', index]),
        fix: `header parameter '${parameter!.name}' removed: ${reason}${parameter!.required === true ? '; the spec marks it required' : ''}`,
      });
    });
    if (drop.length === 0) return;
    // The entries left keep where the file put them, for an error found in them later.
    const kept = list.map((_entry: unknown, index: number) => index).filter((index: number) => !drop.includes(index));
    for (const index of drop.reverse()) list.splice(index, 1);
    kept.forEach((sourceIndex: number, index: number) => recordMovedKey(list, index, sourceIndex));
  };
  for (const [pathKey, item] of pathItems(document)) {
    prune(item, ['paths', pathKey]);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation !== null && typeof operation === 'object') prune(operation, ['paths', pathKey, method]);
    }
  }
  return fixes;
}
