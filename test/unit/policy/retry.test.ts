import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../runtime/policy/backoff.ts';
import { NetworkError, TimeoutError } from '../../../runtime/policy/errors.ts';
import {
  createPaymentIntent,
  createTransfer,
  get,
  getCustomer,
  harness as setup,
  ManualClock,
  networkFailure,
  post,
  respond,
  scriptedTransport,
  sendMail,
  testPolicy,
} from './support.ts';

const mailBody = '{"to":"x"}';
const mail = () => post('https://api.example.com/v3/mail/send', mailBody);
const intent = (init?: RequestInit) => post('https://api.example.com/v1/payment_intents', 'amount=100', init);

describe('backoff', () => {
  it('stays within full-jitter bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, r) => {
        const delay = backoffMs(retry, 100, 5000, () => r);
        const cap = Math.min(5000, 100 * 2 ** (retry - 1));
        return delay >= 0 && delay < cap && delay === r * cap;
      }),
    );
  });

  it('draws jitter from the whole range', () => {
    expect(backoffMs(3, 100, 5000, () => 0)).toBe(0);
    expect(backoffMs(3, 100, 5000, () => 0.999)).toBeCloseTo(399.6);
    expect(backoffMs(10, 100, 5000, () => 0.5)).toBe(2500);
  });
});

