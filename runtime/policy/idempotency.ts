import type { OperationMeta } from '../contract.ts';

/**
 * Whether sending this request twice cannot cause two effects: a safe or idempotent operation, or
 * one the vendor deduplicates by a key. A header key is on every request (the pipeline puts it
 * there, see `applyIdempotencyKey`); a body-field key only where the caller or the client filled
 * it, which the operation's `bodyKey` reads from the buffered body.
 */
export function isReplayable(meta: OperationMeta, request: Request, body: ArrayBuffer | undefined): boolean {
  const key = meta.idempotency;
  return (
    meta.resilience !== 'unsafe' ||
    key.kind === 'header' ||
    (key.kind === 'body-field' && meta.bodyKey !== undefined && meta.bodyKey.carries(key.field, body, request.headers.get('content-type')))
  );
}

/**
 * Puts one idempotency key on the request for the whole logical call (every retry re-sends the
 * same headers). The caller's key wins over one already on the request, which wins over a new one.
 */
export function applyIdempotencyKey(request: Request, meta: OperationMeta, callKey: string | undefined): void {
  const mechanism = meta.idempotency;
  if (mechanism.kind !== 'header') return;
  const key = callKey ?? request.headers.get(mechanism.name) ?? crypto.randomUUID();
  if (mechanism.maxLength !== undefined && key.length > mechanism.maxLength) {
    throw new RangeError(`${meta.id}: idempotency key longer than ${mechanism.maxLength} characters`);
  }
  request.headers.set(mechanism.name, key);
}
