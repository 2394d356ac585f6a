// Each vendor's suite tallies what it measured and prints one summary line when it ends, so
// `npm run test:webhooks` shows the oracle agreement and fuzz results at a glance.
import { expect } from 'vitest';
import type { VerifyResult } from '../../../runtime/webhooks.ts';

export interface VendorTally {
  oracleAgree: number;
  oracleCases: number;
  /** Oracle cases whose genuine verdict was accept, and reject. */
  accepted: number;
  rejected: number;
  fuzzRuns: number;
  forgedAccepted: number;
}

export function newTally(): VendorTally {
  return { oracleAgree: 0, oracleCases: 0, accepted: 0, rejected: 0, fuzzRuns: 0, forgedAccepted: 0 };
}

/** `oracleNote` says what the oracle is when it is not the vendor's own library. */
export function reportLine(vendor: string, t: VendorTally, oracleNote?: string): string {
  const note = oracleNote ? ` (oracle: ${oracleNote})` : '';
  return `webhooks ${vendor}: oracle ${t.oracleAgree}/${t.oracleCases}${note} fuzz ${t.fuzzRuns} forged-accepted ${t.forgedAccepted}`;
}

export function printReport(vendor: string, t: VendorTally, oracleNote?: string): void {
  process.stdout.write(reportLine(vendor, t, oracleNote) + '\n');
}

/**
 * Records one oracle case: whether our verdict matched the independent one, and, when we accepted,
 * that the event handed back is the body that was signed. Returns the agreement for fast-check.
 */
export function recordOracleCase(t: VendorTally, ours: VerifyResult<unknown>, oracle: boolean, body: string): boolean {
  t.oracleCases++;
  if (ours.ok === oracle) t.oracleAgree++;
  if (oracle) t.accepted++;
  else t.rejected++;
  if (ours.ok) expect(ours.event).toEqual(JSON.parse(body));
  return ours.ok === oracle;
}

/** Full agreement over enough cases, with both verdicts well represented (not agreement on one answer). */
export function expectOracleAgreement(t: VendorTally, least: { cases: number; accepted: number; rejected: number }): void {
  expect(t.oracleAgree).toBe(t.oracleCases);
  expect(t.oracleCases).toBeGreaterThanOrEqual(least.cases);
  expect(t.accepted).toBeGreaterThan(least.accepted);
  expect(t.rejected).toBeGreaterThan(least.rejected);
}
