// The one shape every benchmark returns: a figure is a quantity measured for our code and for the
// peers in the same run, with the goal it is held to. The report renders nothing else.

/** Base units: milliseconds, bytes, a plain count, operations per second, or a dimensionless number shown to two decimals (a slope, a ratio). */
export type Unit = 'ms' | 'bytes' | 'count' | 'per-second' | 'decimal';

export type Outcome =
  /** One number per run; the report shows the median and the min–max. */
  | { readonly kind: 'measured'; readonly samples: readonly number[]; readonly note?: string }
  /** The tool ran and failed (a refused input, a timeout, out of memory): a result in itself. */
  | { readonly kind: 'failed'; readonly reason: string }
  /** Nothing to measure (our generator not ready, a module missing). */
  | { readonly kind: 'n/a'; readonly reason: string };

export type Comparison = '<' | '<=' | '>=' | '>';

/**
 * `ratio`: ours ÷ this peer compared with `value` (on a peer). `absolute`: ours compared with
 * `value` in the figure's unit (on the figure).
 */
export interface Goal {
  readonly kind: 'ratio' | 'absolute';
  readonly op: Comparison;
  readonly value: number;
}

export interface PeerFigure {
  readonly name: string;
  readonly outcome: Outcome;
  readonly goal?: Goal;
  /**
   * The name of another peer of the same figure that does the least any contender must do for
   * this goal's work (verify and also parse the body, send and also be able to cancel). That
   * row ÷ this peer, measured in the same run, is how near the goal the work itself can come;
   * a missed goal is reported with it.
   */
  readonly bound?: string;
  /**
   * The name of another peer of the same figure that runs this very peer's code again, as a
   * contender of its own (another process, say). Its paired ratio to this peer is how much the
   * measurement varies on its own in this run; a missed goal is reported with it.
   */
  readonly control?: string;
}

export interface Figure {
  /** Stable, unique within a report: `generation.quick.wall`. */
  readonly id: string;
  readonly name: string;
  readonly unit: Unit;
  readonly ours: Outcome;
  readonly peers: readonly PeerFigure[];
  readonly goal?: Goal;
  /**
   * Sample i of ours and sample i of each peer were taken in the same round, in turn, so the ratio
   * of each pair is itself a measurement and the report can show their spread.
   */
  readonly paired?: boolean;
}

export interface Section {
  readonly title: string;
  /** How the figures were taken: inputs, runs, what a number includes. */
  readonly notes: readonly string[];
  readonly figures: readonly Figure[];
  /** Markdown the section adds below its table (a chart, a per-input table), made from the same run's numbers. */
  readonly body?: readonly string[];
}

export interface BenchOptions {
  /** Once each, on tiny inputs: keeps the scripts working in CI; the numbers mean nothing. */
  readonly quick: boolean;
  /** Runs per measured figure (default: 1 when quick, else the benchmark's own default). */
  readonly runs?: number;
  /**
   * Name of this run's scratch folder under bench/.work (default: the benchmark's name). Tests
   * pass their own, so they never empty the folder of a benchmark running at the same time.
   */
  readonly scratch?: string;
}

export function measured(samples: readonly number[], note?: string): Outcome {
  return note === undefined ? { kind: 'measured', samples } : { kind: 'measured', samples, note };
}

export function failed(reason: string): Outcome {
  return { kind: 'failed', reason };
}

export function notAvailable(reason: string): Outcome {
  return { kind: 'n/a', reason };
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of a measured outcome, else undefined. */
export function central(outcome: Outcome): number | undefined {
  return outcome.kind === 'measured' && outcome.samples.length > 0 ? median(outcome.samples) : undefined;
}

export function compare(actual: number, op: Comparison, value: number): boolean {
  switch (op) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>=':
      return actual >= value;
    case '>':
      return actual > value;
  }
}

export function runsFor(options: BenchOptions, fallback: number): number {
  if (options.runs !== undefined) return Math.max(1, Math.floor(options.runs));
  return options.quick ? 1 : fallback;
}
