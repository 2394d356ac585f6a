// Idempotency keys carried in a request body field (an `request_id` the vendor deduplicates on).
// Generated operations whose key is a body field name this module in their metadata
// (OperationMeta.bodyKey), so only Workers calling such operations bundle it.
import type { BodyFieldKey } from '../contract.ts';

/** Fills the operation's idempotency body field once per logical call: a key already in the body is kept, else the call's idempotencyKey, else a new UUID. */
function fill(field: string, init: { body?: unknown }, callKey: string | undefined): object {
  const body = init.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return init;
  if ((body as Record<string, unknown>)[field]) return init;
  return { ...init, body: { ...body, [field]: callKey ?? crypto.randomUUID() } };
}

/**
 * Whether a buffered request body carries a non-empty key in `field`: a JSON object with the
 * field as a string, or a form-encoded body with the field. No body, an array, a scalar or an
 * unreadable body carries none (the client fills the field only in an object body).
 */
function carries(field: string, body: ArrayBuffer | undefined, contentType: string | null): boolean {
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

export const bodyFieldKey: BodyFieldKey = { fill, carries };
