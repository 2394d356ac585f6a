// A 3.1 spec lists its webhooks but never says how they are signed, and a verified receiver needs
// that: scaffold and init name the webhooks a spec lists when no signature scheme is declared for them.

/** The webhook names the effective document lists under 3.1 `webhooks`. */
export function listedWebhooks(document: Record<string, any>): string[] {
  return document.webhooks && typeof document.webhooks === 'object' ? Object.keys(document.webhooks) : [];
}

/** What to do about a listed webhook that has no signature scheme. */
export const NAME_THE_SCHEME = 'add an overlay with x-svcgen-webhooks naming it (README: "Webhooks")';
