import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../runtime/errors.ts';
import {
  createTokenManager,
  loginWithHeaders,
  parseExpiry,
  tokenExchangeAuth,
  withTokenAuth,
  type IssuedToken,
} from '../../../runtime/auth/token-exchange.ts';
import { createVendorClientWith, type BaseClientOptions, type VendorProfile } from '../../../runtime/client.ts';
import { describeErrorBody } from '../../../runtime/error-shapes.ts';
import type { PolicyEvent } from '../../../runtime/policy/events.ts';
import { DEMO_KEY_SHAPE, getThing, loginAuth, renderingsOf, testProfile } from '../policy/support.ts';

const MINUTE = 60_000;

/** A login double: counts calls, issues tok_1, tok_2 … valid for 30 minutes of the fake clock. */
function fakeLogin(clock: { now: number }) {
  const state = { calls: 0, signals: [] as AbortSignal[] };
  const login = async (signal: AbortSignal): Promise<IssuedToken> => {
    state.calls++;
    state.signals.push(signal);
    await Promise.resolve();
    return { token: `tok_${state.calls}`, expiresAt: clock.now + 30 * MINUTE };
  };
  return { state, login };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createTokenManager', () => {
  it('shares one login among concurrent first calls', async () => {
    const gate = deferred<IssuedToken>();
    let calls = 0;
    const manager = createTokenManager({
      login: () => {
        calls++;
        return gate.promise;
      },
    });
    const pending = Array.from({ length: 20 }, () => manager.getToken());
    gate.resolve({ token: 'tok_shared', expiresAt: Date.now() + 30 * MINUTE });
    expect(await Promise.all(pending)).toEqual(Array(20).fill('tok_shared'));
    expect(calls).toBe(1);
  });

  it('reuses the token until refreshSkewMs before expiry, then logs in again', async () => {
    const clock = { now: 1_000_000 };
    const { state, login } = fakeLogin(clock);
    const manager = createTokenManager({ login, refreshSkewMs: MINUTE, now: () => clock.now });
    expect(await manager.getToken()).toBe('tok_1');
    clock.now += 29 * MINUTE - 1;
    expect(await manager.getToken()).toBe('tok_1');
    clock.now += 1;
    expect(await manager.getToken()).toBe('tok_2');
    expect(state.calls).toBe(2);
  });

  it('keeps at least half the token life when the skew exceeds it', async () => {
    const clock = { now: 0 };
    let calls = 0;
    const manager = createTokenManager({
      login: async () => ({ token: `t${++calls}`, expiresAt: clock.now + 10_000 }),
      refreshSkewMs: 60_000,
      now: () => clock.now,
    });
    expect(await manager.getToken()).toBe('t1');
    clock.now = 4_999;
    expect(await manager.getToken()).toBe('t1');
    clock.now = 5_000;
    expect(await manager.getToken()).toBe('t2');
  });

  it('does not cache a failed login; every waiter of the failed one sees the failure', async () => {
    let calls = 0;
    const manager = createTokenManager({
      login: async () => {
        calls++;
        if (calls === 1) throw new Error('login refused');
        return { token: 'tok_ok', expiresAt: Date.now() + 30 * MINUTE };
      },
    });
    const results = await Promise.allSettled([manager.getToken(), manager.getToken()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await manager.getToken()).toBe('tok_ok');
    expect(calls).toBe(2);
  });

  it('treats a login that throws synchronously as a failed login', async () => {
    const manager = createTokenManager({
      login: () => {
        throw new Error('no network');
      },
    });
    await expect(manager.getToken()).rejects.toThrow('no network');
  });

  it('invalidate forgets only the token it names', async () => {
    const clock = { now: 0 };
    const { state, login } = fakeLogin(clock);
    const manager = createTokenManager({ login, now: () => clock.now });
    await manager.getToken();
    manager.invalidate('tok_other');
    expect(await manager.getToken()).toBe('tok_1');
    manager.invalidate('tok_1');
    expect(await manager.getToken()).toBe('tok_2');
    expect(state.calls).toBe(2);
  });

  it('one caller giving up does not cancel the login the others wait for', async () => {
    const gate = deferred<IssuedToken>();
    const signals: AbortSignal[] = [];
    const manager = createTokenManager({
      login: (signal) => {
        signals.push(signal);
        return gate.promise;
      },
    });
    const impatient = new AbortController();
    const first = manager.getToken(impatient.signal);
    const second = manager.getToken();
    impatient.abort(new Error('timeout'));
    await expect(first).rejects.toThrow('timeout');
    expect(signals[0]!.aborted).toBe(false);
    gate.resolve({ token: 'tok_late', expiresAt: Date.now() + MINUTE * 30 });
    expect(await second).toBe('tok_late');
  });

  it('cancels the login when every waiter has given up, and starts afresh next time', async () => {
    const signals: AbortSignal[] = [];
    let calls = 0;
    const manager = createTokenManager({
      login: (signal) => {
        calls++;
        signals.push(signal);
        if (calls === 1) return new Promise<IssuedToken>((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        return Promise.resolve({ token: 'tok_2', expiresAt: Date.now() + 30 * MINUTE });
      },
    });
    const a = new AbortController();
    const pending = manager.getToken(a.signal);
    a.abort(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
    expect(signals[0]!.aborted).toBe(true);
    expect(await manager.getToken()).toBe('tok_2');
  });
});

/** A fake API that accepts only `valid` bearer tokens and records what it saw. */
function fakeApi(valid: () => string) {
  const seen: Array<{ auth: string | null; body: string }> = [];
  const fetch = async (request: Request): Promise<Response> => {
    seen.push({ auth: request.headers.get('authorization'), body: await request.text() });
    if (request.headers.get('authorization') !== `Bearer ${valid()}`) {
      return new Response(JSON.stringify({ code: 'unauthorized', message: 'token expired' }), { status: 401 });
    }
    return new Response('{"ok":true}', { status: 200 });
  };
  return { seen, fetch };
}

describe('withTokenAuth', () => {
  it('signs requests and reuses the token', async () => {
    const clock = { now: 0 };
    const { state, login } = fakeLogin(clock);
    const api = fakeApi(() => 'tok_1');
    const call = withTokenAuth(api.fetch, createTokenManager({ login, now: () => clock.now }));
    for (let i = 0; i < 3; i++) expect((await call(new Request('https://api.test/x'))).status).toBe(200);
    expect(state.calls).toBe(1);
    expect(api.seen.map((s) => s.auth)).toEqual(Array(3).fill('Bearer tok_1'));
  });

  it('on 401: one re-login and one retry carrying the same body', async () => {
    const clock = { now: 0 };
    const { state, login } = fakeLogin(clock);
    let serverToken = 'tok_1';
    const api = fakeApi(() => serverToken);
    const manager = createTokenManager({ login, now: () => clock.now });
    const call = withTokenAuth(api.fetch, manager);
    await call(new Request('https://api.test/x'));
    serverToken = 'tok_2'; // the server revoked tok_1 early
    const response = await call(new Request('https://api.test/transfers', { method: 'POST', body: '{"request_id":"r1"}' }));
    expect(response.status).toBe(200);
    expect(state.calls).toBe(2);
    expect(api.seen.slice(1)).toEqual([
      { auth: 'Bearer tok_1', body: '{"request_id":"r1"}' },
      { auth: 'Bearer tok_2', body: '{"request_id":"r1"}' },
    ]);
  });

  it('on 401 with the body buffered in init (as the pipeline sends it): one re-login and one retry carrying that body', async () => {
    const clock = { now: 0 };
    const { state, login } = fakeLogin(clock);
    let serverToken = 'tok_1';
    const seen: Array<{ auth: string | null; body: string }> = [];
    // Like fetch: init.body, when given, is what is sent.
    const transport = async (request: Request, init?: { body?: BodyInit | null }): Promise<Response> => {
      seen.push({ auth: request.headers.get('authorization'), body: init?.body ? await new Response(init.body).text() : await request.text() });
      return request.headers.get('authorization') === `Bearer ${serverToken}` ? Response.json({ ok: true }) : Response.json({ message: 'token expired' }, { status: 401 });
    };
    const call = withTokenAuth(transport, createTokenManager({ login, now: () => clock.now }));
    await call(new Request('https://api.test/x'));
    serverToken = 'tok_2';
    const text = '{"request_id":"r1"}';
    const response = await call(new Request('https://api.test/transfers', { method: 'POST', body: text }), { body: new TextEncoder().encode(text).buffer });
    expect(response.status).toBe(200);
    expect(state.calls).toBe(2);
    expect(seen.slice(1)).toEqual([
      { auth: 'Bearer tok_1', body: text },
      { auth: 'Bearer tok_2', body: text },
    ]);
  });

  it('a second 401 is returned, not retried again', async () => {
    const clock = { now: 0 };
    const { state, login } = fakeLogin(clock);
    const api = fakeApi(() => 'never');
    const response = await withTokenAuth(api.fetch, createTokenManager({ login, now: () => clock.now }))(new Request('https://api.test/x'));
    expect(response.status).toBe(401);
    expect(state.calls).toBe(2);
    expect(api.seen).toHaveLength(2);
  });

  it('many concurrent 401s share a single re-login', async () => {
    const clock = { now: 0 };
    const { state, login } = fakeLogin(clock);
    let serverToken = 'tok_1';
    const api = fakeApi(() => serverToken);
    const call = withTokenAuth(api.fetch, createTokenManager({ login, now: () => clock.now }));
    await call(new Request('https://api.test/warm'));
    serverToken = 'tok_2';
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => call(new Request(`https://api.test/${i}`))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(state.calls).toBe(2);
  });

  it('replaces a caller-supplied Authorization header and leaves the caller request unsigned', async () => {
    const clock = { now: 0 };
    const { login } = fakeLogin(clock);
    const api = fakeApi(() => 'tok_1');
    const original = new Request('https://api.test/x', { headers: { Authorization: 'Bearer stale' } });
    await withTokenAuth(api.fetch, createTokenManager({ login, now: () => clock.now }))(original);
    expect(api.seen[0]!.auth).toBe('Bearer tok_1');
    expect(original.headers.get('authorization')).toBe('Bearer stale');
  });
});

describe('loginWithHeaders', () => {
  const credentials = { 'x-client-id': 'C1ient1dValue9f8e7d', 'x-api-key': 'a9f8e7d6c5b4a3928170f6e5d4c3b2a1' };

  it('POSTs the credential headers and reads token and expires_at', async () => {
    const seen: Request[] = [];
    const login = loginWithHeaders({
      url: 'https://api-demo.example.test/api/v1/authentication/login',
      headers: credentials,
      fetch: async (request) => {
        seen.push(request);
        return new Response(JSON.stringify({ token: 'eyJhbGciOiJIUzI1NiJ9.e30.sig', expires_at: '2030-01-01T00:30:00+0000' }), { status: 201 });
      },
    });
    const issued = await login(new AbortController().signal);
    expect(issued).toEqual({ token: 'eyJhbGciOiJIUzI1NiJ9.e30.sig', expiresAt: Date.UTC(2030, 0, 1, 0, 30) });
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.headers.get('x-client-id')).toBe(credentials['x-client-id']);
    expect(seen[0]!.headers.get('x-api-key')).toBe(credentials['x-api-key']);
  });

  it('a refused login says status and vendor message, never the credentials', async () => {
    const login = loginWithHeaders({
      url: 'https://api-demo.example.test/api/v1/authentication/login',
      headers: credentials,
      operationId: 'Login',
      fetch: async (request) =>
        new Response(
          JSON.stringify({
            code: 'credentials_invalid',
            message: `Invalid credentials for client ${request.headers.get('x-client-id')} key=${request.headers.get('x-api-key')}`,
            source: request.headers.get('x-api-key'),
          }),
          { status: 401 },
        ),
    });
    const error = await login(new AbortController().signal).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(401);
    expect(apiError.operationId).toBe('Login');
    expect(apiError.code).toBe('credentials_invalid');
    expect(apiError.message).toMatch(/^Invalid credentials for client/);
    const renderings = [apiError.message, String(apiError), JSON.stringify(apiError), apiError.stack ?? ''];
    for (const text of renderings) {
      for (const secret of Object.values(credentials)) expect(text).not.toContain(secret);
    }
  });

  it("a client's refused login scrubs keys of the profile's shapes too, not only the credentials sent", async () => {
    const profile: VendorProfile = { ...testProfile(loginAuth, 0), secretShapes: [DEMO_KEY_SHAPE] };
    const other = 'dk_live_0therKeyN0tSent42';
    const client = createVendorClientWith(
      profile,
      { apiKey: credentials['x-api-key'], retry: false, logger: false, fetch: async () => Response.json({ message: `key ${credentials['x-api-key']} is not ${other}` }, { status: 401 }) } as BaseClientOptions,
      tokenExchangeAuth,
      describeErrorBody,
    );
    const error = (await client.call(getThing, {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.operationId).toBe('Login');
    const renderings = renderingsOf(error);
    expect(renderings).toContain('is not [REDACTED]');
    expect(renderings).not.toContain(other);
    expect(renderings).not.toContain(credentials['x-api-key']);
  });

  it("a client's POST with a body answered 401 logs in again and is sent once more with the same body", async () => {
    let logins = 0;
    const sent: Array<{ auth: string | null; body: string }> = [];
    const client = createVendorClientWith(
      testProfile(loginAuth, 0),
      {
        apiKey: 'key-0a9b8c7d',
        logger: false,
        fetch: async (request: Request, init?: { body?: BodyInit | null }) => {
          if (new URL(request.url).pathname === '/login') return Response.json({ token: `tok_${++logins}`, expires_at: Date.now() + 30 * MINUTE });
          sent.push({ auth: request.headers.get('authorization'), body: init?.body ? await new Response(init.body).text() : await request.text() });
          // The first token is refused (revoked early), the second accepted.
          return sent.length === 1 ? Response.json({ message: 'token expired' }, { status: 401 }) : Response.json({ id: 'thing_1' });
        },
      } as BaseClientOptions,
      tokenExchangeAuth,
      describeErrorBody,
    );
    const createThing = { id: 'CreateThing', method: 'POST', path: '/things', resilience: 'unsafe', idempotency: { kind: 'none' } } as const;
    expect(await client.call(createThing, { body: { name: 'a' } })).toEqual({ id: 'thing_1' });
    expect(logins).toBe(2);
    expect(sent).toEqual([
      { auth: 'Bearer tok_1', body: '{"name":"a"}' },
      { auth: 'Bearer tok_2', body: '{"name":"a"}' },
    ]);
  });

  it('a login made inside the half-open probe of the API circuit is not refused by that probe: the client recovers', async () => {
    let apiDown = true;
    let logins = 0;
    const transitions: string[] = [];
    const base = testProfile(loginAuth, 0);
    const client = createVendorClientWith(
      { ...base, policy: { ...base.policy, breaker: { consecutiveFailures: 2, cooldownMs: 100 } } },
      {
        apiKey: 'key-0a9b8c7d',
        logger: false,
        onEvent: (event) => event.type === 'breaker' && transitions.push(`${event.circuit} ${event.from}->${event.to}`),
        fetch: async (request: Request) => {
          // Tokens live 300 ms (refreshed after half their life): by the end of the cooldown the next call logs in again.
          if (new URL(request.url).pathname === '/login') return Response.json({ token: `tok_${++logins}`, expires_at: Date.now() + 300 });
          return apiDown ? Response.json({ message: 'down' }, { status: 503 }) : Response.json({ ok: true });
        },
      } as BaseClientOptions,
      tokenExchangeAuth,
      describeErrorBody,
    );
    for (let n = 0; n < 2; n++) await expect(client.call(getThing, {})).rejects.toMatchObject({ status: 503 });
    await expect(client.call(getThing, {})).rejects.toMatchObject({ name: 'CircuitOpenError' });
    apiDown = false;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await client.call(getThing, {})).toEqual({ ok: true });
    expect(logins).toBe(2);
    expect(transitions).toEqual(['acme:api.acme.test closed->open', 'acme:api.acme.test open->half-open', 'acme:api.acme.test half-open->closed']);
  });

  it("scrubs the issued token, not only the credentials, from a call's error", async () => {
    const token = 'opaque-token-7f3a9c2e1b';
    const client = createVendorClientWith(
      testProfile(loginAuth, 0),
      {
        apiKey: 'key-0a9b8c7d',
        logger: false,
        fetch: async (request: Request) => {
          if (new URL(request.url).pathname === '/login') return Response.json({ token, expires_at: Date.now() + 30 * MINUTE });
          // An API that echoes the request's token back in its error, with no label a pattern would know.
          return Response.json({ message: `access denied for ${request.headers.get('authorization')?.slice('Bearer '.length)}: missing scope` }, { status: 403 });
        },
      } as BaseClientOptions,
      tokenExchangeAuth,
      describeErrorBody,
    );
    const error = (await client.call(getThing, {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toContain('missing scope');
    for (const text of [renderingsOf(error), JSON.stringify(error.body)]) expect(text).not.toContain(token);
  });

  it("a client's refused login is the login's ApiError: one login per call, no retry, not counted by the breaker", async () => {
    const base = testProfile(loginAuth, 2);
    // A breaker that opens at half the attempts failing: were the calls counted as failures beside the logins' 401s, it would open.
    const policy = { ...base.policy, breaker: { consecutiveFailures: 100, cooldownMs: 60_000, failureRate: { threshold: 0.5, minimumCalls: 2, windowMs: 60_000 } } };
    const events: PolicyEvent[] = [];
    let logins = 0;
    let calls = 0;
    const client = createVendorClientWith(
      { ...base, policy },
      {
        apiKey: 'wrong-key-0a9b8c7d',
        logger: false,
        onEvent: (event) => events.push(event),
        fetch: async (request) => {
          if (new URL(request.url).pathname !== '/login') return (calls++, Response.json({ ok: true }));
          logins++;
          return Response.json({ code: 'credentials_invalid', message: 'Invalid API key' }, { status: 401 });
        },
      } as BaseClientOptions,
      tokenExchangeAuth,
      describeErrorBody,
    );
    for (let n = 1; n <= 3; n++) {
      const error = await client.call(getThing, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 401, operationId: 'Login', code: 'credentials_invalid' });
      expect(logins).toBe(n);
    }
    expect(calls).toBe(0);
    const attempts = events.filter((event) => event.type === 'attempt' && event.operationId === 'GetThing');
    expect(attempts.map((event) => (event as { attempt: number }).attempt)).toEqual([1, 1, 1]);
    expect(events.filter((event) => event.type === 'breaker')).toEqual([]);
  });

  it('through the manager, a failing login surfaces without credentials and is retried next call', async () => {
    let attempt = 0;
    const manager = createTokenManager({
      login: loginWithHeaders({
        url: 'https://api.test/login',
        headers: credentials,
        fetch: async () =>
          ++attempt === 1
            ? new Response(`rate limited for ${credentials['x-api-key']}`, { status: 429 })
            : new Response(JSON.stringify({ token: 'tok_ok', expires_at: Math.floor(Date.now() / 1000) + 1800 }), { status: 201 }),
      }),
    });
    const failure = await manager.getToken().catch((e: unknown) => e as Error);
    expect(String(failure)).toContain('429');
    expect(JSON.stringify(failure) + String(failure)).not.toContain(credentials['x-api-key']);
    expect(await manager.getToken()).toBe('tok_ok');
  });

  it('rejects a 2xx answer without a usable token', async () => {
    const login = loginWithHeaders({
      url: 'https://api.test/login',
      headers: credentials,
      fetch: async () => new Response('{"expires_at":"soon"}', { status: 201 }),
    });
    await expect(login(new AbortController().signal)).rejects.toThrow(/without a usable token/);
  });
});

describe('parseExpiry', () => {
  it.each([
    ['2021-06-11T09:53:53+0000', Date.UTC(2021, 5, 11, 9, 53, 53)],
    ['2021-06-11T11:53:53+0200', Date.UTC(2021, 5, 11, 9, 53, 53)],
    ['2021-06-11T09:53:53Z', Date.UTC(2021, 5, 11, 9, 53, 53)],
    [1_623_405_233, 1_623_405_233_000],
    ['1623405233', 1_623_405_233_000],
    [1_623_405_233_000, 1_623_405_233_000],
  ])('%s', (input, expected) => {
    expect(parseExpiry(input)).toBe(expected);
  });

  it('NaN for nonsense', () => {
    expect(parseExpiry('soon')).toBeNaN();
    expect(parseExpiry(undefined)).toBeNaN();
  });
});
