// Per-call overhead of the policy pipeline: the same GET and keyed POST through the whole
// pipeline (rate limit, breaker, retry, timeout, idempotency key, default logger), through bare
// openapi-fetch, and through raw fetch, against one loopback server running in a child process
// (so the CPU time measured here is the client's alone). Variants take turns round by round so
// drift in machine load hits all of them alike; each figure is one sample per round.
//
// Run alone: node bench/pipeline-overhead.ts [--quick]   (prints JSON; PIPELINE_BENCH_ROUNDS and
// PIPELINE_BENCH_CALLS override the rounds and the calls per sample)

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import createClient from 'openapi-fetch';
import type { OperationMeta } from '../runtime/contract.ts';
import { createPipeline } from '../runtime/pipeline.ts';
import { measured, type Figure, type Section } from './lib/figure.ts';

interface paths {
  '/v1/customers/{customer}': {
    get: { parameters: { path: { customer: string } }; responses: { 200: { content: { 'application/json': Record<string, unknown> } } } };
  };
  '/v1/payment_intents': {
    post: {
      parameters: Record<string, never>;
      requestBody: { content: { 'application/json': { amount: number; currency: string } } };
      responses: { 200: { content: { 'application/json': Record<string, unknown> } } };
    };
  };
}

const getCustomerMeta: OperationMeta = { id: 'GetCustomersCustomer', method: 'GET', path: '/v1/customers/{customer}', resilience: 'safe', idempotency: { kind: 'none' } };
const postPaymentIntentsMeta: OperationMeta = {
  id: 'PostPaymentIntents',
  method: 'POST',
  path: '/v1/payment_intents',
  resilience: 'unsafe',
  idempotency: { kind: 'header', name: 'Idempotency-Key', maxLength: 255 },
};

// A Stripe-sized answer (~600 bytes), keep-alive, no work: the loopback is as cheap as it gets,
// which makes the client's own per-call cost as visible as it can be.
const SERVER = `
const http = require('node:http');
const body = JSON.stringify({ id: 'cus_OdXk1wq2Zl3b4c', object: 'customer', balance: 0, created: 1700000000, currency: 'usd',
  email: null, invoice_prefix: 'A1B2C3D4', livemode: false, metadata: { order: '1042' }, name: 'Jane', phone: null,
  preferred_locales: [], shipping: null, tax_exempt: 'none', test_clock: null, address: null, default_source: null,
  delinquent: false, description: 'Bench customer', discount: null, invoice_settings: { custom_fields: null, default_payment_method: null, footer: null } });
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'request-id': 'req_1' }); res.end(body); });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: `http://127.0.0.1:${chunk.toString().trim()}`, child };
}

type Call = () => Promise<unknown>;

interface Variant {
  name: string;
  get: Call;
  post: Call;
}

function variants(url: string): Variant[] {
  const api = createClient<paths>({ baseUrl: url });
  const pipeline = createPipeline({
    vendor: 'bench',
    policy: {
      retry: { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 5000, shouldRetryHeader: 'Stripe-Should-Retry' },
      // Far above what a loopback reaches, so the limiter is on but never makes anyone wait.
      rateLimits: { default: { ratePerSecond: 1e7, burst: 1e4 } },
      breaker: { consecutiveFailures: 5, cooldownMs: 30_000 },
      timeoutMs: 30_000,
    },
  });
  const body = { amount: 2000, currency: 'usd' };
  const params = { path: { customer: 'cus_OdXk1wq2Zl3b4c' } };
  const json = { 'content-type': 'application/json' };
  return [
    {
      name: 'svcgen pipeline',
      get: () => api.GET('/v1/customers/{customer}', { params, fetch: pipeline.fetchFor(getCustomerMeta) }),
      post: () => api.POST('/v1/payment_intents', { body, fetch: pipeline.fetchFor(postPaymentIntentsMeta) }),
    },
    {
      name: 'bare openapi-fetch',
      get: () => api.GET('/v1/customers/{customer}', { params }),
      post: () => api.POST('/v1/payment_intents', { body }),
    },
    {
      name: 'raw fetch',
      get: async () => (await fetch(`${url}/v1/customers/cus_OdXk1wq2Zl3b4c`)).json(),
      post: async () => (await fetch(`${url}/v1/payment_intents`, { method: 'POST', headers: json, body: JSON.stringify(body) })).json(),
    },
  ];
}

