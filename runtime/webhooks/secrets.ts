import type { WebhookSecret } from './types.ts';

/** The configured secrets, blanks dropped (a blank secret is a deployment mistake, never a match). */
export function secretList(secret: WebhookSecret): readonly string[] {
  // Tolerates a missing secret (an unset environment variable) as "none configured".
  const list: readonly unknown[] = Array.isArray(secret) ? secret : [secret];
  return list.filter((value): value is string => typeof value === 'string' && value.length > 0);
}
