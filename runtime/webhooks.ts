// Webhook verification for generated code and hand-written routes: one verifier per signature
// scheme (Web APIs only), typed dispatch, and Hono middleware.
export {
  DEFAULT_TOLERANCE_SECONDS,
  type EnvelopedEvent,
  type FormFields,
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
export { webhookSchemes, isWebhookSchemeId, schemeExportName, verifierExportName, verifyWebhook, type WebhookSchemeId } from './webhooks/schemes.ts';
export { verifyWithScheme } from './webhooks/verify-with-scheme.ts';
export { declaredScheme } from './webhooks/declared.ts';
export {
  DECLARED_ALGORITHMS,
  SECRET_ENCODINGS,
  SIGNATURE_ENCODINGS,
  declaredSignatureProblem,
  type DeclaredAlgorithm,
  type DeclaredSignature,
  type SecretEncoding,
  type SignatureEncoding,
} from './webhooks/declared-spec.ts';
export { createWebhookRouter, type DispatchReport, type WebhookHandlers, type WebhookRouter, type WebhookRouterOptions } from './webhooks/router.ts';
export {
  createWebhookMiddleware,
  DEFAULT_MAX_WEBHOOK_BODY_BYTES,
  webhookFailureStatus,
  type WebhookMiddlewareOptions,
  type WebhookRejection,
  type WebhookVariables,
  type WebhookVerifyOutcome,
} from './webhooks/hono.ts';
export { MemoryDedupeStore, decideClaim, holdsLease, type ClaimResult, type DedupeRecord, type DedupeStore } from './webhooks/dedupe.ts';
export { KvDedupeStore, type KvDedupeOptions, type KvNamespaceLike } from './webhooks/dedupe-kv.ts';
export {
  DEFAULT_LEASE_MS,
  DEFAULT_WAIT_MS,
  dispatchOnce,
  eventKey,
  runOnce,
  type DedupeOptions,
  type EventOutcome,
  type EventRecord,
  type OnceReport,
  type OnceResult,
} from './webhooks/dedupe-dispatch.ts';
export { durableDedupeStore, isDedupeSource, isDurableNamespace, toDedupeStore, type WebhookDedupeStub } from './durable/dedupe-store.ts';
export type { DurableNamespaceLike } from './durable/stores.ts';
export { consumeWebhookBatch, type ConsumeOptions, type ConsumeReport, type QueueBatchLike, type QueueMessageLike } from './webhooks/queue.ts';
export { handleDelivery, verificationPoint, type DeliveryAnswer, type DeliveryOptions } from './webhooks/delivery.ts';
