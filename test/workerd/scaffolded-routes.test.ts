// Inside workerd: the routes file `svcgen scaffold` wrote for the acme fixture (see
// scaffolded-worker.setup.ts), served as is, with a fake vendor in place of fetch. A body its
// operation's zod schema refuses gets 400 and never reaches the vendor; a vendor that fails twice
// is retried by the policy woven into the generated client, with one idempotency key throughout.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// Loaded at run time: the file exists only once the suite's globalSetup has scaffolded it.
const ROUTES = new URL('../../.svcgen-cache/workerd-acme/src/routes.ts', import.meta.url).pathname;

interface App {
  request(path: string, init: RequestInit, env: unknown): Promise<Response>;
}

/** The Analytics Engine binding: every data point the route's client writes. */
const points: { blobs?: string[]; doubles?: number[] }[] = [];
const env = { ACME_API_KEY: 'sk_test_workerd', ANALYTICS: { writeDataPoint: (point: (typeof points)[number]) => void points.push(point) } };

interface Sent {
  method: string;
  url: string;
  key: string | null;
  body: string;
}

/** A fake vendor: answers `statuses` in turn (then 201), recording every request. */
function fakeVendor(statuses: number[]): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (input: Request, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: request.url, key: request.headers.get('idempotency-key'), body: await request.text() });
    const status = statuses[sent.length - 1] ?? 201;
    return status >= 400 ? Response.json({ message: 'unavailable' }, { status }) : Response.json({ id: 'wid_1', name: JSON.parse(sent.at(-1)!.body).name }, { status });
  });
  return sent;
}

let loaded: App;

async function app(): Promise<App> {
  return loaded;
}

// The first import transforms the generated client and zod schemas: seconds, not milliseconds.
beforeAll(async () => {
  loaded = ((await import(/* @vite-ignore */ ROUTES)) as { default: App }).default;
}, 60_000);

afterEach(() => vi.unstubAllGlobals());

describe('a scaffolded client-backed route in workerd', () => {
  it('answers 400 with the zod issues for a bad body, and makes no vendor call', async () => {
    const sent = fakeVendor([]);
    const routes = await app();
    const response = await routes.request('/v1/widgets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 42 }) }, env);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; issues: { location: string; path: string[] }[] };
    expect(answer.error).toBe('invalid_request');
    expect(answer.issues).toContainEqual(expect.objectContaining({ location: 'body', path: ['name'] }));
    const missing = await routes.request('/v1/widgets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, env);
    expect(missing.status).toBe(400);
    expect(sent).toEqual([]);
    expect(points).toEqual([]);
  });

  it('succeeds through the woven-in retry when the vendor fails twice, with one idempotency key and the same body', async () => {
    const sent = fakeVendor([503, 503]);
    const routes = await app();
    const response = await routes.request('/v1/widgets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Sprocket' }) }, env);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'wid_1', name: 'Sprocket' });
    expect(sent).toHaveLength(3);
    expect(sent.every((s) => s.method === 'POST' && s.url === 'https://api.acme.test/v1/widgets')).toBe(true);
    expect(sent[0]!.key).toMatch(/\S/);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
    expect(new Set(sent.map((s) => s.body)).size).toBe(1);
    // One Analytics Engine point per attempt, next to the logs; only the last one ends the call.
    expect(points.map((p) => [p.blobs![2], p.blobs![3], p.doubles![1], p.doubles![3]])).toEqual([
      ['CreateWidget', 'http-error', 503, 0],
      ['CreateWidget', 'http-error', 503, 0],
      ['CreateWidget', 'ok', 201, 1],
    ]);
  });

  it('maps a vendor that keeps failing to 502 after the retries', async () => {
    const sent = fakeVendor([503, 503, 503]);
    const routes = await app();
    const response = await routes.request('/v1/widgets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Sprocket' }) }, env);
    expect(response.status).toBe(502);
    expect(sent).toHaveLength(3);
    expect(points.at(-1)!.blobs![3]).toBe('http-error');
    expect(points.at(-1)!.doubles![3]).toBe(1);
  });
});
