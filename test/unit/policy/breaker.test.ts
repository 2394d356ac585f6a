import { describe, expect, it } from 'vitest';
import { MemoryBreakerStore, type BreakerConfig } from '../../../runtime/policy/breaker.ts';
import { CircuitOpenError } from '../../../runtime/policy/errors.ts';
import type { BreakerEvent } from '../../../runtime/policy/events.ts';
import { get, getCustomer, harness, ManualClock, networkFailure, respond, testPolicy } from './support.ts';

const config: BreakerConfig = { consecutiveFailures: 3, cooldownMs: 1000, probeTimeoutMs: 500 };

function store() {
  const clock = new ManualClock();
  return { clock, breaker: new MemoryBreakerStore(clock) };
}

function fail(breaker: MemoryBreakerStore, times: number, cfg = config) {
  for (let i = 0; i < times; i++) {
    const permit = breaker.acquire('k', cfg);
    if (!permit.allowed) throw new Error('unexpectedly open');
    breaker.record('k', cfg, 'failure', permit.probe);
  }
}

describe('circuit breaker state', () => {
  it('opens after N consecutive failures and fails fast until the cooldown ends', async () => {
    const { clock, breaker } = store();
    fail(breaker, 2);
    expect(breaker.state('k')).toBe('closed');
    const opened = clock.now();
    fail(breaker, 1);
    expect(breaker.state('k')).toBe('open');
    expect(breaker.acquire('k', config)).toEqual({ allowed: false, state: 'open', retryAt: opened + 1000 });
    await clock.advance(999);
    expect(breaker.acquire('k', config).allowed).toBe(false);
  });

  it('forgets failures after a success', () => {
    const { breaker } = store();
    fail(breaker, 2);
    breaker.record('k', config, 'success', 0);
    fail(breaker, 2);
    expect(breaker.state('k')).toBe('closed');
  });

  it('lets exactly one probe through once the cooldown ends', async () => {
    const { clock, breaker } = store();
    fail(breaker, 3);
    await clock.advance(1000);
    const probe = breaker.acquire('k', config);
    expect(probe).toMatchObject({ allowed: true, state: 'half-open', transition: { from: 'open', to: 'half-open' } });
    expect(breaker.acquire('k', config)).toMatchObject({ allowed: false, state: 'half-open' });
    expect(breaker.acquire('k', config).allowed).toBe(false);
  });

  it('closes when the probe succeeds', async () => {
    const { clock, breaker } = store();
    fail(breaker, 3);
    await clock.advance(1000);
    const probe = breaker.acquire('k', config);
    expect(probe.allowed && breaker.record('k', config, 'success', probe.probe)).toEqual({ from: 'half-open', to: 'closed' });
    expect(breaker.acquire('k', config)).toMatchObject({ allowed: true, state: 'closed' });
  });

  it('reopens for a full cooldown when the probe fails', async () => {
    const { clock, breaker } = store();
    fail(breaker, 3);
    await clock.advance(1000);
    const probe = breaker.acquire('k', config);
    const reopened = clock.now();
    expect(probe.allowed && breaker.record('k', config, 'failure', probe.probe)).toEqual({
      from: 'half-open',
      to: 'open',
      retryAt: reopened + 1000,
    });
    expect(breaker.acquire('k', config)).toMatchObject({ allowed: false, retryAt: reopened + 1000 });
  });

  it('ignores outcomes of attempts that started before the circuit opened', async () => {
    const { clock, breaker } = store();
    fail(breaker, 3);
    breaker.record('k', config, 'success', 0);
    expect(breaker.state('k')).toBe('open');
    await clock.advance(1000);
    const probe = breaker.acquire('k', config);
    breaker.record('k', config, 'failure', 0);
    expect(breaker.state('k')).toBe('half-open');
    expect(probe.allowed && breaker.record('k', config, 'success', probe.probe)).toMatchObject({ to: 'closed' });
  });

  it('hands the probe to someone else when the prober cancels or never reports', async () => {
    const { clock, breaker } = store();
    fail(breaker, 3);
    await clock.advance(1000);
    const first = breaker.acquire('k', config);
    breaker.record('k', config, 'neutral', first.allowed ? first.probe : -1);
    const second = breaker.acquire('k', config);
    expect(second).toMatchObject({ allowed: true, state: 'half-open' });
    expect(breaker.acquire('k', config).allowed).toBe(false);
    await clock.advance(500);
    const third = breaker.acquire('k', config);
    expect(third.allowed).toBe(true);
    // The stale prober reporting late does not decide anything.
    breaker.record('k', config, 'success', second.allowed ? second.probe : -1);
    expect(breaker.state('k')).toBe('half-open');
  });

  it('opens on a failure rate over the window even without a long streak', async () => {
    const { clock, breaker } = store();
    const cfg: BreakerConfig = { ...config, consecutiveFailures: 100, failureRate: { threshold: 0.5, minimumCalls: 10, windowMs: 10_000 } };
    for (let i = 0; i < 9; i++) {
      breaker.record('k', cfg, i % 2 ? 'failure' : 'success', 0);
      await clock.advance(100);
    }
    expect(breaker.state('k')).toBe('closed');
    breaker.record('k', cfg, 'failure', 0);
    expect(breaker.state('k')).toBe('open');
  });

  it('forgets failures that slid out of the window', async () => {
    const { clock, breaker } = store();
    const cfg: BreakerConfig = { ...config, consecutiveFailures: 100, failureRate: { threshold: 0.5, minimumCalls: 4, windowMs: 1000 } };
    breaker.record('k', cfg, 'failure', 0);
    breaker.record('k', cfg, 'failure', 0);
    breaker.record('k', cfg, 'failure', 0);
    await clock.advance(2000);
    breaker.record('k', cfg, 'success', 0);
    breaker.record('k', cfg, 'failure', 0);
    breaker.record('k', cfg, 'success', 0);
    breaker.record('k', cfg, 'success', 0);
    expect(breaker.state('k')).toBe('closed');
  });
});

