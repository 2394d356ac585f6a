// A webhook profile whose scheme is declared as data: the model carries the description and the
// headers it names, the emitter binds the runtime's generic verifier to it, and a description that
// could not work is refused at generation time with the pointer of what is wrong.
import { describe, expect, it } from 'vitest';
import { emitWebhooks } from '../../../generator/emit/webhooks.ts';
import { SvcgenInputError } from '../../../generator/load/errors.ts';
import { buildWebhookModel } from '../../../generator/model/webhooks.ts';
import { REQUEST_LINE_BODY_TIMESTAMP, STANDARD_WEBHOOKS } from '../../support/declared-schemes.ts';

const declared = STANDARD_WEBHOOKS;

function documentWith(scheme: unknown, extra: Record<string, unknown> = {}) {
  return {
    openapi: '3.1.0',
    paths: {},
    webhooks: {
      'order.paid': {
        post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { type: { const: 'order.paid' } } } } } }, responses: { 200: { description: 'ok' } } },
      },
    },
    'x-svcgen-webhooks': { scheme, delivery: 'object', discriminator: 'type', ...extra },
  };
}

function refusal(document: unknown): { pointer: string | undefined; message: string } {
  try {
    buildWebhookModel(document as Record<string, unknown>, 'overlay.yaml');
  } catch (error) {
    if (!(error instanceof SvcgenInputError)) throw error;
    return { pointer: error.pointer, message: error.message };
  }
  throw new Error('the profile was accepted');
}

