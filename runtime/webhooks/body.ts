// A parsed event leaves a verifier only after the signature matched, parsed from the same bytes
// that were verified: the body is never re-serialised, and a body that is not the expected JSON
// shape is rejected rather than passed on half-understood.
import { bodyText } from './bytes.ts';
import { failure, type RawBody, type VerifyResult, type WebhookDelivery } from './types.ts';

export function parseVerifiedBody(body: RawBody, delivery: WebhookDelivery): VerifyResult<unknown> {
  const text = bodyText(body);
  if (text === undefined) return failure('unparsable-body', 'body is not valid UTF-8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return failure('unparsable-body', 'body is not valid JSON');
  }
  if (delivery === 'array') {
    if (!Array.isArray(parsed)) return failure('unparsable-body', 'expected a JSON array of events');
    if (!parsed.every(isObject)) return failure('unparsable-body', 'every event in the array must be a JSON object');
  } else if (!isObject(parsed)) {
    return failure('unparsable-body', 'expected a JSON object event');
  }
  return { ok: true, event: parsed };
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Bodies up to this size (bytes, or UTF-16 units for a string) are parsed while WebCrypto works
 * on the signature; larger ones only after it matched. Node computes the signature on its libuv
 * thread pool, so with a core free for that thread the parse adds no wall time to a genuine
 * delivery; without one (or where the signature is computed on the calling thread) it costs what
 * parsing after the match would. The price: a forged delivery costs a parse too, at most this large.
 */
export const PARSE_WHILE_VERIFYING_MAX = 64 * 1024;

/**
 * `parseVerifiedBody`, called while the signature check is in flight, for a body small enough;
 * undefined otherwise. Its result must be returned only once the signature has matched.
 */
export function parseWhileVerifying(body: RawBody, delivery: WebhookDelivery): VerifyResult<unknown> | undefined {
  const size = typeof body === 'string' ? body.length : body instanceof ArrayBuffer || ArrayBuffer.isView(body) ? body.byteLength : 0;
  return size <= PARSE_WHILE_VERIFYING_MAX ? parseVerifiedBody(body, delivery) : undefined;
}
