// A log-log scatter chart as plain SVG text: one panel per measured quantity, side by side, one
// marker shape and colour per tool, and each series' least-squares line (./scaling-fit.ts) dashed
// over the range of its points. Everything drawn comes from the points passed in.
import { fitLogLog, type Point } from './scaling-fit.ts';

export interface ChartSeries {
  readonly name: string;
  readonly marker: 'circle' | 'square';
  readonly color: string;
  readonly points: readonly Point[];
}

export interface ChartPanel {
  readonly yLabel: string;
  readonly series: readonly ChartSeries[];
}

export interface Chart {
  readonly title: string;
  /** One line at the top right, e.g. what the dashed lines are. */
  readonly note?: string;
  readonly xLabel: string;
  readonly panels: readonly ChartPanel[];
}

const PANEL_W = 440;
const PANEL_H = 320;
const MARGIN = { left: 64, right: 16, top: 16, bottom: 48 };
const HEADER_H = 72;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Bounds around the values with a quarter of their value to spare each side (log axes), at least a factor 2 wide. */
export function logDomain(values: readonly number[]): [number, number] {
  const ok = values.filter((v) => v > 0 && Number.isFinite(v));
  if (ok.length === 0) return [1, 10];
  const lo = Math.min(...ok) / 1.25;
  const hi = Math.max(Math.max(...ok) * 1.25, lo * 2);
  return [lo, hi];
}

/** Ticks inside a log axis: 1-2-5 of each decade, or only the powers of ten over more than three decades, or more steps within about one. */
export function logTicks([lo, hi]: readonly [number, number]): number[] {
  const span = Math.log10(hi / lo);
  const steps = span > 3 ? [1] : span > 1.2 ? [1, 2, 5] : [1, 1.5, 2, 3, 5, 7];
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of steps) {
      const t = Number((m * 10 ** e).toPrecision(3));
      if (t >= lo && t <= hi) ticks.push(t);
    }
  }
  return ticks;
}

export function tickLabel(value: number): string {
  if (value >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (value >= 1e4) return `${Number((value / 1e3).toPrecision(3))}k`;
  return String(Number(value.toPrecision(3)));
}

function scale([lo, hi]: readonly [number, number], from: number, to: number): (v: number) => number {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return (v) => from + ((Math.log10(v) - a) / (b - a)) * (to - from);
}

const r1 = (n: number) => Number(n.toFixed(1));

function marker(kind: ChartSeries['marker'], x: number, y: number, color: string): string {
  if (kind === 'square') return `<rect x="${r1(x - 3.5)}" y="${r1(y - 3.5)}" width="7" height="7" fill="${color}" fill-opacity="0.75"/>`;
  return `<circle cx="${r1(x)}" cy="${r1(y)}" r="4" fill="${color}" fill-opacity="0.75"/>`;
}

function renderPanel(panel: ChartPanel, xDomain: [number, number], xLabel: string, offsetX: number): string[] {
  const plot = { x0: offsetX + MARGIN.left, x1: offsetX + PANEL_W - MARGIN.right, y0: HEADER_H + MARGIN.top, y1: HEADER_H + PANEL_H - MARGIN.bottom };
  const yDomain = logDomain(panel.series.flatMap((s) => s.points.map((p) => p.y)));
  const sx = scale(xDomain, plot.x0, plot.x1);
  const sy = scale(yDomain, plot.y1, plot.y0);
  const out: string[] = [`<rect x="${plot.x0}" y="${plot.y0}" width="${plot.x1 - plot.x0}" height="${plot.y1 - plot.y0}" fill="none" stroke="#999"/>`];
  for (const t of logTicks(xDomain)) {
    const x = r1(sx(t));
    out.push(`<line x1="${x}" y1="${plot.y0}" x2="${x}" y2="${plot.y1}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${x}" y="${plot.y1 + 16}" text-anchor="middle">${tickLabel(t)}</text>`);
  }
  for (const t of logTicks(yDomain)) {
    const y = r1(sy(t));
    out.push(`<line x1="${plot.x0}" y1="${y}" x2="${plot.x1}" y2="${y}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${plot.x0 - 6}" y="${y + 4}" text-anchor="end">${tickLabel(t)}</text>`);
  }
  out.push(`<text x="${(plot.x0 + plot.x1) / 2}" y="${plot.y1 + 36}" text-anchor="middle">${escapeXml(xLabel)}</text>`);
  const midY = (plot.y0 + plot.y1) / 2;
  out.push(`<text x="${offsetX + 16}" y="${midY}" text-anchor="middle" transform="rotate(-90 ${offsetX + 16} ${midY})">${escapeXml(panel.yLabel)}</text>`);
  for (const series of panel.series) {
    const points = series.points.filter((p) => p.x > 0 && p.y > 0);
    const line = fitLogLog(points);
    if (line) {
      const xs = points.map((p) => p.x);
      const ends = [Math.min(...xs), Math.max(...xs)].map((x) => ({ x, y: 10 ** (line.intercept + line.slope * Math.log10(x)) }));
      out.push(`<line x1="${r1(sx(ends[0]!.x))}" y1="${r1(sy(ends[0]!.y))}" x2="${r1(sx(ends[1]!.x))}" y2="${r1(sy(ends[1]!.y))}" stroke="${series.color}" stroke-dasharray="5 4"/>`);
    }
    for (const p of points) out.push(marker(series.marker, sx(p.x), sy(p.y), series.color));
  }
  return out;
}

/** The whole chart; the panels share the x axis's domain so they line up. */
export function renderChart(chart: Chart): string {
  const width = PANEL_W * chart.panels.length;
  const height = HEADER_H + PANEL_H;
  const xDomain = logDomain(chart.panels.flatMap((panel) => panel.series.flatMap((s) => s.points.map((p) => p.x))));
  const legend = chart.panels[0]?.series ?? [];
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(chart.title)}</text>`,
  ];
  legend.forEach((s, i) => {
    const y = 40 + i * 18;
    out.push(marker(s.marker, MARGIN.left, y, s.color));
    out.push(`<text x="${MARGIN.left + 10}" y="${y + 4}">${escapeXml(s.name)}</text>`);
  });
  if (chart.note) out.push(`<text x="${width - MARGIN.right}" y="44" text-anchor="end" fill="#555">${escapeXml(chart.note)}</text>`);
  chart.panels.forEach((panel, i) => out.push(...renderPanel(panel, xDomain, chart.xLabel, i * PANEL_W)));
  out.push('</svg>');
  return out.join('\n') + '\n';
}
