// Servers an operation names for itself (OpenAPI 3 `servers` on the operation, else on its path
// item), such as an upload host beside the API host. The client sends such an operation to the
// first of them, its variables at their defaults, unless the list includes one of the vendor's
// own servers (then the server the client was given serves it, as every other operation), and
// unless the caller set `baseUrl`, which sends every request to one place (a mock, a proxy), as
// the official SDKs' host override does (runtime/client.ts). A URL that is not absolute http(s)
// once its variables take their defaults (a relative one, whose document location svcgen does not
// keep, or a variable without a default) cannot be used: that operation goes to the client's
// server, and the manifest lists it.
import { absoluteHttpUrl, withVariableDefaults } from './server-url.ts';
import type { OperationModel } from './types.ts';

type Doc = Record<string, any>;

export type OperationServer = { readonly url: string } | { readonly unresolved: string };

/** The operation's own server, or undefined when it names none or names one of `vendorUrls`. */
export function operationServer(pathItem: Doc, op: Doc, vendorUrls: readonly string[]): OperationServer | undefined {
  const servers = Array.isArray(op.servers) ? op.servers : Array.isArray(pathItem.servers) ? pathItem.servers : undefined;
  const usable = servers?.filter((s): s is Doc => typeof s === 'object' && s !== null && typeof s.url === 'string') ?? [];
  if (usable.length === 0) return undefined;
  const urls = usable.map((s) => withVariableDefaults(s));
  if (urls.some((url) => vendorUrls.includes(absoluteHttpUrl(url) ?? url))) return undefined;
  const url = absoluteHttpUrl(urls[0]!);
  return url ? { url } : { unresolved: String(usable[0]!.url) };
}

/** `METHOD /path url` for each operation sent to its own server (the manifest's list). */
export function operationServers(operations: readonly OperationModel[]): string[] {
  return operations.filter((op) => op.server).map((op) => `${op.method.toUpperCase()} ${op.path} ${op.server}`);
}

/** `METHOD /path url` for each operation whose own server could not be used, so it goes to the client's. */
export function unresolvedOperationServers(operations: readonly OperationModel[]): string[] {
  return operations.filter((op) => op.unresolvedServer !== undefined).map((op) => `${op.method.toUpperCase()} ${op.path} ${op.unresolvedServer}`);
}
