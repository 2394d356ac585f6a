// Operations no client can send. The Fetch standard forbids the methods CONNECT, TRACE and TRACK:
// fetch (Node's and a Worker's alike) throws a TypeError before any request leaves, so a generated
// function for such an operation would fail on every call. Of OpenAPI's methods only `trace` is
// one. They are left out of the client and listed in the manifest, not generated as a trap; the
// types (openapi-typescript's `paths`) still describe them.
import type { OperationModel } from './types.ts';

const FORBIDDEN_BY_FETCH = new Set(['trace']);

/** The operations a client can send, and `METHOD /path operationId` for each one it cannot. */
export function splitUnsendable(operations: readonly OperationModel[]): { sendable: OperationModel[]; omitted: string[] } {
  const sendable: OperationModel[] = [];
  const omitted: string[] = [];
  for (const op of operations) {
    if (FORBIDDEN_BY_FETCH.has(op.method)) omitted.push(`${op.method.toUpperCase()} ${op.path} ${op.id}`);
    else sendable.push(op);
  }
  return { sendable, omitted };
}
