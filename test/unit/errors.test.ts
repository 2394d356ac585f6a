import { describe, expect, it } from 'vitest';
import { ApiError, isApiError } from '../../runtime/errors.ts';
import { apiErrorFromResponse, describeErrorBody, readApiError } from '../../runtime/error-shapes.ts';
import { REDACTED } from '../../runtime/redact.ts';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

// Key formats a vendor's profile would declare (`secretShapes`), made up here.
const KEY_SHAPE = /(?<![A-Za-z0-9])(?:(?:dk|dr)_[A-Za-z0-9_]{6,}|dwh_[A-Za-z0-9+/=_-]{6,}|DK\.[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]+)?)/g;

/** Every way an error can end up in a log. */
function renderings(error: Error): string[] {
  return [error.message, String(error), JSON.stringify(error), error.stack ?? '', `${error.toString()}`];
}

describe('apiErrorFromResponse: error shapes', () => {
  it('reads an envelope {error: {type, code, message, param, decline_code}}', () => {
    const body = {
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
        param: 'payment_method',
      },
    };
    const response = jsonResponse(402, body, { 'Request-Id': 'req_abc123' });
    const error = apiErrorFromResponse(response, { operationId: 'PostPaymentIntents', requestIdHeader: 'Request-Id' }, body);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error).toMatchObject({
      status: 402,
      operationId: 'PostPaymentIntents',
      type: 'card_error',
      code: 'card_declined',
      declineCode: 'insufficient_funds',
      param: 'payment_method',
      message: 'Your card has insufficient funds.',
      requestId: 'req_abc123',
    });
    expect(error.body).toEqual(body);
    expect(error.headers['request-id']).toBe('req_abc123');
  });

  it('reads a list {errors: [{message, field, error_id}]}', () => {
    const body = {
      errors: [
        { message: 'The from address does not match a verified Sender Identity.', field: 'from', error_id: 'sender_unverified' },
        { message: 'Invalid email', field: 'personalizations.0.to.0.email' },
      ],
    };
    const response = jsonResponse(403, body, { 'x-request-id': 'sg-1' });
    const error = apiErrorFromResponse(response, { operationId: 'SendMail', requestIdHeader: 'x-request-id' }, body);
    expect(error.message).toBe('The from address does not match a verified Sender Identity.; Invalid email');
    expect(error.code).toBe('sender_unverified');
    expect(error.param).toBe('from');
    expect(error.details).toEqual([
      { message: 'The from address does not match a verified Sender Identity.', field: 'from', code: 'sender_unverified' },
      { message: 'Invalid email', field: 'personalizations.0.to.0.email' },
    ]);
    expect(error.requestId).toBe('sg-1');
  });

  it('reads a flat {code, message, source, details}', () => {
    const body = { code: 'invalid_argument', message: 'amount must be positive', source: 'amount', details: { min: 0 } };
    const error = apiErrorFromResponse(jsonResponse(400, body), { operationId: 'CreatePaymentIntent' }, body);
    expect(error).toMatchObject({ code: 'invalid_argument', message: 'amount must be positive', param: 'amount' });
    expect(error.type).toBeUndefined();
    expect(error.requestId).toBeUndefined();
    expect(error.body).toEqual(body);
  });

  it('reads {error: "text"}, plain text and empty bodies', () => {
    expect(describeErrorBody({ error: 'segment not found' })).toEqual({ message: 'segment not found' });
    const text = apiErrorFromResponse(new Response('<html>Bad Gateway</html>', { status: 502 }), { operationId: 'X' }, '<html>Bad Gateway</html>');
    expect(text.message).toBe('<html>Bad Gateway</html>');
    const empty = apiErrorFromResponse(new Response(null, { status: 500 }), { operationId: 'GetThing' });
    expect(empty.message).toBe('GetThing failed with HTTP 500');
    expect(empty.body).toBeUndefined();
  });

  it('readApiError parses JSON or keeps text from an unread response', async () => {
    const json = await readApiError(jsonResponse(404, { error: { message: 'No such customer' } }), { operationId: 'GetCustomer' });
    expect(json.message).toBe('No such customer');
    const text = await readApiError(new Response('upstream timeout', { status: 504 }), { operationId: 'GetCustomer' });
    expect(text.message).toBe('upstream timeout');
    // A text that happens to be a JSON scalar stays text under a type that is not JSON.
    const plain = (body: string, type: string) => readApiError(new Response(body, { status: 404, headers: { 'content-type': type } }), { operationId: 'GetCustomer' });
    for (const body of ['404', 'true', 'null', '"gone"']) expect((await plain(body, 'text/plain; charset=utf-8')).body).toBe(body);
    expect((await plain('404', 'application/json')).body).toBe(404);
    expect((await plain('{"error":{"message":"gone"}}', 'text/html')).message).toBe('gone');
  });

  it('keeps only useful headers', () => {
    const response = jsonResponse(429, {}, {
      'Retry-After': '2',
      'X-RateLimit-Remaining': '0',
      'Acme-Should-Retry': 'false',
      'Set-Cookie': 'session=abc',
      'X-Custom': 'y',
    });
    const error = apiErrorFromResponse(response, { operationId: 'X', keepHeaders: ['X-Custom'] }, {});
    expect(error.headers).toEqual({
      'content-type': 'application/json',
      'retry-after': '2',
      'x-ratelimit-remaining': '0',
      'acme-should-retry': 'false',
      'x-custom': 'y',
    });
  });

  it('clips very long messages', () => {
    const error = apiErrorFromResponse(new Response('x', { status: 500 }), { operationId: 'X' }, 'x'.repeat(10_000));
    expect(error.message.length).toBeLessThan(1100);
  });
});

