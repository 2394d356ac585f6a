// Benchmarks written by other modules (per-call overhead, webhook verification) come in through
// here. They measure our code, so a missing module or export, a throw or a result with no figures
// becomes a "failed" row for ours, which fails the run (./verdict.ts) while the report still shows
// why. Results are accepted in the Figure shape of ./figure.ts or in a looser shape that is converted.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { failed, measured, notAvailable, type Comparison, type Figure, type Goal, type Outcome, type PeerFigure, type Section, type Unit } from './figure.ts';
import { projectRoot } from './paths.ts';

export interface ExternalBench {
  /** Section title in the report. */
  readonly title: string;
  /** Project-relative module path, e.g. `bench/webhooks.ts`. */
  readonly module: string;
  readonly exportName: string;
  readonly notes: readonly string[];
  /** Goals from the issue, applied to a per-second figure's peer whose name matches and that has none. */
  readonly defaultGoals?: readonly { readonly peer: RegExp; readonly goal: Goal }[];
}

type Loose = Record<string, unknown>;

const UNITS: readonly Unit[] = ['ms', 'bytes', 'count', 'per-second'];
const OPS: readonly Comparison[] = ['<', '<=', '>=', '>'];

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function toUnit(value: unknown): Unit | undefined {
  if (typeof value !== 'string') return undefined;
  if ((UNITS as readonly string[]).includes(value)) return value as Unit;
  const v = value.toLowerCase();
  if (/\/\s*s$|per.?s(ec(ond)?)?$|ops|rps|hz/.test(v)) return 'per-second';
  if (v === 's' || v === 'seconds') return undefined;
  if (/^(ms|milli)/.test(v)) return 'ms';
  if (/^(b|bytes?)$/.test(v)) return 'bytes';
  return undefined;
}

export function toOutcome(value: unknown): Outcome {
  if (typeof value === 'number' && Number.isFinite(value)) return measured([value]);
  if (isNumberArray(value)) return measured(value);
  if (typeof value === 'string') return notAvailable(value);
  if (isRecord(value)) {
    if (value.kind === 'measured' && isNumberArray(value.samples)) return measured(value.samples, typeof value.note === 'string' ? value.note : undefined);
    if ((value.kind === 'failed' || value.kind === 'n/a') && typeof value.reason === 'string') return { kind: value.kind, reason: value.reason };
    if (isNumberArray(value.samples)) return measured(value.samples);
    if (typeof value.value === 'number') return measured([value.value]);
    if (typeof value.reason === 'string') return notAvailable(value.reason);
  }
  return notAvailable('not measured');
}

/** Ours must be measured: anything the module could not measure of ours is its failure. */
function oursOutcome(outcome: Outcome): Outcome {
  return outcome.kind === 'n/a' ? failed(outcome.reason) : outcome;
}

function toGoal(value: unknown): Goal | undefined {
  if (!isRecord(value)) return undefined;
  const { kind, op, value: n } = value;
  if ((kind === 'ratio' || kind === 'absolute') && (OPS as readonly unknown[]).includes(op) && typeof n === 'number') return { kind, op: op as Comparison, value: n };
  return undefined;
}

function toPeers(value: unknown): PeerFigure[] {
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.filter(isRecord).map((p) => [String(p.name ?? p.label ?? 'peer'), p])
    : isRecord(value)
      ? Object.entries(value)
      : [];
  return entries.map(([name, raw]) => {
    const outcome = isRecord(raw) && 'outcome' in raw ? toOutcome(raw.outcome) : toOutcome(raw);
    const goal = isRecord(raw) ? toGoal(raw.goal) : undefined;
    const bound = isRecord(raw) && typeof raw.bound === 'string' ? raw.bound : undefined;
    const control = isRecord(raw) && typeof raw.control === 'string' ? raw.control : undefined;
    return { name, outcome, ...(goal ? { goal } : {}), ...(bound ? { bound } : {}), ...(control ? { control } : {}) };
  });
}