describe('retry', () => {
  it('retries a GET on 503 with growing backoff until it succeeds', async () => {
    const { call, sent, attempts } = setup([respond(503), respond(503), respond(200)]);
    const response = await call(getCustomer, get());
    expect(response.status).toBe(200);
    expect(sent).toHaveLength(3);
    expect(attempts().map((e) => e.retryInMs)).toEqual([50, 100, undefined]);
    expect(sent[2]!.at - sent[0]!.at).toBe(150);
  });

  it('stops after maxRetries and returns the last response', async () => {
    const { call, sent } = setup([respond(503)]);
    const response = await call(getCustomer, get());
    expect(response.status).toBe(503);
    expect(sent).toHaveLength(4);
  });

  it.each([408, 409, 429, 500, 502, 503, 504])('retries status %i', async (status) => {
    const { call, sent } = setup([respond(status), respond(200)]);
    expect((await call(getCustomer, get())).status).toBe(200);
    expect(sent).toHaveLength(2);
  });

  it.each([400, 401, 402, 403, 404, 422])('does not retry status %i', async (status) => {
    const { call, sent } = setup([respond(status), respond(200)]);
    expect((await call(getCustomer, get())).status).toBe(status);
    expect(sent).toHaveLength(1);
  });

  it('uses the vendor list of retryable statuses when there is one', async () => {
    const policy = testPolicy();
    policy.retry.retryStatuses = [409, 503];
    const { call, sent } = setup([respond(500), respond(200)], { policy });
    expect((await call(getCustomer, get())).status).toBe(500);
    expect(sent).toHaveLength(1);
  });

  it('waits as long as Retry-After asks', async () => {
    const { call, sent, attempts } = setup([respond(503, { 'retry-after': '2' }), respond(200)]);
    await call(getCustomer, get());
    expect(attempts()[0]!.retryInMs).toBe(2000);
    expect(sent[1]!.at - sent[0]!.at).toBe(2000);
  });

  it('waits as long as an HTTP-date Retry-After asks, and not at all for a past date', async () => {
    const clock = new ManualClock();
    const later = new Date(clock.now() + 7000).toUTCString();
    const past = new Date(clock.now() - 7000).toUTCString();
    const { call, attempts } = setup([respond(503, { 'retry-after': later }), respond(503, { 'retry-after': past }), respond(200)], { clock });
    await call(getCustomer, get());
    expect(attempts().map((e) => e.retryInMs)).toEqual([7000, 0, undefined]);
  });

  it('ignores a garbage Retry-After and backs off instead', async () => {
    const { call, attempts } = setup([respond(503, { 'retry-after': 'later please' }), respond(200)]);
    await call(getCustomer, get());
    expect(attempts()[0]!.retryInMs).toBe(50);
  });

  it('prefers retry-after-ms', async () => {
    const { call, attempts } = setup([respond(429, { 'retry-after-ms': '1234', 'retry-after': '9' }), respond(200)]);
    await call(getCustomer, get());
    expect(attempts()[0]!.retryInMs).toBe(1234);
  });

  it('waits for an X-RateLimit-Reset in Unix seconds on a 429', async () => {
    const policy = { ...testPolicy(), rateLimitHeaders: { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' } };
    const clock = new ManualClock();
    const reset = String(clock.now() / 1000 + 4);
    const { call, attempts } = setup([respond(429, { 'x-ratelimit-reset': reset }), respond(200)], { policy, clock });
    await call(getCustomer, get());
    expect(attempts()[0]!.retryInMs).toBe(4000);
  });

  it('gives up rather than wait longer than maxRetryAfterMs', async () => {
    const { call, sent } = setup([respond(503, { 'retry-after': '3600' }), respond(200)]);
    expect((await call(getCustomer, get())).status).toBe(503);
    expect(sent).toHaveLength(1);
  });

  it('lets Acme-Should-Retry: true force a retry the status would not allow', async () => {
    const policy = testPolicy();
    policy.retry.shouldRetryHeader = 'Acme-Should-Retry';
    const { call, sent } = setup([respond(400, { 'acme-should-retry': 'true' }), respond(200)], { policy });
    expect((await call(sendMail, mail())).status).toBe(200);
    expect(sent).toHaveLength(2);
  });

  it('lets Acme-Should-Retry: false forbid a retry the status would allow', async () => {
    const policy = testPolicy();
    policy.retry.shouldRetryHeader = 'Acme-Should-Retry';
    const { call, sent } = setup([respond(503, { 'acme-should-retry': 'false' }), respond(200)], { policy });
    expect((await call(getCustomer, get())).status).toBe(503);
    expect(sent).toHaveLength(1);
  });

  it('retries network errors of a safe call', async () => {
    const { call, sent } = setup([networkFailure('ECONNRESET'), respond(200)]);
    expect((await call(getCustomer, get())).status).toBe(200);
    expect(sent).toHaveLength(2);
  });

  it('turns an exhausted network failure into a NetworkError that names no URL', async () => {
    const { call } = setup([networkFailure('ECONNRESET')]);
    const error = await call(getCustomer, get('https://api.example.com/v1/customers/jane@example.com')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe('ECONNRESET');
    expect((error as Error).message).not.toContain('example.com');
  });

  it('honours retry: false for one call', async () => {
    const { call, sent } = setup([respond(503), respond(200)]);
    expect((await call(getCustomer, get(), { retry: false })).status).toBe(503);
    expect(sent).toHaveLength(1);
  });

  it('honours a per-call retry budget', async () => {
    const { call, sent } = setup([respond(503)]);
    await call(getCustomer, get(), { retry: { maxRetries: 1 } });
    expect(sent).toHaveLength(2);
  });

  it('stops retrying when the next attempt would start after the total deadline', async () => {
    const { call, sent } = setup([respond(503, { 'retry-after': '3' })]);
    expect((await call(getCustomer, get(), { totalTimeoutMs: 5000 })).status).toBe(503);
    expect(sent).toHaveLength(2);
  });

  it('re-sends the same body on every attempt', async () => {
    const { call, sent } = setup([respond(500), respond(502), respond(200)]);
    await call(createPaymentIntent, intent());
    expect(sent.map((s) => s.body)).toEqual(['amount=100', 'amount=100', 'amount=100']);
  });
});

describe('unsafe requests without an idempotency key', () => {
  it.each([500, 502, 503, 504, 408, 409])('are not retried after a %i: it may have been processed', async (status) => {
    const { call, sent } = setup([respond(status), respond(200)]);
    expect((await call(sendMail, mail())).status).toBe(status);
    expect(sent).toHaveLength(1);
  });

  it('are retried after a 429, which proves they were refused', async () => {
    const { call, sent } = setup([respond(429, { 'retry-after': '1' }), respond(202)]);
    expect((await call(sendMail, mail())).status).toBe(202);
    expect(sent.map((s) => s.body)).toEqual([mailBody, mailBody]);
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])('are retried after %s: the connection never carried them', async (code) => {
    const { call, sent } = setup([networkFailure(code), respond(202)]);
    expect((await call(sendMail, mail())).status).toBe(202);
    expect(sent).toHaveLength(2);
  });

  it('find a refused connection inside an AggregateError (several addresses tried)', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const failure = new TypeError('fetch failed', { cause: new AggregateError([refused, refused]) });
    const { call, sent } = setup([failure, respond(202)]);
    expect((await call(sendMail, mail())).status).toBe(202);
    expect(sent).toHaveLength(2);
  });

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'])('are not retried after %s: the outcome is unknown', async (code) => {
    const { call, sent } = setup([networkFailure(code), respond(202)]);
    await expect(call(sendMail, mail())).rejects.toBeInstanceOf(NetworkError);
    expect(sent).toHaveLength(1);
  });

  it('are not retried after an uncoded failure (workerd reports none)', async () => {
    const { call, sent } = setup([new TypeError('Network connection lost.'), respond(202)]);
    await expect(call(sendMail, mail())).rejects.toBeInstanceOf(NetworkError);
    expect(sent).toHaveLength(1);
  });

  it('are not retried after a timeout', async () => {
    const { call, sent } = setup(['hang', respond(202)]);
    await expect(call(sendMail, mail(), { timeoutMs: 1000 })).rejects.toBeInstanceOf(TimeoutError);
    expect(sent).toHaveLength(1);
  });

  it('stay unkeyed even when the caller passes a key the vendor would ignore', async () => {
    const { call, sent } = setup([respond(503), respond(202)]);
    await call(sendMail, mail(), { idempotencyKey: 'abc' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.has('idempotency-key')).toBe(false);
  });
});

describe('idempotency keys', () => {
  it('creates one key per call and re-sends it on every retry', async () => {
    const { call, sent } = setup([respond(503), networkFailure('ECONNRESET'), 'hang', respond(200)]);
    expect((await call(createPaymentIntent, intent(), { timeoutMs: 1000 })).status).toBe(200);
    const keys = sent.map((s) => s.headers.get('idempotency-key'));
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives each logical call its own key', async () => {
    const { call, sent } = setup([respond(200)]);
    await call(createPaymentIntent, intent());
    await call(createPaymentIntent, intent());
    expect(sent[0]!.headers.get('idempotency-key')).not.toBe(sent[1]!.headers.get('idempotency-key'));
  });

  it("uses the caller's key over any other", async () => {
    const { call, sent } = setup([respond(503), respond(200)]);
    await call(createPaymentIntent, intent({ headers: { 'Idempotency-Key': 'from-params' } }), { idempotencyKey: 'order-42' });
    expect(sent.map((s) => s.headers.get('idempotency-key'))).toEqual(['order-42', 'order-42']);
  });

  it('keeps a key already set on the request', async () => {
    const { call, sent } = setup([respond(200)]);
    await call(createPaymentIntent, intent({ headers: { 'Idempotency-Key': 'from-params' } }));
    expect(sent[0]!.headers.get('idempotency-key')).toBe('from-params');
  });

  it('refuses a key longer than the vendor allows', async () => {
    const { call, sent } = setup([respond(200)]);
    await expect(call(createPaymentIntent, intent(), { idempotencyKey: 'k'.repeat(256) })).rejects.toBeInstanceOf(RangeError);
    expect(sent).toHaveLength(0);
  });

  it('makes a keyed POST retryable after unknown outcomes', async () => {
    const { call, sent } = setup(['hang', respond(500), respond(200)]);
    expect((await call(createPaymentIntent, intent(), { timeoutMs: 1000 })).status).toBe(200);
    expect(sent).toHaveLength(3);
  });

  it('treats a body-field key (request_id) as keyed and re-sends it unchanged', async () => {
    const body = JSON.stringify({ request_id: 'b2f1', amount: 10 });
    const { call, sent } = setup([respond(503), respond(201)]);
    await call(createTransfer, post('https://api.example.com/api/v1/transfers/create', body));
    expect(sent.map((s) => s.body)).toEqual([body, body]);
  });

  // The client fills the field only in an object body; whatever else reaches the pipeline is unkeyed.
  it.each([
    ['no body', undefined],
    ['a JSON array body', '[{"amount":10}]'],
    ['an object body without the field', '{"amount":10}'],
    ['an empty key', '{"request_id":"","amount":10}'],
    ['a body that is not JSON', 'amount=10'],
  ])('does not replay a body-field operation sent with %s after a 5xx or a timeout', async (_, body) => {
    const request = () =>
      new Request('https://api.example.com/api/v1/transfers/create', { method: 'POST', ...(body === undefined ? {} : { body }) });
    const failed = setup([respond(503), respond(201)]);
    expect((await failed.call(createTransfer, request())).status).toBe(503);
    expect(failed.sent).toHaveLength(1);
    const timedOut = setup(['hang', respond(201)]);
    await expect(timedOut.call(createTransfer, request(), { timeoutMs: 1000 })).rejects.toBeInstanceOf(TimeoutError);
    expect(timedOut.sent).toHaveLength(1);
  });

  it('replays a form-encoded body that carries the key field', async () => {
    const { call, sent } = setup([respond(503), respond(201)]);
    const body = 'request_id=b2f1&amount=10';
    const init = { headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    await call(createTransfer, post('https://api.example.com/api/v1/transfers/create', body, init));
    expect(sent.map((s) => s.body)).toEqual([body, body]);
  });
});

describe('cancellation', () => {
  it('an abort during the backoff sleep ends the call at once with the reason', async () => {
    const { clock, sent, pipeline } = setup([respond(503), respond(200)]);
    const controller = new AbortController();
    const pending = pipeline.fetchFor(getCustomer, { signal: controller.signal })(get());
    pending.catch(() => {});
    await clock.advance(10);
    expect(sent).toHaveLength(1);
    controller.abort(new Error('user left'));
    await expect(pending).rejects.toThrow('user left');
    await clock.advance(10_000);
    expect(sent).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it('an abort during an attempt cancels the transport and is not retried', async () => {
    const { clock, sent, pipeline } = setup(['hang', respond(200)]);
    const controller = new AbortController();
    const pending = pipeline.fetchFor(getCustomer, { signal: controller.signal })(get());
    pending.catch(() => {});
    await clock.advance(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await clock.advance(10_000);
    expect(sent).toHaveLength(1);
  });

  it("honours the request's own signal too (openapi-fetch's `signal` option)", async () => {
    const { clock, sent, pipeline } = setup([respond(503), respond(200)]);
    const controller = new AbortController();
    const pending = pipeline.fetchFor(getCustomer)(get(undefined, { signal: controller.signal }));
    pending.catch(() => {});
    await clock.advance(10);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    expect(sent).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { call, sent } = setup([respond(200)]);
    await expect(call(getCustomer, get(), { signal: AbortSignal.abort(new Error('no')) })).rejects.toThrow('no');
    expect(sent).toHaveLength(0);
  });
});
