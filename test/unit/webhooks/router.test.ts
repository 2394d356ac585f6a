// Typed dispatch. The type assertions here are checked by `tsc -p tsconfig.json` (vitest runs the
// file but expectTypeOf is a no-op at run time); the run-time assertions check the dispatching.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createWebhookRouter, type EnvelopedEvent, type NamedEvent, type WebhookHandlers } from '../../../runtime/webhooks.ts';

interface Envelope {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, never>; previous_attributes?: Record<string, unknown> };
}
interface PaymentIntent {
  object: 'payment_intent';
  amount: number;
}
interface Subscription {
  object: 'subscription';
  items: string[];
}
type Event<Name extends string, Obj> = EnvelopedEvent<Envelope, 'type', Name, ['data', 'object'], Obj>;
interface Events {
  'payment_intent.succeeded': Event<'payment_intent.succeeded', PaymentIntent>;
  'customer.subscription.created': Event<'customer.subscription.created', Subscription>;
}

/** A vendor item type that allows extra fields: its known fields must survive the narrowing. */
interface OpenItem {
  event: string;
  email: string;
  [key: string]: unknown;
}
interface Items {
  click: NamedEvent<OpenItem & { url: string }, 'event', 'click'>;
  open: NamedEvent<OpenItem, 'event', 'open'>;
}

describe('typed webhook router', () => {
  it('gives each handler its own event type', () => {
    const handlers: WebhookHandlers<Events> = {
      'payment_intent.succeeded': (event) => {
        expectTypeOf(event.type).toEqualTypeOf<'payment_intent.succeeded'>();
        expectTypeOf(event.data.object).toEqualTypeOf<PaymentIntent>();
        expectTypeOf(event.data.previous_attributes).toEqualTypeOf<Record<string, unknown> | undefined>();
        expectTypeOf(event.created).toEqualTypeOf<number>();
        return event.data.object.amount;
      },
      'customer.subscription.created': (event) => {
        // @ts-expect-error a subscription event's object is not a payment intent
        void event.data.object.amount;
        return event.data.object.items;
      },
    };
    // @ts-expect-error no such event name
    const unknownName: WebhookHandlers<Events> = { 'payment_intent.exploded': () => undefined };
    void unknownName;
    const wrongObject: WebhookHandlers<Events> = {
      // @ts-expect-error the handler for one event cannot take another event's object type
      'payment_intent.succeeded': (event: Event<'customer.subscription.created', Subscription>) => event.data.object.items,
    };
    void wrongObject;
    expect(Object.keys(handlers)).toHaveLength(2);
  });

  it('keeps known fields of open (index-signature) item types', () => {
    const handlers: WebhookHandlers<Items> = {
      click: (item) => {
        expectTypeOf(item.event).toEqualTypeOf<'click'>();
        expectTypeOf(item.url).toEqualTypeOf<string>();
        expectTypeOf(item.email).toEqualTypeOf<string>();
        return item.url;
      },
      open: (item) => {
        expectTypeOf(item.email).toEqualTypeOf<string>();
        // @ts-expect-error an open item's known fields do not include a click's url as a string
        const url: string = item.url;
        return url;
      },
    };
    expect(handlers.click).toBeTypeOf('function');
  });

  it('dispatches single events and batches in order, reporting what no handler took', async () => {
    const seen: string[] = [];
    const unhandled: unknown[] = [];
    const router = createWebhookRouter<Items>(
      { click: async (item) => void seen.push(`click ${item.url}`), open: (item) => void seen.push(`open ${item.email}`) },
      { discriminator: 'event', onUnhandled: (item) => void unhandled.push(item) },
    );
    const batch = [
      { event: 'open', email: 'a' },
      { event: 'bounce', email: 'b' },
      { event: 'click', email: 'c', url: 'u' },
      { email: 'no event' },
    ] as unknown as Items[keyof Items][];
    expect(await router.dispatch(batch)).toEqual({ handled: ['open', 'click'], unhandled: ['bounce', undefined] });
    expect(seen).toEqual(['open a', 'click u']);
    expect(unhandled).toHaveLength(2);
    expect(await router.dispatch({ event: 'open', email: 'd' })).toEqual({ handled: ['open'], unhandled: [] });
    expect(router.handles('click')).toBe(true);
    expect(router.handles('bounce')).toBe(false);
  });

  it('never reaches Object.prototype through an event name', async () => {
    const router = createWebhookRouter<Items>({}, { discriminator: 'event' });
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(router.handles(name)).toBe(false);
      const report = await router.dispatch({ event: name, email: 'x' } as unknown as Items['open']);
      expect(report.unhandled).toEqual([name]);
    }
  });

  it('lets a handler error propagate so the route can answer 5xx and the vendor redeliver', async () => {
    const router = createWebhookRouter<Items>(
      {
        open: () => {
          throw new Error('database down');
        },
      },
      { discriminator: 'event' },
    );
    await expect(router.dispatch([{ event: 'open', email: 'a' }] as Items['open'][])).rejects.toThrow('database down');
  });
});
