// Declared signature schemes in the shapes real webhook senders use, for the tests that sign with
// the init'd Worker's signer and verify with the runtime (in Node and in workerd). Each shape is
// named by its construction; the comment says who sends it that way.
import type { DeclaredSignature } from '../../runtime/webhooks/declared-spec.ts';

/**
 * Standard Webhooks (Svix and the services built on it): id, timestamp and body; `v1,<base64>`
 * items separated by spaces; the secret is base64 after `whsec_`. The fourth-vendor fixture's
 * overlay declares the same.
 */
export const STANDARD_WEBHOOKS: DeclaredSignature = {
  algorithm: 'hmac-sha256',
  payload: '{header:webhook-id}.{timestamp}.{body}',
  signature: { header: 'webhook-signature', encoding: 'base64', prefix: 'v1,', separator: ' ' },
  timestamp: { header: 'webhook-timestamp', unit: 'seconds' },
  secret: { prefix: 'whsec_', encoding: 'base64' },
};

/** The URL the vendor called, then the body, HMAC-SHA256 in bare base64 (Square's scheme). */
export const URL_AND_BODY: DeclaredSignature = {
  algorithm: 'hmac-sha256',
  payload: '{url}{body}',
  signature: { header: 'x-square-hmacsha256-signature', encoding: 'base64' },
};

/** Method, URL, body and timestamp (milliseconds, own header), HMAC-SHA256 in base64 (HubSpot's v3 scheme). */
export const REQUEST_LINE_BODY_TIMESTAMP: DeclaredSignature = {
  algorithm: 'hmac-sha256',
  payload: '{method}{url}{body}{timestamp}',
  signature: { header: 'x-hubspot-signature-v3', encoding: 'base64' },
  timestamp: { header: 'x-hubspot-request-timestamp', unit: 'milliseconds' },
};

/** The request the declared-scheme suites send a delivery as and tell the verifier of, for schemes that sign its URL or method. */
export const DELIVERY_REQUEST = { url: 'https://worker.test/webhooks/declared?shape=1', method: 'POST' } as const;

export const DECLARED_SHAPES: Readonly<Record<string, DeclaredSignature>> = {
  'standard-webhooks': STANDARD_WEBHOOKS,
  // The body alone, `sha256=<hex>` (GitHub's X-Hub-Signature-256).
  'body-prefixed-hex': {
    algorithm: 'hmac-sha256',
    payload: '{body}',
    signature: { header: 'x-hub-signature-256', encoding: 'hex', prefix: 'sha256=' },
  },
  // The body alone, bare base64 (Shopify's X-Shopify-Hmac-Sha256).
  'body-base64': { algorithm: 'hmac-sha256', payload: '{body}', signature: { header: 'x-body-hmac', encoding: 'base64' } },
  // A versioned base string with a timestamp header (Slack's `v0:<ts>:<body>`, `v0=<hex>`).
  'versioned-base-string': {
    algorithm: 'hmac-sha256',
    payload: 'v0:{timestamp}:{body}',
    signature: { header: 'x-request-signature', encoding: 'hex', prefix: 'v0=' },
    timestamp: { header: 'x-request-timestamp', unit: 'seconds' },
  },
  // Timestamp and signatures as items of one header (`t=…,v1=…`; Paddle's `ts=…;h1=…` likewise).
  'items-in-one-header': {
    algorithm: 'hmac-sha256',
    payload: '{timestamp}:{body}',
    signature: { header: 'x-signature', encoding: 'hex', prefix: 'h1=', separator: ';' },
    timestamp: { prefix: 'ts=', unit: 'seconds' },
  },
  // HMAC-SHA1 (Intercom's `sha1=<hex>`), milliseconds in a header.
  'sha1-milliseconds': {
    algorithm: 'hmac-sha1',
    payload: '{timestamp}{body}',
    signature: { header: 'x-signature', encoding: 'hex', prefix: 'sha1=' },
    timestamp: { header: 'x-timestamp', unit: 'milliseconds' },
  },
  'sha512-base64url-hex-secret': {
    algorithm: 'hmac-sha512',
    payload: '{body}',
    signature: { header: 'x-signature', encoding: 'base64url' },
    secret: { encoding: 'hex' },
  },
  // ECDSA P-256, base64 DER signature, base64 SubjectPublicKeyInfo key (an event-webhook shape).
  'ecdsa-der': {
    algorithm: 'ecdsa-p256-sha256',
    payload: '{timestamp}{body}',
    signature: { header: 'x-event-signature', encoding: 'base64' },
    timestamp: { header: 'x-event-timestamp', unit: 'seconds' },
  },
  'ecdsa-raw-hex': {
    algorithm: 'ecdsa-p256-sha256',
    payload: '{body}',
    signature: { header: 'x-signature', encoding: 'hex', format: 'raw' },
    secret: { encoding: 'base64url' },
  },
  // Ed25519 over timestamp and body, hex signature, hex raw public key (Discord's interactions).
  'ed25519-hex': {
    algorithm: 'ed25519',
    payload: '{timestamp}{body}',
    signature: { header: 'x-signature-ed25519', encoding: 'hex' },
    timestamp: { header: 'x-signature-timestamp', unit: 'seconds' },
    secret: { encoding: 'hex' },
  },
  // The URL the delivery was sent to, then the body; bare base64 (Square's x-square-hmacsha256-signature).
  'url-and-body': URL_AND_BODY,
  // Method, URL, body and a millisecond timestamp (HubSpot's X-HubSpot-Signature-v3).
  'request-line-body-timestamp': REQUEST_LINE_BODY_TIMESTAMP,
};
