import { describe, expect, it } from 'vitest';
import { TimeoutError } from '../../../runtime/policy/errors.ts';
import { createPaymentIntent, get, getCustomer, harness, post, respond } from './support.ts';

describe('timeouts', () => {
  it('ends a stalled attempt with a TimeoutError of scope "attempt"', async () => {
    const { call, clock } = harness(['hang'], { overrides: { retry: false, timeoutMs: 2000 } });
    const started = clock.now();
    const error = await call(getCustomer, get()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ scope: 'attempt', timeoutMs: 2000 });
    expect(clock.now() - started).toBe(2000);
  });

  it('retries a safe call after an attempt timeout', async () => {
    const { call, sent } = harness(['hang', respond(200)], { overrides: { timeoutMs: 2000 } });
    expect((await call(getCustomer, get())).status).toBe(200);
    expect(sent).toHaveLength(2);
  });

  it('cuts the last attempt short at the total deadline, with scope "total"', async () => {
    const { call, clock, sent } = harness(['hang'], { overrides: { timeoutMs: 2000, totalTimeoutMs: 5000 } });
    const started = clock.now();
    const error = await call(getCustomer, get()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError', scope: 'total', timeoutMs: 5000 });
    expect(clock.now() - started).toBe(5000);
    expect(sent.length).toBeGreaterThanOrEqual(2);
  });

  it('takes per-call limits over the client defaults', async () => {
    const { call, clock } = harness(['hang'], { overrides: { retry: false, timeoutMs: 2000 } });
    const started = clock.now();
    await expect(call(getCustomer, get(), { timeoutMs: 300 })).rejects.toMatchObject({ timeoutMs: 300 });
    expect(clock.now() - started).toBe(300);
  });

  it("widens the total a client's timeout implies for a call's longer timeout, unless a total is set", async () => {
    const slow = () => harness(['hang'], { overrides: { retry: false, timeoutMs: 30_000 } });
    const { call, clock } = slow();
    const started = clock.now();
    await expect(call(getCustomer, get(), { timeoutMs: 120_000 })).rejects.toMatchObject({ scope: 'attempt', timeoutMs: 120_000 });
    expect(clock.now() - started).toBe(120_000);
    // A call with a shorter timeout keeps the client's total.
    const short = slow();
    await expect(short.call(getCustomer, get(), { timeoutMs: 0 })).rejects.toMatchObject({ scope: 'total', timeoutMs: 60_000 });
    // A total set on the client or the call still bounds it.
    const bounded = harness(['hang'], { overrides: { retry: false, timeoutMs: 30_000, totalTimeoutMs: 90_000 } });
    await expect(bounded.call(getCustomer, get(), { timeoutMs: 120_000 })).rejects.toMatchObject({ scope: 'total', timeoutMs: 90_000 });
    const own = slow();
    await expect(own.call(getCustomer, get(), { timeoutMs: 120_000, totalTimeoutMs: 70_000 })).rejects.toMatchObject({ scope: 'total', timeoutMs: 70_000 });
  });

  it('a limit longer than a timer can hold (2^31 ms and up) does not end the attempt at once', async () => {
    // The real clock: Node fires such a timer after 1 ms.
    const { guard } = await import('../../../runtime/policy/sleep.ts');
    const { systemClock } = await import('../../../runtime/policy/clock.ts');
    const value = await guard(systemClock, 2 ** 31, undefined, undefined, () => new TimeoutError('X', 'total', 2 ** 31), () => new Promise<string>((resolve) => setTimeout(resolve, 20, 'answered')));
    expect(value).toBe('answered');
  });

  it('leaves no timer behind once the response arrived', async () => {
    const { call, clock } = harness([respond(200)], { overrides: { timeoutMs: 2000 } });
    await call(createPaymentIntent, post('https://api.example.com/v1/payment_intents', 'a=1'));
    expect(clock.pendingTimers).toBe(0);
  });

  it('aborts the transport when the attempt times out', async () => {
    let signal: AbortSignal | undefined;
    const { call } = harness([], {
      overrides: { retry: false, timeoutMs: 100 },
      fetch: (_request, init) => ((signal = init?.signal), new Promise(() => {})),
    });
    await expect(call(getCustomer, get())).rejects.toBeInstanceOf(TimeoutError);
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBeInstanceOf(TimeoutError);
  });
});
