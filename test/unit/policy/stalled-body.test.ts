// A server that answers the headers and then stalls in the middle of the body. The call is not
// over when the headers arrive: openapi-fetch still reads the body. The caller's signal, the
// per-attempt timeout and the call's deadline must still end it, through the real fetch (undici
// cancels the body when the attempt's signal aborts); before, they stopped applying at the
// headers and the call waited for the server for as long as it stalled.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerScheme } from '../../../runtime/auth/bearer-scheme.ts';
import { schemeAuth } from '../../../runtime/auth/scheme-auth.ts';
import { createVendorClient, type BaseClientOptions } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { TimeoutError } from '../../../runtime/policy/errors.ts';
import { testProfile } from './support.ts';

const stalled: OperationMeta = { id: 'GetStalled', method: 'GET', path: '/stalled', resilience: 'safe', idempotency: { kind: 'none' } };
const whole: OperationMeta = { id: 'GetWhole', method: 'GET', path: '/whole', resilience: 'safe', idempotency: { kind: 'none' } };

let server: Server;
let baseUrl = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    if (request.url === '/whole') return void response.end('{"ok":true}');
    response.write('{"data": ['); // and nothing more, until the client goes away
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(options: Partial<BaseClientOptions> = {}) {
  const profile = testProfile({ kind: 'schemes', schemes: { key: { type: 'bearer' } }, security: [['key']], operations: {}, shorthand: 'key' }, 0);
  return createVendorClient(profile, { baseUrl, logger: false, apiKey: 'k_1', ...options } as object, schemeAuth({ bearer: bearerScheme }));
}

/** How the call ended and after how long (ms). */
async function outcome(work: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await work.then(() => undefined, (e: unknown) => e);
  return { error, ms: performance.now() - started };
}

describe('a response whose body stalls after the headers', () => {
  it("is cancelled by the caller's signal, with its reason", async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 200);
    const { error, ms } = await outcome(client().call(stalled, {}, { signal: controller.signal }));
    expect(error).toBe(reason);
    expect(ms).toBeLessThan(2000);
  });

  it('is ended by the per-attempt timeout', async () => {
    const { error, ms } = await outcome(client({ timeoutMs: 200 }).call(stalled, {}));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ scope: 'attempt', timeoutMs: 200 });
    expect(ms).toBeLessThan(2000);
  });

  it("is ended by the call's deadline", async () => {
    const { error, ms } = await outcome(client({ timeoutMs: 0, totalTimeoutMs: 300 }).call(stalled, {}));
    expect(error).toMatchObject({ name: 'TimeoutError', scope: 'total', timeoutMs: 300 });
    expect(ms).toBeLessThan(2000);
  });

  it('a body that arrives whole resolves the call and leaves no timer behind; a later abort of its signal changes nothing', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const controller = new AbortController();
    const before = timers();
    expect(await client({ timeoutMs: 60_000 }).call(whole, {}, { signal: controller.signal })).toEqual({ ok: true });
    expect(timers()).toBe(before);
    controller.abort();
  });
});
