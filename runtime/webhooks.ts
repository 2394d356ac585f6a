// Webhook verification for generated code and hand-written routes: one verifier per signature
// scheme (Web APIs only), typed dispatch, and Hono middleware.
export {
  DEFAULT_TOLERANCE_SECONDS,
  type EnvelopedEvent,
  type HeaderSource,
  type NamedEvent,
  type RawBody,
  type ReplaceAt,
  type VerifyFailure,
  type VerifyOptions,
  type VerifyResult,
  type WebhookDelivery,
  type WebhookFailureReason,
  type WebhookScheme,
  type WebhookSecret,
  type Without,
} from './webhooks/types.ts';
export { constantTimeEqual } from './webhooks/constant-time.ts';
export { ecdsaDerToRaw } from './webhooks/der.ts';
export { stripeV1Scheme, verifyStripeV1, parseStripeSignatureHeader } from './webhooks/stripe-v1.ts';
export { sendgridEcdsaScheme, verifySendgridEcdsa } from './webhooks/sendgrid-ecdsa.ts';
export { airwallexHmacScheme, verifyAirwallexHmac } from './webhooks/airwallex-hmac.ts';
export { webhookSchemes, isWebhookSchemeId, schemeExportName, verifyWebhook, type WebhookSchemeId } from './webhooks/schemes.ts';
export { verifyWithScheme } from './webhooks/verify-with-scheme.ts';
export { createWebhookRouter, type DispatchReport, type WebhookHandlers, type WebhookRouter, type WebhookRouterOptions } from './webhooks/router.ts';
export { createWebhookMiddleware, webhookFailureStatus, type WebhookMiddlewareOptions, type WebhookVariables } from './webhooks/hono.ts';
