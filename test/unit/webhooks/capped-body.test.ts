import { describe, expect, it } from 'vitest';
import { readCappedBody } from '../../../runtime/webhooks/capped-body.ts';

function chunked(...chunks: string[]): Request {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Request('http://receiver.test/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
}

const text = (body: ArrayBuffer | undefined) => (body === undefined ? undefined : new TextDecoder().decode(body));

describe('readCappedBody', () => {
  it('joins the chunks in order when the body is exactly at the cap', async () => {
    expect(text(await readCappedBody(chunked('{"a":', '"bc"', '}'), 10))).toBe('{"a":"bc"}');
  });

  it('refuses a body one byte over the cap, whichever chunk passes it', async () => {
    expect(await readCappedBody(chunked('{"a":', '"bcd"', '}'), 10)).toBeUndefined();
    expect(await readCappedBody(chunked('12345678901'), 10)).toBeUndefined();
  });

  it('reads a request without a body as empty, and a zero cap allows only that', async () => {
    expect((await readCappedBody(new Request('http://receiver.test/', { method: 'POST' }), 0))?.byteLength).toBe(0);
    expect(await readCappedBody(chunked('x'), 0)).toBeUndefined();
  });

  it('counts the bytes, not the characters, of a UTF-8 body', async () => {
    const request = new Request('http://receiver.test/', { method: 'POST', body: 'é'.repeat(5) });
    expect(await readCappedBody(request, 9)).toBeUndefined();
  });
});
