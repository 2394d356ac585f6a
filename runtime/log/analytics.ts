// Workers Analytics Engine data points for outbound calls and webhook deliveries, written next to
// the JSON logs (the pipeline keeps logging as before; this only adds `writeDataPoint`). Analytics
// Engine stores positional columns, so the layout below is the contract the SQL in
// analytics-sql.ts relies on; change both together. Nothing here is vendor-specific: the vendor
// comes from the pipeline's events or from the webhook route that reports.
//
// Every data point:                  index1 = `<source>:<name>` (the sampling key)
//   blob1 kind      'outbound' | 'webhook'
//   blob2 source    vendor name
//   blob3 name      outbound: operation id; webhook: event type ('' for a whole delivery)
//   blob4 outcome   outbound: 'ok' | 'http-error' | 'network-error' | 'rate-limited' | 'circuit-open'
//                   webhook:  'verified' | 'rejected' | 'queued' | 'handled' | 'duplicate' | 'failed'
//                             | 'in-progress' | 'unhandled'
//   blob5 detail    outbound: error name ('TimeoutError', …) or ''; webhook: rejection reason or ''
//   blob6 method    outbound only ('' for webhooks)
//   blob7 path      outbound: path template (never a URL with ids); '' for webhooks
//   double1 durationMs   attempt time (outbound), verification or handler time (webhook)
//   double2 status       HTTP status of the attempt, 0 when there was none
//   double3 attempt      1 for the first try (outbound), 0 for webhooks
//   double4 final        1 when this point ends the call (no retry follows) or for every webhook point
//   double5 events       webhook: events in the delivery (verified/rejected/queued) or 1; outbound: 0
// Data points carry no URLs, headers, bodies, ids of customers or secrets.
import type { PolicyEvent } from '../policy/events.ts';
import { jsonLogger, type Logger } from './logger.ts';

/** The Analytics Engine binding (`env.ANALYTICS`, an `AnalyticsEngineDataset`). */
export interface AnalyticsEngineDatasetLike {
  writeDataPoint(point: { indexes?: string[]; blobs?: string[]; doubles?: number[] }): void;
}

export type OutboundOutcome = 'ok' | 'http-error' | 'network-error' | 'rate-limited' | 'circuit-open';

export type WebhookOutcome = 'verified' | 'rejected' | 'queued' | 'handled' | 'duplicate' | 'failed' | 'in-progress' | 'unhandled';

export interface WebhookPoint {
  /** The vendor (or any name of the webhook source). */
  readonly source: string;
  readonly outcome: WebhookOutcome;
  /** Event type, for per-event outcomes. */
  readonly name?: string | undefined;
  /** Rejection reason (`signature-mismatch`, …) or failure's error name. */
  readonly detail?: string | undefined;
  readonly durationMs?: number;
  readonly events?: number;
}

export interface AnalyticsSink {
  /** Pass as a client's or pipeline's `onEvent`: one data point per attempt and per refused call. */
  readonly onEvent: (event: PolicyEvent) => void;
  /** One data point (and, at its level, one JSON log line) per webhook outcome. */
  readonly webhook: (point: WebhookPoint) => void;
}

export interface AnalyticsSinkOptions {
  /** Logs webhook outcomes as JSON lines (rejected and in-progress: warn, failed: error, others: info). Default jsonLogger() (level warn); `false` for none. */
  readonly logger?: Logger | false;
}

const WEBHOOK_LEVEL: Readonly<Record<WebhookOutcome, 'info' | 'warn' | 'error'>> = {
  verified: 'info',
  rejected: 'warn',
  queued: 'info',
  handled: 'info',
  duplicate: 'info',
  failed: 'error',
  'in-progress': 'warn',
  unhandled: 'info',
};

/**
 * A sink writing to `dataset`; with no dataset (a binding not configured, tests) it writes no
 * data points but still logs. Never throws: observability must not fail a call or a delivery.
 */
export function analyticsSink(dataset: AnalyticsEngineDatasetLike | undefined, options: AnalyticsSinkOptions = {}): AnalyticsSink {
  const logger = options.logger === false ? undefined : (options.logger ?? jsonLogger());
  const write = (blobs: string[], doubles: number[]) => {
    if (!dataset) return;
    try {
      dataset.writeDataPoint({ indexes: [`${blobs[1]}:${blobs[2]}`.slice(0, 96)], blobs, doubles });
    } catch {
      // A full buffer or a misconfigured binding: drop the point rather than the request.
    }
  };
  return {
    onEvent(event) {
      const point = outboundPoint(event);
      if (point) write(point.blobs, point.doubles);
    },
    webhook(point) {
      write(
        ['webhook', point.source, point.name ?? '', point.outcome, point.detail ?? '', '', ''],
        [point.durationMs ?? 0, 0, 0, 1, point.events ?? 1],
      );
      const record = { level: WEBHOOK_LEVEL[point.outcome], type: 'webhook', ...point };
      logger?.log(record);
    },
  };
}

/** The data point of a policy event, or undefined for events that are not a call's outcome. */
export function outboundPoint(event: PolicyEvent): { blobs: string[]; doubles: number[] } | undefined {
  switch (event.type) {
    case 'attempt': {
      const outcome: OutboundOutcome = event.status === undefined ? 'network-error' : event.status < 400 ? 'ok' : 'http-error';
      const errorName = event.error === undefined ? '' : event.error.split(':', 1)[0]!.trim();
      return {
        blobs: ['outbound', event.vendor, event.operationId, outcome, errorName, event.method, event.path],
        doubles: [event.durationMs, event.status ?? 0, event.attempt, event.retryInMs === undefined ? 1 : 0, 0],
      };
    }
    case 'rate-limit':
      // Only a refusal ends a call; a wait that got its slot is followed by an attempt.
      if (event.rejectedUntil === undefined) return undefined;
      return { blobs: ['outbound', event.vendor, event.operationId, 'rate-limited', 'RateLimitError', '', ''], doubles: [0, 0, event.attempt, 1, 0] };
    case 'circuit-rejected':
      return { blobs: ['outbound', event.vendor, event.operationId, 'circuit-open', 'CircuitOpenError', '', ''], doubles: [0, 0, event.attempt, 1, 0] };
    default:
      return undefined;
  }
}

/**
 * A sink from a binding: an Analytics Engine dataset is wrapped, a sink passes through, anything
 * else (a binding left out of wrangler.jsonc) gives none, so a missing dataset never fails a request.
 */
export function toAnalyticsSink(value: unknown, options?: AnalyticsSinkOptions): AnalyticsSink | undefined {
  const candidate = value as Partial<AnalyticsEngineDatasetLike & AnalyticsSink> | null | undefined;
  if (typeof candidate?.webhook === 'function' && typeof candidate.onEvent === 'function') return candidate as AnalyticsSink;
  if (typeof candidate?.writeDataPoint === 'function') return analyticsSink(candidate as AnalyticsEngineDatasetLike, options);
  return undefined;
}
