// Access tokens from a function (runtime/auth/token-source.ts), through clients the CLI generates
// from the hand-made access-token fixtures (test/fixtures/oauth-token/): the function is called on
// every attempt and its result sent as `Authorization: Bearer`, a bad result or a failing
// function fails the call naming the scheme and no token, access-token schemes sent together
// compare their tokens per attempt, and every recent token is scrubbed from errors, events and log
// lines. The emitted types and Prism's verdict on the function form are in oauth-token.test.ts,
// beside the string form's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../runtime/errors.ts';
import { RequestNotSentError } from '../../../runtime/policy/errors.ts';
import { jsonLogger } from '../../../runtime/log/logger.ts';
import { startCaptureServer, type CapturedRequest, type CaptureServer, type Responder } from '../../support/capture-server.ts';
import type { SpecProject } from './spec-project.ts';
import { createTokenProject } from './token-project.ts';

// Values with no recognisable shape: only the exact-value scrubbing can catch them.
const FIRST = 'fa-3c9e1b7d5a20';
const SECOND = 'fb-8d2f6a0c4e91';
const THIRD = 'fc-1e7b3d9f5c62';
const REFRESH = 'rf-6b0d4f8a2c37';

const quiet = { retry: false, rateLimit: false, breaker: false, logger: false } as const;
const retryOnce = { retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 } };

/** A token function that hands out `values` in turn (the last one thereafter) and counts its calls. */
function rotating(...values: string[]) {
  const fn = () => {
    fn.calls++;
    return values[Math.min(fn.calls, values.length) - 1]!;
  };
  fn.calls = 0;
  return fn;
}

/** `/me` answers 503 to the first request after `failNext` is set, 200 otherwise. */
let failNext = false;
const flaky: Responder = (request) => {
  if (request.path !== '/me' || !failNext) return undefined;
  failNext = false;
  return { status: 503, body: { message: 'try again' } };
};

const authorizations = (requests: CapturedRequest[]) => requests.map((r) => [r.path, r.headers.authorization]);

let project: SpecProject;
let server: CaptureServer;

beforeAll(async () => {
  server = await startCaptureServer({ responders: [flaky] });
  project = await createTokenProject('token-function');
}, 120_000);

afterAll(async () => {
  await server?.close();
  project?.remove();
});

beforeEach(() => {
  failNext = false;
  server.take();
});

const tokens = () => project.vendors.tokens!;
const oidcOnly = () => project.vendors.oidconly!;
const me = (client: unknown) => oidcOnly().operation('GET', '/me')(client, {});

describe('on the wire', () => {
  it('sends the function token as Bearer and calls the function once per attempt: a 503-then-200 call carries the second token', async () => {
    const token = rotating(FIRST, SECOND);
    const client = oidcOnly().create({ ...quiet, ...retryOnce, baseUrl: server.url, accessToken: token });
    failNext = true;
    await me(client);
    expect(token.calls).toBe(2);
    expect(authorizations(server.take())).toEqual([
      ['/me', `Bearer ${FIRST}`],
      ['/me', `Bearer ${SECOND}`],
    ]);
  });

  it('keeps no token itself: every call asks the function again (auth.<scheme> form)', async () => {
    const token = rotating(FIRST, SECOND, THIRD);
    const client = oidcOnly().create({ ...quiet, baseUrl: server.url, auth: { login: token } });
    for (let i = 0; i < 3; i++) await me(client);
    expect(token.calls).toBe(3);
    expect(authorizations(server.take()).map(([, a]) => a)).toEqual([`Bearer ${FIRST}`, `Bearer ${SECOND}`, `Bearer ${THIRD}`]);
  });

  it('awaits an async function, for an access-token scheme and for the ready-token form of a client-credentials scheme', async () => {
    const client = tokens().create({
      ...quiet,
      baseUrl: server.url,
      auth: { oidc: async () => FIRST, partner: () => Promise.resolve(SECOND) },
    });
    await tokens().operation('GET', '/oidc')(client, {});
    await tokens().operation('GET', '/partner')(client, {});
    // No token request: a ready token, even from a function, is sent as given.
    expect(authorizations(server.take())).toEqual([
      ['/oidc', `Bearer ${FIRST}`],
      ['/partner', `Bearer ${SECOND}`],
    ]);
  });
});

