import { describe, expect, it } from 'vitest';
import { jsonLogger } from '../../../runtime/log/logger.ts';
import { redact, redactText, REDACTED } from '../../../runtime/redact.ts';
import type { PolicyEvent } from '../../../runtime/policy/events.ts';
import { bearerScheme } from '../../../runtime/auth/bearer-scheme.ts';
import { fittedHeaderAuth } from '../../../runtime/auth/header-auth.ts';
import { createVendorClientWith, type BaseClientOptions } from '../../../runtime/client.ts';
import { describeErrorBody } from '../../../runtime/error-shapes.ts';
import { bearerAuth, get, getCustomer, harness, networkFailure, respond, testProfile } from './support.ts';

// Key formats a vendor's profile would declare (`secretShapes`), made up here.
const SHAPES = [/(?<![A-Za-z0-9])(?:(?:dk|dr)_[A-Za-z0-9_]{6,})/g, /(?<![A-Za-z0-9])(?:dwh_[A-Za-z0-9+/=_-]{6,})/g, /(?<![A-Za-z0-9])(?:DK\.[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]+)?)/g];

// Realistic-looking secrets (none real): each must vanish wherever it appears.
const secrets = {
  secretKey: 'dk_live_51Habcdefghijklmnopqrstuv',
  restrictedKey: 'dr_test_51Habcdefghijklmnop',
  webhookSecret: 'dwh_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  dotKey: 'DK.ngeVfQFYQlKU0ufo8x5d1A.TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY2N0In0.c2lnbmF0dXJlLXZhbHVl',
  opaqueKey: 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6',
  clientId: 'Wq8v2pL9QeS6rT4u',
  cookie: 'session=9f8e7d6c5b4a',
  email: 'jane.doe+billing@example.co.uk',
  password: 'hunter2-correct-horse',
};

function leaks(text: string): string[] {
  return Object.entries(secrets)
    .filter(([, secret]) => text.includes(secret) || (secret.includes('=') && text.includes(secret.split('=')[1]!)))
    .map(([name]) => name);
}

describe('redact', () => {
  it('redacts secret-bearing fields whatever their value', () => {
    const out = JSON.stringify(
      redact({
        headers: {
          Authorization: `Bearer ${secrets.opaqueKey}`,
          'x-api-key': secrets.opaqueKey,
          'x-client-id': secrets.clientId,
          cookie: secrets.cookie,
          'set-cookie': secrets.cookie,
          'Acme-Signature': `t=1,v1=${secrets.opaqueKey}`,
        },
        webhookSecret: secrets.webhookSecret,
        client_secret: secrets.opaqueKey,
        access_token: secrets.jwt,
        refreshToken: secrets.jwt,
        password: secrets.password,
        nested: [{ apiKey: secrets.dotKey }],
      }),
    );
    expect(leaks(out)).toEqual([]);
    expect(out).toContain(REDACTED);
  });

  it('redacts Headers objects', () => {
    const headers = new Headers({ authorization: `Basic ${btoa('dk_live_x:')}`, 'x-api-key': secrets.opaqueKey, accept: 'application/json' });
    expect(redact(headers)).toEqual({ authorization: REDACTED, 'x-api-key': REDACTED, accept: 'application/json' });
  });

  it("redacts credentials, email addresses and keys of the vendor's shapes inside free text", () => {
    const text = [
      `Authorization: Bearer ${secrets.jwt}`,
      `key ${secrets.secretKey} and ${secrets.restrictedKey}`,
      `secret ${secrets.webhookSecret}`,
      `api key ${secrets.dotKey}`,
      `GET /v3/suppression/bounces/${secrets.email}`,
      `https://x.test/cb?api_key=${secrets.opaqueKey}&token=${secrets.password}`,
      `{"x-client-id":"${secrets.clientId}","password":"${secrets.password}"}`,
      `Cookie: ${secrets.cookie}`,
    ].join('\n');
    const out = redactText(text, SHAPES);
    expect(leaks(out)).toEqual([]);
    expect(out).toContain('GET /v3/suppression/bounces/');
    // Without the shapes, the keys no label or scheme gives away are left as they are.
    expect(leaks(redactText(text))).toEqual(['secretKey', 'restrictedKey', 'webhookSecret', 'dotKey']);
  });

  it('scrubs listed secrets literally, regular-expression characters included, and keeps labels and schemes', () => {
    const listed = ['a.b$c+(d)', 'x|y*z', 'abc'];
    expect(redactText('a.b$c+(d) axb$c+(d) x|y*z xy abc', listed)).toBe(`${REDACTED} axb$c+(d) ${REDACTED} xy abc`);
    expect(redactText('Authorization: Bearer  opaque-value-1 password=hunter2-horse')).toBe(`Authorization: Bearer  ${REDACTED} password=${REDACTED}`);
  });

  it('leaves ordinary data alone', () => {
    const value = { id: 'pi_123', amount: 2000, currency: 'usd', status: 'succeeded', breakerState: 'closed', attempt: 2 };
    expect(redact(value)).toEqual(value);
  });

  it('redacts errors to name, message and code', () => {
    const error = Object.assign(new Error(`login failed for ${secrets.email} with ${secrets.jwt}`), { code: 'E_AUTH' });
    const out = redact(error) as Record<string, unknown>;
    expect(out).toMatchObject({ name: 'Error', code: 'E_AUTH' });
    expect(leaks(JSON.stringify(out))).toEqual([]);
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(() => JSON.stringify(redact(a))).not.toThrow();
  });
});

