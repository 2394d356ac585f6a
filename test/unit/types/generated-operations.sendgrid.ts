// Type tests of the generated SendGrid client. `npm test` type-checks this file (tsconfig.json):
// every `@ts-expect-error` below must meet a real compile error, or the type-check fails with
// "Unused '@ts-expect-error' directive". Nothing here runs (generated-operations.stripe.test.ts
// holds the runtime part).
import { createSendGridClient, sendMail } from '../../../generated/sendgrid/index.ts';

/** Never called: these calls exist for the compiler. */
export function compileOnly(): void {
  const sendgrid = createSendGridClient({ apiKey: 'SG.x.y' });
  // @ts-expect-error SendGrid's mail send needs personalizations
  void sendMail(sendgrid, { body: { from: { email: 'a@example.com' }, subject: 's' } });
  // @ts-expect-error the region is one of the spec's servers
  createSendGridClient({ apiKey: 'SG.x.y', server: 'us' });
}
