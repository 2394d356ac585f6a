// routes.ts, the generated webhook receiver: it compiles under tsconfig.worker.json with handlers
// typed per event, and, run through Hono's app.request, it answers like a vendor expects. Deliveries
// are signed by the official stripe SDK (the fixture's overlay uses the stripe-v1 scheme), so the
// signatures come from an implementation independent of ours.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emitRoutes } from '../../../generator/emit/routes.ts';
import { MemoryDedupeStore } from '../../../runtime/webhooks/dedupe.ts';
import { createAcmeProject, typeErrors, type AcmeProject } from '../scaffold/acme-project.ts';

const stripe = new Stripe('sk_test_oracle_only_no_network');
const SECRET = 'whsec_acme_test_secret';
const PATH = '/webhooks/acme';

type Handler = (event: any) => unknown;
interface RoutesModule {
  createAcmeWebhookRoutes(options: Record<string, unknown>): { request(path: string, init?: RequestInit, env?: unknown): Promise<Response> | Response };
  consumeAcmeWebhookQueue(
    batch: { messages: { body: unknown; ack(): void; retry(options?: { delaySeconds?: number }): void }[] },
    handlers: Record<string, Handler>,
    options?: Record<string, unknown> | Handler,
  ): Promise<void>;
}

// Each test runs the generator or the compiler; a loaded 2-core CI machine needs more than 5 s.
vi.setConfig({ testTimeout: 60_000 });

let project: AcmeProject;
let routes: RoutesModule;

beforeAll(async () => {
  project = await createAcmeProject('routes');
  routes = (await import(/* @vite-ignore */ pathToFileURL(project.routesFile).href)) as RoutesModule;
}, 120_000);

afterAll(() => project?.remove());

function event(type: string, id = 'evt_1') {
  return { id, type, data: { object: { id: 'wid_1', name: 'Sprocket' } } };
}

function signed(payload: unknown, secret = SECRET): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(payload);
  return { body, headers: { 'content-type': 'application/json', 'Acme-Signature': stripe.webhooks.generateTestHeaderString({ payload: body, secret }) } };
}

async function post(app: ReturnType<RoutesModule['createAcmeWebhookRoutes']>, delivery: { body: string; headers: Record<string, string> }, env?: unknown, path = PATH) {
  const response = await app.request(path, { method: 'POST', body: delivery.body, headers: delivery.headers }, env);
  return { status: response.status, body: (await response.text()) };
}