describe('logs and events', () => {
  it('the JSON logger writes one redacted object per line at or above its level', () => {
    const lines: string[] = [];
    const logger = jsonLogger({ level: 'info', write: (line) => lines.push(line) });
    logger.log({ level: 'debug', message: 'hidden' } as never);
    logger.log({ level: 'warn', message: `retrying for ${secrets.email}`, authorization: secrets.jwt } as never);
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!);
    expect(record).toMatchObject({ level: 'warn', authorization: REDACTED });
    expect(typeof record.time).toBe('string');
    expect(leaks(lines[0]!)).toEqual([]);
  });

  it('pipeline events and log lines hold no secrets from the request', async () => {
    const lines: string[] = [];
    const events: PolicyEvent[] = [];
    const { call } = harness([respond(503), networkFailure('ECONNRESET'), new TypeError(`fetch failed for ${secrets.email}`)], {
      logger: jsonLogger({ level: 'debug', write: (line) => lines.push(line) }),
      onEvent: (e) => events.push(e),
    });
    const request = get(`https://api.example.com/v3/suppression/bounces/${secrets.email}?api_key=${secrets.opaqueKey}`, {
      headers: { authorization: `Bearer ${secrets.dotKey}`, 'x-api-key': secrets.opaqueKey, cookie: secrets.cookie },
    });
    const error = await call(getCustomer, request).catch((e: unknown) => e);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(leaks(lines.join('\n'))).toEqual([]);
    expect(leaks(JSON.stringify(events))).toEqual([]);
    expect(leaks(String((error as Error).message))).toEqual([]);
  });
});

describe('key shapes given to the logger', () => {
  it('the JSON logger scrubs the shapes it is given from every field', () => {
    const lines: string[] = [];
    const record = { level: 'warn', message: `retrying with ${secrets.secretKey}`, note: { key: secrets.dotKey } } as never;
    jsonLogger({ write: (line) => lines.push(line), secrets: SHAPES }).log(record);
    jsonLogger({ write: (line) => lines.push(line) }).log(record);
    expect(leaks(lines[0]!)).toEqual([]);
    expect(leaks(lines[1]!)).toEqual(['secretKey', 'dotKey']);
  });
});

describe('attempt events', () => {
  it("redact a caller's abort reason, keys of the shapes the pipeline is given included", async () => {
    const events: PolicyEvent[] = [];
    const { pipeline, clock } = harness(['hang'], { onEvent: (e) => events.push(e), secrets: () => SHAPES });
    const controller = new AbortController();
    const pending = pipeline.fetchFor(getCustomer, { signal: controller.signal })(get());
    pending.catch(() => {});
    await clock.advance(1);
    controller.abort(new Error(`cancelled by ${secrets.email} holding ${secrets.secretKey}`));
    await expect(pending).rejects.toThrow();
    const attempt = events.find((e) => e.type === 'attempt');
    expect(attempt).toMatchObject({ error: expect.stringContaining('cancelled by') });
    expect(leaks(JSON.stringify(events))).toEqual([]);
  });

  it("of a client's call, redact its own credential from an abort reason, whatever the credential looks like", async () => {
    const events: PolicyEvent[] = [];
    // A transport that never settles: the reason reaches the event without passing the auth layer's own scrubbing.
    const never = () => new Promise<Response>(() => {});
    const options = { apiKey: secrets.clientId, fetch: never, logger: false, retry: false, onEvent: (e: PolicyEvent) => events.push(e) } as BaseClientOptions;
    const client = createVendorClientWith(testProfile(bearerAuth, 0), options, fittedHeaderAuth({ bearer: bearerScheme }), describeErrorBody);
    const controller = new AbortController();
    const pending = client.call(getCustomer, {}, { signal: controller.signal });
    controller.abort(new Error(`cancelled while key ${secrets.clientId} was in use`));
    await expect(pending).rejects.toThrow();
    expect(events.find((e) => e.type === 'attempt')).toMatchObject({ error: `Error: cancelled while key [REDACTED] was in use` });
  });
});
