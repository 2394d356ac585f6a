// The event-stream decoder inside workerd: the caller's signal, tied to the response body through
// pipeThrough, must cancel the body and error the reader there too (a Worker is where a generated
// client that subscribes to a vendor's events runs).
import { describe, expect, it } from 'vitest';
import { eventStreamBody } from '../../runtime/encoding/event-stream.ts';

describe('eventStreamBody in workerd', () => {
  it('hands the events through, and an abort of the signal cancels the body and errors the reader', async () => {
    let cancelled: unknown;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('data: 1\n\n'));
      },
      cancel(reason) {
        cancelled = reason ?? 'cancelled';
      },
    });
    const controller = new AbortController();
    const stream = (await eventStreamBody(body, new Response(null), controller.signal)) as ReadableStream<Uint8Array>;
    const reader = stream.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: 1\n\n');
    controller.abort(new Error('the user left'));
    await expect(reader.read()).rejects.toThrow('the user left');
    expect(cancelled).toBeDefined();
  });

  it('hands the body on as it is when the call has no signal', async () => {
    const body = new ReadableStream<Uint8Array>();
    expect(await eventStreamBody(body, new Response(null))).toBe(body);
  });
});
