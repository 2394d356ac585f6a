// The payments example's vendor clients, one per isolate (written by `svcgen init --example
// payments`; yours to edit), sharing the platform's rate budget, cache and analytics.
import { createAirwallexClient, type AirwallexClient } from '../../generated/airwallex/client.ts';
import { createSendGridClient, type SendGridClient } from '../../generated/sendgrid/client.ts';
import { createStripeClient, type StripeClient } from '../../generated/stripe/client.ts';
import type { Env } from '../env.ts';
import { platformOptions } from '../platform.ts';

let stripeClient: StripeClient | undefined;
let airwallexClient: AirwallexClient | undefined;
let sendGridClient: SendGridClient | undefined;

export function stripe(env: Env): StripeClient {
  return (stripeClient ??= createStripeClient({ apiKey: env.STRIPE_API_KEY, ...platformOptions(env, 'stripe') }));
}

export function airwallex(env: Env): AirwallexClient {
  return (airwallexClient ??= createAirwallexClient({ clientId: env.AIRWALLEX_CLIENT_ID, apiKey: env.AIRWALLEX_API_KEY, ...platformOptions(env, 'airwallex') }));
}

export function sendGrid(env: Env): SendGridClient {
  return (sendGridClient ??= createSendGridClient({ apiKey: env.SENDGRID_API_KEY, ...platformOptions(env, 'sendgrid') }));
}
