// The order in which contenders take their turns. A fixed order lets one contender always run
// first (on a quieter machine, a colder cache) or always right after the same other one; these
// orders move every contender through every position over the runs.

/** Indexes 0..count-1: forward on even runs, reversed on odd ones (ABBA over two contenders). */
export function alternatingOrder(count: number, run: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  return run % 2 ? order.reverse() : order;
}

/** Indexes rotated by `run`, and reversed on odd runs: over 2 × count runs, every position and neighbour. */
export function rotatedOrder(count: number, run: number): number[] {
  const rotated = Array.from({ length: count }, (_, i) => (i + run) % count);
  return run % 2 ? rotated.reverse() : rotated;
}