describe('circuit breaker in the pipeline', () => {
  const policy = () => ({ ...testPolicy(), breaker: { consecutiveFailures: 3, cooldownMs: 1000 } });

  it('counts 5xx, timeouts and network errors but never 4xx', async () => {
    const { call, pipeline } = harness([respond(404), respond(429), respond(400), respond(500), networkFailure('ECONNRESET'), 'hang'], {
      policy: policy(),
      overrides: { retry: false, timeoutMs: 100 },
    });
    const circuit = pipeline.circuitFor(getCustomer, 'https://api.example.com/x');
    const breaker = pipeline.breaker as MemoryBreakerStore;
    for (let i = 0; i < 3; i++) await call(getCustomer, get());
    expect(breaker.state(circuit)).toBe('closed');
    await call(getCustomer, get());
    await call(getCustomer, get()).catch(() => {});
    expect(breaker.state(circuit)).toBe('closed');
    await call(getCustomer, get()).catch(() => {});
    expect(breaker.state(circuit)).toBe('open');
  });

  it('fails fast with CircuitOpenError carrying retryAt, without touching the network', async () => {
    const { call, sent, clock, events } = harness([respond(503)], { policy: policy(), overrides: { retry: false } });
    for (let i = 0; i < 3; i++) await call(getCustomer, get());
    const error = await call(getCustomer, get()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect((error as CircuitOpenError).retryAt).toBe(clock.now() + 1000);
    expect(sent).toHaveLength(3);
    expect(events.filter((e): e is BreakerEvent => e.type === 'breaker').map((e) => e.to)).toEqual(['open']);
  });

  it('recovers through one half-open probe', async () => {
    const { call, sent, clock, pipeline, events } = harness([respond(503), respond(503), respond(503), respond(200)], {
      policy: policy(),
      overrides: { retry: false },
    });
    for (let i = 0; i < 3; i++) await call(getCustomer, get());
    await clock.advance(1000);
    const probe = pipeline.fetchFor(getCustomer)(get());
    const others = [pipeline.fetchFor(getCustomer)(get()), pipeline.fetchFor(getCustomer)(get())];
    await expect(Promise.all(others.map((p) => p.catch((e: unknown) => e)))).resolves.toEqual([
      expect.any(CircuitOpenError),
      expect.any(CircuitOpenError),
    ]);
    expect((await clock.run(probe)).status).toBe(200);
    expect(sent).toHaveLength(4);
    expect((await call(getCustomer, get())).status).toBe(200);
    expect(events.filter((e): e is BreakerEvent => e.type === 'breaker').map((e) => `${e.from}>${e.to}`)).toEqual([
      'closed>open',
      'open>half-open',
      'half-open>closed',
    ]);
  });

  // The client's own timeout (5 s) would size a lease that a call allowed 20 s outlives.
  it.each([
    ['a longer per-call timeout', { timeoutMs: 20_000 }],
    ['no per-call timeout (0), bounded by the total deadline', { timeoutMs: 0, totalTimeoutMs: 20_000 }],
  ])('keeps the half-open lease for as long as a probe with %s can run', async (_, probeOptions) => {
    let release: (response: Response) => void = () => {};
    const slow = new Promise<Response>((resolve) => (release = resolve));
    const { call, sent, clock, pipeline } = harness([], {
      policy: policy(),
      overrides: { retry: false },
      fetch: async (request) => {
        sent.push({ method: request.method, url: request.url, headers: request.headers, body: '', at: clock.now() });
        return sent.length === 4 ? slow : respond(sent.length < 4 ? 503 : 200);
      },
    });
    for (let i = 0; i < 3; i++) await call(getCustomer, get());
    await clock.advance(1000);
    const probe = pipeline.fetchFor(getCustomer, probeOptions)(get());
    await clock.advance(15_000);
    // Still the probe's time: a second attempt must not become another probe.
    await expect(pipeline.fetchFor(getCustomer)(get())).rejects.toBeInstanceOf(CircuitOpenError);
    release(respond(200));
    expect((await clock.run(probe)).status).toBe(200);
    expect(sent).toHaveLength(4);
    // The probe's own success closed the circuit.
    expect((pipeline.breaker as MemoryBreakerStore).state(pipeline.circuitFor(getCustomer, 'https://api.example.com/x'))).toBe('closed');
  });

  it('keeps one circuit per host', async () => {
    const { call, sent } = harness([respond(503), respond(503), respond(503), respond(200)], { policy: policy(), overrides: { retry: false } });
    for (let i = 0; i < 3; i++) await call(getCustomer, get());
    expect((await call(getCustomer, get('https://api.eu.example.com/v1/customers/cus_1'))).status).toBe(200);
    expect(sent).toHaveLength(4);
  });

  it('stops a retry loop when the circuit opens and returns what the vendor last said', async () => {
    const { call, sent } = harness([respond(503)], { policy: policy() });
    expect((await call(getCustomer, get())).status).toBe(503);
    expect(sent).toHaveLength(3);
  });

  it('can be turned off per call', async () => {
    const { call, sent } = harness([respond(503)], { policy: policy(), overrides: { retry: false } });
    for (let i = 0; i < 5; i++) await call(getCustomer, get(), { breaker: false });
    expect(sent).toHaveLength(5);
  });
});
