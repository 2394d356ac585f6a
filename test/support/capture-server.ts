// A loopback HTTP server that records exactly what a client sent (method, raw path, decoded query,
// headers, raw body bytes) and answers with a scripted JSON value (or text), so two clients given the same
// input can be compared on the wire. The default answer is `{}`; a test adds responders for the
// answers its SDK needs (a login's token, a list).

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface CapturedRequest {
  method: string;
  /** The path exactly as sent (still percent-encoded), without the query. */
  path: string;
  /** The query exactly as sent, without the `?`. */
  rawQuery: string;
  /** Decoded key/value pairs in the order sent (form-urlencoded decoding: `+` is a space). */
  query: [string, string][];
  /** Lowercased names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
  /** The Content-Type header as sent, when there was one. */
  contentType: string | undefined;
}

export interface CaptureAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON; `undefined` sends an empty body. */
  body?: unknown;
  /** Sent as it is instead of `body`, under the Content-Type `headers` gives (none by default). */
  text?: string;
}

/** Picks the answer to a request; `undefined` falls through to the next responder. */
export type Responder = (request: CapturedRequest) => CaptureAnswer | undefined;

export interface CaptureServer {
  readonly url: string;
  readonly port: number;
  /** Every request seen since the last `take()`. */
  readonly requests: readonly CapturedRequest[];
  /** Returns the requests seen so far and starts a new record. */
  take(): CapturedRequest[];
  close(): Promise<void>;
}

export interface CaptureServerOptions {
  /** Tried in order before the default `{}` 200 answer. */
  responders?: Responder[];
}

function headerRecord(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function parseTarget(target: string): { path: string; rawQuery: string; query: [string, string][] } {
  const at = target.indexOf('?');
  const path = at === -1 ? target : target.slice(0, at);
  const rawQuery = at === -1 ? '' : target.slice(at + 1);
  return { path, rawQuery, query: [...new URLSearchParams(rawQuery)] };
}

function send(res: ServerResponse, answer: CaptureAnswer): void {
  const json = answer.text === undefined;
  const text = !json ? answer.text! : answer.body === undefined ? '' : JSON.stringify(answer.body);
  res.writeHead(answer.status ?? 200, {
    ...(text && json ? { 'content-type': 'application/json' } : {}),
    'content-length': String(Buffer.byteLength(text)),
    ...answer.headers,
  });
  res.end(text);
}

export async function startCaptureServer(options: CaptureServerOptions = {}): Promise<CaptureServer> {
  const responders = [...(options.responders ?? [])];
  let requests: CapturedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      // The test sees this as a client error on its side; the message says why.
      if (!res.headersSent) send(res, { status: 500, body: { error: `capture server: ${(error as Error).message}` } });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const headers = headerRecord(req.headers);
    const request: CapturedRequest = { method: req.method ?? 'GET', ...parseTarget(req.url ?? '/'), headers, body, contentType: headers['content-type'] };
    requests.push(request);
    for (const responder of responders) {
      const answer = responder(request);
      if (answer) return send(res, answer);
    }
    send(res, { body: {} });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get requests() {
      return requests;
    },
    take() {
      const taken = requests;
      requests = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
