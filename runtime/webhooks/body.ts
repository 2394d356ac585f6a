// Parsing happens only after the signature matched, on the same bytes that were verified: the
// body is never re-serialised, and a body that is not the expected JSON shape is rejected rather
// than passed on half-understood.
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
