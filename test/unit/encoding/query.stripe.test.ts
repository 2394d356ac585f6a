// deepObject query strings against stripe-node as the oracle: on generated list queries, and as
// the real SDK sends them (loopback capture). The generic style tests are in query.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQuerySerializer, type QueryStyles } from '../../../runtime/encoding/query.ts';
import { captureStripe, stripeStringify } from './stripe-oracle.ts';

const serialize = (styles: QueryStyles, query: Record<string, unknown>): string => createQuerySerializer(styles)(query);

describe('deepObject matches stripe-node query strings', () => {
  const stripeStyles: QueryStyles = {
    created: { style: 'deepObject', explode: true },
    expand: { style: 'deepObject', explode: true },
    limit: { style: 'form', explode: true },
    starting_after: { style: 'form', explode: true },
  };
  it('on generated list queries', () => {
    const query = fc.record(
      {
        created: fc.oneof(fc.integer({ min: 0 }), fc.record({ gte: fc.integer({ min: 0 }), lte: fc.integer({ min: 0 }) }, { requiredKeys: [] })),
        expand: fc.array(fc.stringMatching(/^[a-z_.]{1,12}$/), { minLength: 1, maxLength: 3 }),
        limit: fc.integer({ min: 1, max: 100 }),
        starting_after: fc.string({ minLength: 1, maxLength: 10 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(query, (q) => {
        // stripe-node leaves `[` and `]` literal in values too, which a query may not carry (RFC
        // 3986 section 3.4): ours encodes them there (query-brackets.test.ts), the one difference.
        const stripe = stripeStringify(q);
        const ours = serialize(stripeStyles, q);
        const pairs = (text: string) => (text === '' ? [] : text.split('&'));
        const values = (text: string) => pairs(text).map((pair) => pair.split('=')[0] + '=' + pair.slice(pair.indexOf('=') + 1).replace(/\[/g, '%5B').replace(/\]/g, '%5D'));
        expect(pairs(ours)).toEqual(values(stripe));
        expect([...new URLSearchParams(ours)]).toEqual([...new URLSearchParams(stripe)]);
        if (!/[[\]]/.test(q.starting_after ?? '')) expect(ours).toBe(stripe);
      }),
    );
  });

  it('as the real SDK sends them (loopback capture)', async () => {
    const query = { created: { gte: 1_700_000_000 }, expand: ['data.customer'], limit: 3 };
    const [request] = await captureStripe((stripe) => stripe.customers.list(query as never));
    expect(request!.url).toBe(`/v1/customers?${serialize(stripeStyles, query)}`);
  });
});
