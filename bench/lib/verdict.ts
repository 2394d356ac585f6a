// Whether a benchmark run succeeded: our own code must produce every figure it is asked for. A
// peer that fails (refuses an input, runs out of memory) is a result and stays a row; a failure
// of ours (a crashed module, a generator error, output that does not build) fails the run.
import type { Section } from './figure.ts';

/** One line per figure whose `ours` failed: `section: figure: reason`. */
export function oursFailures(sections: readonly Section[]): string[] {
  const lines: string[] = [];
  for (const section of sections) {
    for (const figure of section.figures) {
      const ours = figure.ours;
      if (ours.kind === 'failed') lines.push(`${section.title}: ${figure.name}: ${ours.reason}`);
      else if (ours.kind === 'measured' && ours.samples.length === 0) lines.push(`${section.title}: ${figure.name}: no samples`);
    }
  }
  return lines;
}
