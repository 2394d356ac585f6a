// Per-call overhead as a user pays it: a generated operation function called with a generated
// client (every policy on, form encoding, idempotency key, ApiError on failure), against bare
// openapi-fetch and raw fetch making the very same requests, at 1 and at 16 in flight, against one
// loopback server. The operations and the client come from a fixture (bench/fixtures/per-call/),
// so this file names no vendor. The server runs in a child process, and each contender in child
// processes of its own (4 by default) for the whole run: the CPU time is that client's alone. Within
// each round and scenario a contender's sample is made of blocks, its processes taking the blocks in
// turn, and the contenders take turns block by block (rotated and reversed from block to block), so
// drift in machine load falls on all of them alike; each figure is one sample per round. Bare
// openapi-fetch also runs in processes of its own, timed like any contender: how far that copy's
// rate strays from the first's is the resolution of the measurement in that run, given in the notes
// and beside every per-call goal the run missed.
//
// Run alone: node bench/pipeline-overhead.ts [--quick]   (prints JSON; PIPELINE_BENCH_ROUNDS,
// PIPELINE_BENCH_CALLS, PIPELINE_BENCH_BLOCKS and PIPELINE_BENCH_PROCESSES override the rounds, the
// calls per sample, the blocks a sample is cut into and the processes per contender (1 with --quick),
// PIPELINE_BENCH_FIXTURE the fixture, PIPELINE_BENCH_SCENARIOS the
// scenarios (ids, comma-separated); PIPELINE_BENCH_PROFILE=0 skips the profile)
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { failed, measured, median, type Figure, type Outcome, type Section } from './lib/figure.ts';
import { projectRoot } from './lib/paths.ts';
import { CANCELLABLE, PIPELINE_ONLY } from './per-call/fixture.ts';
import { rotatedOrder } from './lib/order.ts';
import { SCENARIOS, type Checked, type MeasureOutput, type Sample, type ServeReply } from './per-call/measure.ts';
import { CATEGORIES, PROFILE_INTERVAL_MICROS, type Breakdown } from './per-call/profile.ts';

const FIXTURES = path.join(projectRoot, 'bench', 'fixtures', 'per-call');
const SERVER = path.join(projectRoot, 'bench', 'per-call', 'server.mjs');
const MEASURE = path.join(projectRoot, 'bench', 'per-call', 'measure.ts');
const BARE = 'bare openapi-fetch';
/**
 * Bare openapi-fetch again, in processes of its own: the same code as BARE, so its rate differs
 * from BARE's only by what varies besides the code (its own processes' JIT, heap and connections,
 * the blocks' moments, the machine).
 */
const CONTROL = `${BARE} again, in processes of its own`;

/** PIPELINE_BENCH_FIXTURE, else the first fixture file by name: one vendor shows the per-call cost. */
function fixtureFile(): string {
  if (process.env.PIPELINE_BENCH_FIXTURE) return path.resolve(process.env.PIPELINE_BENCH_FIXTURE);
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.ts')).sort();
  if (!files.length) throw new Error(`no per-call fixture in ${path.relative(projectRoot, FIXTURES)}`);
  return path.join(FIXTURES, files[0]!);
}

export async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: `http://127.0.0.1:${chunk.toString().trim()}`, child };
}

