// Shared pieces of the declared-scheme oracle tests: event bodies, and the checks every verdict
// gets whatever the scheme (the event handed back is the body that was signed; no failure detail
// leaks a secret).
import { expect } from 'vitest';
import type { VerifyResult } from '../../../runtime/webhooks.ts';

/** JSON bodies in the layouts that break verifiers which re-serialise: key order, spacing, CRLF, non-ASCII text. */
export const BODIES = [
  '{"id":"evt_1","type":"thing.created","data":{"n":1}}',
  '{\n  "type": "thing.updated",\n  "id": "evt_2",\n  "data": { "name": "Zoë ✓ 😀" }\n}',
  '{\r\n  "id": "evt_3",\r\n  "data": {"escaped": "\\u00e9\\n", "list": [1, 2.5, null, true]}\r\n}\r\n',
] as const;

/** The body with one character changed, never equal to it. */
export function tampered(body: string): string {
  const at = body.indexOf('evt_') + 4;
  return body.slice(0, at) + (body[at] === '9' ? '8' : '9') + body.slice(at + 1);
}

/**
 * Our verdict checked on its own terms: an accepted event is the parsed signed body; a refusal
 * has the expected reason and a detail naming no configured secret (nor its decoded part).
 */
export function expectVerdict(ours: VerifyResult<unknown>, expected: { ok: true; body: string } | { ok: false; reason: string }, secrets: readonly string[]): void {
  if (expected.ok) {
    expect(ours).toEqual({ ok: true, event: JSON.parse(expected.body) });
    return;
  }
  expect(ours.ok).toBe(false);
  if (ours.ok) return;
  expect(ours.reason).toBe(expected.reason);
  for (const secret of secrets) {
    expect(ours.detail).not.toContain(secret);
    const bare = secret.replace(/^[a-z]+_/, '');
    if (bare.length >= 8) expect(ours.detail).not.toContain(bare);
  }
}

export type Expected = 'ok' | 'missing-header' | 'malformed-header' | 'timestamp-out-of-tolerance' | 'signature-mismatch';

/** What `expectVerdict` expects for an outcome on `body`. */
export function expected(outcome: Expected, body: string) {
  return outcome === 'ok' ? ({ ok: true, body } as const) : ({ ok: false, reason: outcome } as const);
}

/** `bytes` with one bit flipped at `index` (wrapping). */
export function flipByte(bytes: Buffer, index: number): Buffer {
  const out = Buffer.from(bytes);
  out[index % out.length]! ^= 0x01;
  return out;
}
