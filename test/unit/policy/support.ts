// Test doubles for the policy tests: a clock that only moves when told to, and a scripted
// transport that records what the pipeline sent.

import type { Clock } from '../../../runtime/policy/clock.ts';
import type { PolicyDefaults } from '../../../runtime/policy/config.ts';
import type { VendorProfile } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { bodyFieldKey } from '../../../runtime/policy/body-field-key.ts';
import { createPipeline, type CallOptions, type PipelineOptions } from '../../../runtime/pipeline.ts';
import type { AttemptEvent, PolicyEvent } from '../../../runtime/policy/events.ts';

interface Timer {
  at: number;
  seq: number;
  ms: number;
  fn: () => void;
  cancelled: boolean;
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ManualClock implements Clock {
  #now: number;
  #seq = 0;
  #timers: Timer[] = [];
  /** Every delay a caller asked for, in order. */
  readonly requested: number[] = [];

  constructor(start = Date.UTC(2025, 0, 1)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { at: this.#now + Math.max(0, ms), seq: this.#seq++, ms, fn, cancelled: false };
    this.#timers.push(timer);
    this.requested.push(ms);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    (handle as Timer).cancelled = true;
  }

  get pendingTimers(): number {
    return this.#timers.filter((t) => !t.cancelled).length;
  }

  /** Moves time forward, firing due timers in order and letting promise chains run between them. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    await flush();
    for (let next = this.#next(); next && next.at <= target; next = this.#next()) {
      this.#fire(next);
      await flush();
    }
    this.#now = target;
    await flush();
  }

  /** Drives time until `promise` settles, jumping from timer to timer. */
  async run<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let steps = 0, idle = 0; steps < 10_000; steps++) {
      await flush();
      if (settled) return promise;
      const next = this.#next();
      if (next) {
        this.#fire(next);
        idle = 0;
      } else if (++idle > 200) {
        throw new Error('ManualClock.run: nothing left to fire but the promise is still pending');
      } else {
        // Real asynchronous work (WebCrypto digests, stream reads) finishes outside microtasks.
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    throw new Error('ManualClock.run: too many steps');
  }

  #next(): Timer | undefined {
    this.#timers = this.#timers.filter((t) => !t.cancelled);
    let next: Timer | undefined;
    for (const t of this.#timers) if (!next || t.at < next.at || (t.at === next.at && t.seq < next.seq)) next = t;
    return next;
  }

  #fire(timer: Timer) {
    timer.cancelled = true;
    this.#now = Math.max(this.#now, timer.at);
    timer.fn();
  }
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  at: number;
}

/** A step answers one attempt: a Response, an Error to throw, 'hang' (until aborted), or a function. */
export type Step = Response | Error | 'hang' | ((request: Request) => Response | Error | 'hang');

export function scriptedTransport(steps: Step[], clock?: Clock) {
  const sent: SentRequest[] = [];
  let i = 0;
  const transport = async (request: Request, init?: { signal?: AbortSignal }): Promise<Response> => {
    const body = request.body === null ? '' : await request.text();
    sent.push({ method: request.method, url: request.url, headers: new Headers(request.headers), body, at: clock?.now() ?? 0 });
    let step = steps[Math.min(i++, steps.length - 1)];
    if (typeof step === 'function') step = step(request);
    if (step === undefined) throw new Error('script exhausted');
    if (step === 'hang') {
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    }
    if (step instanceof Error) throw step;
    return step.clone();
  };
  return { transport, sent };
}

export function respond(status: number, headers: Record<string, string> = {}, body = '{}'): Response {
  return new Response(status === 204 ? null : body, { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** What undici throws for a socket-level failure: TypeError('fetch failed') caused by a coded error. */
export function networkFailure(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`${code} 10.0.0.1:443`), { code }) });
}

export function testPolicy(): PolicyDefaults {
  return {
    retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    rateLimits: { default: { ratePerSecond: 1000, burst: 1000 } },
    breaker: { consecutiveFailures: 5, cooldownMs: 10_000 },
    timeoutMs: 5000,
  };
}

