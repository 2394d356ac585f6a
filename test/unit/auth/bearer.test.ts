import { describe, expect, it } from 'vitest';
import { withBearerAuth } from '../../../runtime/auth/bearer.ts';

function recorder() {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request);
    return new Response(null, { status: 204 });
  };
  return { seen, fetch };
}

describe('withBearerAuth', () => {
  it('sets Authorization: Bearer <key>, replacing any caller value, keeping other headers and the body', async () => {
    const { seen, fetch } = recorder();
    const call = withBearerAuth(fetch, 'sk_test_abc123');
    await call(new Request('https://api.test/v1/x', { method: 'POST', body: 'a=1', headers: { Authorization: 'Basic old', 'Acme-Version': '2023-08-16' } }));
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer sk_test_abc123');
    expect(seen[0]!.headers.get('acme-version')).toBe('2023-08-16');
    expect(await seen[0]!.text()).toBe('a=1');
  });

  it("passes the attempt's init (signal, buffered body) on to the transport", async () => {
    const inits: unknown[] = [];
    const call = withBearerAuth(async (_request, init) => (inits.push(init), new Response(null, { status: 204 })), 'sk_test_abc123');
    const init = { signal: new AbortController().signal, body: new TextEncoder().encode('a=1').buffer };
    await call(new Request('https://api.test/v1/x', { method: 'POST', body: 'a=1' }), init);
    expect(inits).toEqual([init]);
    expect(inits[0]).toBe(init);
  });

  it('reads the key per request from a function', async () => {
    const { seen, fetch } = recorder();
    let n = 0;
    const call = withBearerAuth(fetch, async () => `SG.key${++n}abcdef`);
    await call(new Request('https://api.test/a'));
    await call(new Request('https://api.test/b'));
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual(['Bearer SG.key1abcdef', 'Bearer SG.key2abcdef']);
  });

  it('refuses a missing key or one with a line break, without echoing it', async () => {
    const { seen, fetch } = recorder();
    await expect(withBearerAuth(fetch, '')(new Request('https://api.test/'))).rejects.toThrow(/missing/);
    const injected = 'sk_live_zzz\r\nX-Evil: 1';
    const error = await withBearerAuth(fetch, injected)(new Request('https://api.test/')).catch((e: Error) => e);
    expect(String(error)).toMatch(/line break/);
    expect(String(error)).not.toContain('sk_live_zzz');
    expect(seen).toHaveLength(0);
  });
});
