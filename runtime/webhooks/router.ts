// Typed dispatch: a handler map keyed by event name, each handler receiving that event's type.
// Batched deliveries (arrays) dispatch item by item, in order. Lookups use own properties only,
// so an event named `constructor` or `__proto__` cannot reach Object.prototype.

/** Handlers by event name; each sees exactly the event type its name maps to. */
export type WebhookHandlers<Events> = {
  readonly [Name in keyof Events]?: (event: Events[Name]) => unknown;
};

export interface DispatchReport {
  /** Event names that reached a handler, in delivery order. */
  readonly handled: string[];
  /** Event names (or `undefined` when absent) that no handler took, in delivery order. */
  readonly unhandled: (string | undefined)[];
}

export interface WebhookRouterOptions<Event> {
  /** Field that names the event type (`type`, `event`, `name`). */
  readonly discriminator: string;
  /** Called for events without a handler; by default they are only reported. */
  readonly onUnhandled?: (event: Event) => unknown;
}

export interface WebhookRouter<Events> {
  /**
   * Runs the handler of each event (awaiting each in turn). A handler's error propagates, so the
   * route answers 5xx and the vendor redelivers.
   */
  dispatch(payload: Events[keyof Events] | readonly Events[keyof Events][]): Promise<DispatchReport>;
  /** Whether a handler exists for `name`. */
  handles(name: string): boolean;
}

export function createWebhookRouter<Events>(
  handlers: WebhookHandlers<Events>,
  options: WebhookRouterOptions<Events[keyof Events]>,
): WebhookRouter<Events> {
  const table = handlers as Readonly<Record<string, ((event: unknown) => unknown) | undefined>>;
  const handlerFor = (name: unknown) => (typeof name === 'string' && Object.hasOwn(table, name) ? table[name] : undefined);
  return {
    handles: (name) => handlerFor(name) !== undefined,
    async dispatch(payload) {
      const events = (Array.isArray(payload) ? payload : [payload]) as readonly Events[keyof Events][];
      const report: DispatchReport = { handled: [], unhandled: [] };
      for (const event of events) {
        const name = (event as Record<string, unknown> | null)?.[options.discriminator];
        const handler = handlerFor(name);
        if (handler) {
          await handler(event);
          report.handled.push(name as string);
        } else {
          report.unhandled.push(typeof name === 'string' ? name : undefined);
          await options.onUnhandled?.(event);
        }
      }
      return report;
    },
  };
}
