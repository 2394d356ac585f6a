// A parsed event leaves a verifier only after the signature matched, parsed from the same bytes
// that were verified: the body is never re-serialised, and a body that is not the expected JSON
// shape is rejected rather than passed on half-understood.
// A JSON object is what error-shapes.ts calls a record: one function, where a client and a
// verifier bundled together carried two.
import { isRecord } from '../error-shapes.ts';
import { bodyText } from './bytes.ts';
import { failure, type RawBody, type VerifyResult } from './types.ts';

/**
 * What a scheme's deliveries must parse to: undefined when `parsed` fits, else why not. One
 * function per delivery kind, so a verifier bundles the check (and texts) of its own kind only.
 */
export type EventShape = (parsed: unknown) => string | undefined;

/** One event per delivery: a JSON object. */
export const oneEvent: EventShape = (parsed) => (isRecord(parsed) ? undefined : 'expected a JSON object event');

/** A batch per delivery: a JSON array of objects. */
export const eventBatch: EventShape = (parsed) =>
  !Array.isArray(parsed) ? 'expected a JSON array of events' : parsed.every(isRecord) ? undefined : 'every event in the array must be a JSON object';

export function parseVerifiedBody(body: RawBody, shape: EventShape): VerifyResult<unknown> {
  const text = bodyText(body);
  if (text === undefined) return failure('unparsable-body', 'body is not valid UTF-8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return failure('unparsable-body', 'body is not valid JSON');
  }
  const wrong = shape(parsed);
  return wrong === undefined ? { ok: true, event: parsed } : failure('unparsable-body', wrong);
}


/**
 * Bodies up to this size (bytes, or UTF-16 units for a string) are parsed while WebCrypto works
 * on the signature; larger ones only after it matched. Node computes the signature on its libuv
 * thread pool, so with a core free for that thread the parse of a body of tens of KB is mostly
 * hidden behind the signature check; a body of a KB or two costs the same parsed now or after the
 * match, as every body does without a free core (or where the signature is computed on the
 * calling thread).
 * The price: a forged delivery costs a parse too, at most this large.
 */
export const PARSE_WHILE_VERIFYING_MAX = 64 * 1024;

/**
 * `parseVerifiedBody`, called while the signature check is in flight, for a body small enough;
 * undefined otherwise. Its result must be returned only once the signature has matched.
 */
export function parseWhileVerifying(body: RawBody, shape: EventShape): VerifyResult<unknown> | undefined {
  // Anything that is neither text nor bytes (a misconfigured caller) parses to a failure, early or late alike.
  const size = typeof body === 'string' ? body.length : ((body as ArrayBufferView | null | undefined)?.byteLength ?? 0);
  return size <= PARSE_WHILE_VERIFYING_MAX ? parseVerifiedBody(body, shape) : undefined;
}