describe('emitRoutes', () => {
  it('compiles under tsconfig.worker.json, handlers typed by event name', async () => {
    const dir = join(project.root, 'type-tests');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'routes.ts');
    writeFileSync(
      file,
      `import { Hono } from 'hono';
import { consumeAcmeWebhookQueue, createAcmeWebhookRoutes, type WebhookQueue } from '../generated/acme/routes.ts';
import type { AcmeWebhookPayload } from '../generated/acme/webhooks.ts';

type AppEnv = { Bindings: { ACME_WEBHOOK_SECRET: string; EVENTS: WebhookQueue<AcmeWebhookPayload> } };
const app = new Hono<AppEnv>();
app.route('/', createAcmeWebhookRoutes<AppEnv>({
  secret: (c) => c.env.ACME_WEBHOOK_SECRET,
  handlers: {
    'widget.created': (event) => {
      const name: string = event.data.object.name;
      const type: 'widget.created' = event.type;
      return [name, type];
    },
    'widget.deleted': (event) => {
      // @ts-expect-error a deleted event's type is pinned to its own name
      const type: 'widget.created' = event.type;
      return type;
    },
    // @ts-expect-error not an event of this vendor
    'widget.exploded': () => undefined,
  },
}));
app.route('/', createAcmeWebhookRoutes({ secret: { env: 'ACME_WEBHOOK_SECRET' }, queue: { env: 'EVENTS' }, path: '/hooks' }));
app.route('/', createAcmeWebhookRoutes({ secret: ['whsec_old', 'whsec_new'], queue: { send: async (payload) => void payload.id } }));
app.route('/', createAcmeWebhookRoutes({ secret: 's', maxBodyBytes: 256 * 1024, path: '/small-hooks' }));
// @ts-expect-error a byte count, not a size string
createAcmeWebhookRoutes({ secret: 's', maxBodyBytes: '256kb' });
app.route('/', createAcmeWebhookRoutes<AppEnv>({ secret: { env: 'ACME_WEBHOOK_SECRET' }, dedupe: { env: 'WEBHOOK_DEDUPE' }, analytics: { env: 'ANALYTICS' }, dedupeTiming: { waitMs: 5_000 } }));
// @ts-expect-error a dedupe store has claim/complete/release
createAcmeWebhookRoutes({ secret: 's', dedupe: { claim: 1 } });
// @ts-expect-error the secret is required
createAcmeWebhookRoutes({ handlers: {} });

export default {
  fetch: app.fetch,
  queue: (batch: { messages: { body: AcmeWebhookPayload; ack(): void; retry(): void }[] }, env: { WEBHOOK_DEDUPE: { idFromName(name: string): unknown; get(id: never): unknown }; ANALYTICS: { writeDataPoint(point: { blobs?: string[] }): void } }) =>
    consumeAcmeWebhookQueue(batch, { 'widget.created': (event) => event.data.object.id }, { dedupe: env.WEBHOOK_DEDUPE, analytics: env.ANALYTICS }),
};
`,
    );
    expect(await typeErrors([project.routesFile, file])).toEqual([]);
  }, 120_000);

  it('is what `svcgen generate` writes, once the generator emits routes.ts', () => {
    // Before integration the CLI writes no routes.ts; after, its copy must match the emitter's.
    if (project.routesFromCli !== undefined) expect(project.routesFromCli).toBe(emitRoutes(project.model));
    expect(emitRoutes(project.model)).toContain('export function createAcmeWebhookRoutes<E extends Env = Env>(');
  });

  it('takes the webhook profile\'s name prefix and refuses a model without webhooks', () => {
    const prefixed = emitRoutes({ ...project.model, webhooks: { ...project.model.webhooks!, namePrefix: 'AcmeMail' } });
    expect(prefixed).toContain('export function createAcmeMailWebhookRoutes<');
    expect(prefixed).toContain('acmeMailWebhookMiddleware<E>(');
    expect(prefixed).toContain("from './webhooks.ts';");
    expect(emitRoutes(project.model)).toContain("const EVENT_ID = 'id';");
    const { eventId: _id, ...withoutEventId } = project.model.webhooks!;
    expect(emitRoutes({ ...project.model, webhooks: withoutEventId })).toContain("const EVENT_ID: DedupeOptions['eventId'] = () => undefined;");
    const { webhooks: _none, ...withoutWebhooks } = project.model;
    expect(() => emitRoutes(withoutWebhooks)).toThrow(/no webhooks/);
  });
});

