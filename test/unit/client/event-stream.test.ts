// Operations whose success answer is an event stream (test/fixtures/event-stream), called over
// loopback against a server that keeps the stream open as such servers do. The call resolves when
// the response starts, with the body as a stream the caller reads event by event; the per-attempt
// timeout does not cut it; cancelling the stream or aborting the call's signal closes the
// connection. Before, the client read the body whole: the call stayed pending until the server
// closed, and the per-attempt timeout failed it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCacheStore } from '../../../runtime/cache/memory.ts';
import { responseCache } from '../../../runtime/cache/response-cache.ts';
import { createSpecProject, ROOT, type SpecProject } from '../auth/spec-project.ts';

let project: SpecProject;
let server: Server;
let base = '';
/** What the server does with the next request. */
let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end();

beforeAll(async () => {
  project = await createSpecProject('event-stream', [{ vendor: 'topics', displayName: 'Topics', example: join(ROOT, 'test/fixtures/event-stream/event-stream.json') }]);
  server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  project?.remove();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const topic = { params: { path: { topic: 'orders' } } };
const decoder = new TextDecoder();

function call(path: string, clientOptions: object = {}, callOptions?: object): Promise<unknown> {
  const vendor = project.vendors.topics!;
  const client = vendor.create({ baseUrl: base, retry: false, logger: false, ...clientOptions });
  return vendor.operation('GET', path)(client, topic, callOptions);
}

/**
 * A server holding an event stream open: it sends the first event at once and each next one when
 * the test asks; `closed` resolves when the client goes away (the stream is never ended here).
 */
function openStream(status = 200) {
  let send: (text: string) => void = () => {};
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const ready = new Promise<void>((resolve) => {
    handle = (request, response) => {
      request.resume();
      response.on('close', markClosed);
      response.writeHead(status, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write('data: 1\n\n');
      send = (text) => response.write(text);
      resolve();
    };
  });
  return { ready, closed, send: (text: string) => send(text) };
}

async function nextText(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const { value, done } = await reader.read();
  expect(done).toBe(false);
  return decoder.decode(value);
}

describe('an operation whose success is an event stream', () => {
  it('resolves when the response starts, and hands over each event as the server sends it', async () => {
    const stream = openStream();
    const result = await call('/topics/{topic}/events');
    expect(result).toBeInstanceOf(ReadableStream);
    const reader = (result as ReadableStream<Uint8Array>).getReader();
    expect(await nextText(reader)).toBe('data: 1\n\n');
    stream.send('data: 2\n\n');
    expect(await nextText(reader)).toBe('data: 2\n\n');
    await reader.cancel();
    // Cancelling the stream closes the connection: the server sees the client go.
    await stream.closed;
  });

  it('is not cut by the per-attempt timeout, which bounds the wait for the response only', async () => {
    const stream = openStream();
    const reader = ((await call('/topics/{topic}/events', { timeoutMs: 100 })) as ReadableStream<Uint8Array>).getReader();
    expect(await nextText(reader)).toBe('data: 1\n\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    stream.send('data: late\n\n');
    expect(await nextText(reader)).toBe('data: late\n\n');
    await reader.cancel();
    await stream.closed;
  });

  it("closes the stream when the call's signal aborts after the response started", async () => {
    const stream = openStream();
    const controller = new AbortController();
    const reader = ((await call('/topics/{topic}/events', {}, { signal: controller.signal })) as ReadableStream<Uint8Array>).getReader();
    expect(await nextText(reader)).toBe('data: 1\n\n');
    controller.abort(new Error('the user left'));
    await expect(reader.read()).rejects.toThrow('the user left');
    await stream.closed;
  });

  it('is never cached, even when the call asks: storing a stream would wait for its end', async () => {
    const stream = openStream();
    const store = new MemoryCacheStore();
    const reader = ((await call('/topics/{topic}/events', { cache: responseCache(store) }, { cache: true })) as ReadableStream<Uint8Array>).getReader();
    expect(await nextText(reader)).toBe('data: 1\n\n');
    await reader.cancel();
    await stream.closed;
  });

  it('still fails a call whose answer is an error, with the error body read', async () => {
    handle = (request, response) => {
      request.resume();
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"message":"no such topic"}');
    };
    await expect(call('/topics/{topic}/events')).rejects.toMatchObject({ status: 404, message: 'no such topic' });
  });

  it('resolves with nothing for a success without content (204), and with the stream otherwise', async () => {
    handle = (request, response) => {
      request.resume();
      response.writeHead(204);
      response.end();
    };
    await expect(call('/topics/{topic}/replay')).resolves.toBeUndefined();
    const stream = openStream();
    const reader = ((await call('/topics/{topic}/replay')) as ReadableStream<Uint8Array>).getReader();
    expect(await nextText(reader)).toBe('data: 1\n\n');
    await reader.cancel();
    await stream.closed;
  });

  it('asks for JSON, and reads it, where the operation offers JSON beside the stream', async () => {
    let accept: string | undefined;
    handle = (request, response) => {
      accept = request.headers.accept;
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"name":"orders"}');
    };
    await expect(call('/topics/{topic}')).resolves.toEqual({ name: 'orders' });
    expect(accept).toBe('application/json');
  });

  it('is declared and described as a stream, in the metadata of exactly those operations', () => {
    const js = readFileSync(join(project.root, 'generated/topics/operations.js'), 'utf8');
    const meta = (fn: string) => js.match(new RegExp(`const ${fn}Meta = (.*);`))?.[1] ?? '';
    for (const fn of ['subscribe', 'replay']) {
      expect(meta(fn)).toContain("parseAs: 'stream'");
      expect(meta(fn)).toContain('decodeBody: $eventStreamBody');
    }
    expect(meta('getTopic')).not.toMatch(/stream/i);
    const dts = readFileSync(join(project.root, 'generated/topics/operations.d.ts'), 'utf8');
    expect(dts).toMatch(/export declare function subscribe\(.*\): Promise<ReadableStream<Uint8Array>>;/);
    expect(dts).toMatch(/export declare function replay\(.*\): Promise<ReadableStream<Uint8Array> \| undefined>;/);
    expect(dts).toMatch(/export declare function getTopic\(.*\): Promise<OperationData<.*>>;/);
    expect(dts.match(/Resolves when the response starts, with its body as a stream/g)).toHaveLength(2);
  });
});
