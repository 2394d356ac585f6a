import type { OperationMeta } from '../contract.ts';

/**
 * Whether sending the request twice cannot cause two effects: a safe or idempotent operation,
 * or one the vendor deduplicates by an idempotency key. Header keys are added by the pipeline;
 * body-field keys (Airwallex `request_id`) are filled by the generated function before the body
 * is serialised, so such operations are keyed by construction.
 */
export function isReplayable(meta: OperationMeta): boolean {
  return meta.resilience !== 'unsafe' || meta.idempotency.kind !== 'none';
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