describe('the generated webhook receiver (Hono app.request)', () => {
  it('verifies a signed delivery, runs its handler and answers 200', async () => {
    const created = vi.fn<Handler>();
    const deleted = vi.fn<Handler>();
    const app = routes.createAcmeWebhookRoutes({ secret: SECRET, handlers: { 'widget.created': created, 'widget.deleted': deleted } });
    const payload = event('widget.created');
    const answer = await post(app, signed(payload));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ received: true, handled: 1, unhandled: 0 });
    expect(created).toHaveBeenCalledTimes(1);
    expect(created.mock.calls[0]![0]).toEqual(payload);
    expect(deleted).not.toHaveBeenCalled();
  });

  it('answers 401 with the reason, and runs nothing, when the signature is wrong', async () => {
    const created = vi.fn<Handler>();
    const app = routes.createAcmeWebhookRoutes({ secret: SECRET, handlers: { 'widget.created': created } });
    const forged = await post(app, signed(event('widget.created'), 'whsec_someone_else'));
    expect(forged).toEqual({ status: 401, body: JSON.stringify({ error: 'signature-mismatch' }) });
    const genuine = signed(event('widget.created'));
    const tampered = await post(app, { ...genuine, body: genuine.body.replace('Sprocket', 'Sprockets') });
    expect(tampered.status).toBe(401);
    const unsigned = await post(app, { body: genuine.body, headers: { 'content-type': 'application/json' } });
    expect(unsigned).toEqual({ status: 401, body: JSON.stringify({ error: 'missing-header' }) });
    const garbled = await post(app, { body: genuine.body, headers: { 'Acme-Signature': 'not a signature header' } });
    expect(garbled.status).toBe(400);
    expect(created).not.toHaveBeenCalled();
    for (const answer of [forged, tampered, unsigned, garbled]) expect(answer.body).not.toContain(SECRET);
  });

  it('reads the secret from a binding, accepts any of several, and fails closed (500) when the binding is missing', async () => {
    const created = vi.fn<Handler>();
    const app = routes.createAcmeWebhookRoutes({ secret: { env: 'ACME_WEBHOOK_SECRET' }, handlers: { 'widget.created': created } });
    const delivery = signed(event('widget.created'));
    expect((await post(app, delivery, { ACME_WEBHOOK_SECRET: SECRET })).status).toBe(200);
    expect((await post(app, delivery, { ACME_WEBHOOK_SECRET: ['whsec_old', SECRET] })).status).toBe(200);
    expect((await post(app, delivery, { ACME_WEBHOOK_SECRET: 'whsec_old' })).status).toBe(401);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const missing = await post(app, delivery, {});
    expect(missing.status).toBe(500);
    expect(String(logged.mock.calls[0]?.[0])).toContain("binding 'ACME_WEBHOOK_SECRET' is missing");
    logged.mockRestore();
    expect(created).toHaveBeenCalledTimes(2);
  });

  it('answers 413 and runs nothing for a body over maxBodyBytes; the default limit accepts it', async () => {
    const created = vi.fn<Handler>();
    const delivery = signed(event('widget.created'));
    const size = new TextEncoder().encode(delivery.body).byteLength;
    const capped = routes.createAcmeWebhookRoutes({ secret: SECRET, handlers: { 'widget.created': created }, maxBodyBytes: size - 1 });
    const refused = await post(capped, delivery);
    expect(refused.status).toBe(413);
    expect(created).not.toHaveBeenCalled();
    const exact = routes.createAcmeWebhookRoutes({ secret: SECRET, handlers: { 'widget.created': created }, maxBodyBytes: size });
    expect((await post(exact, delivery)).status).toBe(200);
    const byDefault = routes.createAcmeWebhookRoutes({ secret: SECRET, handlers: { 'widget.created': created } });
    expect((await post(byDefault, delivery)).status).toBe(200);
    expect(created).toHaveBeenCalledTimes(2);
  });

  it('hands a verified delivery to the queue and answers 202 without running handlers', async () => {
    const created = vi.fn<Handler>();
    const sent: unknown[] = [];
    const queue = { send: vi.fn(async (body: unknown) => void sent.push(body)) };
    const payload = event('widget.created');
    const direct = routes.createAcmeWebhookRoutes({ secret: SECRET, queue, handlers: { 'widget.created': created } });
    const answer = await post(direct, signed(payload));
    expect(answer.status).toBe(202);
    expect(sent).toEqual([payload]);

    const bound = routes.createAcmeWebhookRoutes({ secret: SECRET, queue: { env: 'EVENTS' } });
    expect((await post(bound, signed(payload), { EVENTS: queue })).status).toBe(202);
    expect((await post(bound, signed(payload, 'whsec_forged'), { EVENTS: queue })).status).toBe(401);
    expect(sent).toEqual([payload, payload]);
    expect(created).not.toHaveBeenCalled();
  });

  it('answers 500 when a handler throws (so the vendor redelivers) and reports events without a handler', async () => {
    const failing = routes.createAcmeWebhookRoutes({ secret: SECRET, handlers: { 'widget.created': () => Promise.reject(new Error('db down')) } });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await post(failing, signed(event('widget.created')))).status).toBe(500);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
    const onUnhandled = vi.fn<Handler>();
    const partial = routes.createAcmeWebhookRoutes({ secret: SECRET, handlers: {}, onUnhandled, path: '/hooks/acme' });
    const answer = await post(partial, signed(event('widget.deleted')), undefined, '/hooks/acme');
    expect(JSON.parse(answer.body)).toEqual({ received: true, handled: 0, unhandled: 1 });
    expect(onUnhandled).toHaveBeenCalledTimes(1);
    expect((await post(partial, signed(event('widget.deleted')))).status).toBe(404);
  });

  it('consumes queued deliveries: ack when the handlers succeed, retry when one throws', async () => {
    const seen: string[] = [];
    const message = (body: unknown) => ({ body, ack: vi.fn(), retry: vi.fn() });
    const ok = message(event('widget.created', 'evt_ok'));
    const bad = message(event('widget.deleted', 'evt_bad'));
    await routes.consumeAcmeWebhookQueue({ messages: [ok, bad] }, {
      'widget.created': (e) => void seen.push(e.id),
      'widget.deleted': () => {
        throw new Error('not yet');
      },
    });
    expect(seen).toEqual(['evt_ok']);
    expect([ok.ack.mock.calls.length, ok.retry.mock.calls.length]).toEqual([1, 0]);
    expect([bad.ack.mock.calls.length, bad.retry.mock.calls.length]).toEqual([0, 1]);
  });
});