/** One figure from a loose object, or undefined when nothing in it can be read. */
export function toFigure(raw: unknown, index: number, prefix: string): Figure | undefined {
  if (!isRecord(raw)) return undefined;
  const name = [raw.name, raw.label, raw.figure, raw.id].find((v): v is string => typeof v === 'string');
  if (!name) return undefined;
  const unitText = typeof raw.unit === 'string' ? raw.unit : undefined;
  const unit = toUnit(unitText) ?? 'count';
  const label = unitText && !toUnit(unitText) ? `${name} (${unitText})` : name;
  const goal = toGoal(raw.goal);
  const figure: Figure = {
    id: typeof raw.id === 'string' ? raw.id : `${prefix}.${index}`,
    name: typeof raw.goal === 'string' ? `${label} (goal: ${raw.goal})` : label,
    unit,
    ours: oursOutcome(toOutcome(raw.ours)),
    peers: toPeers(raw.peers),
    ...(goal ? { goal } : {}),
    ...(raw.paired === true ? { paired: true } : {}),
  };
  return figure;
}

function withDefaultGoals(figure: Figure, bench: ExternalBench): Figure {
  if (figure.unit !== 'per-second' || !bench.defaultGoals) return figure;
  // A control runs a goal peer's code again under a name that starts like it; it measures the
  // measurement, so no goal is judged on it.
  const controls = new Set(figure.peers.map((peer) => peer.control));
  const peers = figure.peers.map((peer) => {
    if (peer.goal || controls.has(peer.name)) return peer;
    const rule = bench.defaultGoals!.find((r) => r.peer.test(peer.name));
    return rule ? { ...peer, goal: rule.goal } : peer;
  });
  return { ...figure, peers };
}

function failedSection(bench: ExternalBench, reason: string): Section {
  return {
    title: bench.title,
    notes: bench.notes,
    figures: [{ id: `${bench.module}.failed`, name: bench.title, unit: 'count', ours: failed(reason), peers: [] }],
  };
}

/** Sections, figures or loose figure objects, in an array or under `figures`. */
export function normalizeExternal(result: unknown, bench: ExternalBench): Section[] {
  const list = Array.isArray(result) ? result : isRecord(result) && Array.isArray(result.figures) ? [result] : isRecord(result) ? [result] : [];
  const sections: Section[] = [];
  const loose: Figure[] = [];
  list.forEach((item, i) => {
    if (isRecord(item) && Array.isArray(item.figures) && !('ours' in item)) {
      const figures = item.figures.map((f, j) => toFigure(f, j, `${bench.module}.${i}`)).filter((f): f is Figure => f !== undefined);
      const notes = Array.isArray(item.notes) ? item.notes.filter((n): n is string => typeof n === 'string') : bench.notes;
      sections.push({ title: typeof item.title === 'string' ? item.title : bench.title, notes, figures: figures.map((f) => withDefaultGoals(f, bench)) });
      return;
    }
    const figure = toFigure(item, i, bench.module);
    if (figure) loose.push(withDefaultGoals(figure, bench));
  });
  if (loose.length) sections.unshift({ title: bench.title, notes: bench.notes, figures: loose });
  if (sections.every((s) => s.figures.length === 0)) return [failedSection(bench, `${bench.module} returned no figures in a shape the report knows`)];
  return sections;
}

export async function runExternalBench(bench: ExternalBench, options: { readonly quick: boolean }): Promise<Section[]> {
  const file = path.join(projectRoot, bench.module);
  if (!existsSync(file)) return [failedSection(bench, `${bench.module} is missing`)];
  let fn: unknown;
  try {
    fn = ((await import(pathToFileURL(file).href)) as Loose)[bench.exportName];
  } catch (err) {
    return [failedSection(bench, `${bench.module} failed to load: ${(err as Error).message.split('\n')[0]}`)];
  }
  if (typeof fn !== 'function') return [failedSection(bench, `${bench.module} does not export ${bench.exportName}()`)];
  try {
    return normalizeExternal(await (fn as (o: { quick: boolean }) => unknown)({ quick: options.quick }), bench);
  } catch (err) {
    return [failedSection(bench, `${bench.exportName}() threw: ${(err as Error).message.split('\n')[0]}`)];
  }
}