interface Sample {
  perSecond: number;
  cpuMicros: number;
}

async function measure(call: Call, calls: number, inFlight: number): Promise<Sample> {
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next++ < calls) await call();
    }),
  );
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { perSecond: (calls * 1000) / elapsed, cpuMicros: (used.user + used.system) / calls };
}

export interface PipelineOverheadResult extends Section {
  /** Median over rounds of ours ÷ bare openapi-fetch requests per second, per scenario. */
  readonly ratios: Readonly<Record<string, number>>;
}

export async function runPipelineOverhead({ quick }: { quick: boolean }): Promise<PipelineOverheadResult> {
  const rounds = Number(process.env.PIPELINE_BENCH_ROUNDS ?? (quick ? 1 : 9));
  const callsPerSample = Number(process.env.PIPELINE_BENCH_CALLS ?? (quick ? 200 : 2000));
  const { url, child } = await startServer();
  try {
    const contenders = variants(url);
    const scenarios = [
      { id: 'get.seq', label: 'GET, 1 in flight', op: 'get', inFlight: 1 },
      { id: 'get.par16', label: 'GET, 16 in flight', op: 'get', inFlight: 16 },
      { id: 'post.seq', label: 'keyed POST, 1 in flight', op: 'post', inFlight: 1 },
      { id: 'post.par16', label: 'keyed POST, 16 in flight', op: 'post', inFlight: 16 },
    ] as const;
    const samples = new Map<string, Sample[]>();
    // Warm-up: JIT, connection pool, server.
    for (const v of contenders) for (const s of scenarios) await measure(v[s.op], quick ? 50 : 500, s.inFlight);
    for (let round = 0; round < rounds; round++) {
      for (const s of scenarios) {
        // Rotate who goes first so no variant always runs on a freshly idle machine.
        for (let i = 0; i < contenders.length; i++) {
          const v = contenders[(i + round) % contenders.length]!;
          const key = `${s.id}|${v.name}`;
          samples.set(key, [...(samples.get(key) ?? []), await measure(v[s.op], callsPerSample, s.inFlight)]);
        }
      }
    }

    const figures: Figure[] = [];
    const ratios: Record<string, number> = {};
    for (const s of scenarios) {
      const of = (name: string) => samples.get(`${s.id}|${name}`)!;
      const [ours, ...peers] = contenders.map((v) => v.name);
      figures.push({
        id: `pipeline.${s.id}.rps`,
        name: `Requests per second, ${s.label}`,
        unit: 'per-second',
        ours: measured(of(ours!).map((x) => Math.round(x.perSecond))),
        peers: peers.map((name) => ({ name, outcome: measured(of(name).map((x) => Math.round(x.perSecond))) })),
      });
      figures.push({
        id: `pipeline.${s.id}.cpu`,
        name: `Client CPU µs per call, ${s.label}`,
        unit: 'count',
        ours: measured(of(ours!).map((x) => Math.round(x.cpuMicros))),
        peers: peers.map((name) => ({ name, outcome: measured(of(name).map((x) => Math.round(x.cpuMicros))) })),
      });
      // Paired: each round's ratio compares runs taken back to back, so load drift cancels out.
      const bare = of('bare openapi-fetch');
      ratios[s.id] = Number(median(of(ours!).map((x, round) => x.perSecond / bare[round]!.perSecond)).toFixed(3));
    }
    return {
      title: 'Per-call overhead',
      notes: [
        `One loopback server in a child process; ${rounds} round(s) of ${callsPerSample} calls per figure, variants in rotating order; CPU is this process's user+system time.`,
        `Median per-round ratio ours ÷ bare openapi-fetch (req/s): ${Object.entries(ratios).map(([id, r]) => `${id} ${r}`).join(', ')}.`,
        'The pipeline runs every policy: rate limit (never binding), breaker, retry, per-attempt timeout, an idempotency key on the POST, the default JSON logger.',
      ],
      figures,
      ratios,
    };
  } finally {
    child.kill();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runPipelineOverhead({ quick: process.argv.includes('--quick') });
  console.log(JSON.stringify(result, null, 2));
}