describe('the generated receiver with a dedupe store and analytics', () => {
  /** A stand-in for a WebhookDedupe namespace binding: one in-memory store behind every stub. */
  function namespace(store = new MemoryDedupeStore()) {
    const names: string[] = [];
    return { names, idFromName: (name: string) => (names.push(name), name), get: () => store };
  }
  function dataset() {
    const points: { blobs?: string[] }[] = [];
    return { points, writeDataPoint: (point: { blobs?: string[] }) => void points.push(point) };
  }

  it("runs each event id's handler once across redeliveries, keyed by the profile's event id field", async () => {
    const created = vi.fn<Handler>();
    const ns = namespace();
    const analytics = dataset();
    const app = routes.createAcmeWebhookRoutes({ secret: SECRET, dedupe: { env: 'DEDUPE' }, analytics: { env: 'ANALYTICS' }, handlers: { 'widget.created': created } });
    const env = { DEDUPE: ns, ANALYTICS: analytics };
    const payload = event('widget.created', 'evt_once');
    const answers = await Promise.all([1, 2, 3].map(async () => post(app, signed(payload), env)));
    answers.push(await post(app, signed(payload), env));
    expect(created).toHaveBeenCalledTimes(1);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((a) => JSON.parse(a.body).duplicate).sort()).toEqual([0, 1, 1, 1]);
    expect(new Set(ns.names)).toEqual(new Set(['acme:evt_once']));
    const outcomes = analytics.points.map((p) => p.blobs![3]);
    expect(outcomes.filter((o) => o === 'verified')).toHaveLength(4);
    expect(outcomes.filter((o) => o === 'handled')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(3);
    expect((await post(app, signed(payload, 'whsec_forged'), env)).status).toBe(401);
    expect(analytics.points.at(-1)!.blobs!.slice(3, 5)).toEqual(['rejected', 'signature-mismatch']);
  });

  it('a throwing handler answers 500 and is run again by the redelivery; then never again', async () => {
    let runs = 0;
    const app = routes.createAcmeWebhookRoutes({
      secret: SECRET,
      dedupe: new MemoryDedupeStore(),
      handlers: {
        'widget.created': () => {
          if (++runs === 1) throw new Error('db down');
        },
      },
    });
    const delivery = signed(event('widget.created', 'evt_flaky'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await post(app, delivery)).status).toBe(500);
    logged.mockRestore();
    expect((await post(app, delivery)).status).toBe(200);
    expect(JSON.parse((await post(app, delivery)).body)).toEqual({ received: true, handled: 0, duplicate: 1, unhandled: 0 });
    expect(runs).toBe(2);
  });

  it('answers 409 with Retry-After while another delivery of the event holds the claim past the wait', async () => {
    const store = new MemoryDedupeStore();
    await store.claim('acme:evt_held', 30_000);
    const created = vi.fn<Handler>();
    const app = routes.createAcmeWebhookRoutes({ secret: SECRET, dedupe: store, dedupeTiming: { waitMs: 20, pollMs: 5 }, handlers: { 'widget.created': created } });
    const delivery = signed(event('widget.created', 'evt_held'));
    const response = await app.request(PATH, { method: 'POST', body: delivery.body, headers: delivery.headers });
    expect(response.status).toBe(409);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
    expect(created).not.toHaveBeenCalled();
  });

  it('the queue consumer dedupes with a namespace binding and reports each event to analytics; a bare onUnhandled still works', async () => {
    const seen: string[] = [];
    const ns = namespace();
    const analytics = dataset();
    const message = (body: unknown) => ({ body, ack: vi.fn(), retry: vi.fn() });
    const batch = [message(event('widget.created', 'evt_q')), message(event('widget.created', 'evt_q')), message(event('widget.deleted', 'evt_d'))];
    await routes.consumeAcmeWebhookQueue({ messages: batch }, { 'widget.created': (e) => void seen.push(e.id) }, { dedupe: ns, analytics });
    expect(seen).toEqual(['evt_q']);
    expect(batch.map((m) => m.ack.mock.calls.length)).toEqual([1, 1, 1]);
    expect(analytics.points.map((p) => p.blobs![3])).toEqual(['handled', 'duplicate', 'unhandled']);
    const onUnhandled = vi.fn<Handler>();
    await routes.consumeAcmeWebhookQueue({ messages: [message(event('widget.deleted', 'evt_u'))] }, {}, onUnhandled);
    expect(onUnhandled).toHaveBeenCalledTimes(1);
  });

  it('reports queued deliveries to analytics', async () => {
    const analytics = dataset();
    const app = routes.createAcmeWebhookRoutes({ secret: SECRET, queue: { send: async () => undefined }, analytics });
    expect((await post(app, signed(event('widget.created')))).status).toBe(202);
    expect(analytics.points.map((p) => p.blobs![3])).toEqual(['verified', 'queued']);
  });
});
