// The measuring processes of the per-call benchmark (started by bench/pipeline-overhead.ts with
// `--conditions=svcgen-source`, so the generated client runs this checkout's runtime sources).
// They hold clients only; the server is another process, so process.cpuUsage() is the clients'
// CPU. Two modes:
//   check  every contender makes both requests once; the server says whether each peer sent what
//          ours sent. Prints one JSON object on stdout. A failure of ours (a thrown call, or a
//          request that no peer matches) exits non-zero; a peer whose request differs while
//          another peer's matches is reported and not timed.
//   serve  one contender alone in this process, as a user's process holds one client, for the
//          whole run: warm-up calls for every scenario, then one sample per request from the
//          parent (IPC), so the parent can interleave the contenders' samples. No forced garbage
//          collection: the heap holds this contender's garbage only.
//
// Usage: node --conditions=svcgen-source bench/per-call/measure.ts check FIXTURE URL
//        (forked with IPC) bench/per-call/measure.ts serve FIXTURE URL NAME WARMUP
//        node --conditions=svcgen-source bench/per-call/measure.ts profile FIXTURE URL NAME WARMUP SCENARIO CALLS
import { pathToFileURL } from 'node:url';
import { ANSWER_BODY, ANSWER_HEADERS } from './answer.ts';
import type { PerCallContender, PerCallFixture } from './fixture.ts';
import { profiled, PROFILE_INTERVAL_MICROS, type Breakdown } from './profile.ts';

const ALL_SCENARIOS = [
  { id: 'get.seq', label: 'GET, 1 in flight', op: 'get', inFlight: 1, memory: false },
  { id: 'get.par16', label: 'GET, 16 in flight', op: 'get', inFlight: 16, memory: false },
  { id: 'post.seq', label: 'keyed POST, 1 in flight', op: 'post', inFlight: 1, memory: false },
  { id: 'post.par16', label: 'keyed POST, 16 in flight', op: 'post', inFlight: 16, memory: false },
  // No network: what the clients' own code costs per call, without the loopback's noise.
  { id: 'get.memory', label: 'GET, in-memory transport', op: 'get', inFlight: 1, memory: true },
  { id: 'post.memory', label: 'keyed POST, in-memory transport', op: 'post', inFlight: 1, memory: true },
] as const;

/**
 * Every scenario, or only those PIPELINE_BENCH_SCENARIOS names (ids, comma-separated), for a look
 * at one scenario without timing the rest. An id that names no scenario stops the run.
 */
export const SCENARIOS: readonly (typeof ALL_SCENARIOS)[number][] = chosen(process.env.PIPELINE_BENCH_SCENARIOS);

function chosen(list: string | undefined): readonly (typeof ALL_SCENARIOS)[number][] {
  if (!list) return ALL_SCENARIOS;
  const ids = list.split(',').map((id) => id.trim());
  const unknown = ids.filter((id) => !ALL_SCENARIOS.some((s) => s.id === id));
  if (unknown.length) throw new Error(`PIPELINE_BENCH_SCENARIOS: no per-call scenario ${unknown.map((id) => JSON.stringify(id)).join(', ')} (one of ${ALL_SCENARIOS.map((s) => s.id).join(', ')})`);
  return ALL_SCENARIOS.filter((s) => ids.includes(s.id));
}

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

async function measure(call: () => Promise<unknown>, calls: number, inFlight: number): Promise<Sample> {
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

export interface Checked {
  readonly describe: PerCallFixture['describe'];
  readonly ours: string;
  readonly peers: readonly string[];
  /** Peers not timed, with why. */
  readonly peerFailures: Readonly<Record<string, string>>;
  /** The contenders to time: ours first, then the peers that send what ours sends. */
  readonly timed: readonly string[];
}

/** Which contenders send the same requests as ours (throws when ours fails or no peer does). */
export async function checkRequests(fixture: PerCallFixture, url: string): Promise<Checked> {
  const { ours, peers } = fixture.contenders(url);
  const peerFailures: Record<string, string> = {};
  const timed: string[] = [ours.name];
  for (const peer of peers) {
    const difference = await sameRequests(url, fixture, ours, peer);
    if (difference) peerFailures[peer.name] = difference;
    else timed.push(peer.name);
  }
  // The peers are written by hand to send the same bytes: when none does, ours is the odd one out.
  if (peers.length && timed.length === 1) throw new Error(`no peer sends the requests ours sends: ${Object.values(peerFailures)[0]}`);
  return { describe: fixture.describe, ours: ours.name, peers: peers.map((p) => p.name), peerFailures, timed };
}

/** A sampler of the contender `name`, warmed up with `warmup` calls of every scenario. */
export async function prepareContender(
  fixture: PerCallFixture,
  url: string,
  name: string,
  warmup: number,
): Promise<(scenario: string, calls: number) => Promise<Sample>> {
  const pick = (set: { readonly ours: PerCallContender; readonly peers: readonly PerCallContender[] }) => {
    const found = [set.ours, ...set.peers].find((c) => c.name === name);
    if (!found) throw new Error(`the fixture has no contender named ${JSON.stringify(name)}`);
    return found;
  };
  const loopback = pick(fixture.contenders(url));
  const memory = pick(fixture.contenders(url, inMemory));
  const of = (s: (typeof SCENARIOS)[number]) => (s.memory ? memory : loopback)[s.op];
  for (const s of SCENARIOS) await measure(of(s), warmup, s.inFlight); // JIT, connection pool, server
  return async (id, calls) => {
    const s = SCENARIOS.find((x) => x.id === id);
    if (!s) throw new Error(`no per-call scenario ${JSON.stringify(id)}`);
    return measure(of(s), calls, s.inFlight);
  };
}

/** What the parent sends a serving process, and what it answers. */
export type ServeRequest = { readonly scenario: string; readonly calls: number } | { readonly done: true };
export type ServeReply = { readonly ready: true } | { readonly sample: Sample } | { readonly error: string };

async function serve(fixture: PerCallFixture, url: string, name: string, warmup: number): Promise<void> {
  const send = (reply: ServeReply) => process.send!(reply);
  let sample: (scenario: string, calls: number) => Promise<Sample>;
  try {
    sample = await prepareContender(fixture, url, name, warmup);
  } catch (error) {
    send({ error: String((error as Error)?.stack ?? error) });
    return process.disconnect();
  }
  process.on('message', (request: ServeRequest) => {
    if ('done' in request) return process.disconnect();
    sample(request.scenario, request.calls).then(
      (result) => send({ sample: result }),
      (error: unknown) => send({ error: String((error as Error)?.stack ?? error) }),
    );
  });
  send({ ready: true });
}

/**
 * One sample of `scenario` by the contender `name`, warmed up as for timing, under V8's sampling
 * profiler: where its CPU time went (profile.ts).
 */
async function profileSample(fixture: PerCallFixture, url: string, name: string, warmup: number, scenario: string, calls: number): Promise<Breakdown> {
  const sample = await prepareContender(fixture, url, name, warmup);
  return profiled(() => sample(scenario, calls), calls, PROFILE_INTERVAL_MICROS);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, fixtureFile, url, name, warmup, scenario, calls] = process.argv.slice(2);
  const { fixture } = (await import(pathToFileURL(fixtureFile!).href)) as { fixture: PerCallFixture };
  if (mode === 'check') process.stdout.write(JSON.stringify(await checkRequests(fixture, url!)) + '\n');
  else if (mode === 'profile') process.stdout.write(JSON.stringify(await profileSample(fixture, url!, name!, Number(warmup), scenario!, Number(calls))) + '\n');
  else await serve(fixture, url!, name!, Number(warmup));
}
