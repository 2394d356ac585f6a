// Auto-pagination against stripe-node's own (autoPagingToArray), the oracle for which cursor each
// next page sends: forward from the start (`starting_after` = the last id of each page) and, for a
// walk started with `ending_before`, backward (`ending_before` = the first id of each page, never
// both cursors, which Stripe refuses). Both clients walk the same loopback list and must send the
// same sequence of queries and yield the same customers in the same order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { startCaptureServer, type CaptureServer, type CapturedRequest } from '../support/capture-server.ts';
import { createStripeClient, getCustomersAll, stripeProfile } from '../../generated/stripe/index.ts';

const API_KEY = 'sk_test_pagination_differential';
const ALL = Array.from({ length: 23 }, (_, i) => ({ id: `cus_${String(i).padStart(3, '0')}`, object: 'customer' }));

/** A customers list as Stripe answers it: newest first, `limit` items after `starting_after` or just before `ending_before`. */
function customersList(request: CapturedRequest) {
  if (request.path !== '/v1/customers') return undefined;
  const query = Object.fromEntries(request.query);
  const limit = Number(query.limit ?? 10);
  if (query.starting_after !== undefined && query.ending_before !== undefined) {
    return { status: 400, body: { error: { type: 'invalid_request_error', message: 'You may only specify one of these parameters: ending_before, starting_after.' } } };
  }
  let start = 0;
  let end = ALL.length;
  if (query.starting_after !== undefined) start = ALL.findIndex((c) => c.id === query.starting_after) + 1;
  if (query.ending_before !== undefined) {
    end = ALL.findIndex((c) => c.id === query.ending_before);
    start = Math.max(0, end - limit);
  }
  const data = ALL.slice(start, Math.min(end, start + limit));
  const hasMore = query.ending_before !== undefined ? start > 0 : start + limit < ALL.length;
  return { body: { object: 'list', url: '/v1/customers', has_more: hasMore, data } };
}

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer({ responders: [customersList] });
});
afterAll(() => server.close());

/** The list queries a walk sent, as comparable text (their pairs in a stable order). */
const queries = (requests: CapturedRequest[]) => requests.map((r) => [...r.query].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join('&'));

async function both(params: { limit: number; ending_before?: string }) {
  const stripe = new Stripe(API_KEY, { host: '127.0.0.1', port: server.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false, apiVersion: stripeProfile.apiVersion.value as never });
  server.take();
  const theirs = (await stripe.customers.list(params).autoPagingToArray({ limit: 1000 })).map((c) => c.id);
  const theirQueries = queries(server.take());
  const client = createStripeClient({ apiKey: API_KEY, baseUrl: server.url, logger: false });
  const ours = (await getCustomersAll(client, { params: { query: params } }).toArray()).map((c) => c.id);
  return { theirs, ours, theirQueries, ourQueries: queries(server.take()) };
}

describe('Stripe auto-pagination, ours against stripe-node', () => {
  it('forward: the same queries (starting_after = the last id of each page) and the same customers', async () => {
    const { theirs, ours, theirQueries, ourQueries } = await both({ limit: 5 });
    expect(ours).toEqual(theirs);
    expect(ours).toEqual(ALL.map((c) => c.id));
    expect(ourQueries).toEqual(theirQueries);
    expect(ourQueries).toHaveLength(5);
  });

  it('backward from ending_before: the same queries (ending_before = the first id of each page, never starting_after) and the same customers', async () => {
    const { theirs, ours, theirQueries, ourQueries } = await both({ limit: 5, ending_before: 'cus_020' });
    expect(ours).toEqual(theirs);
    expect(ours).toHaveLength(20);
    expect(ourQueries).toEqual(theirQueries);
    expect(ourQueries.every((q) => !q.includes('starting_after'))).toBe(true);
  });
});
