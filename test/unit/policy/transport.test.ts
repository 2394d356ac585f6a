import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPipeline } from '../../../runtime/pipeline.ts';
import { TimeoutError } from '../../../runtime/policy/errors.ts';
import { createPaymentIntent, getCustomer, ManualClock, post, respond, testPolicy } from './support.ts';

// Without a `fetch` option the pipeline calls globalThis.fetch and hands it the buffered body in
// `init` (the request itself is consumed). These tests stand in for fetch with a function that
// does what fetch does first: new Request(input, init).

afterEach(() => vi.unstubAllGlobals());

function stubFetch(statuses: number[]) {
  const seen: { body: string; key: string | null; signal: AbortSignal }[] = [];
  vi.stubGlobal('fetch', async (input: Request, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({ body: await request.text(), key: request.headers.get('idempotency-key'), signal: request.signal });
    return respond(statuses[Math.min(seen.length - 1, statuses.length - 1)]!);
  });
  return seen;
}

describe('the default transport', () => {
  it('re-sends the same body and key on every attempt from one buffered copy', async () => {
    const seen = stubFetch([503, 500, 200]);
    const clock = new ManualClock();
    const pipeline = createPipeline({ policy: testPolicy(), clock, random: () => 0, logger: false });
    const response = await clock.run(pipeline.fetchFor(createPaymentIntent)(post('https://api.example.com/v1/payment_intents', 'amount=100&currency=usd')));
    expect(response.status).toBe(200);
    expect(seen.map((s) => s.body)).toEqual(Array(3).fill('amount=100&currency=usd'));
    expect(new Set(seen.map((s) => s.key)).size).toBe(1);
  });

  it('keeps binary bodies byte for byte', async () => {
    const seen: Uint8Array[] = [];
    vi.stubGlobal('fetch', async (input: Request, init?: RequestInit) => {
      seen.push(new Uint8Array(await new Request(input, init).arrayBuffer()));
      return respond(seen.length === 1 ? 502 : 200);
    });
    const clock = new ManualClock();
    const pipeline = createPipeline({ policy: testPolicy(), clock, random: () => 0, logger: false });
    const bytes = new Uint8Array([0, 255, 0xc3, 0x28, 10, 13]);
    const request = new Request('https://api.example.com/v1/files', { method: 'POST', body: bytes });
    await clock.run(pipeline.fetchFor(createPaymentIntent)(request));
    expect(seen).toEqual([bytes, bytes]);
  });

  it('gives fetch the attempt signal, which the timeout aborts', async () => {
    let signal: AbortSignal | undefined;
    vi.stubGlobal('fetch', (input: Request, init?: RequestInit) => {
      signal = new Request(input, init).signal;
      return new Promise((_, reject) => signal!.addEventListener('abort', () => reject(signal!.reason)));
    });
    const clock = new ManualClock();
    const pipeline = createPipeline({ policy: testPolicy(), overrides: { retry: false, timeoutMs: 1000 }, clock, logger: false });
    const outcome = clock.run(pipeline.fetchFor(getCustomer)(new Request('https://api.example.com/v1/customers/cus_1')));
    await expect(outcome).rejects.toBeInstanceOf(TimeoutError);
    expect(signal?.aborted).toBe(true);
  });
});