describe('a declared signature scheme in the webhook profile', () => {
  const model = buildWebhookModel(documentWith(declared))!;

  it('is carried by the model with the headers it names', () => {
    expect(model.scheme).toBe('declared');
    expect(model.signature).toEqual(declared);
    expect(model.headers).toEqual({ signature: 'webhook-signature', timestamp: 'webhook-timestamp' });
  });

  it('may sign the request line: `{method}` and `{url}` are placeholders like the others', () => {
    const signsRequest = buildWebhookModel(documentWith(REQUEST_LINE_BODY_TIMESTAMP))!;
    expect(signsRequest.signature).toEqual(REQUEST_LINE_BODY_TIMESTAMP);
    expect(emitWebhooks({ vendor: 'shop', webhooks: signsRequest })).toContain("payload: '{method}{url}{body}{timestamp}'");
  });

  it("is bound to the runtime's declaredScheme by the emitted verifier and middleware", () => {
    const out = emitWebhooks({ vendor: 'shop', webhooks: model });
    expect(out).toContain('  declaredScheme,');
    expect(out).toContain("const scheme = declaredScheme('shop', 'object', { algorithm: 'hmac-sha256', payload: '{header:webhook-id}.{timestamp}.{body}'");
    expect(out).toContain('const verifyScheme = scheme.verify;');
    expect(out).toContain('createWebhookMiddleware<ShopWebhookPayload, E>(scheme, { ...defaults, ...options })');
    expect(out).not.toMatch(/Scheme as scheme|as verifyScheme/);
  });

  it.each([
    ['a misspelt key', { ...declared, signatur: declared.signature }, '/x-svcgen-webhooks/scheme', /signatur/],
    ['an unknown algorithm', { ...declared, algorithm: 'hmac-md5' }, '/x-svcgen-webhooks/scheme/algorithm', /hmac-sha256/],
    ['`{body}` twice', { ...declared, payload: '{body}.{body}' }, '/x-svcgen-webhooks/scheme/payload', /`\{body\}` or `\{form\}` exactly once \(found 2\)/],
    ['`{timestamp}` with no timestamp', { ...declared, timestamp: undefined, payload: '{timestamp}.{body}' }, '/x-svcgen-webhooks/scheme/payload', /needs a `timestamp`/],
    ['an unknown placeholder', { ...declared, payload: '{id}.{body}' }, '/x-svcgen-webhooks/scheme/payload', /unknown placeholder in '\{id\}\.'; known: \{body\}, \{form\}, \{timestamp\}, \{header:Name\}, \{url\}, \{method\}/],
    ['a timestamp both in a header and in the signature header', { ...declared, timestamp: { header: 'x-ts', prefix: 't=', unit: 'seconds' } }, '/x-svcgen-webhooks/scheme/timestamp', /exactly one of/],
    ['a timestamp item without a separator', { ...declared, signature: { header: 's', encoding: 'hex' }, timestamp: { prefix: 't=', unit: 'seconds' } }, '/x-svcgen-webhooks/scheme/timestamp/prefix', /separator/],
    ['a signature header that is no HTTP header name', { ...declared, signature: { ...declared.signature, header: 'webhook signature' } }, '/x-svcgen-webhooks/scheme/signature/header', /not an HTTP header name/],
    ['a public key written as text', { ...declared, algorithm: 'ed25519', secret: { encoding: 'utf8' } }, '/x-svcgen-webhooks/scheme/secret/encoding', /public key is bytes/],
  ])('refuses %s, naming where', (_, scheme, pointer, message) => {
    const found = refusal(documentWith(scheme));
    expect(found.pointer).toBe(pointer);
    expect(found.message).toMatch(message);
    expect(found.message).toContain('overlay.yaml');
  });

  describe("a 'form' delivery (events as urlencoded bodies, Twilio's `{url}{form}`)", () => {
    const twilioLike = { algorithm: 'hmac-sha1', payload: '{url}{form}', signature: { header: 'x-twilio-signature', encoding: 'base64' } };
    const formDocument = (extra: Record<string, unknown> = {}, mediaType = 'application/x-www-form-urlencoded') => ({
      ...documentWith(twilioLike, { delivery: 'form', discriminator: 'MessageStatus', eventId: 'MessageSid', ...extra }),
      webhooks: {
        delivered: {
          post: { requestBody: { content: { [mediaType]: { schema: { type: 'object', properties: { MessageSid: { type: 'string' }, MessageStatus: { const: 'delivered' } } } } } }, responses: { 200: { description: 'ok' } } },
        },
      },
    });

    it('reads the events from urlencoded request bodies and binds the verifier to the form delivery', () => {
      const form = buildWebhookModel(formDocument())!;
      expect(form.delivery).toBe('form');
      expect(form.events.map((event) => event.name)).toEqual(['delivered']);
      const out = emitWebhooks({ vendor: 'sms', webhooks: form });
      expect(out).toContain("const scheme = declaredScheme('sms', 'form', { algorithm: 'hmac-sha1', payload: '{url}{form}'");
      expect(out).toContain("type Event<Name extends string, Ev> = NamedEvent<FormFields<Ev>, 'MessageStatus', Name>;");
    });

    it.each([
      ['`{form}` with a JSON delivery', documentWith(twilioLike), '/x-svcgen-webhooks/scheme/payload', /needs delivery 'form', not 'object'/],
      ['events described only as JSON', formDocument({}, 'application/json'), '/webhooks/delivered/post/requestBody', /application\/x-www-form-urlencoded request body schema \(delivery 'form'\)/],
      ['an objectPath into a form', formDocument({ envelope: { type: 'object' }, objectPath: ['data'] }), '/x-svcgen-webhooks/objectPath', /fields are text/],
      ['`{body}` beside `{form}`', documentWith({ ...twilioLike, payload: '{url}{form}{body}' }, { delivery: 'form' }), '/x-svcgen-webhooks/scheme/payload', /exactly once \(found 2\)/],
    ])('refuses %s, naming where', (_, document, pointer, message) => {
      const found = refusal(document);
      expect(found.pointer).toBe(pointer);
      expect(found.message).toMatch(message);
    });
  });

  it("carries a `bodyHash` (the body's digest in the URL, Twilio's JSON signing) into the emitted scheme, and refuses one that signs the body too", () => {
    const urlOnly = { algorithm: 'hmac-sha1', payload: '{url}', signature: { header: 'x-twilio-signature', encoding: 'base64' }, bodyHash: { query: 'bodySHA256' } };
    const hashed = buildWebhookModel(documentWith(urlOnly))!;
    expect(emitWebhooks({ vendor: 'events', webhooks: hashed })).toContain("payload: '{url}', signature: { header: 'x-twilio-signature', encoding: 'base64' }, bodyHash: { query: 'bodySHA256' } }");
    expect(refusal(documentWith({ ...urlOnly, payload: '{url}{body}' }))).toMatchObject({ pointer: '/x-svcgen-webhooks/scheme/payload', message: expect.stringContaining('sign `{url}`, not `{body}`') });
    expect(refusal(documentWith({ ...urlOnly, bodyHash: { query: 'bodySHA256', algorithm: 'sha256' } })).pointer).toBe('/x-svcgen-webhooks/scheme/bodyHash');
  });

  it('refuses `headers` beside it: the declared scheme names its own', () => {
    expect(refusal(documentWith(declared, { headers: { signature: 'x' } })).pointer).toBe('/x-svcgen-webhooks/headers');
  });

  it('still refuses an id the runtime does not know, and says a scheme can be declared', () => {
    expect(refusal(documentWith('acme-v9')).message).toMatch(/unknown scheme 'acme-v9'.*declare it as an object/);
  });
});
