// Loaded with `node --import` when GNU time is missing: every Node process of a tool appends its
// own peak RSS (KiB) to BENCH_RSS_FILE as it exits; the harness keeps the largest.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // Measuring must never change the tool's outcome.
    }
  });
}
