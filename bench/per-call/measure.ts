// The measuring process of the per-call benchmark (started by bench/pipeline-overhead.ts with
// `--conditions=svcgen-source`, so the generated client runs this checkout's runtime sources).
// It holds the clients only; the server is another process, so process.cpuUsage() is the
// clients' CPU. Prints one JSON object on stdout. A failure of ours (a thrown call, or a request
// that no peer matches) exits non-zero; a peer whose request differs from ours while another
// peer's matches is recorded as failed and not timed.
//
// Usage: node --conditions=svcgen-source --expose-gc bench/per-call/measure.ts FIXTURE URL ROUNDS CALLS WARMUP
import { pathToFileURL } from 'node:url';
import { rotatedOrder } from '../lib/order.ts';
import { ANSWER_BODY, ANSWER_HEADERS } from './answer.ts';
import type { PerCallContender, PerCallFixture } from './fixture.ts';

export const SCENARIOS = [
  { id: 'get.seq', label: 'GET, 1 in flight', op: 'get', inFlight: 1, memory: false },
  { id: 'get.par16', label: 'GET, 16 in flight', op: 'get', inFlight: 16, memory: false },
  { id: 'post.seq', label: 'keyed POST, 1 in flight', op: 'post', inFlight: 1, memory: false },
  { id: 'post.par16', label: 'keyed POST, 16 in flight', op: 'post', inFlight: 16, memory: false },
  // No network: what the clients' own code costs per call, without the loopback's noise.
  { id: 'get.memory', label: 'GET, in-memory transport', op: 'get', inFlight: 1, memory: true },
  { id: 'post.memory', label: 'keyed POST, in-memory transport', op: 'post', inFlight: 1, memory: true },
] as const;

/**
 * A transport that answers every request as the loopback server does, without a network. Like
 * fetch it builds a Request from its arguments first (a signal in `init` costs what it costs fetch)
 * and reads the body, then returns the server's bytes and headers.
 */
const inMemory: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (request.body) await request.arrayBuffer();
  return new Response(ANSWER_BODY, { status: 200, headers: ANSWER_HEADERS });
};

export interface Sample {
  readonly perSecond: number;
  /** User+system CPU of this (client-only) process per call, µs: all its threads. */
  readonly cpuMicros: number;
  /** The same, of the main thread alone (the rest is the other threads, V8's garbage collector and compiler among them). */
  readonly mainCpuMicros: number;
}

export interface MeasureOutput {
  readonly describe: PerCallFixture['describe'];
  readonly ours: string;
  readonly peers: readonly string[];
  /** Peers not timed, with why. */
  readonly peerFailures: Readonly<Record<string, string>>;
  /** scenario id → contender name → one sample per round. */
  readonly samples: Readonly<Record<string, Readonly<Record<string, readonly Sample[]>>>>;
}

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The request the server saw last, with the one header that differs per call by design masked. */
async function lastRequest(url: string, perCallHeader: string | undefined): Promise<string> {
  const seen = (await (await fetch(`${url}/__last`)).json()) as Seen;
  const headers = Object.fromEntries(
    Object.entries(seen.headers)
      .map(([k, v]) => [k.toLowerCase(), k.toLowerCase() === perCallHeader ? `<${String(v).length} chars>` : String(v)] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return JSON.stringify({ method: seen.method, url: seen.url, headers, body: seen.body }, null, 1);
}

/** Undefined when `peer` sends exactly what `ours` sends for both requests; else the difference. */
async function sameRequests(url: string, fixture: PerCallFixture, ours: PerCallContender, peer: PerCallContender): Promise<string | undefined> {
  for (const op of ['get', 'post'] as const) {
    await ours[op]();
    const expected = await lastRequest(url, fixture.perCallHeader);
    await peer[op]();
    const actual = await lastRequest(url, fixture.perCallHeader);
    if (actual !== expected) return `its ${op.toUpperCase()} differs from ours: sent ${actual.replace(/\s+/g, ' ')}; ours sent ${expected.replace(/\s+/g, ' ')}`;
  }
  return undefined;
}

/** `global.gc` when the process runs with --expose-gc (bench/pipeline-overhead.ts starts it so). */
const collect = (globalThis as { gc?: () => void }).gc;

async function measure(call: () => Promise<unknown>, calls: number, inFlight: number): Promise<Sample> {
  // Every sample starts from a collected heap: otherwise the garbage one contender leaves behind is
  // collected on the next one's clock, a cost that depends on the turn order, not on the contender.
  collect?.();
  let next = 0;
  const cpu = process.cpuUsage();
  const main = process.threadCpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next++ < calls) await call();
    }),
  );
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const usedMain = process.threadCpuUsage(main);
  return { perSecond: (calls * 1000) / elapsed, cpuMicros: (used.user + used.system) / calls, mainCpuMicros: (usedMain.user + usedMain.system) / calls };
}

export async function measureAll(fixture: PerCallFixture, url: string, rounds: number, calls: number, warmup: number): Promise<MeasureOutput> {
  const { ours, peers } = fixture.contenders(url);
  const peerFailures: Record<string, string> = {};
  const timed: PerCallContender[] = [ours];
  for (const peer of peers) {
    const difference = await sameRequests(url, fixture, ours, peer);
    if (difference) peerFailures[peer.name] = difference;
    else timed.push(peer);
  }
  // The peers are written by hand to send the same bytes: when none does, ours is the odd one out.
  if (peers.length && timed.length === 1) throw new Error(`no peer sends the requests ours sends: ${Object.values(peerFailures)[0]}`);
  // The same contenders over the in-memory transport (checked on the server above).
  const memory = fixture.contenders(url, inMemory);
  const timedInMemory = [memory.ours, ...memory.peers].filter((c) => timed.some((t) => t.name === c.name));
  const contendersOf = (s: (typeof SCENARIOS)[number]) => (s.memory ? timedInMemory : timed);
  for (const s of SCENARIOS) for (const c of contendersOf(s)) await measure(c[s.op], warmup, s.inFlight); // JIT, connection pool, server
  const samples: Record<string, Record<string, Sample[]>> = {};
  for (let round = 0; round < rounds; round++) {
    for (const s of SCENARIOS) {
      const contenders = contendersOf(s);
      for (const k of rotatedOrder(contenders.length, round)) {
        const c = contenders[k]!;
        ((samples[s.id] ??= {})[c.name] ??= []).push(await measure(c[s.op], calls, s.inFlight));
      }
    }
  }
  return { describe: fixture.describe, ours: ours.name, peers: peers.map((p) => p.name), peerFailures, samples };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [fixtureFile, url, rounds, calls, warmup] = process.argv.slice(2);
  const { fixture } = (await import(pathToFileURL(fixtureFile!).href)) as { fixture: PerCallFixture };
  const output = await measureAll(fixture, url!, Number(rounds), Number(calls), Number(warmup));
  process.stdout.write(JSON.stringify(output) + '\n');
}
