// Scheme ids come from data (the vendor overlays' `x-svcgen-webhooks.scheme`), so code that only
// knows an id can still find the verifier. Generated code imports the one scheme it needs by name
// (`<camelCase id>Scheme`) so a bundle carries only that verifier.
import { airwallexHmacScheme } from './airwallex-hmac.ts';
import { sendgridEcdsaScheme } from './sendgrid-ecdsa.ts';
import { stripeV1Scheme } from './stripe-v1.ts';
import type { HeaderSource, RawBody, VerifyOptions, VerifyResult, WebhookScheme, WebhookSecret } from './types.ts';
import { verifyWithScheme } from './verify-with-scheme.ts';

export const webhookSchemes = {
  'stripe-v1': stripeV1Scheme,
  'sendgrid-ecdsa': sendgridEcdsaScheme,
  'airwallex-hmac': airwallexHmacScheme,
} as const satisfies Record<string, WebhookScheme>;

export type WebhookSchemeId = keyof typeof webhookSchemes;

export function isWebhookSchemeId(id: string): id is WebhookSchemeId {
  return Object.hasOwn(webhookSchemes, id);
}

/** The export name of a scheme object: `stripe-v1` → `stripeV1Scheme`. */
export function schemeExportName(id: string): string {
  return `${camelId(id)}Scheme`;
}

/**
 * The export name of a scheme's verifier: `stripe-v1` → `verifyStripeV1`. Generated verifiers
 * call it directly, so a bundle that only verifies carries neither the scheme object nor
 * `verifyWithScheme`.
 */
export function verifierExportName(id: string): string {
  const camel = camelId(id);
  return `verify${camel[0]!.toUpperCase()}${camel.slice(1)}`;
}

function camelId(id: string): string {
  return id.replace(/[-_.]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Verifies with the scheme named by `id`; an unknown id is a signature mismatch, never a throw. */
export async function verifyWebhook<P = unknown>(
  id: WebhookSchemeId | (string & {}),
  body: RawBody,
  headers: HeaderSource,
  secret: WebhookSecret,
  options?: VerifyOptions,
): Promise<VerifyResult<P>> {
  if (!isWebhookSchemeId(id)) return { ok: false, reason: 'signature-mismatch', detail: `unknown webhook scheme '${id}'` };
  return verifyWithScheme<P>(webhookSchemes[id], body, headers, secret, options);
}
