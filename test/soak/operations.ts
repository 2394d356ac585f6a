// The soak drives real generated operations: Stripe's getCustomersCustomer (safe) and
// postPaymentIntents (keyed by Idempotency-Key), Airwallex's createTransferUsingPOST (keyed by the
// request_id body field) and SendGrid's sendMail (unsafe: no idempotency mechanism). Each client is
// created the way a user would, with the soak's policy tuning and the test's fault-injecting
// transport. `npm test` generates generated/ before the suites run.
import type { BaseClientOptions, CallOptions } from '../../runtime/client.ts';
import type { FetchLike } from '../../runtime/contract.ts';
import type { PolicyEvent } from '../../runtime/policy/events.ts';
import { createAirwallexClient, createTransferUsingPOST, type AirwallexClient } from '../../generated/airwallex/index.ts';
import { createSendGridClient, sendMail as sendGridMail, type SendGridClient } from '../../generated/sendgrid/index.ts';
import { createStripeClient, getCustomersCustomer, postPaymentIntents as stripePostPaymentIntents, type StripeClient } from '../../generated/stripe/index.ts';

export interface SoakTuning {
  retry: { maxRetries: number; baseDelayMs: number; maxDelayMs: number };
  ratePerSecond: number;
  burst: number;
  breaker: { consecutiveFailures: number; cooldownMs: number };
  timeoutMs: number;
  totalTimeoutMs: number;
  maxWaitMs: number;
  /** Turn the limiter off (the breaker phase must not have calls paced across its cooldown). */
  noRateLimit?: boolean;
}

export interface SoakClients {
  stripe: StripeClient;
  airwallex: AirwallexClient;
  sendgrid: SendGridClient;
}

/** Airwallex logs in first; the soak is about the calls, so the login is answered locally. */
function withLocalLogin(transport: FetchLike): FetchLike {
  return (request, ...rest) => {
    if (new URL(request.url).pathname === '/api/v1/authentication/login') {
      const expires = new Date(Date.now() + 30 * 60_000).toISOString();
      return Promise.resolve(Response.json({ token: 'soak-token', expires_at: expires }, { status: 201 }));
    }
    return (transport as (r: Request, ...a: unknown[]) => Promise<Response>)(request, ...rest);
  };
}

export function createSoakClients(
  baseUrl: string,
  transport: FetchLike,
  tuning: (vendor: keyof SoakClients) => SoakTuning,
  onEvent?: (event: PolicyEvent) => void,
): SoakClients {
  const options = (vendor: keyof SoakClients): Omit<BaseClientOptions, 'server'> => {
    const t = tuning(vendor);
    return {
      baseUrl,
      fetch: transport,
      logger: false,
      retry: t.retry,
      rateLimit: t.noRateLimit ? false : { buckets: { default: { ratePerSecond: t.ratePerSecond, burst: t.burst } }, maxWaitMs: t.maxWaitMs },
      breaker: t.breaker,
      timeoutMs: t.timeoutMs,
      totalTimeoutMs: t.totalTimeoutMs,
      ...(onEvent ? { onEvent } : {}),
    };
  };
  return {
    stripe: createStripeClient({ ...options('stripe'), apiKey: 'sk_test_soak' }),
    airwallex: createAirwallexClient({ ...options('airwallex'), fetch: withLocalLogin(transport), clientId: 'soak-client', apiKey: 'soak-key' }),
    sendgrid: createSendGridClient({ ...options('sendgrid'), apiKey: 'SG.soak' }),
  };
}

export function getCustomer(clients: SoakClients, customer: string, options?: CallOptions) {
  return getCustomersCustomer(clients.stripe, { params: { path: { customer } } }, options);
}

export function postPaymentIntents(clients: SoakClients, options?: CallOptions) {
  return stripePostPaymentIntents(clients.stripe, { body: { amount: 2000, currency: 'usd' } }, options);
}

export function createTransfer(clients: SoakClients, options?: CallOptions) {
  return createTransferUsingPOST(
    clients.airwallex,
    {
      body: {
        beneficiary_id: 'ben_soak',
        reason: 'soak test',
        reference: 'soak',
        source_currency: 'SGD',
        transfer_amount: 100,
        transfer_currency: 'SGD',
        transfer_method: 'LOCAL',
      } as never,
    },
    options,
  );
}

export function sendMail(clients: SoakClients, subject: string, options?: CallOptions) {
  return sendGridMail(
    clients.sendgrid,
    {
      body: {
        personalizations: [{ to: [{ email: 'someone@example.com' }] }],
        from: { email: 'soak@example.com' },
        subject,
        content: [{ type: 'text/plain', value: 'soak' }],
      },
    },
    options,
  );
}
