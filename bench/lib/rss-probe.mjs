// Loaded with `node --import` when GNU time is missing: every Node process of a tool appends its
// own peak RSS (KiB) and CPU time (user and system, µs) to BENCH_RSS_FILE as it exits; the
// harness keeps the largest RSS and sums the CPU times.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime}\n`);
    } catch {
      // Measuring must never change the tool's outcome.
    }
  });
}
