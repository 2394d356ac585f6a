// Analytics Engine data points: what a real pipeline run (two 503s, then a 200, with the retry
// woven in) and the webhook outcomes write, in the positional layout the SQL relies on, and the
// SQL reading only columns the sink writes, with the meanings it writes there.
import { describe, expect, it } from 'vitest';
import { analyticsSink, toAnalyticsSink, type AnalyticsEngineDatasetLike } from '../../../runtime/log/analytics.ts';
import { analyticsQueries, analyticsQueriesMarkdown } from '../../../runtime/log/analytics-sql.ts';
import { createPipeline } from '../../../runtime/pipeline.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';

type Point = { indexes?: string[]; blobs?: string[]; doubles?: number[] };

function dataset(): AnalyticsEngineDatasetLike & { points: Point[] } {
  const points: Point[] = [];
  return { points, writeDataPoint: (point) => void points.push(point) };
}

/** Retries as given; no rate limit or breaker in the way. */
const policy = (maxRetries: number) => ({
  retry: { maxRetries, baseDelayMs: 1, maxDelayMs: 2 },
  rateLimits: { default: { ratePerSecond: 1000, burst: 1000 } },
  breaker: { consecutiveFailures: 1000, cooldownMs: 1 },
  timeoutMs: 1000,
});

const createOrder: OperationMeta = {
  id: 'CreateOrder',
  method: 'POST',
  path: '/v1/orders/{order}',
  resilience: 'unsafe',
  idempotency: { kind: 'header', name: 'Idempotency-Key' },
};

describe('outbound calls', () => {
  it('one point per attempt; only the last ends the call; status, attempt and outcome in their columns; no URL', async () => {
    const sink = dataset();
    let calls = 0;
    const pipeline = createPipeline({
      vendor: 'acme',
      policy: policy(3),
      logger: false,
      onEvent: analyticsSink(sink, { logger: false }).onEvent,
      fetch: async () => new Response('{}', { status: ++calls <= 2 ? 503 : 200 }),
    });
    const response = await pipeline.fetchFor(createOrder)(new Request('https://api.acme.test/v1/orders/ord_secret_42', { method: 'POST', body: 'x=1' }));
    expect(response.status).toBe(200);
    expect(sink.points.map((p) => [p.blobs![3], p.doubles![1], p.doubles![2], p.doubles![3]])).toEqual([
      ['http-error', 503, 1, 0],
      ['http-error', 503, 2, 0],
      ['ok', 200, 3, 1],
    ]);
    for (const point of sink.points) {
      expect(point.indexes).toEqual(['acme:CreateOrder']);
      expect(point.blobs!.slice(0, 3)).toEqual(['outbound', 'acme', 'CreateOrder']);
      expect(point.blobs![5]).toBe('POST');
      expect(point.blobs![6]).toBe('/v1/orders/{order}');
      expect(point.doubles![0]).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify(point)).not.toContain('ord_secret_42');
    }
  });

  it('a network failure is a network-error point carrying the error name', async () => {
    const sink = dataset();
    const pipeline = createPipeline({
      vendor: 'acme',
      policy: policy(0),
      logger: false,
      onEvent: analyticsSink(sink, { logger: false }).onEvent,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(pipeline.fetchFor({ ...createOrder, resilience: 'safe' })(new Request('https://api.acme.test/v1/orders/1'))).rejects.toThrow();
    expect(sink.points).toHaveLength(1);
    expect(sink.points[0]!.blobs![3]).toBe('network-error');
    expect(sink.points[0]!.blobs![4]).toMatch(/Error$/);
    expect(sink.points[0]!.doubles![3]).toBe(1);
  });
});

describe('webhook outcomes', () => {
  it('write kind, source, event, outcome and detail, and log rejections and failures as JSON', () => {
    const sink = dataset();
    const lines: string[] = [];
    const analytics = analyticsSink(sink, { logger: { level: 'info', log: (record) => void lines.push(JSON.stringify(record)) } });
    analytics.webhook({ source: 'acme', outcome: 'rejected', detail: 'signature-mismatch' });
    analytics.webhook({ source: 'acme', outcome: 'handled', name: 'order.paid', durationMs: 12 });
    expect(sink.points[0]).toEqual({ indexes: ['acme:'], blobs: ['webhook', 'acme', '', 'rejected', 'signature-mismatch', '', ''], doubles: [0, 0, 0, 1, 1] });
    expect(sink.points[1]!.blobs!.slice(0, 4)).toEqual(['webhook', 'acme', 'order.paid', 'handled']);
    expect(sink.points[1]!.doubles![0]).toBe(12);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', type: 'webhook', outcome: 'rejected', detail: 'signature-mismatch' });
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 'info', outcome: 'handled' });
  });

  it('never throws when the dataset does, and gives no sink for a binding that is absent', () => {
    const throwing = { writeDataPoint: () => { throw new Error('buffer full'); } };
    expect(() => analyticsSink(throwing, { logger: false }).webhook({ source: 'acme', outcome: 'verified' })).not.toThrow();
    expect(toAnalyticsSink(undefined)).toBeUndefined();
    expect(toAnalyticsSink({})).toBeUndefined();
    expect(toAnalyticsSink(dataset())).toBeDefined();
  });
});

describe('the SQL', () => {
  it('reads only the columns the sink writes, with the values it writes there', async () => {
    const sink = dataset();
    const analytics = analyticsSink(sink, { logger: false });
    analytics.webhook({ source: 'acme', outcome: 'failed', name: 'order.paid' });
    const pipeline = createPipeline({ vendor: 'acme', policy: policy(0), logger: false, onEvent: analytics.onEvent, fetch: async () => new Response('{}') });
    await pipeline.fetchFor(createOrder)(new Request('https://api.acme.test/v1/orders/1', { method: 'POST' }));
    const [webhook, outbound] = sink.points;
    for (const sql of Object.values(analyticsQueries)) {
      for (const [, kind, n] of sql.matchAll(/\b(blob|double)(\d+)\b/g)) {
        const written = kind === 'blob' ? outbound!.blobs! : outbound!.doubles!;
        expect(Number(n)).toBeGreaterThanOrEqual(1);
        expect(Number(n)).toBeLessThanOrEqual(written.length);
      }
    }
    // The literals the queries compare with are the values the sink writes in those columns.
    expect(analyticsQueries.outboundErrorRateAndP95).toContain(`blob1 = '${outbound!.blobs![0]}'`);
    expect(analyticsQueries.outboundErrorRateAndP95).toContain(`blob4 != '${outbound!.blobs![3]}'`);
    expect(analyticsQueries.outboundErrorRateAndP95).toContain('double4 = 1');
    expect(outbound!.doubles![3]).toBe(1);
    expect(analyticsQueries.webhookDeliverySuccess).toContain(`blob1 = '${webhook!.blobs![0]}'`);
    expect(analyticsQueries.webhookDeliverySuccess).toContain(`blob4 = '${webhook!.blobs![3]}'`);
    expect(analyticsQueriesMarkdown('shop_events')).toContain('FROM shop_events');
    expect(analyticsQueriesMarkdown('shop_events')).not.toContain('svcgen_events');
  });
});