describe('toJSON', () => {
  it('lists name, message and every field in one fixed order, nothing else', () => {
    const body = { error: { type: 'card_error', code: 'card_declined', message: 'Declined.', param: 'source', decline_code: 'lost_card' } };
    const error = apiErrorFromResponse(jsonResponse(402, body, { 'Request-Id': 'req_1' }), { operationId: 'X', requestIdHeader: 'Request-Id' }, body);
    const json = error.toJSON();
    expect(Object.keys(json)).toEqual(['name', 'message', 'status', 'operationId', 'code', 'type', 'param', 'declineCode', 'details', 'requestId', 'headers', 'body']);
    expect(json).toMatchObject({ name: 'ApiError', message: 'Declined.', status: 402, requestId: 'req_1', headers: { 'request-id': 'req_1' }, body });
    expect(JSON.parse(JSON.stringify(error))).toEqual(JSON.parse(JSON.stringify(json)));
    // A stack trace is no field: it stays out of the JSON.
    expect(json).not.toHaveProperty('stack');
  });
});

describe('narrowing', () => {
  it('isApiError and is(status) narrow', () => {
    const error: unknown = apiErrorFromResponse(jsonResponse(404, {}), { operationId: 'X' }, {});
    expect(isApiError(error)).toBe(true);
    expect(isApiError(error, 404)).toBe(true);
    expect(isApiError(error, 500)).toBe(false);
    expect(isApiError(new Error('x'))).toBe(false);
    if (!isApiError<{ error: { code: string } }>(error)) throw new Error('unreachable');
    expect(error.is(404)).toBe(true);
    expect(error.is(409)).toBe(false);
    expect(error.isClientError).toBe(true);
    expect(error.isServerError).toBe(false);
  });

  it('keeps headers given to the constructor by lower-case name, secret-named ones blanked and the rest scrubbed', () => {
    const error = new ApiError({
      status: 500,
      operationId: 'X',
      headers: { 'X-Api-Key': 'opaque-value', 'Retry-After': '2', 'X-Note': 'key dk_live_abcdefgh and listed-secret' },
      secrets: ['listed-secret', KEY_SHAPE],
    });
    expect(error.headers).toEqual({ 'x-api-key': REDACTED, 'retry-after': '2', 'x-note': `key ${REDACTED} and ${REDACTED}` });
  });

  it('carries a status-typed body for callers that declare one', () => {
    type NotFound = { error: { message: string } };
    const error = new ApiError<404, NotFound>({ status: 404, operationId: 'X', body: { error: { message: 'gone' } } });
    const status: 404 = error.status;
    expect(status).toBe(404);
    expect(error.body?.error.message).toBe('gone');
  });
});

