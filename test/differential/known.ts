// Applying a test's list of known differences to a case's problems.
import type { CaseResult } from './report.ts';

export interface KnownDifference {
  /** Why the two requests differ, and why that is not our client's fault. */
  reason: string;
  /** Every problem the difference explains matches one of these. */
  problems: RegExp[];
  /**
   * The difference is the SDK leaving the vendor's spec: the case is accepted as known only when
   * the SDK's request carries query parameters the operation does not declare and ours carries
   * none, so the reason is checked against the spec on every run rather than taken on trust.
   */
  sdkOffSpec?: true;
}

/** Query parameter names each side sent that the operation does not declare. */
export interface QueryConformance {
  sdk: string[];
  ours: string[];
  /**
   * Names ours sent that only our overlays declare (the vendor's own file does not): the check
   * that ours stays within the spec rests on our overlay there, and the note says so.
   */
  oursOverlayOnly?: string[];
}

/**
 * Classifies a compared case: `same` without problems; `known` when a listed difference explains
 * every problem (and, for an off-spec SDK, the spec confirms it); otherwise `different`. A listed
 * difference that explains nothing is reported as a problem, so the list cannot go stale unnoticed.
 */
export function classify(
  base: Omit<CaseResult, 'outcome' | 'problems'>,
  problems: string[],
  known: KnownDifference | undefined,
  conformance?: QueryConformance,
): CaseResult {
  if (problems.length === 0) {
    if (!known) return { ...base, outcome: 'same', problems };
    return { ...base, outcome: 'different', problems: [`listed as a known difference, but the requests are the same: remove it (${known.reason})`] };
  }
  if (known && problems.every((p) => known.problems.some((pattern) => pattern.test(p)))) {
    if (!known.sdkOffSpec) return { ...base, outcome: 'known', problems, note: known.reason };
    if (conformance && conformance.sdk.length > 0 && conformance.ours.length === 0) {
      const overlay = conformance.oursOverlayOnly?.length ? ` (${conformance.oursOverlayOnly.join(', ')} declared by our overlay only, not by the vendor's file)` : '';
      return { ...base, outcome: 'known', problems, note: `${known.reason} [spec check: the SDK sends undeclared ${conformance.sdk.join(', ')}; ours sends only declared parameters${overlay}]` };
    }
    const found = conformance ? `SDK undeclared [${conformance.sdk.join(', ')}], ours undeclared [${conformance.ours.join(', ')}]` : 'no spec check was made';
    return { ...base, outcome: 'different', problems: [...problems, `listed as the SDK leaving the spec, but the spec does not confirm it: ${found}`] };
  }
  return { ...base, outcome: 'different', problems };
}
