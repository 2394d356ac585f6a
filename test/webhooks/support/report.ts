// Each vendor's suite tallies what it measured and prints one summary line when it ends, so
// `npm run test:webhooks` shows the oracle agreement and fuzz results at a glance.

export interface VendorTally {
  oracleAgree: number;
  oracleCases: number;
  fuzzRuns: number;
  forgedAccepted: number;
}

export function newTally(): VendorTally {
  return { oracleAgree: 0, oracleCases: 0, fuzzRuns: 0, forgedAccepted: 0 };
}

export function reportLine(vendor: string, t: VendorTally): string {
  return `webhooks ${vendor}: oracle ${t.oracleAgree}/${t.oracleCases} fuzz ${t.fuzzRuns} forged-accepted ${t.forgedAccepted}`;
}

export function printReport(vendor: string, t: VendorTally): void {
  process.stdout.write(reportLine(vendor, t) + '\n');
}
