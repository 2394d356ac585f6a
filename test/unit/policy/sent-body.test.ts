// The client encodes a form body itself and tells the pipeline the text (SENT_BODY), so the first
// attempt goes out without the body being read back and the Request copied. What a transport
// receives must not change: the same bytes on the Request and in `init`, on every attempt, and a
// middleware that replaces the Request still decides what is sent.
import { describe, expect, it } from 'vitest';
import { createVendorClient } from '../../../runtime/client.ts';
import type { OperationMeta } from '../../../runtime/contract.ts';
import { formBody } from '../../../runtime/encoding/form.ts';
import { bearerScheme } from '../../../runtime/auth/bearer-scheme.ts';
import { schemeAuth } from '../../../runtime/auth/scheme-auth.ts';
import { testProfile } from './support.ts';

const profile = testProfile({ kind: 'schemes', schemes: { key: { type: 'bearer' } }, security: [['key']], operations: {}, shorthand: 'key' }, 1);

const meta: OperationMeta = {
  id: 'PostThings',
  method: 'POST',
  path: '/things',
  resilience: 'unsafe',
  idempotency: { kind: 'header', name: 'Idempotency-Key' },
  encodeBody: formBody,
};

interface Seen {
  request: string;
  init: string | undefined;
  contentType: string | null;
  authorization: string | null;
}

/** A transport answering 503 and then 200, recording what each attempt carried on the Request and in init. */
function recorder(statuses: number[]) {
  const seen: Seen[] = [];
  const fetch = async (request: Request, init?: { body?: ArrayBuffer }) => {
    seen.push({
      request: await request.text(),
      init: init?.body === undefined ? undefined : new TextDecoder().decode(init.body),
      contentType: request.headers.get('content-type'),
      authorization: request.headers.get('authorization'),
    });
    return Response.json({}, { status: statuses[seen.length - 1] ?? 200 });
  };
  return { seen, fetch };
}

describe('form bodies the client encoded', () => {
  it('reach the transport byte for byte on the Request and in init, on the first attempt and on a retry', async () => {
    const { seen, fetch } = recorder([503, 200]);
    const client = createVendorClient(profile, { fetch, logger: false, apiKey: 'k_1' } as object, schemeAuth({ bearer: bearerScheme }));
    await client.call(meta, { body: { amount: 2000, note: 'café & co', metadata: { order: '1042' } } });
    const text = 'amount=2000&note=caf%C3%A9%20%26%20co&metadata[order]=1042';
    expect(seen).toEqual([
      { request: text, init: text, contentType: 'application/x-www-form-urlencoded', authorization: 'Bearer k_1' },
      { request: text, init: text, contentType: 'application/x-www-form-urlencoded', authorization: 'Bearer k_1' },
    ]);
  });

  it('give way to a Request a middleware put in their place', async () => {
    const { seen, fetch } = recorder([]);
    const client = createVendorClient(profile, { fetch, logger: false, apiKey: 'k_1' } as object, schemeAuth({ bearer: bearerScheme }));
    client.api.use({
      onRequest: ({ request }) => new Request(request.url, { method: 'POST', headers: request.headers, body: 'replaced=1' }),
    });
    await client.call(meta, { body: { amount: 2000 } });
    expect(seen.map((s) => [s.request, s.init])).toEqual([['replaced=1', 'replaced=1']]);
  });

  it('keep an empty call empty', async () => {
    const { seen, fetch } = recorder([]);
    const client = createVendorClient(profile, { fetch, logger: false, apiKey: 'k_1' } as object, schemeAuth({ bearer: bearerScheme }));
    await client.call(meta, {});
    expect(seen.map((s) => [s.request, s.init])).toEqual([['', undefined]]);
  });
});
