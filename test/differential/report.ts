// The outcome of one differential case and the vendor's summary. A case is `same` only when the
// two clients' requests matched after the vendor-wide rules its test lists (headers that differ by
// design, SDK cache busters…); a per-operation known difference is reported with its reason but
// never counted as the same.

export type Outcome =
  /** Both clients sent the same request. */
  | 'same'
  /** They differ exactly as a listed known difference says (reason in `note`). */
  | 'known'
  /** They differ, and no listed reason covers it. */
  | 'different'
  /** The SDK has the operation, our client does not. */
  | 'sdk-only'
  /** Our client has the operation, the SDK does not. */
  | 'ours-only';

export interface CaseResult {
  /** `METHOD /path` as our client (or the SDK, for sdk-only cases) writes it. */
  route: string;
  /** The SDK's method, e.g. `payouts/payoutsTransfersApi.js createTransfer` or `customers.create`. */
  sdk?: string;
  /** Our generated function. */
  ours?: string;
  outcome: Outcome;
  problems: string[];
  /** The reason of a known difference or a one-sided operation. */
  note?: string;
  /** What the SDK's request carried, so a test can show the comparison was not vacuous. */
  sent?: {
    body: 'none' | 'json' | 'form' | 'multipart' | 'other';
    queryPairs: number;
    /** When the case gave both clients one idempotency key: the key and what each sent. */
    idempotencyKey?: { given: string; sdk: string | undefined; ours: string | undefined };
  };
  /**
   * Outside the set under test (e.g. an operation the SDK does not implement): listed,
   * but not part of the total.
   */
  outside?: boolean;
}

export interface DifferentialSummary {
  vendor: string;
  same: number;
  total: number;
  /** `differential <vendor>: <same>/<total>` */
  line: string;
  /** Indented lines: what was compared (when given), then every case that is not `same`, grouped by outcome. */
  details: string[];
}

const GROUPS: { outcome: Outcome; title: string }[] = [
  { outcome: 'different', title: 'different (unexplained)' },
  { outcome: 'known', title: 'known differences' },
  { outcome: 'sdk-only', title: 'only in the SDK' },
  { outcome: 'ours-only', title: 'only in our client' },
];

function describe(result: CaseResult): string {
  const names = [result.ours, result.sdk].filter(Boolean).join(' ↔ ');
  const why = result.note ?? result.problems.slice(0, 3).join(' | ');
  return `    ${result.route}${names ? ` (${names})` : ''}${why ? `: ${why}` : ''}`;
}

export function summarize(vendor: string, results: readonly CaseResult[], compared?: string): DifferentialSummary {
  const counted = results.filter((r) => !r.outside);
  const same = counted.filter((r) => r.outcome === 'same').length;
  const details: string[] = compared ? [`  ${compared}`] : [];
  for (const { outcome, title } of GROUPS) {
    const group = counted.filter((r) => r.outcome === outcome);
    if (group.length > 0) details.push(`  ${title} (${group.length}):`, ...group.map(describe));
  }
  for (const { outcome, title } of GROUPS) {
    const group = results.filter((r) => r.outside && r.outcome === outcome);
    // Outside the set under test: one compact line, so the list is printed without drowning the rest.
    const routes = group.map((r) => r.route).sort();
    if (routes.length === 0) continue;
    // Listed with reasons where the test gives them (e.g. routes the newer SDK dropped).
    if (group.every((r) => r.note)) details.push(`  ${title}, not under test (${group.length}):`, ...group.map(describe));
    else details.push(`  ${title}, not under test (${routes.length}): ${routes.join(', ')}`);
  }
  return { vendor, same, total: counted.length, line: `differential ${vendor}: ${same}/${counted.length}`, details };
}
