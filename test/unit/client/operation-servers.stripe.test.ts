// Stripe's spec gives POST /v1/files a server of its own (files.stripe.com). stripe-node, the
// oracle, sends file uploads there and everything else to api.stripe.com, and a host set on the
// client sends everything to that host; the generated client must send each request to the same
// place in both configurations. Captured by each client's own fetch, nothing leaves the process.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createStripeClient, postFiles, postPaymentIntents } from '../../../generated/stripe/index.ts';

const API_KEY = 'sk_test_operation_servers';
const upload = { purpose: 'dispute_evidence', file: { data: new TextEncoder().encode('evidence'), name: 'evidence.txt', type: 'text/plain' } } as const;
const intent = { amount: 2000, currency: 'usd' } as const;

/** A fetch that records each URL and answers as Stripe would, without a network. */
function recorder(): { urls: string[]; fetch: typeof fetch } {
  const urls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return Response.json({ id: 'obj_1', object: 'file' }, { headers: { 'request-id': 'req_1' } });
  }) as typeof globalThis.fetch;
  return { urls, fetch };
}

async function sdkUrls(config: Stripe.StripeConfig): Promise<string[]> {
  const { urls, fetch } = recorder();
  const stripe = new Stripe(API_KEY, { ...config, httpClient: Stripe.createFetchHttpClient(fetch), maxNetworkRetries: 0, telemetry: false });
  await stripe.files.create(upload as never);
  await stripe.paymentIntents.create(intent);
  return urls.map((url) => url.replace(/\?.*$/, ''));
}

async function ourUrls(options: { baseUrl?: string }): Promise<string[]> {
  const { urls, fetch } = recorder();
  const client = createStripeClient({ apiKey: API_KEY, fetch, retry: false, logger: false, ...options });
  await postFiles(client, { body: upload as never });
  await postPaymentIntents(client, { body: intent });
  return urls.map((url) => url.replace(/\?.*$/, ''));
}

describe("an operation with its own server in Stripe's spec", () => {
  it('goes to the upload host, as stripe-node sends it, and the rest to the API host', async () => {
    const theirs = await sdkUrls({});
    expect(theirs).toEqual(['https://files.stripe.com/v1/files', 'https://api.stripe.com/v1/payment_intents']);
    expect(await ourUrls({})).toEqual(theirs);
  });

  it('goes where every other request goes when the client is pointed elsewhere, as with stripe-node', async () => {
    const theirs = await sdkUrls({ host: 'localhost', port: 12111, protocol: 'http' });
    expect(theirs).toEqual(['http://localhost:12111/v1/files', 'http://localhost:12111/v1/payment_intents']);
    expect(await ourUrls({ baseUrl: 'http://localhost:12111' })).toEqual(theirs);
  });
});
