// Type tests of the generated Airwallex client. `npm test` type-checks this file (tsconfig.json):
// every `@ts-expect-error` below must meet a real compile error, or the type-check fails with
// "Unused '@ts-expect-error' directive". Nothing here runs (generated-operations.stripe.test.ts
// holds the runtime part).
import { createAirwallexClient, createTransferUsingPOST } from '../../../generated/airwallex/index.ts';

/** Never called: these calls exist for the compiler. */
export function compileOnly(): void {
  const airwallex = createAirwallexClient({ clientId: 'id', apiKey: 'key' });
  // request_id is filled by the client when left out, so it is optional here…
  void createTransferUsingPOST(airwallex, { body: { reason: 'r', reference: 'x', transfer_currency: 'SGD' } });
  // @ts-expect-error …but the other required fields are not
  void createTransferUsingPOST(airwallex, { body: { reason: 'r', transfer_currency: 'SGD' } });
  // @ts-expect-error Airwallex credentials are required
  createAirwallexClient({ clientId: 'id' });
}