/** Runs one measuring process (measure.ts); any failure in it is a failure of ours and throws. */
async function runMeasure<T>(args: readonly string[]): Promise<T> {
  const child = spawn(process.execPath, ['--conditions=svcgen-source', MEASURE, ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
  if (code !== 0) {
    // The error line itself, not the source line Node prints above it.
    const why = stderr.split('\n').find((l) => /^(?:[A-Z]\w*)?Error\b/.test(l.trim())) ?? stderr.trim().split('\n').at(-1) ?? `exit code ${code ?? signal}`;
    throw new Error(`the per-call measuring process failed (${code ?? signal}): ${why.trim()}`);
  }
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

/** A serving measuring process (measure.ts serve): one contender, alive for the whole run. */
interface Server {
  readonly name: string;
  sample(scenario: string, calls: number): Promise<Sample>;
  close(): void;
}

/** `name`: the fixture's contender this process runs; `label`: what its samples are filed under. */
async function startContender(fixture: string, url: string, name: string, warmup: number, label = name): Promise<Server> {
  const child = fork(MEASURE, ['serve', fixture, url, name, String(warmup)], {
    cwd: projectRoot,
    execArgv: ['--conditions=svcgen-source'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  // Every reply answers the one request outstanding; an exit or an error reply rejects it.
  let pending: { resolve: (reply: ServeReply) => void; reject: (error: Error) => void } | undefined;
  const failure = (why: string) => new Error(`the per-call measuring process of ${name} failed: ${why}`);
  child.on('message', (reply: ServeReply) => {
    const waiting = pending;
    pending = undefined;
    if ('error' in reply) waiting?.reject(failure(reply.error.split('\n')[0] ?? reply.error));
    else waiting?.resolve(reply);
  });
  child.on('exit', (code, signal) => {
    const why = stderr.split('\n').find((l) => /^(?:[A-Z]\w*)?Error\b/.test(l.trim())) ?? `exit code ${code ?? signal}`;
    pending?.reject(failure(why.trim()));
    pending = undefined;
  });
  const next = () => new Promise<ServeReply>((resolve, reject) => (pending = { resolve, reject }));
  await next(); // ready: warmed up
  return {
    name: label,
    async sample(scenario, calls) {
      const reply = next();
      child.send({ scenario, calls });
      const answer = await reply;
      if (!('sample' in answer)) throw failure('it answered without a sample');
      return answer.sample;
    },
    close: () => {
      if (child.connected) child.send({ done: true });
      child.kill();
    },
  };
}

/**
 * Checks which peers send what ours sends, then times each contender that does in `processes`
 * processes of its own (a user's process holds one client, and no contender's JIT state or
 * garbage lands on another's clock), each alive for the whole run; per round and scenario the
 * contenders take turns block by block in an order rotated and reversed from block to block, so
 * drift in machine load falls on all of them alike. A contender's blocks go to its processes in
 * turn: one process's luck (where its JIT and heap settled, its connection) moved a contender's
 * rate by up to 10 % either way in the runs that led to this, and with one process per contender
 * it could decide a ratio as much as the code did.
 */
async function measureAll(fixture: string, url: string, rounds: number, calls: number, blocks: number, warmup: number, processes: number): Promise<MeasureOutput> {
  const checked = await runMeasure<Checked>(['check', fixture, url]);
  const contenders: Server[][] = [];
  const started: Server[] = [];
  const start = async (name: string, label = name) => {
    const own: Server[] = [];
    // Warmed up one after another: each warm-up has the machine to itself.
    for (let p = 0; p < processes; p++) {
      const server = await startContender(fixture, url, name, warmup, label);
      started.push(server);
      own.push(server);
    }
    contenders.push(own);
  };
  try {
    for (const name of checked.timed) await start(name);
    if (checked.timed.includes(BARE)) await start(BARE, CONTROL);
    const samples: Record<string, Record<string, Sample[]>> = {};
    const blockCalls = Math.max(1, Math.round(calls / blocks));
    for (let round = 0; round < rounds; round++) {
      for (const s of SCENARIOS) {
        // A round's sample of each contender is made of `blocks` blocks, the contenders taking
        // turns block by block: two contenders' samples span the same seconds, so a change in the
        // machine's load during the round lands on both rather than on whichever ran then.
        const parts = contenders.map(() => [] as Sample[]);
        for (let block = 0; block < blocks; block++) {
          for (const k of rotatedOrder(contenders.length, round * blocks + block)) {
            const own = contenders[k]!;
            parts[k]!.push(await own[(round * blocks + block) % own.length]!.sample(s.id, blockCalls));
          }
        }
        contenders.forEach((own, k) => ((samples[s.id] ??= {})[own[0]!.name] ??= []).push(combined(parts[k]!, blockCalls)));
      }
    }
    const peers = checked.timed.includes(BARE) ? [...checked.peers, CONTROL] : checked.peers;
    return { describe: checked.describe, ours: checked.ours, peers, peerFailures: checked.peerFailures, samples };
  } finally {
    for (const server of started) server.close();
  }
}

/** Blocks of `calls` calls each as one sample: calls over the time they took together, CPU per call over all of them. */
function combined(parts: readonly Sample[], calls: number): Sample {
  const ms = parts.reduce((sum, p) => sum + (calls * 1000) / p.perSecond, 0);
  const mean = (pick: (p: Sample) => number) => parts.reduce((sum, p) => sum + pick(p), 0) / parts.length;
  return { perSecond: (parts.length * calls * 1000) / ms, cpuMicros: mean((p) => p.cpuMicros), mainCpuMicros: mean((p) => p.mainCpuMicros) };
}

function spread(values: readonly number[]): string {
  const r = (n: number) => n.toFixed(3);
  return values.length > 1 ? `${r(median(values))} (${r(Math.min(...values))}–${r(Math.max(...values))}, n=${values.length})` : r(values[0] ?? Number.NaN);
}

/** The scenario profiled (when it is measured): the one whose goal the runs so far have missed. */
const PROFILED = SCENARIOS.find((s) => s.id === 'get.seq');
type Scenario = (typeof SCENARIOS)[number];

/**
 * Ours and bare openapi-fetch, each in `runs` fresh processes taking turns (warmed up as for
 * timing), one `calls`-call sample of the profiled scenario each under V8's sampling profiler.
 */
async function profileRuns(fixture: string, url: string, ours: string, scenario: Scenario, runs: number, calls: number, warmup: number): Promise<Record<string, Breakdown[]>> {
  const out: Record<string, Breakdown[]> = { [ours]: [], [BARE]: [] };
  for (let run = 0; run < runs; run++) {
    for (const name of run % 2 ? [BARE, ours] : [ours, BARE]) {
      out[name]!.push(await runMeasure<Breakdown>(['profile', fixture, url, name, String(warmup), scenario.id, String(calls)]));
    }
  }
  return out;
}

/**
 * Where ours' extra time goes in the profiled scenario: per group of functions, the median over
 * runs of its self time per call, ours minus bare. The groups tell apart svcgen's own code from
 * what its calls make Node do (the Request undici builds from the attempt's signal, the timer,
 * the promise jobs of each layer) and from the garbage collector.
 */
function profileNote(profiles: Record<string, Breakdown[]>, ours: string, scenario: Scenario, runs: number, calls: number): string {
  const med = (name: string, c: (typeof CATEGORIES)[number]) => median((profiles[name] ?? []).map((b) => b[c]));
  const total = (name: string) => median((profiles[name] ?? []).map((b) => CATEGORIES.reduce((sum, c) => sum + b[c], 0)));
  const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}`;
  const rows = CATEGORIES.map((c) => ({ c, diff: med(ours, c) - med(BARE, c), mine: med(ours, c) })).sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff));
  return (
    `Where ours' extra CPU goes, ${scenario.label}, by V8's sampling CPU profiler (one sample every ${PROFILE_INTERVAL_MICROS} µs over one ${calls}-call sample in each of ${runs} fresh process(es) per contender, warmed up as above; self time per call, median over the runs, grouped by where each function comes from; the profiler's own interruptions inflate every figure, so read them against each other): ` +
    `all groups ${total(ours).toFixed(1)} µs for ours, ${total(BARE).toFixed(1)} µs for ${BARE}; ours minus bare, by group: ` +
    rows.map(({ c, diff, mine }) => `${c} ${signed(diff)} (ours ${mine.toFixed(1)})`).join(', ') +
    '.'
  );
}

export interface PipelineOverheadResult extends Section {
  /** Median over rounds of ours ÷ bare openapi-fetch requests per second, per scenario. */
  readonly ratios: Readonly<Record<string, number>>;
}

/**
 * What the clients' own code costs leaves of the 1-in-flight rate: the in-memory figures give
 * ours' extra CPU per call over bare openapi-fetch, and a loopback call of bare openapi-fetch
 * takes 1/rate; if that extra CPU adds to every call's time, ours reaches at most T / (T + extra).
 */
function ceilings(output: MeasureOutput): string[] {
  const med = (id: string, name: string, pick: (x: Sample) => number) => median((output.samples[id]?.[name] ?? []).map(pick));
  const notes: string[] = [];
  for (const op of ['get', 'post'] as const) {
    const memory = SCENARIOS.find((s) => s.memory && s.op === op);
    const loopback = SCENARIOS.find((s) => !s.memory && s.op === op && s.inFlight === 1);
    if (!memory || !loopback || !output.samples[memory.id]?.[BARE]) continue;
    const main = med(memory.id, output.ours, (x) => x.mainCpuMicros) - med(memory.id, BARE, (x) => x.mainCpuMicros);
    const all = med(memory.id, output.ours, (x) => x.cpuMicros) - med(memory.id, BARE, (x) => x.cpuMicros);
    const perCall = 1e6 / med(loopback.id, BARE, (x) => x.perSecond);
    const oursPerCall = 1e6 / med(loopback.id, output.ours, (x) => x.perSecond);
    const loopMain = med(loopback.id, output.ours, (x) => x.mainCpuMicros) - med(loopback.id, BARE, (x) => x.mainCpuMicros);
    const loopAll = med(loopback.id, output.ours, (x) => x.cpuMicros) - med(loopback.id, BARE, (x) => x.cpuMicros);
    const reach = (extra: number) => (perCall / (perCall + Math.max(0, extra))).toFixed(2);
    const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)} µs`;
    notes.push(
      `${loopback.label}: on the in-memory transport, ours' CPU per call minus ${BARE}'s is ${signed(main)} on the main thread and ${signed(all)} over all threads (the other threads include V8's garbage collector and compiler). A loopback call of ${BARE} takes ${perCall.toFixed(0)} µs, so with that difference added ours can reach ${reach(main)}× its rate (${reach(all)}× if the other threads' work also lands on the call); ≥ 0.95× allows ${(perCall / 19).toFixed(0)} µs. On loopback (medians): ours takes ${oursPerCall.toFixed(0)} µs per call, ${signed(oursPerCall - perCall)}, and its CPU per call differs by ${signed(loopMain)} on the main thread and ${signed(loopAll)} over all threads.`,
    );
  }
  return notes;
}

/** Per round, `over`'s rate ÷ `under`'s in scenario `id` (samples taken over the same seconds, block by block). */
function perRoundRatios(output: MeasureOutput, id: string, over: string, under: string): number[] {
  const below = output.samples[id]?.[under] ?? [];
  return (output.samples[id]?.[over] ?? []).map((x, round) => x.perSecond / below[round]!.perSecond);
}

/**
 * How finely this run can tell two contenders apart: per loopback scenario, the per-round rate
 * ratio of bare openapi-fetch's second set of processes to its first. Both run the same code, so
 * the ratio shows how far two rows stray from each other in this run when the code does not differ.
 */
function resolution(output: MeasureOutput): string[] {
  const rows: string[] = [];
  for (const s of SCENARIOS) {
    if (s.memory || !output.samples[s.id]?.[CONTROL]?.length) continue;
    rows.push(`${s.id} ${spread(perRoundRatios(output, s.id, CONTROL, BARE))}`);
  }
  if (!rows.length) return [];
  return [
    `The measurement's resolution: "${CONTROL}" runs the very code of ${BARE}, timed as one more contender; per-round ratio of its rate to ${BARE}'s, median (min–max, n): ${rows.join('; ')}; two rows that run the same code differed by this much in this run.`,
  ];
}

/**
 * Where ours' cost sits, when the fixture offers the pipeline-only contender: per loopback
 * scenario, the per-round rate ratios pipeline-only ÷ bare (what the pipeline costs) and ours ÷
 * pipeline-only (what the generated client changes on top: its auth, its own path and query
 * encoders in place of openapi-fetch's, its error handling; it can cost less than it adds); on the
 * in-memory transport, the main-thread CPU each layer adds per call.
 */
function layers(output: MeasureOutput): string[] {
  const of = (id: string, name: string) => output.samples[id]?.[name] ?? [];
  const perRound = (id: string, over: string, under: string) => perRoundRatios(output, id, over, under);
  const notes: string[] = [];
  const rates: string[] = [];
  for (const s of SCENARIOS) {
    if (s.memory || !of(s.id, PIPELINE_ONLY).length || !of(s.id, BARE).length) continue;
    rates.push(`${s.label}: pipeline ÷ bare ${spread(perRound(s.id, PIPELINE_ONLY, BARE))}, ours ÷ pipeline ${spread(perRound(s.id, output.ours, PIPELINE_ONLY))}`);
  }
  if (rates.length) {
    notes.push(
      `Ours in two layers, "${PIPELINE_ONLY}" between bare openapi-fetch and ours (the generated client on top brings its auth, its own path and query encoders in place of openapi-fetch's, and its error handling); per-round rate ratios, median (min–max, n): ${rates.join('; ')}.`,
    );
  }
  const cpu: string[] = [];
  for (const s of SCENARIOS) {
    if (!s.memory || !of(s.id, PIPELINE_ONLY).length || !of(s.id, BARE).length) continue;
    const main = (name: string) => median(of(s.id, name).map((x) => x.mainCpuMicros));
    const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)} µs`;
    cpu.push(`${s.label}: the pipeline ${signed(main(PIPELINE_ONLY) - main(BARE))}, the client on top ${signed(main(output.ours) - main(PIPELINE_ONLY))}`);
  }
  if (cpu.length) notes.push(`Main-thread CPU per call each layer adds (medians): ${cpu.join('; ')}.`);
  return notes;
}

/**
 * What cancelling costs, when the fixture offers the CANCELLABLE contender: per loopback scenario
 * the per-round rate ratios cancellable ÷ bare (the rate any client that cancels a timed-out
 * request this way can expect, relative to one that cannot) and ours ÷ cancellable (ours with
 * that part priced out); on the in-memory transport, the main-thread CPU it adds per call.
 */
function cancelling(output: MeasureOutput): string[] {
  const of = (id: string, name: string) => output.samples[id]?.[name] ?? [];
  const perRound = (id: string, over: string, under: string) => perRoundRatios(output, id, over, under);
  const rates: string[] = [];
  const cpu: string[] = [];
  const main = (id: string, name: string) => median(of(id, name).map((x) => x.mainCpuMicros));
  const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)} µs`;
  for (const s of SCENARIOS) {
    if (!of(s.id, CANCELLABLE).length || !of(s.id, BARE).length) continue;
    if (s.memory) cpu.push(`${s.label}: ${signed(main(s.id, CANCELLABLE) - main(s.id, BARE))}`);
    else rates.push(`${s.label}: cancellable ÷ bare ${spread(perRound(s.id, CANCELLABLE, BARE))}, ours ÷ cancellable ${spread(perRound(s.id, output.ours, CANCELLABLE))}`);
  }
  if (!rates.length) return [];
  return [
    `What cancelling costs: "${CANCELLABLE}" is bare openapi-fetch plus only what a timeout that cancels the request needs (ours' per-attempt timeout does the same per attempt, beside its other policies); per-round rate ratios, median (min–max, n): ${rates.join('; ')}.` +
      (cpu.length ? ` Main-thread CPU per call it adds over bare (medians): ${cpu.join('; ')}.` : ''),
  ];
}

export async function runPipelineOverhead({ quick }: { quick: boolean }): Promise<PipelineOverheadResult> {
  const rounds = Number(process.env.PIPELINE_BENCH_ROUNDS ?? (quick ? 1 : 20));
  const callsPerSample = Number(process.env.PIPELINE_BENCH_CALLS ?? (quick ? 200 : 2000));
  const blocks = Number(process.env.PIPELINE_BENCH_BLOCKS ?? (quick ? 1 : 8));
  const warmup = quick ? 50 : 1000;
  const processes = Number(process.env.PIPELINE_BENCH_PROCESSES ?? (quick ? 1 : 4));
  if (!Number.isInteger(processes) || processes < 1) throw new Error(`PIPELINE_BENCH_PROCESSES: ${JSON.stringify(process.env.PIPELINE_BENCH_PROCESSES)} is not a whole number of processes (1 or more)`);
  // Imported by the measuring process only: it alone resolves the runtime to this checkout's sources.
  const fixture = fixtureFile();
  const { url, child } = await startServer();
  let output: MeasureOutput;
  let profiles: Record<string, Breakdown[]> | undefined;
  const profileRounds = quick ? 1 : 5;
  const profileCalls = quick ? 200 : 10 * callsPerSample;
  try {
    output = await measureAll(fixture, url, rounds, callsPerSample, blocks, warmup, processes);
    if (PROFILED && output.samples[PROFILED.id]?.[BARE] && process.env.PIPELINE_BENCH_PROFILE !== '0') {
      profiles = await profileRuns(fixture, url, output.ours, PROFILED, profileRounds, profileCalls, warmup);
    }
  } finally {
    child.kill();
  }

  const figures: Figure[] = [];
  const ratios: Record<string, number> = {};
  const ratioText: string[] = [];
  const { describe } = output;
  for (const s of SCENARIOS) {
    const of = (name: string): readonly Sample[] => output.samples[s.id]?.[name] ?? [];
    const outcome = (name: string, pick: (x: Sample) => number): Outcome => {
      const reason = output.peerFailures[name];
      return reason ? failed(reason) : measured(of(name).map(pick));
    };
    const perSecond = (x: Sample) => Math.round(x.perSecond);
    const cpu = (x: Sample) => Math.round(x.cpuMicros);
    const mainCpu = (x: Sample) => Math.round(x.mainCpuMicros);
    // Without a network the rate says nothing a user sees; the CPU figures are what those rows are for.
    if (!s.memory) {
      figures.push({
        id: `pipeline.${s.id}.rps`,
        name: `Requests per second, ${s.label}`,
        unit: 'per-second',
        paired: true,
        ours: measured(of(output.ours).map(perSecond)),
        // Every policy stays in, so the least ours can do is bare plus a timeout that cancels: the
        // goal against bare is reported with that row's own ratio, when the fixture offers it, and
        // with how far bare's second set of processes strayed from it (the measurement's resolution).
        peers: output.peers.map((name) => ({
          name,
          outcome: outcome(name, perSecond),
          ...(name === BARE && output.peers.includes(CANCELLABLE) ? { bound: CANCELLABLE } : {}),
          ...(name === BARE && output.peers.includes(CONTROL) ? { control: CONTROL } : {}),
        })),
      });
    }
    figures.push({
      id: `pipeline.${s.id}.cpu`,
      name: `Client CPU µs per call, ${s.label}`,
      unit: 'count',
      paired: true,
      ours: measured(of(output.ours).map(cpu)),
      peers: output.peers.map((name) => ({ name, outcome: outcome(name, cpu) })),
    });
    figures.push({
      id: `pipeline.${s.id}.main-cpu`,
      name: `Client main-thread CPU µs per call, ${s.label}`,
      unit: 'count',
      paired: true,
      ours: measured(of(output.ours).map(mainCpu)),
      peers: output.peers.map((name) => ({ name, outcome: outcome(name, mainCpu) })),
    });
    // Paired: each round's ratio compares samples taken in alternating blocks over the same seconds, so a change in load falls on both.
    const bare = of(BARE);
    if (bare.length && !s.memory) {
      const perRound = of(output.ours).map((x, round) => x.perSecond / bare[round]!.perSecond);
      ratios[s.id] = Number(median(perRound).toFixed(3));
      ratioText.push(`${s.id} ${spread(perRound)}`);
    }
  }
  return {
    title: 'Per-call overhead',
    notes: [
      `Fixture \`${path.relative(projectRoot, fixture)}\`: ours calls the generated ${describe.get} and ${describe.post} with the generated client, as a user does; the peers send the same method, URL, headers and body bytes (checked on the server before timing).`,
      'Ours runs every policy at the vendor defaults (retry, breaker, per-attempt timeout, idempotency key, default logger) and the rate limiter with a rate no loopback reaches, so it takes a slot per call but never waits.',
      `One loopback server in a child process; each contender in ${processes} child process(es) of its own for the whole run, each holding one client as a user's process does: ${warmup} warm-up calls per scenario in each process, then ${rounds} round(s) of one ${callsPerSample}-call sample per scenario and contender, each sample made of ${blocks} block(s) of ${Math.max(1, Math.round(callsPerSample / blocks))} calls, the contender's processes taking its blocks in turn (so a figure is not one process's luck: where its JIT and heap settled, its connection), the contenders taking turns block by block, rotated and reversed from block to block (so each round's samples of two contenders span the same seconds); no forced garbage collection. CPU is the client process's user+system time per call, of all its threads and of the main thread alone (process.threadCpuUsage); the difference is the process's other threads, V8's garbage collector and compiler among them.`,
      `Per-round ratio ours ÷ ${BARE} (req/s), median (min–max, n): ${ratioText.join('; ') || 'not measured'}.`,
      ...resolution(output),
      ...ceilings(output),
      ...layers(output),
      ...cancelling(output),
      ...(profiles && PROFILED ? [profileNote(profiles, output.ours, PROFILED, profileRounds, profileCalls)] : []),
    ],
    figures,
    ratios,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runPipelineOverhead({ quick: process.argv.includes('--quick') });
  console.log(JSON.stringify(result, null, 2));
}
