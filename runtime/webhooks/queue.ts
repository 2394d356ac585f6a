// The Queue consumer side of webhook processing: the receiver verified each delivery and enqueued
// it (so the vendor got its 2xx at once); here each message's events run through the router,
// deduplicated by event id when a store is given. A message is acked when every event is handled
// or already done, and retried when a handler throws, so the queue's own `max_retries` and
// `dead_letter_queue` decide what happens to a message that keeps failing. A message whose event
// another consumer is still processing is retried after that claim's remaining lease (counted by
// the queue as a retry like any other).
import { dispatchOnce, errorName, type DedupeOptions, type EventRecord } from './dedupe-dispatch.ts';
import type { WebhookRouter } from './router.ts';

/** What the consumer needs of a Cloudflare `Message<Body>`. */
export interface QueueMessageLike<Body> {
  readonly body: Body;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

/** What the consumer needs of a Cloudflare `MessageBatch<Body>`. */
export interface QueueBatchLike<Body> {
  readonly messages: readonly QueueMessageLike<Body>[];
}

export interface ConsumeOptions {
  /** Field naming the event type (the router's discriminator). */
  readonly discriminator: string;
  /** Exactly-once processing; without it every message's handlers run each time it is delivered. */
  readonly dedupe?: Omit<DedupeOptions, 'waitMs'> & { readonly waitMs?: number };
  /** Hears every event's outcome, and `failed` with the error's name (`detail`) when a handler throws. */
  readonly observe?: (record: EventRecord) => void;
}

export interface ConsumeReport {
  readonly acked: number;
  readonly retried: number;
}

/** Runs every message of `batch` in order (see the file comment). Never throws. */
export async function consumeWebhookBatch<Events>(
  batch: QueueBatchLike<Events[keyof Events] | readonly Events[keyof Events][]>,
  router: WebhookRouter<Events>,
  options: ConsumeOptions,
): Promise<ConsumeReport> {
  let acked = 0;
  let retried = 0;
  for (const message of batch.messages) {
    try {
      if (options.dedupe) {
        // A consumer does not hold its batch open waiting for another consumer: by default it
        // hands the message back to the queue with a delay instead.
        const dedupe = { waitMs: 0, ...options.dedupe, ...(options.observe ? { observe: options.observe } : {}) };
        const report = await dispatchOnce(router, message.body, options.discriminator, dedupe);
        if (report.inProgress.length > 0) {
          message.retry({ delaySeconds: Math.max(1, Math.ceil(report.retryAfterMs / 1000)) });
          retried++;
          continue;
        }
      } else {
        const started = Date.now();
        const report = await router.dispatch(message.body);
        const durationMs = Date.now() - started;
        for (const name of report.handled) options.observe?.({ outcome: 'handled', name, durationMs });
        for (const name of report.unhandled) options.observe?.({ outcome: 'unhandled', name, durationMs });
      }
      message.ack();
      acked++;
    } catch (error) {
      if (!options.dedupe) options.observe?.({ outcome: 'failed', name: undefined, durationMs: 0, detail: errorName(error) });
      message.retry();
      retried++;
    }
  }
  return { acked, retried };
}

