// Analytics Engine SQL over the data points of analytics.ts (column meanings are listed there).
// `_sample_interval` weights every row: Analytics Engine samples at high volume, and a sampled
// row stands for that many points. Replace `svcgen_events` with the dataset named in the
// Worker's `analytics_engine_datasets` binding. These queries have not been run against the live
// SQL API in this repository's tests (it needs an account); their column use is checked against
// the sink's layout in test/unit/log/analytics.test.ts.

export const ANALYTICS_DATASET_PLACEHOLDER = 'svcgen_events';

export const analyticsQueries = {
  /** Per vendor and operation over the last day: calls, error rate (any final outcome but `ok`), p95 latency of final attempts. */
  outboundErrorRateAndP95: `SELECT
  blob2 AS vendor,
  blob3 AS operation,
  SUM(_sample_interval) AS calls,
  SUM(IF(blob4 != 'ok', _sample_interval, 0)) / SUM(_sample_interval) AS error_rate,
  quantileExactWeighted(0.95)(double1, _sample_interval) AS p95_ms
FROM svcgen_events
WHERE blob1 = 'outbound' AND double4 = 1 AND timestamp > NOW() - INTERVAL '1' DAY
GROUP BY vendor, operation
ORDER BY error_rate DESC, calls DESC`,

  /** Per vendor over the last day: deliveries verified vs rejected, and events handled, duplicate, failed. */
  webhookDeliverySuccess: `SELECT
  blob2 AS vendor,
  SUM(IF(blob4 = 'verified', _sample_interval, 0)) AS verified,
  SUM(IF(blob4 = 'rejected', _sample_interval, 0)) AS rejected,
  SUM(IF(blob4 = 'handled', _sample_interval, 0)) AS handled,
  SUM(IF(blob4 = 'duplicate', _sample_interval, 0)) AS duplicate,
  SUM(IF(blob4 = 'failed', _sample_interval, 0)) AS failed,
  SUM(IF(blob4 = 'handled', _sample_interval, 0))
    / SUM(IF(blob4 IN ('handled', 'failed'), _sample_interval, 0)) AS handler_success_rate
FROM svcgen_events
WHERE blob1 = 'webhook' AND timestamp > NOW() - INTERVAL '1' DAY
GROUP BY vendor
ORDER BY vendor`,

  /** Rejections by reason (forged, stale, malformed) over the last day. */
  webhookRejections: `SELECT
  blob2 AS vendor,
  blob5 AS reason,
  SUM(_sample_interval) AS deliveries
FROM svcgen_events
WHERE blob1 = 'webhook' AND blob4 = 'rejected' AND timestamp > NOW() - INTERVAL '1' DAY
GROUP BY vendor, reason
ORDER BY deliveries DESC`,
} as const;

/** The queries as a Markdown section (for a Worker's README), with `dataset` as the table name. */
export function analyticsQueriesMarkdown(dataset = ANALYTICS_DATASET_PLACEHOLDER): string {
  const titles: Record<keyof typeof analyticsQueries, string> = {
    outboundErrorRateAndP95: 'Error rate and p95 latency per operation',
    webhookDeliverySuccess: 'Webhook delivery success',
    webhookRejections: 'Webhook rejections by reason',
  };
  return (Object.keys(analyticsQueries) as (keyof typeof analyticsQueries)[])
    .map((name) => `### ${titles[name]}\n\n\`\`\`sql\n${analyticsQueries[name].replaceAll(ANALYTICS_DATASET_PLACEHOLDER, dataset)}\n\`\`\`\n`)
    .join('\n');
}
