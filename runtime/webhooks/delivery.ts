// What a webhook receiver does with a verified delivery, shared by every vendor's generated
// routes: dispatch inline (exactly once per event id when a dedupe store is given), or enqueue it;
// report each outcome to an analytics sink; and choose the answer the vendor gets. Only the
// answer's status and body are decided here, so the Hono glue stays a few generated lines.
import type { AnalyticsSink, WebhookPoint } from '../log/analytics.ts';
import { dispatchOnce, errorName, type DedupeOptions } from './dedupe-dispatch.ts';
import type { WebhookVerifyOutcome } from './hono.ts';
import type { WebhookRouter } from './router.ts';

export interface DeliveryOptions<Events> {
  readonly router: WebhookRouter<Events>;
  readonly discriminator: string;
  /** Names the source in analytics (the vendor). */
  readonly source: string;
  readonly dedupe?: DedupeOptions | undefined;
  readonly sink?: AnalyticsSink | undefined;
}

export type DeliveryAnswer =
  /** `duplicate` is present only when a dedupe store is used. */
  | { readonly status: 200; readonly body: { received: true; handled: number; duplicate?: number; unhandled: number } }
  /** Another delivery of an event is still being processed: the vendor should try again later. */
  | { readonly status: 409; readonly body: { error: 'in-progress'; retryAfterSeconds: number }; readonly retryAfterSeconds: number };

/**
 * Runs the handlers of `payload` and answers. A handler's error is reported as `failed` and
 * propagates (the route answers 500, so the vendor redelivers); with a dedupe store its claim is
 * released first, and events handled before it stay done.
 */
export async function handleDelivery<Events>(
  payload: Events[keyof Events] | readonly Events[keyof Events][],
  options: DeliveryOptions<Events>,
): Promise<DeliveryAnswer> {
  const { router, sink, source } = options;
  const observe = sink ? (record: Omit<WebhookPoint, 'source'>) => sink.webhook({ source, ...record }) : undefined;
  if (options.dedupe) {
    const report = await dispatchOnce(router, payload, options.discriminator, { ...options.dedupe, ...(observe ? { observe } : {}) });
    if (report.inProgress.length > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(report.retryAfterMs / 1000));
      return { status: 409, body: { error: 'in-progress', retryAfterSeconds }, retryAfterSeconds };
    }
    return { status: 200, body: { received: true, handled: report.handled.length, duplicate: report.duplicate.length, unhandled: report.unhandled.length } };
  }
  const started = Date.now();
  let report;
  try {
    report = await router.dispatch(payload);
  } catch (error) {
    observe?.({ outcome: 'failed', durationMs: Date.now() - started, detail: errorName(error) });
    throw error;
  }
  const durationMs = Date.now() - started;
  for (const name of report.handled) observe?.({ outcome: 'handled', name, durationMs });
  for (const name of report.unhandled) observe?.({ outcome: 'unhandled', name, durationMs });
  return { status: 200, body: { received: true, handled: report.handled.length, unhandled: report.unhandled.length } };
}

/** The analytics point of a verification outcome. */
export function verificationPoint(source: string, outcome: WebhookVerifyOutcome): WebhookPoint {
  return outcome.ok ? { source, outcome: 'verified', events: outcome.events } : { source, outcome: 'rejected', detail: outcome.reason };
}
