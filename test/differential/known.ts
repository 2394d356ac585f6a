// Applying a test's list of known differences to a case's problems.
import type { CaseResult } from './report.ts';

export interface KnownDifference {
  /** Why the two requests differ, and why that is not our client's fault. */
  reason: string;
  /** Every problem the difference explains matches one of these. */
  problems: RegExp[];
}

/**
 * Classifies a compared case: `same` without problems; `known` when a listed difference explains
 * every problem; otherwise `different`. A listed difference that explains nothing is reported as
 * a problem, so the list cannot go stale unnoticed.
 */
export function classify(base: Omit<CaseResult, 'outcome' | 'problems'>, problems: string[], known: KnownDifference | undefined): CaseResult {
  if (problems.length === 0) {
    if (!known) return { ...base, outcome: 'same', problems };
    return { ...base, outcome: 'different', problems: [`listed as a known difference, but the requests are the same: remove it (${known.reason})`] };
  }
  if (known && problems.every((p) => known.problems.some((pattern) => pattern.test(p)))) {
    return { ...base, outcome: 'known', problems, note: known.reason };
  }
  return { ...base, outcome: 'different', problems };
}