/** Auth of the test profile: one bearer scheme, the `apiKey` shorthand filling it. */
export const bearerAuth = { kind: 'schemes', schemes: { bearer: { type: 'bearer' } }, security: [['bearer']], operations: {}, shorthand: 'bearer' } as VendorProfile['auth'];

/** Auth of the test profile: a token login sending the `apiKey` option as `x-api-key`. */
export const loginAuth = {
  kind: 'token-exchange',
  loginOperation: 'Login',
  loginPath: '/login',
  credentialHeaders: { 'x-api-key': 'apiKey' },
  tokenField: 'token',
  expiresAtField: 'expires_at',
  refreshSkewSeconds: 60,
} as VendorProfile['auth'];

/** A key format a profile could declare (`secretShapes`), as the generator emits it; made up. */
export const DEMO_KEY_SHAPE = /(?<![A-Za-z0-9])(?:dk_live_[A-Za-z0-9]{6,})/g;

/** A GET through a client, for tests that need some call and no particular operation. */
export const getThing: OperationMeta = { id: 'GetThing', method: 'GET', path: '/thing', resilience: 'idempotent', idempotency: { kind: 'none' } };

/** Every way an error ends up in a log, joined. */
export function renderingsOf(error: Error): string {
  return [error.message, String(error), JSON.stringify(error), error.stack ?? ''].join('\n');
}

/** A client profile for tests through createVendorClient: one server, no delays, `maxRetries` on 503. */
export function testProfile(auth: VendorProfile['auth'], maxRetries: number): VendorProfile {
  return {
    vendor: 'acme',
    servers: { prod: 'https://api.acme.test' },
    auth,
    clientHeaders: {},
    callHeaders: {},
    policy: {
      retry: { maxRetries, baseDelayMs: 1, maxDelayMs: 1, retryStatuses: [503] },
      rateLimits: { default: { ratePerSecond: 1000, burst: 1000 } },
      breaker: { consecutiveFailures: 100, cooldownMs: 1 },
      timeoutMs: 1000,
    },
  };
}

export const getCustomer: OperationMeta = {
  id: 'GetCustomer',
  method: 'GET',
  path: '/v1/customers/{customer}',
  resilience: 'safe',
  idempotency: { kind: 'none' },
};

export const createPaymentIntent: OperationMeta = {
  id: 'PostPaymentIntents',
  method: 'POST',
  path: '/v1/payment_intents',
  resilience: 'unsafe',
  idempotency: { kind: 'header', name: 'Idempotency-Key', maxLength: 255 },
};

export const createTransfer: OperationMeta = {
  id: 'CreateTransfer',
  method: 'POST',
  path: '/api/v1/transfers/create',
  resilience: 'unsafe',
  idempotency: { kind: 'body-field', field: 'request_id' },
  bodyKey: bodyFieldKey,
};

export const sendMail: OperationMeta = {
  id: 'SendMail',
  method: 'POST',
  path: '/v3/mail/send',
  resilience: 'unsafe',
  idempotency: { kind: 'none' },
};

export function get(url = 'https://api.example.com/v1/customers/cus_1', init?: RequestInit): Request {
  return new Request(url, init);
}

export function post(url: string, body: string, init?: RequestInit): Request {
  return new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/json' }, ...init });
}

/** A pipeline over a scripted transport and a manual clock, with jitter fixed at 0.5. */
export function harness(steps: Step[], options: Partial<PipelineOptions> = {}) {
  const clock = (options.clock as ManualClock | undefined) ?? new ManualClock();
  const { transport, sent } = scriptedTransport(steps, clock);
  const events: PolicyEvent[] = [];
  const pipeline = createPipeline({
    vendor: 'test',
    policy: testPolicy(),
    fetch: transport,
    clock,
    random: () => 0.5,
    logger: false,
    onEvent: (e) => events.push(e),
    ...options,
  });
  const call = (meta: OperationMeta, request: Request, callOptions?: CallOptions) =>
    clock.run(pipeline.fetchFor(meta, callOptions)(request));
  const attempts = () => events.filter((e): e is AttemptEvent => e.type === 'attempt');
  return { clock, sent, events, attempts, call, pipeline };
}
