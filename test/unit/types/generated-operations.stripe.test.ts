// Type tests of the generated Stripe client (the other vendors': generated-operations.<vendor>.ts).
// `npm test` type-checks this file (tsconfig.json) before vitest runs it: every `@ts-expect-error`
// below must meet a real compile error, or the type-check fails with "Unused '@ts-expect-error'
// directive". The runtime part only keeps vitest honest.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createStripeClient, getCustomersCustomer, postCustomers, postPaymentIntents } from '../../../generated/stripe/index.ts';
import { PostPaymentIntentsValidator, validators } from '../../../generated/stripe/schemas.js';
import { validation } from 'svcgen/runtime/validation';

const stripe = createStripeClient({ apiKey: 'sk_test_types', fetch: async () => Response.json({ id: 'cus_1', object: 'customer' }) });

// Never awaited: these calls exist for the compiler.
function compileOnly(): void {
  // @ts-expect-error a required path parameter is missing
  void getCustomersCustomer(stripe, { params: { path: {} } });
  // @ts-expect-error the init argument itself is required when a path parameter is
  void getCustomersCustomer(stripe);
  // @ts-expect-error a wrong enum value
  void postCustomers(stripe, { body: { tax_exempt: 'sometimes' } });
  // @ts-expect-error a wrong body shape: amount is a number
  void postPaymentIntents(stripe, { body: { amount: '2000', currency: 'usd' } });
  // @ts-expect-error a required body field is missing
  void postPaymentIntents(stripe, { body: { amount: 2000 } });
  // @ts-expect-error an unknown call option
  void postPaymentIntents(stripe, { body: { amount: 2000, currency: 'usd' } }, { stripeAccont: 'acct_1' });
  void postPaymentIntents(stripe, { body: { amount: 2000, currency: 'usd', metadata: { order: '42' } } }, { stripeAccount: 'acct_1', idempotencyKey: 'k' });

  // The declared validators fit the runtime's validation option, whole or one by one…
  createStripeClient({ apiKey: 'sk_test_types', validate: validation(validators) });
  createStripeClient({ apiKey: 'sk_test_types', validate: validation({ PostPaymentIntents: PostPaymentIntentsValidator }) });
  // @ts-expect-error …and something that is not a validator does not
  validation({ PostPaymentIntents: validators.PostPaymentIntents.request });
}

describe('generated operation types', () => {
  it('type the success body by the operation', async () => {
    expect(typeof compileOnly).toBe('function');
    const customer = await getCustomersCustomer(stripe, { params: { path: { customer: 'cus_1' } } }, { retry: false });
    expectTypeOf(customer).not.toBeAny();
    expect(customer).toMatchObject({ id: 'cus_1' });
  });
});
