// How a tool's cost grows with the size of a spec, from one (size, cost) point per spec: the
// least-squares slope of log(cost) on log(size) (1 means cost proportional to size; well below 1
// means a fixed start-up cost still outweighs the per-operation work) and the cost per unit of size.
import { median } from './lib/figure.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** y = intercept + slope × x; for fitLogLog, in log10 of both. */
export interface Line {
  readonly slope: number;
  readonly intercept: number;
}

/** Points a log-log fit can use: both coordinates positive and finite. */
function usable(points: readonly Point[]): Point[] {
  return points.filter((p) => p.x > 0 && p.y > 0 && Number.isFinite(p.x) && Number.isFinite(p.y));
}

/** Ordinary least squares of y on x; undefined with fewer than two distinct x. */
function leastSquares(points: readonly Point[]): Line | undefined {
  if (points.length < 2) return undefined;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return undefined;
  const slope = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  return { slope, intercept: my - slope * mx };
}

/** Least squares of log10(y) on log10(x); undefined with fewer than two distinct sizes. */
export function fitLogLog(points: readonly Point[]): Line | undefined {
  return leastSquares(usable(points).map((p) => ({ x: Math.log10(p.x), y: Math.log10(p.y) })));
}

/**
 * Least squares of y on x (not logged): the intercept is the cost a spec of no size would have
 * (start-up), the slope the cost each further unit of size adds. Undefined with fewer than two distinct sizes.
 */
export function fitLinear(points: readonly Point[]): Line | undefined {
  return leastSquares(usable(points));
}

/** The points whose size is at least the median size: the top of the range, where start-up weighs least. */
export function upperHalf(points: readonly Point[]): Point[] {
  const ok = usable(points);
  if (ok.length === 0) return [];
  const mid = median(ok.map((p) => p.x));
  return ok.filter((p) => p.x >= mid);
}

/** Median of cost ÷ size over the points (e.g. milliseconds per operation). */
export function medianPerUnit(points: readonly Point[]): number | undefined {
  const ok = usable(points);
  return ok.length ? median(ok.map((p) => p.y / p.x)) : undefined;
}

/** One point's cost per unit of size against the median of all points': above 1, dearer per unit than usual. */
export function perUnitRatio(point: Point, points: readonly Point[]): number | undefined {
  const typical = medianPerUnit(points);
  if (typical === undefined || typical === 0 || !(point.x > 0)) return undefined;
  return point.y / point.x / typical;
}