describe('a bad token or a failing function', () => {
  /** What the call rejected with: the auth error itself, passed through by the pipeline. */
  async function failure(token: unknown, options: object = {}) {
    const client = oidcOnly().create({ ...quiet, ...options, baseUrl: server.url, accessToken: token });
    const error = (await me(client).catch((e: unknown) => e)) as Error & { cause?: Error };
    const text = `${String(error)} ${String(error.cause)} ${JSON.stringify(error)} ${error.stack} ${error.cause?.stack}`;
    return { error, text };
  }

  it.each([
    ['an empty string', () => '', 'oidconly: the result of the accessToken option (scheme login) is missing or empty'],
    ['no string', async () => 42, 'oidconly: the result of the accessToken option (scheme login) is missing or empty'],
    ['a line break', () => `${FIRST}\r\nX-Injected: 1`, 'oidconly: the result of the accessToken option (scheme login) contains a character it cannot carry on the wire'],
    ['a NUL', async () => `${FIRST}\0`, 'oidconly: the result of the accessToken option (scheme login) contains a character it cannot carry on the wire'],
  ])('%s fails the call before anything is sent, naming the scheme and not the value', async (_, token, message) => {
    const { error, text } = await failure(token);
    expect(error).toBeInstanceOf(RequestNotSentError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(message);
    expect(text).not.toContain(FIRST);
    expect(server.take()).toEqual([]);
  });

  it.each([
    ['throws', () => { throw new Error(`refresh token ${REFRESH} expired`); }],
    ['rejects', () => Promise.reject(new Error(`refresh token ${REFRESH} expired`))],
  ])('a function that %s fails the call naming the scheme; its own error, which may quote a credential, is left out', async (_, token) => {
    const { error, text } = await failure(token);
    expect(error).toBeInstanceOf(RequestNotSentError);
    expect(error.message).toBe('oidconly: the accessToken option (scheme login) threw instead of returning a token (its error is left out, as it may quote a credential)');
    expect(text).not.toContain(REFRESH);
    expect(server.take()).toEqual([]);
  });

  it('names auth.<scheme> when the function was given there; a value that is neither a string nor a function fails at creation', async () => {
    const client = tokens().create({ ...quiet, baseUrl: server.url, auth: { oidc: () => '' } });
    const error = (await tokens().operation('GET', '/oidc')(client, {}).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('tokens: the result of auth.oidc is missing or empty');
    expect(() => tokens().create({ ...quiet, baseUrl: server.url, auth: { oidc: 42 } })).toThrow('tokens: auth.oidc is missing or empty');
  });

  it('is not retried, even where the operation may be resent, and is not counted by the breaker; the next call calls the function again', async () => {
    let calls = 0;
    const token = () => (++calls <= 3 ? '' : SECOND);
    const events: { type: string; to?: string }[] = [];
    const client = oidcOnly().create({
      ...quiet,
      ...retryOnce,
      breaker: { consecutiveFailures: 2, cooldownMs: 60_000 },
      onEvent: (e: { type: string; to?: string }) => events.push(e),
      baseUrl: server.url,
      accessToken: token,
    });
    for (let i = 0; i < 3; i++) await expect(me(client)).rejects.toBeInstanceOf(RequestNotSentError);
    expect(calls).toBe(3);
    expect(server.take()).toEqual([]);
    // Three refusals in a row with a breaker that opens after two failures: it stayed closed.
    expect(events.filter((e) => e.type === 'breaker')).toEqual([]);
    await me(client);
    expect(authorizations(server.take())).toEqual([['/me', `Bearer ${SECOND}`]]);
  });
});

describe('access-token schemes sent together (one Authorization header)', () => {
  const both = (auth: object) => tokens().operation('GET', '/browser-and-oidc')(tokens().create({ ...quiet, baseUrl: server.url, auth }), {});

  it('one function given for both is called once per attempt', async () => {
    const token = rotating(FIRST, SECOND);
    await both({ browser: token, oidc: token });
    expect(token.calls).toBe(1);
    expect(authorizations(server.take())).toEqual([['/browser-and-oidc', `Bearer ${FIRST}`]]);
  });

  it('two functions, or a function and a string, are sent when their tokens are equal in that attempt', async () => {
    const a = rotating(FIRST);
    const b = rotating(FIRST);
    await both({ browser: a, oidc: b });
    await both({ browser: FIRST, oidc: rotating(FIRST) });
    await both({ browser: rotating(FIRST), oidc: FIRST });
    expect([a.calls, b.calls]).toEqual([1, 1]);
    expect(authorizations(server.take()).map(([, v]) => v)).toEqual(Array(3).fill(`Bearer ${FIRST}`));
  });

  it.each<[string, Record<string, string | (() => string)>, string]>([
    ['two functions', { browser: () => FIRST, oidc: () => SECOND }, 'the result of auth.oidc'],
    ['a string and a function', { browser: FIRST, oidc: () => SECOND }, 'the result of auth.oidc'],
    ['a function and a string', { browser: () => FIRST, oidc: SECOND }, 'the result of auth.browser'],
  ])('%s with different tokens fail the call before sending, naming a scheme and neither token', async (_, auth, named) => {
    const error = (await both(auth).catch((e: unknown) => e)) as Error & { cause?: Error };
    expect(error).toBeInstanceOf(RequestNotSentError);
    expect(error.message).toBe(
      `tokens: ${named} differs from the Authorization header this attempt already carries (set for another scheme sent with it, or by the call's own headers); schemes that share the header need the same token`,
    );
    expect(`${String(error)} ${String(error.cause)} ${JSON.stringify(error)}`).not.toMatch(new RegExp(`${FIRST}|${SECOND}`));
    expect(server.take()).toEqual([]);
  });
});

describe('redaction', () => {
  it('scrubs the function token from an ApiError whose body echoes it', async () => {
    const echo: Responder = (request) => ({ status: 400, body: { message: `rejected ${(request.headers.authorization ?? '').replace(/^Bearer /, '')}` } });
    const echoing = await startCaptureServer({ responders: [echo] });
    try {
      for (const token of [rotating(FIRST), async () => SECOND]) {
        const error = await me(oidcOnly().create({ ...quiet, baseUrl: echoing.url, accessToken: token })).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ApiError);
        const shown = JSON.stringify({ message: (error as ApiError).message, body: (error as ApiError).body, text: String(error) });
        expect(shown).toContain('rejected [REDACTED]');
        expect(shown).not.toMatch(new RegExp(`${FIRST}|${SECOND}`));
      }
    } finally {
      await echoing.close();
    }
  });

  it('scrubs every token the function returned recently from the error, the events and the log lines when the transport fails quoting it', async () => {
    const lines: string[] = [];
    const events: unknown[] = [];
    const token = rotating(FIRST, SECOND, THIRD);
    const client = oidcOnly().create({
      ...quiet,
      baseUrl: server.url,
      accessToken: token,
      retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 },
      logger: jsonLogger({ level: 'debug', write: (line) => lines.push(line) }),
      onEvent: (event: unknown) => events.push(event),
      fetch: async (request: Request) => {
        // The bare token, not `Bearer …`, which the pattern redactor would catch without being told.
        throw new TypeError(`connect ECONNREFUSED ${request.url} ${request.headers.get('authorization')?.replace(/^Bearer /, '')}`);
      },
    });
    const error = (await me(client).catch((e: unknown) => e)) as Error;
    // One attempt per token: the GET is resent after each network error.
    expect(token.calls).toBe(3);
    const cause = String((error as { cause?: unknown }).cause);
    expect(cause).toMatch(/ECONNREFUSED http:\/\/127\.0\.0\.1:\d+\/me \[REDACTED\]$/);
    const failed = events.filter((e) => (e as { type: string }).type === 'attempt');
    expect(failed).toHaveLength(3);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const reported = `${error.message} ${cause} ${JSON.stringify(error)} ${JSON.stringify(events)} ${lines.join('\n')}`;
    for (const secret of [FIRST, SECOND, THIRD]) expect(reported).not.toContain(secret);
  });
});