describe('no secret ever shows', () => {
  const secrets = {
    secretKey: 'dk_live_51HxYzAbCdEfGhIjKlMnOpQrStUv',
    restricted: 'dr_test_51HxYzAbCdEfGhIjKlMn',
    webhook: 'dwh_AbCdEfGhIjKlMnOpQrStUvWxYz012345',
    dotKey: 'DK.aBcDeFgHiJkLmNoP.qRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVw',
    jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY2N0XzEifQ.c2lnbmF0dXJlLWJ5dGVz',
    opaqueApiKey: 'f3b8c1d27e9a4b5c8d0e1f2a3b4c5d6e',
  };

  it('in message, String(), JSON.stringify(), stack, body and headers', () => {
    const body = {
      error: {
        message: `Invalid API Key provided: ${secrets.secretKey}; also Bearer ${secrets.jwt} and ${secrets.dotKey}`,
        code: `bad_key_${secrets.restricted}`,
        param: secrets.webhook,
        request: { headers: { Authorization: `Bearer ${secrets.jwt}`, 'x-api-key': secrets.opaqueApiKey }, note: `key ${secrets.opaqueApiKey}` },
        client_secret: 'pi_123_secret_456',
      },
    };
    const response = jsonResponse(401, body, { 'Request-Id': `req_${secrets.opaqueApiKey}`, 'X-RateLimit-Note': secrets.secretKey });
    const error = apiErrorFromResponse(
      response,
      { operationId: 'PostCharges', requestIdHeader: 'Request-Id', secrets: [secrets.opaqueApiKey, KEY_SHAPE] },
      body,
    );
    const everything = [...renderings(error), JSON.stringify(error.body), JSON.stringify(error.headers), error.code ?? '', error.param ?? ''];
    for (const text of everything) {
      for (const secret of [...Object.values(secrets), 'pi_123_secret_456']) expect(text).not.toContain(secret);
    }
    expect(error.message).toContain('Invalid API Key provided: [REDACTED]');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ status: 401, operationId: 'PostCharges' });
  });

  it('in a long text body, a secret that straddles the clipping point included', () => {
    // A proxy's error page that echoes the request's key across the 1000th character.
    for (const secret of [secrets.opaqueApiKey, secrets.secretKey]) {
      const text = `${'x'.repeat(985)} key ${secret} trailing`;
      const error = apiErrorFromResponse(new Response(text, { status: 400 }), { operationId: 'X', secrets: [secrets.opaqueApiKey, KEY_SHAPE] }, text);
      for (const rendered of [...renderings(error), String(error.body)]) expect(rendered).not.toContain(secret.slice(0, 8));
      expect(String(error.body).length).toBeLessThanOrEqual(1001);
    }
  });

  it('in errors from list- and flat-shaped bodies too', () => {
    const list = { errors: [{ message: `bad key ${secrets.dotKey}`, field: secrets.dotKey }] };
    const flat = { code: 'unauthorized', message: `token ${secrets.jwt} expired`, source: secrets.opaqueApiKey };
    for (const body of [list, flat]) {
      const error = apiErrorFromResponse(jsonResponse(401, body), { operationId: 'X', secrets: [secrets.opaqueApiKey, KEY_SHAPE] }, body);
      for (const text of [...renderings(error), JSON.stringify(error.details)]) {
        expect(text).not.toContain(secrets.dotKey);
        expect(text).not.toContain(secrets.jwt);
        expect(text).not.toContain(secrets.opaqueApiKey);
      }
    }
  });
});
