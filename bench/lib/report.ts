// BENCHMARKS.md: the machine, then one table per section with a row per (figure, peer), then the
// goals this run missed, computed from the same figures. The tables' layout depends only on the
// figures' ids and order, so two runs' tables differ only in their numbers; nothing is written by hand.
import { central, compare, median, type Figure, type Goal, type Outcome, type PeerFigure, type Section, type Unit } from './figure.ts';
import { formatRange, formatRatio, formatValue } from './format.ts';
import type { Machine } from './machine.ts';

const SYMBOL = { '<': '<', '<=': '≤', '>=': '≥', '>': '>' } as const;

export interface ReportInput {
  readonly machine: Machine;
  readonly quick: boolean;
  readonly command: string;
  readonly sections: readonly Section[];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

export function formatOutcome(unit: Unit, outcome: Outcome): string {
  if (outcome.kind === 'n/a') return `n/a (${outcome.reason})`;
  if (outcome.kind === 'failed') return `failed: ${outcome.reason}`;
  const value = central(outcome);
  if (value === undefined) return 'n/a (no samples)';
  let text = formatValue(unit, value);
  if (outcome.samples.length > 1) text += ` (${formatRange(unit, Math.min(...outcome.samples), Math.max(...outcome.samples))}, n=${outcome.samples.length})`;
  if (outcome.note) text += `; ${outcome.note}`;
  return text;
}

export function formatGoal(unit: Unit, goal: Goal): string {
  if (goal.kind === 'ratio') return `${SYMBOL[goal.op]} ${goal.value}×`;
  if (goal.op === '<=' && goal.value === 0) return `${formatValue(unit, 0)}`;
  return `${SYMBOL[goal.op]} ${formatValue(unit, goal.value)}`;
}

/** `yes`/`no` when both sides were measured, else `—`. */
export function goalMet(figure: Figure, goal: Goal, peer?: PeerFigure): string {
  const ours = central(figure.ours);
  if (ours === undefined) return '—';
  if (goal.kind === 'absolute') return compare(ours, goal.op, goal.value) ? 'yes' : 'no';
  const theirs = peer ? central(peer.outcome) : undefined;
  if (theirs === undefined || theirs === 0) return '—';
  return compare(ours / theirs, goal.op, goal.value) ? 'yes' : 'no';
}

function ratio(figure: Figure, peer: PeerFigure): string {
  const ours = central(figure.ours);
  const theirs = central(peer.outcome);
  if (ours === undefined || theirs === undefined || theirs === 0) return '—';
  return formatRatio(ours / theirs);
}

/** The table rows of one figure: one per peer, or one alone when it has none. */
export function figureRows(figure: Figure): string[][] {
  const ours = formatOutcome(figure.unit, figure.ours);
  const absolute = figure.goal ? { text: formatGoal(figure.unit, figure.goal), met: goalMet(figure, figure.goal) } : undefined;
  if (figure.peers.length === 0) {
    return [[figure.name, ours, '—', '—', '—', absolute?.text ?? '—', absolute?.met ?? '—']];
  }
  return figure.peers.map((peer, i) => {
    const goals: string[] = [];
    const met: string[] = [];
    if (absolute && i === 0) {
      goals.push(absolute.text);
      met.push(absolute.met);
    }
    if (peer.goal) {
      goals.push(formatGoal(figure.unit, peer.goal));
      met.push(goalMet(figure, peer.goal, peer));
    }
    return [
      i === 0 ? figure.name : '〃',
      i === 0 ? ours : '〃',
      peer.name,
      formatOutcome(figure.unit, peer.outcome),
      ratio(figure, peer),
      goals.join('; ') || '—',
      met.join('; ') || '—',
    ];
  });
}

const HEADER = ['figure', 'ours', 'peer', "peer's figure", 'ours ÷ peer', 'goal', 'met'];

export function renderTable(figures: readonly Figure[]): string {
  const lines = [`| ${HEADER.join(' | ')} |`, `| ${HEADER.map(() => '---').join(' | ')} |`];
  for (const figure of figures) for (const row of figureRows(figure)) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

export function renderReport(input: ReportInput): string {
  const m = input.machine;
  const out: string[] = [
    '# Benchmarks',
    '',
    `Written by \`${input.command}\`${input.quick ? ' in **quick mode** (one run on tiny inputs: the numbers only show the scripts work)' : ''}. ` +
      'Each figure is the median of its runs, with the min–max and the number of runs; every peer was measured in the same run on the same vendored spec files. ' +
      '"ours ÷ peer" divides the medians; "met" says whether the goal holds.',
    '',
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    `| date | ${m.date} |`,
    `| CPU | ${cell(m.cpu)} × ${m.cores} cores |`,
    `| memory | ${m.memoryGiB} GiB |`,
    `| OS | ${cell(m.os)} |`,
    `| Node | ${m.node} |`,
    `| project commit | ${m.commit} |`,
    `| load average at start | ${m.loadAverage} (1 min) |`,
    `| peak memory from | ${m.memorySource} |`,
    `| tool versions | ${cell(m.tools.map((t) => `${t.name} ${t.version}`).join(', '))} |`,
    '',
  ];
  for (const section of input.sections) {
    out.push(`## ${section.title}`, '');
    for (const note of section.notes) out.push(`- ${note}`);
    if (section.notes.length) out.push('');
    out.push(renderTable(section.figures), '');
    if (section.body?.length) out.push(...section.body, '');
  }
  // Quick numbers come from tiny inputs and single samples: no goal is judged on them.
  if (!input.quick) out.push(...renderMisses(input.sections));
  return out.join('\n');
}

export interface Miss {
  readonly figure: string;
  readonly peer: string;
  readonly goal: string;
  readonly measured: string;
  /** How far the median is from the goal, as a share of the goal. */
  readonly by: string;
  /** Paired figures: the ratio of each pair of samples, min–max and n. */
  readonly pairs: string;
  /** The peer's bound row ÷ the peer and ours ÷ that row (medians), when the peer names one that was measured; else `—`. */
  readonly bound: string;
  /** The peer's control row ÷ the peer (paired: per round, median and min–max), when the peer names one that was measured; else `—`. */
  readonly control: string;
}

function shortfall(actual: number, goal: Goal): string {
  if (goal.value === 0) return `${formatRatio(actual)} over 0`;
  const share = Math.abs(actual / goal.value - 1) * 100;
  const side = goal.op === '<' || goal.op === '<=' ? 'over' : 'under';
  return `${share < 10 ? share.toFixed(1) : Math.round(share)} % ${side}`;
}

/** Ours ÷ peer for each pair of samples taken in the same round; undefined unless the figure is paired and both sides were measured alike. */
export function pairRatios(figure: Figure, peer: PeerFigure): number[] | undefined {
  const ours = figure.ours;
  const theirs = peer.outcome;
  if (!figure.paired || ours.kind !== 'measured' || theirs.kind !== 'measured' || ours.samples.length !== theirs.samples.length) return undefined;
  return ours.samples.map((x, i) => x / theirs.samples[i]!).filter(Number.isFinite);
}

/** How near the goal the work itself came in this run: the bound row ÷ the peer, and ours ÷ the bound row. */
function boundText(figure: Figure, peer: PeerFigure): string {
  const row = peer.bound === undefined ? undefined : figure.peers.find((p) => p.name === peer.bound);
  const least = row && central(row.outcome);
  const theirs = central(peer.outcome);
  const ours = central(figure.ours);
  if (least === undefined || theirs === undefined || ours === undefined || theirs === 0 || least === 0) return '—';
  return `"${row!.name}" ÷ peer ${formatRatio(least / theirs)}; ours ÷ it ${formatRatio(ours / least)}`;
}

/** How much the measurement varies on its own: the peer's control row (the same code, run again) ÷ the peer. */
function controlText(figure: Figure, peer: PeerFigure): string {
  const row = peer.control === undefined ? undefined : figure.peers.find((p) => p.name === peer.control);
  if (!row || central(row.outcome) === undefined) return '—';
  // The control against the peer, paired as ours is: the control row in ours' place.
  const ratios = pairRatios({ ...figure, ours: row.outcome }, peer);
  if (ratios && ratios.length > 1) {
    return `"${row.name}" ÷ peer ${formatRatio(median(ratios))} per round (${formatRatio(Math.min(...ratios))}–${formatRatio(Math.max(...ratios))}, n=${ratios.length})`;
  }
  const theirs = central(peer.outcome);
  return theirs ? `"${row.name}" ÷ peer ${formatRatio(central(row.outcome)! / theirs)}` : '—';
}

function pairedRatios(figure: Figure, peer: PeerFigure): string {
  const ratios = pairRatios(figure, peer) ?? [];
  if (ratios.length < 2) return '—';
  return `${formatRatio(Math.min(...ratios))}–${formatRatio(Math.max(...ratios))} (n=${ratios.length})`;
}

/** Every goal this run measured both sides of and did not meet. */
export function misses(sections: readonly Section[]): Miss[] {
  const found: Miss[] = [];
  for (const figure of sections.flatMap((s) => s.figures)) {
    const ours = central(figure.ours);
    if (ours === undefined) continue;
    if (figure.goal && goalMet(figure, figure.goal) === 'no') {
      found.push({ figure: figure.name, peer: '—', goal: formatGoal(figure.unit, figure.goal), measured: formatValue(figure.unit, ours), by: shortfall(ours, figure.goal), pairs: '—', bound: '—', control: '—' });
    }
    for (const peer of figure.peers) {
      if (!peer.goal || goalMet(figure, peer.goal, peer) !== 'no') continue;
      const ratio = ours / central(peer.outcome)!;
      found.push({ figure: figure.name, peer: peer.name, goal: formatGoal(figure.unit, peer.goal), measured: formatRatio(ratio), by: shortfall(ratio, peer.goal), pairs: pairedRatios(figure, peer), bound: boundText(figure, peer), control: controlText(figure, peer) });
    }
  }
  return found;
}

function renderMisses(sections: readonly Section[]): string[] {
  const found = misses(sections);
  const out = ['## Goals not met in this run', ''];
  if (found.length === 0) return [...out, 'Every goal whose two sides were measured was met.', ''];
  out.push(
    'Computed from the tables above, nothing added by hand. "pairs" is the spread of ours ÷ peer over the pairs of samples taken in the same round of this run (for figures whose samples are paired), so a miss can be told from a single unlucky sample. ' +
      '"the least the work needs" names the row of the same figure that does only what the goal\'s work requires of any contender (for a verifier: the headers read, the signature decoded and verified, the timestamp checked, the text encoded, the body parsed and its shape checked; for a client: a timeout that can cancel the request), that row ÷ the peer, and ours ÷ that row, all medians of this run: how near the goal the work itself came, and what is left to ours. ' +
      '"the peer against itself" names the row of the same figure that runs the peer\'s own code again as a contender of its own, and its ratio to the peer (per round, where the samples are paired): how much two rows differ in this run when nothing in the code does.',
    '',
  );
  const header = ['figure', 'peer', 'goal', 'measured (medians)', 'by how much', 'pairs: min–max (n)', 'the least the work needs', 'the peer against itself'];
  out.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
  for (const m of found) out.push(`| ${[m.figure, m.peer, m.goal, m.measured, m.by, m.pairs, m.bound, m.control].map(cell).join(' | ')} |`);
  return [...out, ''];
}
