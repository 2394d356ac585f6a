// A caller cancels a client call with its `signal` option. The client hands that signal to the
// pipeline alone (the Request openapi-fetch builds carries none, so the pipeline need not listen to
// the Request's own signal): the attempt under way must still be aborted underneath, a wait for a
// retry must end, and a Request a middleware put in place with an already aborted signal must not
// go out.
import { describe, expect, it } from 'vitest';
import { bearerScheme } from '../../../runtime/auth/bearer-scheme.ts';
import { schemeAuth } from '../../../runtime/auth/scheme-auth.ts';
import { createVendorClient } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { testProfile } from './support.ts';

const getThing: OperationMeta = { id: 'GetThing', method: 'GET', path: '/things/1', resilience: 'safe', idempotency: { kind: 'none' } };

function clientOver(fetch: (request: Request, init?: { signal?: AbortSignal }) => Promise<Response>, maxRetries = 0) {
  const profile = testProfile({ kind: 'schemes', schemes: { key: { type: 'bearer' } }, security: [['key']], operations: {}, shorthand: 'key' }, maxRetries);
  return createVendorClient(profile, { fetch, logger: false, apiKey: 'k_1' } as object, schemeAuth({ bearer: bearerScheme }));
}

/** A transport that never answers, until the signal it was given aborts. */
function hanging() {
  const signals: (AbortSignal | undefined)[] = [];
  const fetch = (_request: Request, init?: { signal?: AbortSignal }) => {
    signals.push(init?.signal);
    return new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
  };
  return { signals, fetch };
}

describe('the signal call option', () => {
  it('aborts the attempt under way, underneath, with the caller’s reason', async () => {
    const { signals, fetch } = hanging();
    const client = clientOver(fetch);
    const controller = new AbortController();
    const pending = client.call(getThing, {}, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
    const reason = new Error('user went away');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('ends a wait between attempts', async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return new Response('{}', { status: 503, headers: { 'retry-after': '30' } });
    };
    const client = clientOver(fetch, 3);
    const controller = new AbortController();
    const pending = client.call(getThing, {}, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error('stop waiting'));
    await expect(pending).rejects.toThrow('stop waiting');
    expect(calls).toBe(1);
  });

  it('refuses before sending when a middleware’s Request is already aborted', async () => {
    let calls = 0;
    const client = clientOver(async () => {
      calls++;
      return Response.json({});
    });
    const gone = AbortSignal.abort(new Error('middleware cancelled'));
    client.api.use({ onRequest: ({ request }) => new Request(request, { signal: gone }) });
    await expect(client.call(getThing, {})).rejects.toThrow('middleware cancelled');
    expect(calls).toBe(0);
  });
});
