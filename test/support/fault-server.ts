// A loopback HTTP server whose every answer is scripted by the test: normal answers, error
// statuses with or without Retry-After, connections reset before or after the body was read,
// answers slower than the client's timeout. It records every request and every side effect,
// deduplicating effects by idempotency key (header `Idempotency-Key` or JSON body `request_id`)
// as APIs that honour such keys do, so a test can count duplicates per logical call.

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  /** Process the request (one side effect unless its key was seen) and answer; `delayMs` answers late. */
  | { kind: 'ok'; status?: number; headers?: Record<string, string>; delayMs?: number }
  /** Answer without processing (429, 500, 502, 503, …). */
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** Drop the connection before reading the body: nothing was processed, the client cannot know. */
  | { kind: 'reset-before-body' }
  /** Read and process the body, then drop the connection: processed, but the client never hears. */
  | { kind: 'reset-after-body' };

export interface Incoming {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The test's logical call id (`x-test-call` header), when sent. */
  callId: string | undefined;
  /** 1 for the first request the server saw for this call id. */
  seen: number;
}

export interface RequestRecord {
  /** performance.now() at arrival. */
  at: number;
  method: string;
  path: string;
  callId: string | undefined;
  idempotencyKey: string | undefined;
  fault: Fault['kind'];
}

export interface EffectRecord {
  at: number;
  method: string;
  path: string;
  callId: string | undefined;
  idempotencyKey: string | undefined;
}

export interface FaultServer {
  readonly url: string;
  /** Decides each request's fate; every request is answered `ok` until a script is set. */
  script(decide: (incoming: Incoming) => Fault): void;
  readonly requests: readonly RequestRecord[];
  readonly effects: readonly EffectRecord[];
  /** Side effects per logical call id. */
  effectsByCall(): Map<string, number>;
  /** Side effects per idempotency key (more than 1 means deduplication failed). */
  effectsByKey(): Map<string, number>;
  close(): Promise<void>;
}

export interface FaultServerOptions {
  /** Header naming the logical call; `x-test-call` by default. */
  callIdHeader?: string;
}

interface StoredAnswer {
  status: number;
  body: string;
}

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const callHeader = (options.callIdHeader ?? 'x-test-call').toLowerCase();
  let decide: (incoming: Incoming) => Fault = () => ({ kind: 'ok' });
  const requests: RequestRecord[] = [];
  const effects: EffectRecord[] = [];
  const seen = new Map<string, number>();
  const answers = new Map<string, StoredAnswer>();
  const sockets = new Set<Socket>();
  let objects = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => req.socket.destroy());
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const at = performance.now();
    const callId = header(req.headers, callHeader);
    const count = callId === undefined ? 1 : (seen.get(callId) ?? 0) + 1;
    if (callId !== undefined) seen.set(callId, count);
    const path = (req.url ?? '/').split('?')[0]!;
    const fault = decide({ method: req.method ?? 'GET', path, headers: req.headers, callId, seen: count });
    const record: RequestRecord = { at, method: req.method ?? 'GET', path, callId, idempotencyKey: header(req.headers, 'idempotency-key'), fault: fault.kind };
    requests.push(record);

    if (fault.kind === 'reset-before-body') return void req.socket.destroy();
    const body = await readBody(req);
    record.idempotencyKey ??= requestIdOf(body);
    if (fault.kind === 'status') {
      return send(res, fault.status, fault.headers, JSON.stringify({ error: { message: `injected ${fault.status}` } }));
    }
    const answer = perform(record, body, fault.kind === 'ok' ? (fault.status ?? 200) : 200);
    if (fault.kind === 'reset-after-body') return void req.socket.destroy();
    const delay = fault.delayMs ?? 0;
    if (delay > 0) await delayUnlessClosed(res, delay);
    if (!res.destroyed) send(res, answer.status, fault.headers, answer.body);
  }

  /** The side effect: a new object, unless this idempotency key already produced one. */
  function perform(record: RequestRecord, body: string, status: number): StoredAnswer {
    const key = record.idempotencyKey;
    const stored = key === undefined ? undefined : answers.get(key);
    if (stored) return stored;
    const answer = { status, body: JSON.stringify({ id: `obj_${++objects}`, method: record.method, echo: body.length }) };
    if (record.method !== 'GET') {
      effects.push({ at: performance.now(), method: record.method, path: record.path, callId: record.callId, idempotencyKey: key });
      if (key !== undefined) answers.set(key, answer);
    }
    return answer;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const countBy = (pick: (e: EffectRecord) => string | undefined) => {
    const counts = new Map<string, number>();
    for (const e of effects) {
      const id = pick(e);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    script(next) {
      decide = next;
    },
    requests,
    effects,
    effectsByCall: () => countBy((e) => e.callId),
    effectsByKey: () => countBy((e) => e.idempotencyKey),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which connections are refused (ECONNREFUSED): a port that was bound, then released. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Waits `ms`, or less if the client hangs up first (a timed-out client never reads the answer). */
function delayUnlessClosed(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.on('close', done);
  });
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function requestIdOf(body: string): string | undefined {
  if (!body.startsWith('{')) return undefined;
  try {
    const id = (JSON.parse(body) as { request_id?: unknown }).request_id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, headers: Record<string, string> | undefined, body: string) {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}
