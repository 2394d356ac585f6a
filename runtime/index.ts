// What generated code and users import from 'svcgen/runtime'. Webhook helpers live behind
// 'svcgen/runtime/webhooks' so a client-only Worker does not bundle them.
export type { FetchLike, IdempotencyMechanism, OperationMeta, ResilienceClass } from './contract.ts';
export type { OperationData, OperationErrorBody, OperationInit, PageItem, PageLimits } from './types.ts';
export { createVendorClient, createVendorClientWith } from './client.ts';
export type { AuthProfile, BaseClientOptions, CallOptions, VendorClient, VendorProfile } from './client.ts';
export { ApiError, isApiError } from './errors.ts';
export { apiErrorFromResponse, describeErrorBody, readApiError } from './error-shapes.ts';
export { CircuitOpenError, NetworkError, RateLimitError, RequestNotSentError, TimeoutError } from './policy/errors.ts';
export type { PolicyEvent } from './policy/events.ts';
export type { Paginator, Page } from './pagination.ts';
export {
  analyticsSink,
  outboundPoint,
  toAnalyticsSink,
  type AnalyticsEngineDatasetLike,
  type AnalyticsSink,
  type AnalyticsSinkOptions,
  type OutboundOutcome,
  type WebhookOutcome,
  type WebhookPoint,
} from './log/analytics.ts';
