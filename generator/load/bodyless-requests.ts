// A request body on a GET or HEAD operation cannot be sent: the Fetch standard (and so Node's
// undici and workerd) refuses to build such a Request ("Request with GET/HEAD method cannot have
// body"). Left in, the generated operation would accept a body and every call with one would fail
// before reaching the network. Specs declare them anyway: an empty form body on every list
// endpoint of one of our vendors, and in the APIs.guru corpus 286 GET/HEAD operations in 28 specs
// (19 of them required). The body is removed from the operation and the removal
// listed with the other repairs; when the spec marks it required the listing says that the
// operation is generated without what the spec requires, since no fetch-based client can send it.
// The component a `$ref` named stays: other operations may use it.
import { deref, toPointer } from '../json-pointer.ts';
import { pathItems, type Fix } from './fixes.ts';

const BODYLESS = ['get', 'head'] as const;

export function dropBodylessRequestBodies(document: Record<string, any>, file: string): Fix[] {
  const fixes: Fix[] = [];
  for (const [pathKey, item] of pathItems(document)) {
    for (const method of BODYLESS) {
      const operation = item[method];
      if (operation === null || typeof operation !== 'object' || operation.requestBody === undefined) continue;
      const body = deref<Record<string, unknown>>(document, operation.requestBody);
      const required = body !== null && typeof body === 'object' && body.required === true;
      delete operation.requestBody;
      fixes.push({
        file,
        pointer: toPointer(['paths', pathKey, method, 'requestBody']),
        fix: `request body of a ${method.toUpperCase()} operation removed: fetch cannot send a body with GET or HEAD${required ? '; the spec marks it required, and the operation is generated without it' : ''}`,
      });
    }
  }
  return fixes;
}
