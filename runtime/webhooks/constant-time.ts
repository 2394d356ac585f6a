// Comparing a computed MAC with an attacker-supplied one must not stop at the first differing
// byte, or response timing reveals how much of a forgery was right.

/** True when both arrays hold the same bytes; time depends on the length only. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
