import type { OperationMeta } from '../contract.ts';

/**
 * Whether sending a request of this operation twice cannot cause two effects: a safe or
 * idempotent operation, or one the vendor deduplicates by a key. A header key is on every request
 * (the pipeline puts it there, see `applyIdempotencyKey`); a body-field key is only where the
 * caller or the client filled it, so for those operations the answer is `undefined`: ask
 * `carriesBodyKey` about the request's body.
 */
export function isReplayable(meta: OperationMeta): boolean | undefined {
  if (meta.resilience !== 'unsafe') return true;
  return meta.idempotency.kind === 'header' ? true : meta.idempotency.kind === 'none' ? false : undefined;
}

/**
 * Whether a buffered request body carries a non-empty body-field key: a JSON object with the
 * field as a string, or a form-encoded body with the field. No body, an array, a scalar or an
 * unreadable body carries none (the client fills the field only in an object body).
 */
export function carriesBodyKey(field: string, body: ArrayBuffer | undefined, contentType: string | null): boolean {
  if (body === undefined) return false;
  const text = new TextDecoder().decode(body);
  if (contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) return Boolean(new URLSearchParams(text).get(field));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
  const key = (parsed as Record<string, unknown>)[field];
  return typeof key === 'string' && key !== '';
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
